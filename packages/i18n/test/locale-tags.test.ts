import { describe, expect, it } from 'vitest';
import { intlLocale } from '../src/intl/facts.js';
import { pluralCategories } from '../src/model/keys.js';
import {
  cldrLocale,
  localeTagProblem,
  plausibleLanguageTag,
  toBcp47,
} from '../src/model/locale-tags.js';

/** Tags as real i18next projects write them (folder and file names in the real-world bench). */
const TAGS: readonly [tag: string, cldr: string | undefined, cardinal: string][] = [
  ['pt_BR', 'pt-BR', 'one many other'], // heroic, outline
  ['pt-BR', 'pt-BR', 'one many other'],
  ['zh_Hans', 'zh-Hans', 'other'], // heroic
  ['zh-Hant', 'zh-Hant', 'other'], // affine
  ['zh_CN', 'zh-CN', 'other'], // outline
  ['sr-Latn', 'sr-Latn', 'one few other'],
  ['uk_UA', 'uk-UA', 'one few many other'], // outline
  ['en-us', 'en-US', 'one other'],
  ['en_GB', 'en-GB', 'one other'],
  ['nb_NO', 'nb-NO', 'one other'],
  ['es-419', 'es-419', 'one many other'],
  ['he_IL', 'he-IL', 'one two other'],
  ['ar', 'ar', 'zero one two few many other'],
  ['cs_CZ', 'cs-CZ', 'one few many other'],
  ['iw', 'he', 'one two other'], // a deprecated code, as Intl canonicalises it
  ['ua', undefined, 'one other'], // a country, not a language
  ['xx', undefined, 'one other'],
  ['en US', undefined, 'one other'],
];

describe('language tags', () => {
  it.each(TAGS)('%s → %s (%s)', (tag, cldr, cardinal) => {
    expect(cldrLocale(tag)).toBe(cldr);
    expect(pluralCategories(tag).join(' ')).toBe(cardinal);
    expect(localeTagProblem(tag) === undefined).toBe(cldr !== undefined);
  });

  it('ordinal categories follow the tag too (pt_BR is not English)', () => {
    expect(pluralCategories('pt_BR', true)).toEqual(['other']);
    expect(pluralCategories('en_US', true)).toEqual(['one', 'two', 'few', 'other']);
  });

  it('an unknown tag is said to be unknown, with what it falls back to', () => {
    expect(localeTagProblem('ua')).toBe(
      '"ua" (ua) is not a language Intl knows: its plural forms cannot be known, so they are checked as "one" and "other" only (as i18next does); use the language\'s ISO 639 code (e.g. "uk", not "ua")',
    );
    expect(localeTagProblem('en US')).toMatch(/^"en US" is not a language tag/);
  });

  it('formats use the same tags (pt_BR formats as pt-BR, not as English)', () => {
    expect(intlLocale('pt_BR')).toBe('pt-BR');
    expect(intlLocale('zh_Hans')).toBe('zh-Hans');
    expect(toBcp47('en-us')).toBe('en-US');
  });

  it('plausible tags, for file names in a one-file-per-language folder', () => {
    for (const t of ['en', 'pt_BR', 'zh-Hans', 'sr-Latn-RS', 'es-419', 'fil'])
      expect(plausibleLanguageTag(t)).toBe(true);
    for (const t of ['package', 'index', 'README', 'tsconfig', 'e', '_x'])
      expect(plausibleLanguageTag(t)).toBe(false);
  });
});
