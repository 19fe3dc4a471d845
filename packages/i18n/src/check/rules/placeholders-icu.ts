import type { NamespaceContext, Pair } from '../context.js';
import type { Scanned } from '../scan.js';
import { closest } from '../strings.js';

/**
 * ICU messages (i18next-icu) against their source: the message parses; the same arguments (a
 * plural's `count` may be left out of a form, as in `one {one day}`); select options as in the
 * source. Plural options are the `plurals` rule's (they follow the language, not the source).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule's context
export function checkIcu(ctx: NamespaceContext<any>, pair: Pair, t: Scanned, s: Scanned): void {
  const at = (offset: number) => ({
    file: pair.file,
    offset: pair.file.valueOffset(pair.entry, offset),
    key: pair.entry.key,
  });
  if (t.icu === undefined || s.icu === undefined || s.icu.error !== undefined) return;
  if (t.icu.error !== undefined) {
    ctx.report({
      ...at(t.icu.error.offset),
      message: `not a valid ICU message: ${t.icu.error.message}; i18next-icu cannot show it`,
      hint: 'Write it as the source does: {name} for a value, {count, plural, one {…} other {…}} for a plural, with every brace closed.',
    });
    return;
  }
  const mine = t.icu.args;
  const theirs = s.icu.args;
  const plural = (name: string) =>
    theirs.get(name) === 'plural' || theirs.get(name) === 'selectordinal';
  for (const name of theirs.keys()) {
    if (mine.has(name)) continue;
    ctx.report({
      ...at(0),
      message: `missing {${name}}: the source has {${name}}`,
      hint: `Put {${name}} where it belongs in the sentence (the name must stay "${name}").`,
    });
  }
  for (const name of mine.keys()) {
    if (theirs.has(name) || plural(name)) continue;
    const near = closest(name, theirs.keys());
    ctx.report({
      ...at(0),
      message: `unknown argument {${name}}: the source has no such name${near === undefined ? '' : ` (did you mean {${near}}?)`}`,
      hint:
        near === undefined
          ? `Use only the source's arguments: ${[...theirs.keys()].map((n) => `{${n}}`).join(', ') || 'none'}.`
          : `Rename it to {${near}}: argument names are never translated.`,
    });
  }
  const sourceSelects = new Map(
    s.icu.choices.filter((c) => c.type === 'select').map((c) => [c.name, c.options] as const),
  );
  for (const c of t.icu.choices) {
    const options = c.type === 'select' ? sourceSelects.get(c.name) : undefined;
    if (options === undefined) continue;
    const lacks = options.filter((o) => !c.options.includes(o));
    const extra = c.options.filter((o) => !options.includes(o));
    if (lacks.length === 0 && extra.length === 0) continue;
    ctx.report({
      ...at(c.start),
      message:
        lacks.length > 0
          ? `{${c.name}, select} lacks the option${lacks.length > 1 ? 's' : ''} ${lacks.map((o) => `"${o}"`).join(', ')} of the source (${options.join(', ')})`
          : `{${c.name}, select} has the option${extra.length > 1 ? 's' : ''} ${extra.map((o) => `"${o}"`).join(', ')}, which the source does not (${options.join(', ')})`,
      hint: 'Give the select the same options as the source: the program picks one by its value, never by a translated name.',
    });
  }
}
