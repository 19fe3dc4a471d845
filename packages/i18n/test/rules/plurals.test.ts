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
        { locale: 'ja', key: 'n_one', line: 2, column: 3, message: /ja has no "one" plural form/ },
      ],
    },
  ],
});
