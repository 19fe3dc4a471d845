import { plurals } from '../../src/check/rules/plurals.js';
import { bare, edit, mini } from './tester.js';

mini.run(plurals, {
  valid: [
    { name: 'the mini fixture: en one/other, uk one/few/many/other, ja other' },
    {
      name: 'the optional i18next _zero form',
      files: edit('locales/en/ui.json', [
        '"pages_one": "p. {{pages}}",',
        '"pages_zero": "no pages",\n    "pages_one": "p. {{pages}}",',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a missing CLDR form (Ukrainian _few)',
      files: edit('locales/uk/ui.json', ['    "pages_few": "с. {{pages}}",\n', '']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'citation.pages_few',
          line: 10,
          column: 5,
          message:
            'missing plural form "citation.pages_few" (uk uses "few" for 2, 3, 4, 22, 23, …)',
        },
      ],
    },
    {
      name: 'a suffix the language does not have (English _few)',
      files: edit('locales/en/ui.json', [
        '"pages_one": "p. {{pages}}",',
        '"pages_one": "p. {{pages}}",\n    "pages_few": "pp. {{pages}}",',
      ]),
      errors: [
        {
          locale: 'en',
          key: 'citation.pages_few',
          line: 9,
          column: 5,
          message: '"citation.pages_few": en has no "few" plural form (its forms: one, other)',
          hint: 'Delete it; en uses citation.pages_one, citation.pages_other.',
        },
      ],
    },
  ],
});

bare.run(plurals, {
  valid: [
    {
      name: 'ordinal forms',
      files: {
        'locales/en/ui.json': {
          p_ordinal_one: '1st',
          p_ordinal_two: '2nd',
          p_ordinal_few: '3rd',
          p_ordinal_other: 'th',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'Japanese with a _one form',
      files: {
        'locales/en/ui.json': { n_one: 'one', n_other: 'many' },
        'locales/ja/ui.json': { n_one: '一つ', n_other: '多数' },
      },
      errors: [
        {
          severity: 'info',
          locale: 'ja',
          key: 'n_one',
          line: 2,
          column: 3,
          message: '"n_one": ja has only the "other" plural form; i18next never reads this one',
        },
      ],
    },
  ],
});

/**
 * Patterns of real i18next projects (outline, heroic, affine, overleaf): JSON v3 suffixes, a lone
 * `_other` that is no plural, CLDR forms that only large numbers take.
 */
const V3 = { sourceLocale: 'en_US', i18next: { compatibilityJSON: 'v3' as const } };
const starred = (one: string, other: string) => ({ starred: one, starred_plural: other });

bare.run(plurals, {
  valid: [
    {
      name: 'a lone x_other is an ordinary key (overleaf: an answer labelled "Other")',
      config: { sourceLocale: 'en' },
      files: {
        'locales/en/ui.json': { question: 'Primarily work or study?', question_other: 'Other' },
        'locales/da/ui.json': {
          question: 'Primært arbejde eller studier?',
          question_other: 'Andet',
        },
      },
    },
    {
      name: 'v3: key/key_plural in two-form languages, key_0… in the others, the bare key in Japanese',
      config: V3,
      files: {
        'locales/en_US/ui.json': starred(
          '{{count}} document starred',
          '{{count}} documents starred',
        ),
        'locales/de_DE/ui.json': starred('{{count}} Dokument', '{{count}} Dokumente'),
        'locales/ja_JP/ui.json': { starred: '{{count}} 件' },
        'locales/pl_PL/ui.json': {
          starred: '{{count}} dokument',
          starred_0: '{{count}} dokument',
          starred_1: '{{count}} dokumenty',
          starred_2: '{{count}} dokumentów',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'v3: key_plural in Ukrainian is never read (outline uk_UA: every count shows the singular)',
      config: V3,
      files: {
        'locales/en_US/ui.json': starred(
          '{{count}} document starred',
          '{{count}} documents starred',
        ),
        'locales/uk_UA/ui.json': starred('{{count}} документ', '{{count}} документів'),
      },
      errors: [
        {
          severity: 'error',
          locale: 'uk_UA',
          key: 'starred_plural',
          line: 3,
          column: 3,
          message:
            '"starred_plural" is never read: i18next (compatibilityJSON v3) reads starred_0 for 1, 21, 31, 41, 51, …, starred_1 for 2, 3, 4, 22, 23, …, starred_2 for 0, 5, 6, 7, 8, … in uk_UA, and shows "starred" for every count without them',
          hint: 'Rename "starred_plural" to starred_0, starred_1, starred_2 with the text for each group of numbers.',
        },
      ],
    },
    {
      name: 'v3: a numbered form missing (Polish _2)',
      config: V3,
      files: {
        'locales/en_US/ui.json': starred('{{count}} document', '{{count}} documents'),
        'locales/pl_PL/ui.json': { starred_0: 'dokument', starred_1: 'dokumenty' },
      },
      errors: [
        {
          locale: 'pl_PL',
          key: 'starred_2',
          message:
            'missing plural form "starred_2" (i18next v3 uses it in pl_PL for 0, 5, 6, 7, 8, …)',
        },
      ],
    },
    {
      name: 'v3: key_plural in Japanese is harmless (info)',
      config: V3,
      files: {
        'locales/en_US/ui.json': starred('{{count}} document', '{{count}} documents'),
        'locales/ja_JP/ui.json': starred('{{count}} 件', '{{count}} 件'),
      },
      errors: [
        {
          severity: 'info',
          locale: 'ja_JP',
          key: 'starred_plural',
          message:
            '"starred_plural": ja_JP has one form for every count in i18next v3; i18next never reads this one',
        },
      ],
    },
    {
      name: 'a form only large numbers take names them (French "many": a million)',
      files: {
        'locales/en/ui.json': { n_one: '{{count}} filter', n_other: '{{count}} filters' },
        'locales/fr/ui.json': { n_one: '{{count}} filtre', n_other: '{{count}} filtres' },
      },
      errors: [
        {
          locale: 'fr',
          key: 'n_many',
          message:
            'missing plural form "n_many" (fr uses "many" for 1000000, 10000000, 1000000000, …)',
        },
      ],
    },
  ],
});

/** rallly: i18next-icu, plural options inside the message follow the file's language. */
const ICU = { sourceLocale: 'en', i18next: { format: 'icu' as const } };
bare.run(plurals, {
  valid: [
    {
      name: 'ICU plural options of each language (and exact =0 options)',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, =0 {none} one {# vote} other {# votes}}' },
        'locales/pl/ui.json': {
          n: '{count, plural, one {# głos} few {# głosy} many {# głosów} other {# głosu}}',
        },
        'locales/ja/ui.json': { n: '{count, plural, other {#票}}' },
      },
    },
    {
      name: 'ICU: a source with only "other" (its text does not vary with the number) asks no form of any file',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, other {# ahead}}' },
        'locales/hu/ui.json': { n: '{count, plural, other {# előttünk}}' },
        'locales/it/ui.json': { n: '{count, plural, other {# in vista}}' },
      },
    },
    {
      name: 'ICU: an exact =1 option covers "one" where it is only 1 (en, hu)',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, =1 {a vote} other {# votes}}' },
        'locales/hu/ui.json': { n: '{count, plural, =1 {egy szavazat} other {# szavazat}}' },
      },
    },
  ],
  invalid: [
    {
      name: 'ICU plural options the language lacks or does not have',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, one {# vote} other {# votes}}' },
        'locales/pl/ui.json': { n: '{count, plural, one {# głos} other {# głosów}}' },
        'locales/ja/ui.json': { n: '{count, plural, one {#票} other {#票}}' },
      },
      errors: [
        {
          severity: 'info',
          locale: 'ja',
          key: 'n',
          message:
            '{count, plural} has the option "one": ja has only "other"; i18next-icu never uses it',
        },
        {
          severity: 'error',
          locale: 'pl',
          key: 'n',
          message:
            '{count, plural} lacks the options "few" (2, 3, 4, 22, 23, …), "many" (0, 5, 6, 7, 8, …) that pl uses',
        },
      ],
    },
    {
      name: 'ICU: "many" of es (a million and up) and of cs (fractions) is only noted',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, one {# seat} other {# seats}}' },
        'locales/es/ui.json': { n: '{count, plural, one {# asiento} other {# asientos}}' },
        'locales/cs/ui.json': { n: '{count, plural, one {# místo} other {# míst}}' },
      },
      errors: [
        {
          severity: 'error',
          locale: 'cs',
          key: 'n',
          line: 2,
          column: 9,
          message: '{count, plural} lacks the option "few" (2, 3, 4) that cs uses',
        },
        {
          severity: 'info',
          locale: 'cs',
          key: 'n',
          message:
            '{count, plural} lacks the option "many" (0.5, 1.5, 2.5, …), which cs uses only for such numbers (they show the "other" text)',
        },
        {
          severity: 'info',
          locale: 'es',
          key: 'n',
          line: 2,
          column: 9,
          message:
            '{count, plural} lacks the option "many" (1000000, 10000000, 1000000000, …), which es uses only for such numbers (they show the "other" text)',
        },
      ],
    },
    {
      name: 'ICU: an "other" that only fractions use stands in for one missing category (pl "many"): info',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, one {# vote} other {# votes}}' },
        'locales/pl/ui.json': { n: '{count, plural, one {# głos} few {# głosy} other {# głosów}}' },
      },
      errors: [
        {
          severity: 'info',
          locale: 'pl',
          key: 'n',
          line: 2,
          column: 9,
          message:
            '{count, plural} has no option "many" (0, 5, 6, 7, 8, …): its "other" text, which pl uses otherwise only for fractions, is shown for those numbers',
        },
      ],
    },
    {
      name: 'ICU: "one" is asked of a target where the source has more than "other" (=0 is not 1)',
      config: ICU,
      files: {
        'locales/en/ui.json': { n: '{count, plural, =0 {no votes} one {# vote} other {# votes}}' },
        'locales/hu/ui.json': { n: '{count, plural, =0 {nincs} other {# szavazat}}' },
      },
      errors: [
        {
          severity: 'error',
          locale: 'hu',
          key: 'n',
          message: '{count, plural} lacks the option "one" (1) that hu uses',
        },
      ],
    },
  ],
});
