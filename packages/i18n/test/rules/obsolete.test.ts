import { obsolete } from '../../src/check/rules/obsolete.js';
import { bare, edit, mini } from './tester.js';

mini.run(obsolete, {
  valid: [
    { name: 'keys exempted with a reason (uk lists entities.*.forms that en does not)' },
    {
      name: 'a target missing keys (that is for `missing`)',
      files: edit('locales/uk/ui.json', ['    "greeting": "Привіт, {{name}}!",\n', '']),
    },
    {
      name: 'plural forms of the target language that the source lacks',
      files: edit('locales/ja/ui.json', [
        '"pages_other"',
        '"pages_zero": "なし",\n    "pages_other"',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a key the source does not have',
      files: edit('locales/uk/ui.json', [
        '"contents": "Зміст",',
        '"contents": "Зміст",\n    "extra": "x",',
      ]),
      errors: [
        {
          severity: 'warning',
          locale: 'uk',
          key: 'nav.extra',
          line: 4,
          column: 5,
          message: '"nav.extra" is not in the source (en): it is never shown',
          hint: /`bilateral sync --prune` does/,
          suggestion: { command: 'sync', args: ['--prune'] },
        },
      ],
    },
    {
      name: 'a paragraph the core does not declare, even in the source',
      files: edit('locales/en/demo.json', [
        '"title": "War",',
        '"title": "War",\n      "p9": "Extra.",',
      ]),
      errors: [
        {
          locale: 'en',
          key: 'sections.war.p9',
          line: 15,
          message: '"sections.war.p9": the core declares no section or paragraph "war.p9"',
        },
      ],
    },
    {
      name: 'an entity the core does not have',
      files: edit('locales/en/terms.json', [
        '"kyiv": { "label": "Kyiv" }',
        '"kyiv": { "label": "Kyiv" },\n    "kiev": { "label": "Kiev" }',
      ]),
      errors: [
        {
          locale: 'en',
          key: 'entities.kiev.label',
          line: 5,
          message: '"entities.kiev.label": the core has no entity "kiev"',
        },
      ],
    },
  ],
});

/** i18next context variants (`t('guest', { context: 'female' })` reads `guest_female`). */
const guest = { 'locales/en/ui.json': { guest: 'Your guest', save: 'Save' } };

bare.run(obsolete, {
  valid: [
    { files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/ui.json': { a: 'А' } } },
    {
      name: 'a context variant the source does not need (a gender in Ukrainian)',
      files: { ...guest, 'locales/uk/ui.json': { guest: 'Ваш гість', guest_female: 'Ваша гостя' } },
    },
    {
      name: 'with a contextSeparator of its own, and of a plural family (v3, its own pluralSeparator)',
      config: {
        i18next: { contextSeparator: '--', pluralSeparator: '__', compatibilityJSON: 'v3' },
      },
      files: {
        'locales/en/ui.json': { guest: 'A guest', guest__plural: 'Guests' },
        'locales/uk/ui.json': {
          guest__0: 'Гість',
          guest__1: 'Гості',
          guest__2: 'Гостей',
          'guest--female__0': 'Гостя',
          'guest--female__1': 'Гості',
          'guest--female__2': 'Гостей',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'with contextSeparator "--", key_female is another key (and a variant needs its base)',
      config: { i18next: { contextSeparator: '--' } },
      files: {
        ...guest,
        'locales/uk/ui.json': { guest: 'Ваш гість', guest_female: 'Ваша гостя', 'host--f': 'x' },
      },
      errors: [
        {
          severity: 'warning',
          key: 'guest_female',
          line: 3,
          message: '"guest_female" is not in the source (en): it is never shown',
        },
        {
          key: 'host--f',
          line: 4,
          message: '"host--f" is not in the source (en): it is never shown',
        },
      ],
    },
    {
      name: 'a whole namespace the source does not have',
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/old.json': { a: 'А' } },
      errors: [
        {
          file: 'locales/uk/old.json',
          key: '',
          line: 1,
          column: 1,
          message: 'the source (en) has no "old" namespace: this whole file is unused',
        },
      ],
    },
  ],
});
