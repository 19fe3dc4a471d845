import { literalFacts } from '../../src/check/rules/literal-facts.js';
import { edit, mini, miniConfig } from './tester.js';

mini.run(literalFacts, {
  valid: [
    { name: 'the mini fixture (references.r1 holds "10,000" and is exempted in the config)' },
    {
      name: 'codes glued to Latin letters',
      files: edit('locales/en/demo.json', [
        '"Relations established"',
        '"Relations established at the G7 (CS1, MH17)"',
      ]),
    },
    {
      name: 'a number in a key exempted with a reason',
      config: miniConfig({
        exemptions: [{ rule: 'literal-facts', key: 'demo:events.*', reason: 'test' }],
      }),
      files: edit('locales/en/demo.json', ['"Relations established"', '"Established 1992"']),
    },
  ],
  invalid: [
    {
      name: 'a number typed out in the locale format, naming the fact it looks like',
      files: edit('locales/uk/demo.json', ['{{troops, quantity}}', '1 500 солдатів']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'sections.war.p1',
          line: 15,
          column: 22,
          message:
            '"1 500" is typed into the text: numbers, dates and amounts come from the core (this looks like the fact troops)',
          hint: 'Replace it with {{troops, quantity}}: the value is formatted for each language from the core.',
        },
      ],
    },
    {
      name: 'CJK dates and counters',
      files: edit(
        'locales/ja/demo.json',
        ['"関係樹立"', '"1992年1月9日に関係樹立"'],
        ['約{{troops, quantity}}', '約1500人'],
      ),
      errors: [
        { key: 'sections.war.p1', line: 15, column: 15, message: /^"1500" is typed into the text/ },
        {
          key: 'events.e1',
          line: 24,
          column: 12,
          message:
            '"1992年1月9日" is typed into the text: numbers, dates and amounts come from the core (this looks like the fact founded)',
        },
      ],
    },
    {
      name: 'a date with a month name, and a number that is no fact',
      files: edit('locales/en/demo.json', [
        '"Relations established"',
        '"Relations established on 9 January 1992; it took 42 days"',
      ]),
      errors: [
        {
          key: 'events.e1',
          line: 24,
          column: 37,
          message: /^"9 January 1992" is typed .*the fact founded\)$/,
        },
        {
          key: 'events.e1',
          line: 24,
          column: 61,
          message: '"42" is typed into the text: numbers, dates and amounts come from the core',
          hint: /^If it is a fact, declare it in the core/,
        },
      ],
    },
  ],
});
