import { missing } from '../../src/check/rules/missing.js';
import { bare, edit, mini } from './tester.js';

mini.run(missing, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'keys exempted with a reason (accepted forms are per language)',
      files: edit('locales/en/terms.json', [
        '"label": "Kyiv" }',
        '"label": "Kyiv", "forms": "Kyiv\'s" }',
      ]),
    },
    {
      name: 'a plural family with forms the source lacks (Ukrainian _few)',
      files: edit('locales/en/terms.json', [
        '"soldier_other"',
        '"soldier_two": "{{count, number}} soldiers",\n    "soldier_other"',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a key the source has and a target lacks, reported where it belongs',
      files: edit('locales/uk/demo.json', ['      "title": "Війна",\n', '']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'sections.war.title',
          line: 14,
          column: 7,
          message: 'missing "sections.war.title" (the title of section war)',
          hint: /^Translate it \(source: locales\/en\/demo\.json:14\), or run `bilateral sync`/,
          suggestion: { command: 'sync', args: [] },
        },
      ],
    },
    {
      name: 'a text the core declares, even where the source lacks it',
      files: edit('locales/en/demo.json', ['"e1": "Relations established"', '"e0": "x"']),
      errors: [
        {
          locale: 'en',
          key: 'events.e1',
          message: 'no text for event e1, which the core declares',
        },
        // The targets still have e1, and lack what the source now has instead.
        { locale: 'ja', key: 'events.e0', line: 24, column: 5, message: 'missing "events.e0"' },
        { locale: 'uk', key: 'events.e0', line: 24, column: 5, message: 'missing "events.e0"' },
      ],
    },
    {
      name: 'a missing namespace file',
      files: { 'locales/ja/terms.json': null },
      errors: [
        {
          file: 'locales/ja/terms.json',
          key: '',
          line: 1,
          column: 1,
          message: 'the file is missing: ja has no "terms" namespace',
          suggestion: { command: 'sync', args: [] },
        },
      ],
    },
    {
      name: 'a plural family (named with the forms the locale needs)',
      files: edit(
        'locales/uk/ui.json',
        ['    "pages_one": "с. {{pages}}",\n', ''],
        ['    "pages_few": "с. {{pages}}",\n', ''],
        ['    "pages_many": "с. {{pages}}",\n', ''],
        ['    "pages_other": "с. {{pages}}",\n', ''],
      ),
      errors: [
        {
          key: 'citation.pages',
          message:
            'missing "citation.pages" (plural forms citation.pages_one, citation.pages_few, citation.pages_many, citation.pages_other)',
        },
      ],
    },
  ],
});

bare.run(missing, {
  valid: [
    {
      name: 'the same keys in every locale',
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/ui.json': { a: 'А' } },
    },
    {
      name: 'keys the site declares it uses, present in every language',
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/ui.json': { a: 'А' } },
      options: { require: { ui: ['a'], other: ['b'] } },
    },
  ],
  invalid: [
    {
      name: 'a list or an object where the source has a text',
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/ui.json': { a: ['А'] } },
      errors: [
        {
          key: 'a',
          line: 3,
          column: 5,
          message: '"a" is a list or an object here; the source (en) has a text',
        },
      ],
    },
    {
      name: 'a key the site declares it uses, which no language has',
      files: { 'locales/en/ui.json': { a: 'A' }, 'locales/uk/ui.json': { a: 'А' } },
      options: { require: { ui: ['a', 'nav.more'] } },
      errors: [
        {
          locale: 'en',
          key: 'nav.more',
          message:
            'no text for ui:nav.more, which the site (rules.missing.require.ui in the config) needs',
          hint: 'Add "nav.more" to locales/en/ui.json, then translate it into every language.',
        },
        {
          locale: 'uk',
          key: 'nav.more',
          message:
            'missing "nav.more": the site (rules.missing.require.ui in the config) needs it (the source en lacks it too)',
        },
      ],
    },
  ],
});
