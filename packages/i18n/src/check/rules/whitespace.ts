import type { LocaleFile, Entry } from '../../project/project.js';
import type { RuleContext } from '../context.js';
import type { Rule } from './rule.js';

const LEADING = /^[\s\u3000]+/u;
const TRAILING = /[\s\u3000]+$/u;
const DOUBLED = /(?<=\S)[ \u00A0\u3000]{2,}(?=\S)/gu;
const HAS_DOUBLED = /(?<=\S)[ \u00A0\u3000]{2,}(?=\S)/u;

/** Leading, trailing or doubled spaces that the source does not have. */
export const whitespace: Rule = {
  id: 'whitespace',
  run(ctx) {
    for (const ns of ctx.namespaces) {
      const source = ctx.sourceFile(ns);
      if (source !== undefined) {
        for (const entry of source.entries.values()) {
          if (typeof entry.value === 'string') checkOne(ctx, source, entry, entry.value, undefined);
        }
      }
      for (const pair of ctx.pairs(ns)) checkOne(ctx, pair.file, pair.entry, pair.value, pair.sourceValue);
    }
  },
};

function checkOne(ctx: RuleContext, file: LocaleFile, entry: Entry, value: string, source: string | undefined): void {
  if (value.trim() === '') return; // `empty` reports it
  const report = (index: number, message: string, hint: string) =>
    ctx.report({ file, offset: file.valueOffset(entry, index), key: entry.key, message, hint });
  if (LEADING.test(value) && (source === undefined || !LEADING.test(source))) {
    report(0, 'the text starts with a space', 'Delete the space at the start (the page adds spacing itself).');
  }
  const t = TRAILING.exec(value);
  if (t !== null && (source === undefined || !TRAILING.test(source))) {
    report(t.index, 'the text ends with a space', 'Delete the space at the end.');
  }
  if (value.includes('  ') || /[\u00A0\u3000]/u.test(value)) {
    if (source !== undefined && HAS_DOUBLED.test(source)) return;
    for (const m of value.matchAll(DOUBLED)) {
      report(m.index, 'doubled space', 'Replace the spaces with one.');
    }
  }
}
