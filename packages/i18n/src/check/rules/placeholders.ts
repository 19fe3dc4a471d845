import { parsePluralKey, stringValue } from '../../project/keys.js';
import type { Entry, LocaleFile } from '../../project/project.js';
import type { RuleContext } from '../context.js';
import { closest, scan } from '../text.js';
import type { Rule } from './rule.js';

/**
 * The same interpolation names as the source (format options may differ); no unknown names;
 * `$t(…)` nesting pointing at keys that exist, without cycles. In paragraphs of a core document
 * the `facts` rule checks the slots against the core instead.
 */
export const placeholders: Rule = {
  id: 'placeholders',
  run(ctx) {
    for (const ns of ctx.namespaces) {
      const paragraphs = ctx.paragraphs(ns);
      for (const pair of ctx.pairs(ns)) {
        const t = scan(pair.value);
        const s = scan(pair.sourceValue);
        const plural = parsePluralKey(pair.entry.key) !== undefined;
        if (!paragraphs.has(pair.entry.key)) {
          const sourceNames = new Map(s.interpolations.map((i) => [i.name, i]));
          const names = new Set(t.interpolations.map((i) => i.name));
          for (const [name, i] of sourceNames) {
            if (names.has(name) || (plural && name === 'count')) continue;
            ctx.report({
              file: pair.file,
              offset: pair.file.valueOffset(pair.entry, 0),
              key: pair.entry.key,
              message: `missing {{${name}}}: the source has ${i.raw}`,
              hint: `Put ${i.raw} where it belongs in the sentence (the name must stay "${name}"; format options may change).`,
            });
          }
          for (const i of t.interpolations) {
            if (sourceNames.has(i.name) || (plural && i.name === 'count')) continue;
            const near = closest(i.name, sourceNames.keys());
            ctx.report({
              file: pair.file,
              offset: pair.file.valueOffset(pair.entry, i.start),
              key: pair.entry.key,
              message: `unknown interpolation {{${i.name}}}: the source has no such name${near === undefined ? '' : ` (did you mean {{${near}}}?)`}`,
              hint:
                near === undefined
                  ? `Use only the source's names: ${[...sourceNames.keys()].map((n) => `{{${n}}}`).join(', ') || 'none'}. The value is filled in by the program, not typed.`
                  : `Rename it to {{${near}}}: interpolation names are never translated.`,
            });
          }
        }
        // Unescaped interpolation where the source escapes.
        for (const i of t.interpolations) {
          const si = s.interpolations.find((x) => x.name === i.name);
          if (i.unescaped && si !== undefined && !si.unescaped) {
            ctx.report({
              file: pair.file,
              offset: pair.file.valueOffset(pair.entry, i.start),
              key: pair.entry.key,
              message: `{{- ${i.name}}} inserts the value without HTML escaping; the source escapes it`,
              hint: `Write {{${i.name}…}} without the "-".`,
            });
          }
        }
        // Nesting parity (a translation may inline the nested text, so only a warning).
        const sourceNests = new Set(s.nestings.map((n) => n.key));
        const nests = new Set(t.nestings.map((n) => n.key));
        for (const k of sourceNests) {
          if (nests.has(k)) continue;
          ctx.report({
            severity: 'warning',
            file: pair.file,
            offset: pair.file.valueOffset(pair.entry, 0),
            key: pair.entry.key,
            message: `the source nests $t(${k}); this text does not`,
            hint: `Use $t(${k}) as the source does, unless the text is deliberately written out.`,
          });
        }
      }
      checkNesting(ctx, ns);
    }
    checkCycles(ctx);
  },
};

function resolveNested(ctx: RuleContext, locale: string, ns: string, key: string): { ns: string; key: string; exists: boolean } {
  const colon = key.indexOf(':');
  const targetNs = colon === -1 ? ns : key.slice(0, colon);
  const targetKey = colon === -1 ? key : key.slice(colon + 1);
  const file = ctx.usable(locale, targetNs);
  const exists = file !== undefined && (file.entries.has(targetKey) || ctx.logical(file).has(targetKey));
  return { ns: targetNs, key: targetKey, exists };
}

function checkNesting(ctx: RuleContext, ns: string): void {
  for (const locale of ctx.project.locales) {
    const file = ctx.usable(locale, ns);
    if (file === undefined) continue;
    for (const entry of file.entries.values()) {
      const v = stringValue(entry);
      if (v === undefined || !v.includes('$t(')) continue;
      for (const n of scan(v).nestings) {
        const r = resolveNested(ctx, locale, ns, n.key);
        if (r.exists) continue;
        const targetFile = ctx.project.file(locale, r.ns);
        if (targetFile !== undefined && !targetFile.usable) continue; // syntax reports that file
        ctx.report({
          file,
          offset: file.valueOffset(entry, n.start),
          key: entry.key,
          message: `$t(${n.key}) points at a key that ${locale} does not have (${r.ns}:${r.key})`,
          hint: 'Fix the key name (namespace:key.path), or add the key it points at.',
        });
      }
    }
  }
}

interface Edge {
  readonly to: string;
  readonly file: LocaleFile;
  readonly entry: Entry;
  readonly start: number;
  readonly raw: string;
}

function checkCycles(ctx: RuleContext): void {
  for (const locale of ctx.project.locales) {
    const graph = new Map<string, Edge[]>();
    for (const ns of ctx.namespaces) {
      const file = ctx.usable(locale, ns);
      if (file === undefined) continue;
      for (const entry of file.entries.values()) {
        const v = stringValue(entry);
        if (v === undefined || !v.includes('$t(')) continue;
        const p = parsePluralKey(entry.key);
        const from = `${ns}:${p !== undefined && ctx.logical(file).has(p.base) ? p.base : entry.key}`;
        for (const n of scan(v).nestings) {
          const r = resolveNested(ctx, locale, ns, n.key);
          const list = graph.get(from) ?? [];
          list.push({ to: `${r.ns}:${r.key}`, file, entry, start: n.start, raw: n.raw });
          graph.set(from, list);
        }
      }
    }
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 1);
      stack.push(node);
      for (const e of graph.get(node) ?? []) {
        const s = state.get(e.to);
        if (s === 1) {
          const cycle = [...stack.slice(stack.indexOf(e.to)), e.to];
          ctx.report({
            file: e.file,
            offset: e.file.valueOffset(e.entry, e.start),
            key: e.entry.key,
            message: `${e.raw} makes a cycle: ${cycle.join(' → ')}`,
            hint: 'A nested key must not (even indirectly) nest the key it is in: write one of them out.',
          });
        } else if (s === undefined) visit(e.to);
      }
      stack.pop();
      state.set(node, 2);
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
  }
}
