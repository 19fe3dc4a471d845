import { pluralCategories, stringValue, type Logical } from '../../model/keys.js';
import type { LocaleFile } from '../../model/types.js';
import type { NamespaceContext, StringEntry } from '../context.js';
import { defineRule } from '../rule.js';
import { cldrCounts } from '../plural-keys.js';

type Family = Extract<Logical, { kind: 'plural' }>;

/**
 * Exactly the plural forms the project's i18next reads in each file's language: the CLDR
 * categories (`_one`, `_few`, … and the optional `_zero`) with JSON v4, i18next's own suffixes
 * with v3 (`key`/`key_plural`, or `key_0`…`key_5`).
 */
export const plurals = defineRule({
  meta: {
    id: 'plurals',
    severity: 'error',
    needsCore: false,
    description:
      "Exactly the plural forms i18next reads in the file's language: CLDR's (`_one`, `_few`, …) with JSON v4, `_plural` or `_0`…`_5` with `compatibilityJSON: 'v3'`; a form i18next never reads is an error (info where the language has one form).",
  },
  namespace(ctx) {
    if (ctx.i18next.format === 'icu') icuOptions(ctx);
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const l of ctx.logical(file).values()) {
        if (l.kind === 'plural') family(ctx, file, l);
      }
    }
  },
});

/**
 * ICU messages: each `plural` and `selectordinal` has the options of the file's language, where
 * they matter. The source decides whether the text varies with the number: a source choice with
 * only `other` (in a source language that has more) says it does not, and nothing is required of
 * any file. A category whose whole counts (0–1000) the message's `=n` options all cover is not
 * needed; one used only for fractions or for a million and more (`many` in es, fr, it, pt; in cs)
 * is only noted (info). The source file is held to its own language only.
 */
function icuOptions(ctx: NamespaceContext): void {
  const sourceFile = ctx.sourceFile();
  const strings = ctx.strings();
  for (let i = 0; i < strings.length; i++) {
    const { file, entry, value } = strings[i] as StringEntry;
    if (!value.includes('{')) continue;
    const choices = ctx.scan(value, entry).icu?.choices ?? [];
    if (choices.length === 0) continue;
    const sourceEntry = sourceFile?.entries.get(entry.key);
    const sourceValue = stringValue(sourceEntry);
    const sourceChoices =
      sourceValue === undefined ? [] : (ctx.scan(sourceValue, sourceEntry).icu?.choices ?? []);
    for (const c of choices) {
      if (c.type === 'select') continue;
      const ordinal = c.type === 'selectordinal';
      const required = pluralCategories(file.locale, ordinal);
      const at = { file, offset: file.valueOffset(entry, c.start), key: entry.key };
      const words = c.options.filter((o) => !o.startsWith('='));
      const extra = words.filter(
        (o) => !(required as readonly string[]).includes(o) && o !== 'zero',
      );
      const head = `{${c.name}, ${c.type}}`;
      const quote = (os: readonly string[]) => os.map((o) => `"${o}"`).join(', ');
      if (extra.length > 0) {
        const single = required.length === 1;
        ctx.report({
          ...at,
          ...(single ? { severity: 'info' as const } : {}),
          message: `${head} has the option${extra.length > 1 ? 's' : ''} ${quote(extra)}: ${file.locale} has only ${quote(required)}; i18next-icu never uses ${extra.length > 1 ? 'them' : 'it'}`,
          hint: `It can go; ${file.locale} uses ${quote(required)}.`,
        });
      }
      const source = sourceChoices.find((x) => x.name === c.name && x.type === c.type);
      if (source !== undefined && invariant(source.options, ctx.project.sourceLocale, ordinal))
        continue;
      const exact = new Set(
        c.options.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1))),
      );
      const lacks = required.filter((o) => !words.includes(o));
      const everyday: string[] = [];
      const rare: string[] = [];
      for (const o of lacks) {
        const counts = cldrCounts(file.locale, o, ordinal);
        if (counts.length === 0) rare.push(o);
        else if (counts.some((n) => !exact.has(n))) everyday.push(o);
      }
      const example = (o: string) => `"${o}" (${ctx.keys.examples(file.locale, o, ordinal)})`;
      const add = (os: readonly string[]) => `Add ${os.map((o) => `${o} {…}`).join(' ')}`;
      // Where "other" has no whole counts of its own (pl, ru, uk: only fractions), an "other"
      // standing in for one missing category is that category's text: "# opcji" for 0, 5, 6, ….
      const [alone] = everyday;
      if (
        alone !== undefined &&
        everyday.length === 1 &&
        words.includes('other') &&
        cldrCounts(file.locale, 'other', ordinal).length === 0
      ) {
        everyday.length = 0;
        ctx.report({
          ...at,
          severity: 'info',
          message: `${head} has no option ${example(alone)}: its "other" text, which ${file.locale} uses otherwise only for fractions, is shown for those numbers`,
          hint: `Nothing to fix if the "other" text is right for ${ctx.keys.examples(file.locale, alone, ordinal)}; ${add([alone]).toLowerCase()} to say so explicitly.`,
        });
      }
      if (everyday.length > 0)
        ctx.report({
          ...at,
          message: `${head} lacks the option${everyday.length > 1 ? 's' : ''} ${everyday.map(example).join(', ')} that ${file.locale} uses`,
          hint: `${add(everyday)} with the text for those numbers (without it, they show the "other" text).`,
        });
      if (rare.length > 0)
        ctx.report({
          ...at,
          severity: 'info',
          message: `${head} lacks the option${rare.length > 1 ? 's' : ''} ${rare.map(example).join(', ')}, which ${file.locale} uses only for such numbers (they show the "other" text)`,
          hint: `${add(rare)} if the number can be that large (or a fraction); otherwise nothing to do.`,
        });
    }
  }
}

