import { pluralCategories, type Logical } from '../../model/keys.js';
import type { LocaleFile } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { defineRule } from '../rule.js';

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

/** ICU messages: each `plural` and `selectordinal` has the options of the file's language. */
function icuOptions(ctx: NamespaceContext): void {
  for (const { file, entry, value } of ctx.strings()) {
    if (!value.includes('{')) continue;
    for (const c of ctx.scan(value).icu?.choices ?? []) {
      if (c.type === 'select') continue;
      const ordinal = c.type === 'selectordinal';
      const required = pluralCategories(file.locale, ordinal);
      const at = { file, offset: file.valueOffset(entry, c.start), key: entry.key };
      const words = c.options.filter((o) => !o.startsWith('='));
      const extra = words.filter(
        (o) => !(required as readonly string[]).includes(o) && o !== 'zero',
      );
      const lacks = required.filter((o) => !words.includes(o));
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
      if (lacks.length === 0) continue;
      const example = (o: string) => `"${o}" (${ctx.keys.examples(file.locale, o, ordinal)})`;
      ctx.report({
        ...at,
        message: `${head} lacks the option${lacks.length > 1 ? 's' : ''} ${lacks.map(example).join(', ')} that ${file.locale} uses`,
        hint: `Add ${lacks.map((o) => `${o} {…}`).join(' ')} with the text for those numbers (without it, they show the "other" text).`,
      });
    }
  }
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
