import { formKey, pluralCategories } from '../../model/keys.js';
import { defineRule } from '../rule.js';

/**
 * Example numbers per locale and category: a pure function of Node's Intl plural rules, memoised
 * for the life of the process (the same in every run).
 */
const examples = new Map<string, string>();

/** A few numbers that take a category, e.g. uk `few` → "2, 3, 4, 22, …". */
function exampleNumbers(locale: string, category: string, ordinal = false): string {
  const cacheKey = `${locale}|${category}|${ordinal}`;
  let out = examples.get(cacheKey);
  if (out === undefined) {
    let rules: Intl.PluralRules;
    try {
      rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
    } catch {
      rules = new Intl.PluralRules('en');
    }
    const found: number[] = [];
    for (let n = 0; n <= 200 && found.length < 5; n++)
      if (rules.select(n) === category) found.push(n);
    if (found.length === 0 && category === 'other') found.push(1.5);
    out = `${found.join(', ')}${found.length === 5 ? ', …' : ''}`;
    examples.set(cacheKey, out);
  }
  return out;
}

/** Exactly the CLDR plural categories of each file's language (plus the optional i18next `_zero`). */
export const plurals = defineRule({
  meta: {
    id: 'plurals',
    severity: 'error',
    needsCore: false,
    description: "Exactly the CLDR plural forms of the file's language (`_one`, `_few`, …).",
  },
  namespace(ctx) {
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const l of ctx.logical(file).values()) {
        if (l.kind !== 'plural') continue;
        const required = pluralCategories(locale, l.ordinal);
        for (const [category, entry] of l.forms) {
          if ((required as readonly string[]).includes(category) || category === 'zero') continue;
          ctx.report({
            file,
            offset: entry.keyOffset,
            key: entry.key,
            message: `"${entry.key}": ${locale} has no "${category}" plural form (its forms: ${required.join(', ')})`,
            hint: `Delete it; ${locale} uses ${required.map((c) => formKey(l.base, l.ordinal, c)).join(', ')}.`,
          });
        }
        for (const category of required) {
          if (l.forms.has(category)) continue;
          const key = formKey(l.base, l.ordinal, category);
          const other = l.forms.get('other') ?? l.entry;
          ctx.report({
            file,
            offset: other.keyOffset,
            key,
            message: `missing plural form "${key}" (${locale} uses "${category}" for ${exampleNumbers(locale, category, l.ordinal)})`,
            hint: `Add "${key}" next to the other forms, with the text for ${exampleNumbers(locale, category, l.ordinal)}.`,
          });
        }
      }
    }
  },
});
