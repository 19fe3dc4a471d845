import { punctuation } from '../../src/check/rules/punctuation.js';
import { bare, edit, mini } from './tester.js';

mini.run(punctuation, {
  valid: [
    { name: 'the mini fixture: 。 in Japanese where English has "."' },
    {
      name: 'a Ukrainian date ending in "р." where the source has no full stop',
      files: edit('locales/uk/demo.json', [
        '"Встановлено відносини"',
        '"Встановлено відносини у 1992 р."',
      ]),
    },
    {
      name: 'closing quotes and tags after the punctuation',
      files: edit('locales/uk/demo.json', ['до Києва.<ref', 'до «Києва».<ref']),
    },
  ],
  invalid: [
    {
      name: 'an ending that disagrees with the source',
      files: {
        ...edit('locales/uk/demo.json', ['"Війна"', '"Війна."']),
        ...edit('locales/ja/demo.json', ['に始まった。<ref', 'に始まった<ref']),
      },
      errors: [
        {
          severity: 'warning',
          locale: 'ja',
          key: 'sections.lead.p1',
          line: 11,
          column: 61,
          message: 'ends with no punctuation; the source (en) ends with a full stop "."',
        },
        {
          locale: 'uk',
          key: 'sections.war.title',
          line: 14,
          column: 22,
          message: 'ends with a full stop "."; the source (en) ends with no punctuation',
          hint: 'Remove the final punctuation, as the source has none here (e.g. a title or label).',
        },
      ],
    },
    {
      name: 'a question where the source states',
      files: edit('locales/uk/demo.json', [
        'розпочалися {{founded, date}}',
        'розпочалися {{founded, date}}?',
      ]),
      errors: [
        {
          locale: 'uk',
          key: 'sections.lead.p1',
          message: 'ends with a question mark "?"; the source (en) ends with a full stop "."',
        },
      ],
    },
  ],
});

bare.run(punctuation, {
  valid: [{ files: { 'locales/en/ui.json': { a: 'Go!' }, 'locales/ja/ui.json': { a: '行け！' } } }],
  invalid: [
    {
      name: 'a colon for an ellipsis',
      files: { 'locales/en/ui.json': { a: 'More…' }, 'locales/ja/ui.json': { a: 'もっと：' } },
      errors: [
        {
          locale: 'ja',
          key: 'a',
          line: 2,
          column: 12,
          message: 'ends with a colon "："; the source (en) ends with an ellipsis "…"',
        },
      ],
    },
  ],
});

/** Endings that differ by language, not by mistake (outline hu, zh; Thai has no full stop). */
bare.run(punctuation, {
  valid: [
    {
      name: 'a colon where the word order puts what follows after the text (hu)',
      files: {
        'locales/en/ui.json': { a: 'left a comment on' },
        'locales/hu/ui.json': { a: 'hozzászólt ehhez:' },
      },
    },
    {
      name: 'Thai writes no full stop; Hindi, Arabic and Greek write their own',
      files: {
        'locales/en/ui.json': { a: 'The link was copied.', b: 'Are you sure?' },
        'locales/th/ui.json': { a: 'คัดลอกลิงก์แล้ว', b: 'แน่ใจหรือไม่?' },
        'locales/hi/ui.json': { a: 'लिंक कॉपी हो गया।', b: 'क्या आप निश्चित हैं?' },
        'locales/ar/ui.json': { a: 'تم نسخ الرابط.', b: 'هل أنت متأكد؟' },
        'locales/el/ui.json': { a: 'Ο σύνδεσμος αντιγράφηκε.', b: 'Είστε σίγουροι;' },
      },
    },
  ],
  invalid: [
    {
      name: 'a dropped question mark is a warning (da)',
      files: {
        'locales/en/ui.json': { a: 'Delete this document?' },
        'locales/da/ui.json': { a: 'Slet dette dokument' },
      },
      errors: [
        {
          severity: 'warning',
          message: 'ends with no punctuation; the source (en) ends with a question mark "?"',
        },
      ],
    },
    {
      name: 'a label that gains a full stop is only info',
      files: {
        'locales/en/ui.json': { a: 'Sync' },
        'locales/de/ui.json': { a: 'Synchronisieren.' },
      },
      errors: [
        {
          severity: 'info',
          message: 'ends with a full stop "."; the source (en) ends with no punctuation',
        },
      ],
    },
  ],
});

bare.run(punctuation, {
  valid: [
    {
      name: 'a semicolon ends a Greek question',
      files: { 'locales/en/ui.json': { a: 'Really?' }, 'locales/el/ui.json': { a: 'Αλήθεια;' } },
    },
  ],
  invalid: [
    {
      name: 'a semicolon is a question mark only in Greek',
      files: { 'locales/en/ui.json': { a: 'Really?' }, 'locales/de/ui.json': { a: 'Wirklich;' } },
      errors: [{ locale: 'de', message: /^ends with a semicolon/ }],
    },
  ],
});
