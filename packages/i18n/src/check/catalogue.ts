import type { RuleMeta } from './rule.js';

/**
 * The built-in rules' metadata, for what must not load the rules themselves (the CLI's help
 * starts in a few milliseconds; the rules load the core's queries and an HTML tokenizer). Each
 * rule's own `meta` is the source: test/rules/catalogue.test.ts fails when this list disagrees
 * with them, and rewrites it with `UPDATE_CATALOGUE=1`.
 */
export type RuleInfo = Omit<RuleMeta, 'options'>;

// prettier-ignore
export const RULES: readonly RuleInfo[] = [
  {
    id: 'syntax',
    severity: 'error',
    needsCore: false,
    description: 'The file is valid UTF-8 JSON without a BOM, duplicate keys or non-string values (a null is reported by `empty`).',
  },
  {
    id: 'missing',
    severity: 'error',
    needsCore: false,
    description: 'Every key of the source, every text the core declares and every key the site declares it uses is present.',
  },
  {
    id: 'obsolete',
    severity: 'warning',
    needsCore: false,
    description: 'No key that the source (or the core) no longer has.',
  },
  {
    id: 'empty',
    severity: 'error',
    needsCore: false,
    description: 'No empty text where the source has text (with returnEmptyString: false, an empty translation falls back: `untranslated` reports it), and no null (it falls back like a missing key, or with returnNull: true shows nothing).',
  },
  {
    id: 'plurals',
    severity: 'error',
    needsCore: false,
    description: "Exactly the plural forms i18next reads in the file's language: CLDR's (`_one`, `_few`, …) with JSON v4, `_plural` or `_0`…`_5` with `compatibilityJSON: 'v3'`; a form i18next never reads is an error (info where the language has one form).",
  },
  {
    id: 'placeholders',
    severity: 'error',
    needsCore: false,
    description: "The same {{interpolations}} as the source (with the project's delimiters, or ICU {arguments} and select options with i18next-icu), each as often (else a warning; {{count}} may go only from a plural form read for one number); $t(…) nesting points at existing keys, without cycles.",
  },
  {
    id: 'facts',
    severity: 'error',
    needsCore: true,
    description: 'A paragraph has exactly the fact slots the core declares for it, each with a format that fits the fact.',
  },
  {
    id: 'literal-facts',
    severity: 'error',
    needsCore: true,
    description: 'No number, date or amount typed into the text instead of coming from the core.',
  },
  {
    id: 'citations',
    severity: 'error',
    needsCore: true,
    description: 'A paragraph cites exactly the references the core declares for it (order may differ).',
  },
  {
    id: 'dubious',
    severity: 'error',
    needsCore: true,
    description: 'A paragraph has as many <dubious/> markers as the core declares.',
  },
  {
    id: 'markup',
    severity: 'error',
    needsCore: false,
    description: "The same inline tags as the source (react-i18next's <0>…</0> and <bold> included), closed and nested as in the source; only allowed tags where the project has an allowlist; never anything that can run script; no markup out of proportion to the source's.",
  },
  {
    id: 'untranslated',
    severity: 'warning',
    needsCore: false,
    description: 'The text is not just a copy of the source (regional variants of the source language, names, codes, URLs and the allowed texts may be), nor empty where i18next falls back (returnEmptyString: false).',
  },
  {
    id: 'stale',
    severity: 'warning',
    needsCore: false,
    description: 'The source text has not changed since the translation was last accepted.',
  },
  {
    id: 'terminology',
    severity: 'error',
    needsCore: true,
    description: 'Each entity the core declares for a paragraph is named by its label or an accepted form.',
  },
  {
    id: 'whitespace',
    severity: 'warning',
    needsCore: false,
    description: 'No leading, trailing or doubled spaces, and no invisible bidi, zero-width or control characters, that the source does not have (U+200B is a word-break hint in Thai, Lao, Khmer and Burmese); a bidi control left open is an error configuration cannot lower.',
  },
  {
    id: 'pages',
    severity: 'error',
    needsCore: false,
    description: 'Prose pages exist in the source language when the core lists them, and their internal links lead to an existing document, section and language.',
  },
  {
    id: 'punctuation',
    severity: 'warning',
    needsCore: false,
    description: "The text ends like the source (full stop, question mark, …) in its script's own marks; a colon added where the word order needs one, and Thai's missing full stop, are fine.",
  },
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
export const ruleInfo = (id: string): RuleInfo | undefined => RULES.find((r) => r.id === id);