/**
 * Whether a source choice says its text does not vary with the number: only `other`, in a source
 * language that has more categories than `other`.
 */
function invariant(options: readonly string[], sourceLocale: string, ordinal: boolean): boolean {
  if (pluralCategories(sourceLocale, ordinal).length < 2) return false;
  return options.every((o) => o === 'other');
}

function family(ctx: NamespaceContext, file: LocaleFile, l: Family): void {
  const keys = ctx.keys;
  const locale = file.locale;
  const required = keys.required(locale, l.ordinal);
  const key = (c: string) => keys.formKey(l.base, l.ordinal, c);
  const example = (c: string) => keys.examples(locale, c, l.ordinal);
  // v3: `_plural` where i18next reads numbered forms: one finding says it all.
  const stray = keys.v3 && !required.includes('plural') ? l.forms.get('plural') : undefined;
  if (stray !== undefined && required.length > 1) {
    const forms = required.map((c) => `${key(c)} for ${example(c)}`).join(', ');
    ctx.report({
      file,
      offset: stray.keyOffset,
      key: stray.key,
      message: `"${stray.key}" is never read: i18next (compatibilityJSON v3) reads ${forms} in ${locale}, and shows "${l.base}" for every count without them`,
      hint: `Rename "${stray.key}" to ${required.map(key).join(', ')} with the text for each group of numbers.`,
    });
    return;
  }
  for (const [category, entry] of l.forms) {
    if (required.includes(category) || (!keys.v3 && category === 'zero')) continue;
    if (keys.v3 && category === '') continue; // the bare key: read without a count, and as fallback
    const single = keys.single(locale, l.ordinal);
    ctx.report({
      ...(single ? { severity: 'info' as const } : {}),
      file,
      offset: entry.keyOffset,
      key: entry.key,
      message: single
        ? keys.v3
          ? `"${entry.key}": ${locale} has one form for every count in i18next v3; i18next never reads this one`
          : `"${entry.key}": ${locale} has only the "other" plural form; i18next never reads this one`
        : `"${entry.key}": ${locale} has no "${category}" plural form (its forms: ${required.map((c) => (c === '' ? l.base : c)).join(', ')})`,
      hint: single
        ? `It can go; ${locale} uses ${required.map(key).join(', ')} for every number.`
        : `Delete it; ${locale} uses ${required.map(key).join(', ')}.`,
    });
  }
  for (const category of required) {
    if (l.forms.has(category)) continue;
    const name = key(category);
    const other = l.forms.get(keys.v3 ? 'plural' : 'other') ?? l.entry;
    ctx.report({
      file,
      offset: other.keyOffset,
      key: name,
      message: keys.v3
        ? `missing plural form "${name}" (i18next v3 uses it in ${locale} for ${example(category)})`
        : `missing plural form "${name}" (${locale} uses "${category}" for ${example(category)})`,
      hint: `Add "${name}" next to the other forms, with the text for ${example(category)}.`,
    });
  }
}
