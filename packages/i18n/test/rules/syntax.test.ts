import { syntax } from '../../src/check/rules/syntax.js';
import { bare, edit, mini, MINI_FILES } from './tester.js';

const bom = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(MINI_FILES['locales/uk/ui.json'] as string),
]);
const notUtf8 = Buffer.from((MINI_FILES['locales/ja/ui.json'] as string).replace('目次', 'XX'));
notUtf8[notUtf8.indexOf('XX')] = 0xff;

mini.run(syntax, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'escapes, non-ASCII keys and deep nesting',
      files: {
        'locales/en/ui.json': '{ "a": { "b": { "c": "x \\"q\\" \\u00e9" } }, "ключ": "v" }',
      },
    },
  ],
  invalid: [
    {
      name: 'malformed JSON, at the exact line and column',
      files: edit('locales/uk/ui.json', ['"Зміст",', '"Зміст"']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          file: 'locales/uk/ui.json',
          key: 'nav.contents',
          line: 3,
          column: 24,
          message: /comma/,
        },
      ],
    },
    {
      name: 'a duplicate key that JSON.parse would hide',
      files: edit('locales/uk/ui.json', [
        '"contents": "Зміст",',
        '"contents": "Зміст", "contents": "Зміст2",',
      ]),
      errors: [{ key: 'nav.contents', line: 3, column: 26, message: /duplicate/ }],
    },
    {
      name: 'a value of the wrong type',
      files: edit('locales/uk/ui.json', ['"contents": "Зміст"', '"contents": 42']),
      errors: [{ key: 'nav.contents', line: 3, message: /a number/ }],
    },
    {
      name: 'a byte-order mark and bytes that are not UTF-8',
      files: { 'locales/uk/ui.json': bom, 'locales/ja/ui.json': notUtf8 },
      errors: [
        { file: 'locales/ja/ui.json', line: 3, message: /UTF-8/ },
        { file: 'locales/uk/ui.json', line: 1, message: /byte-order mark/ },
      ],
    },
    {
      name: 'comments (JSON has none)',
      files: edit('locales/uk/ui.json', ['  "nav": {', '  // nav\n  "nav": {']),
      errors: [{ line: 2, message: /comments/ }],
    },
  ],
});

bare.run(syntax, {
  valid: [
    { name: 'an empty object', files: { 'locales/en/ui.json': '{}\n' } },
    // i18next's "no text": the `empty` rule reports it (once), with what returnNull makes of it.
    { name: 'a null', files: { 'locales/en/ui.json': '{ "a": null }\n' } },
  ],
  invalid: [
    {
      name: 'a file that is not an object',
      files: { 'locales/en/ui.json': '["a"]' },
      errors: [{ file: 'locales/en/ui.json', line: 1, column: 1, message: /object/ }],
    },
  ],
});
