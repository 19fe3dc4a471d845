import { whitespace } from '../../src/check/rules/whitespace.js';
import { edit, mini, miniConfig } from './tester.js';

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
      name: 'invisible characters: zero-width and bidi controls',
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
          message: /^invisible U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*Trojan Source/,
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
