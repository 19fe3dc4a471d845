import { describe, expect, it } from 'vitest';
import { INVISIBLE, whitespace } from '../../src/check/rules/whitespace.js';
import { findInvisible } from '../../src/syntax/invisible.js';
import { bare, edit, mini, miniConfig } from './tester.js';

mini.run(whitespace, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'line breaks and tabs (layout, not doubled spaces) and one no-break space',
      files: {
        ...edit('locales/en/ui.json', ['See also:', 'See\\n\\nalso:']),
        ...edit('locales/uk/ui.json', ['Див. також', 'Див.\\t\\tтакож\u00a0а']),
      },
    },
    {
      name: 'switched off for some keys in the config',
      config: miniConfig({ rules: { whitespace: { keys: { 'ui:nav.*': 'off' } } } }),
      files: edit('locales/uk/ui.json', ['Див. також', 'Див.  також']),
    },
  ],
  invalid: [
    {
      name: 'leading, trailing and doubled spaces',
      files: {
        ...edit('locales/uk/demo.json', ['"Війна"', '" Війна "']),
        ...edit('locales/uk/ui.json', ['Див. також', 'Див.  також']),
      },
      errors: [
        {
          severity: 'warning',
          key: 'sections.war.title',
          line: 14,
          column: 17,
          message: 'the text starts with a space',
        },
        { key: 'sections.war.title', line: 14, column: 23, message: 'the text ends with a space' },
        { key: 'nav.more', line: 5, column: 18, message: 'doubled space' },
      ],
    },
    {
      name: "a trailing space in the source is the source's own mistake",
      files: {
        ...edit('locales/en/demo.json', ['"War"', '"War "']),
        ...edit('locales/uk/demo.json', ['"Війна"', '"Війна "']),
      },
      errors: [
        {
          locale: 'en',
          key: 'sections.war.title',
          line: 14,
          column: 20,
          message: 'the text ends with a space',
        },
      ],
    },
    {
      name: 'invisible characters: zero-width, and a bidi control left open (an error)',
      files: edit('locales/uk/ui.json', ['"Зміст"', '"Зм\u200bіст\u202e"']),
      errors: [
        {
          key: 'nav.contents',
          line: 3,
          column: 20,
          message: /^invisible U\+200B \(ZERO WIDTH SPACE\)/,
        },
        {
          key: 'nav.contents',
          line: 3,
          column: 24,
          severity: 'error',
          message: /^U\+202E \(RIGHT-TO-LEFT OVERRIDE\) is never closed/,
        },
      ],
    },
    {
      name: 'severities set per rule and per key',
      config: miniConfig({
        rules: { whitespace: { severity: 'error', keys: { 'ui:nav.*': 'off' } } },
      }),
      files: {
        ...edit('locales/uk/demo.json', ['"Війна"', '"Війна "']),
        ...edit('locales/uk/ui.json', ['Див. також', 'Див.  також']),
      },
      errors: [
        { severity: 'error', key: 'sections.war.title', message: 'the text ends with a space' },
      ],
    },
  ],
});

/** Thai's word-break hints; issue 16: an override or embedding left open. */
bare.run(whitespace, {
  valid: [
    {
      name: 'U+200B in Thai is a word-break hint, not a hidden character',
      files: {
        'locales/en/ui.json': { a: 'Copy the link' },
        'locales/th/ui.json': { a: 'คัดลอก\u200bลิงก์' },
      },
    },
  ],
  invalid: [
    {
      name: 'a right-to-left override never closed: an error configuration cannot lower',
      config: { sourceLocale: 'en', rules: { whitespace: 'info' } },
      files: {
        'locales/en/ui.json': { a: 'Pay {{amount}} to {{name}}' },
        'locales/ar/ui.json': { a: 'ادفع \u202e{{amount}} إلى {{name}}' },
      },
      errors: [
        {
          severity: 'error',
          locale: 'ar',
          key: 'a',
          line: 2,
          column: 14,
          message:
            'U+202E (RIGHT-TO-LEFT OVERRIDE) is never closed: it changes how everything after it on the page is displayed, beyond this text',
        },
      ],
    },
    {
      name: 'paired controls stay a warning (one per character)',
      files: {
        'locales/en/ui.json': { a: 'Pay' },
        'locales/ar/ui.json': { a: 'ادفع \u202bx\u202c' },
      },
      errors: [
        { severity: 'warning', message: /^invisible U\+202B/ },
        { severity: 'warning', message: /^invisible U\+202C/ },
      ],
    },
  ],
});

describe('the quick test before the scan for invisible characters', () => {
  it('agrees with findInvisible on every UTF-16 code unit', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (INVISIBLE.test(ch) !== findInvisible(ch).length > 0) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});
