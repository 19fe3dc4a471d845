import { empty } from '../../src/check/rules/empty.js';
import { bare, edit, mini } from './tester.js';

mini.run(empty, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'a text that is only a placeholder or a tag',
      files: {
        ...edit('locales/uk/ui.json', ['"Зміст"', '"{{title}}"']),
        ...edit('locales/ja/ui.json', ['"目次"', '"<br/>"']),
      },
    },
  ],
  invalid: [
    {
      name: 'a text of spaces',
      files: edit('locales/uk/ui.json', ['"Зміст"', '"  "']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'nav.contents',
          line: 3,
          column: 17,
          message: '"nav.contents" is empty: the page would show nothing here',
          hint: /so that the fallback language is shown/,
        },
      ],
    },
    {
      name: 'an empty source text (not its translation, empty as the source is)',
      files: {
        ...edit('locales/en/ui.json', ['"Contents"', '""']),
        ...edit('locales/uk/ui.json', ['"Зміст"', '""']),
      },
      errors: [
        {
          locale: 'en',
          key: 'nav.contents',
          message: /is empty/,
          hint: 'Write the source text, or delete the key.',
        },
      ],
    },
  ],
});

bare.run(empty, {
  valid: [
    { name: 'values that are not texts', files: { 'locales/en/ui.json': '{ "a": "A", "n": 0 }' } },
  ],
  invalid: [
    {
      name: 'an empty plural form',
      files: {
        'locales/en/ui.json': { n_one: 'one', n_other: 'many' },
        'locales/uk/ui.json': { n_one: 'один', n_few: '', n_many: 'багато', n_other: 'багато' },
      },
      errors: [{ locale: 'uk', key: 'n_few', line: 3, column: 12, message: /"n_few" is empty/ }],
    },
  ],
});

/** heroic: `returnEmptyString: false`, so an empty text falls back (the untranslated rule says so). */
bare.run(empty, {
  valid: [
    {
      name: 'an empty translation with returnEmptyString: false (i18next shows the fallback)',
      config: { sourceLocale: 'en', i18next: { returnEmptyString: false } },
      files: {
        'locales/en/ui.json': { a: 'Uninstall {{newLine}} {{prefix}}' },
        'locales/az/ui.json': { a: '' },
      },
    },
  ],
  invalid: [
    {
      name: 'spaces are shown as they are, whatever returnEmptyString says',
      config: { sourceLocale: 'en', i18next: { returnEmptyString: false } },
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/az/ui.json': { a: '  ' } },
      errors: [{ locale: 'az', message: '"a" is empty: the page would show nothing here' }],
    },
    {
      name: 'an empty source text with returnEmptyString: false',
      config: { sourceLocale: 'en', i18next: { returnEmptyString: false } },
      files: { 'locales/en/ui.json': { a: '' } },
      errors: [
        {
          locale: 'en',
          message:
            '"a" is empty: i18next treats it as missing (returnEmptyString: false) and shows a fallback language\'s text or the key',
        },
      ],
    },
  ],
});

/** A null text (i18next's returnNull: false by default since v23, so null falls back). */
bare.run(empty, {
  valid: [
    {
      name: 'the text "null" is a text',
      files: { 'locales/en/ui.json': '{ "a": "null" }', 'locales/uk/ui.json': '{ "a": "null" }' },
    },
  ],
  invalid: [
    {
      name: 'null falls back like a missing key (returnNull: false, the default)',
      files: {
        'locales/en/ui.json': '{\n  "a": "A",\n  "b": "B"\n}',
        'locales/uk/ui.json': '{\n  "a": "А",\n  "b": null\n}',
      },
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'b',
          line: 3,
          column: 8,
          message:
            '"b" is null: i18next treats it as missing (returnNull: false) and shows a fallback language\'s text or the key',
          hint: 'Write the translation as a string, or delete the key so that the fallback language is shown.',
        },
      ],
    },
    {
      name: 'with returnNull: true the page shows nothing',
      config: { sourceLocale: 'en', i18next: { returnNull: true } },
      files: { 'locales/en/ui.json': '{ "a": "A" }', 'locales/uk/ui.json': '{ "a": null }' },
      errors: [
        {
          locale: 'uk',
          key: 'a',
          message:
            '"a" is null: i18next returns null (returnNull: true) and the page shows nothing here',
        },
      ],
    },
    {
      name: 'a null in the source and its translation: one finding, on the source',
      files: { 'locales/en/ui.json': '{ "a": null }', 'locales/uk/ui.json': '{ "a": null }' },
      errors: [
        {
          locale: 'en',
          key: 'a',
          message: /"a" is null/,
          hint: 'Write the source text as a string, or delete the key.',
        },
      ],
    },
  ],
});
