import { terminology } from '../../src/check/rules/terminology.js';
import { edit, mini } from './tester.js';

mini.run(terminology, {
  valid: [
    { name: 'the mini fixture (uk names Kyiv "Києва", a listed form)' },
    {
      name: 'a listed form in any letter case, and a nested label',
      files: {
        ...edit('locales/uk/demo.json', ['до Києва', 'у КИЄВІ']),
        ...edit('locales/ja/demo.json', [
          'キーウに向けて',
          '$t(terms:entities.kyiv.label)に向けて',
        ]),
      },
    },
    {
      name: 'an entity without a label (`missing` reports the terms file)',
      files: {
        ...edit('locales/uk/demo.json', ['до Києва', 'до столиці']),
        ...edit('locales/uk/terms.json', ['"label": "Київ", ', '']),
      },
    },
  ],
  invalid: [
    {
      name: 'an entity the paragraph does not name',
      files: edit('locales/uk/demo.json', ['до Києва', 'до столиці']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'sections.war.p1',
          line: 15,
          column: 14,
          message:
            'does not name kyiv ("Київ" | "Києва" | "Києві"), which the core declares for paragraph war.p1',
          hint: /add it to "entities\.kyiv\.forms" in locales\/uk\/terms\.json:4 /,
        },
      ],
    },
    {
      name: 'a name with a capital sigma inside a longer word (its small form is not final there)',
      files: {
        ...edit('locales/uk/terms.json', ['"label": "Київ"', '"label": "ΚΥΙΒΟΣ"']),
        ...edit('locales/uk/demo.json', ['до Києва', 'до ΚΥΙΒΟΣΑ']),
      },
      errors: [
        {
          locale: 'uk',
          key: 'sections.war.p1',
          message: /^does not name kyiv \("ΚΥΙΒΟΣ" \| "Києва" \| "Києві"\)/,
        },
      ],
    },
    {
      name: 'a form that is only in another language',
      files: edit('locales/ja/demo.json', ['ウクライナとの', 'Україною та']),
      errors: [
        {
          locale: 'ja',
          key: 'sections.lead.p1',
          line: 11,
          message: /^does not name ukraine \("ウクライナ"\)/,
        },
      ],
    },
    {
      name: 'every paragraph that lacks the name',
      files: edit(
        'locales/en/demo.json',
        ['Relations with Ukraine', 'Relations'],
        ['Exports to Ukraine', 'Exports'],
      ),
      errors: [
        { locale: 'en', key: 'sections.lead.p1', line: 11, message: /^does not name ukraine/ },
        { locale: 'en', key: 'sections.war.p2', line: 16, message: /^does not name ukraine/ },
      ],
    },
  ],
});
