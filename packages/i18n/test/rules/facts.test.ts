import { facts } from '../../src/check/rules/facts.js';
import { edit, mini } from './tester.js';

mini.run(facts, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'format options, and a fact used twice',
      files: edit('locales/uk/demo.json', [
        'Відносини з Україною розпочалися {{founded, date}}',
        'Відносини ({{founded, date}}) з Україною розпочалися {{founded, date(monthForm: genitive)}}',
      ]),
    },
    {
      name: 'texts outside paragraphs and events (placeholders are checked there)',
      files: edit('locales/uk/demo.json', ['"Війна"', '"Війна {{troops}}"']),
    },
    {
      name: "any of the document's facts in an event",
      files: edit('locales/uk/demo.json', [
        '"Встановлено відносини"',
        '"Встановлено відносини {{founded, date}}, {{troops, quantity}}"',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a format that does not fit the fact',
      files: edit('locales/ja/demo.json', ['{{founded, date}}', '{{founded, number}}']),
      errors: [
        {
          severity: 'error',
          locale: 'ja',
          key: 'sections.lead.p1',
          line: 11,
          column: 24,
          message: '{{founded, number}}: "number" does not fit a date fact',
          hint: 'Write {{founded, date}} (format options such as (monthForm: genitive) may follow).',
        },
      ],
    },
    {
      name: 'a missing fact, a fact of another paragraph and an unknown fact',
      files: edit(
        'locales/uk/demo.json',
        ['{{exports, money(currencyDisplay: name)}}', 'чимало'],
        ['було направлено', 'за {{exports, money}} було направлено'],
        ['{{founded, date}}', '{{founde, date}}'],
      ),
      errors: [
        {
          key: 'sections.lead.p1',
          line: 11,
          column: 14,
          message: 'missing fact {{founded, date}}: the core declares it for paragraph lead.p1',
        },
        {
          key: 'sections.lead.p1',
          line: 11,
          column: 47,
          message: '{{founde}} is not a fact of demo (did you mean {{founded}}?)',
        },
        {
          key: 'sections.war.p1',
          line: 15,
          column: 46,
          message:
            '{{exports}} is a fact of demo, but the core does not declare it for paragraph war.p1',
          hint: 'The core declares for paragraph war.p1: {{troops, quantity}}. Fact names are never translated.',
        },
        {
          key: 'sections.war.p2',
          line: 16,
          column: 14,
          message: 'missing fact {{exports, money}}: the core declares it for paragraph war.p2',
        },
      ],
    },
    {
      name: 'in an event: a fact without a format, and one the document does not have',
      files: edit('locales/uk/demo.json', [
        '"Встановлено відносини"',
        '"Встановлено відносини {{founded}} {{troops, quantity}} {{nope, date}}"',
      ]),
      errors: [
        {
          key: 'events.e1',
          line: 24,
          column: 34,
          message: '{{founded}} has no format: the date would not be formatted for uk',
        },
        {
          key: 'events.e1',
          line: 24,
          column: 67,
          message: '{{nope}} is not a fact of demo',
          hint: "Use one of the document's facts: founded, troops, exports.",
        },
      ],
    },
  ],
});
