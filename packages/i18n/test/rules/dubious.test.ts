import { dubious } from '../../src/check/rules/dubious.js';
import { edit, mini } from './tester.js';

mini.run(dubious, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'the marker moved within its paragraph',
      files: edit(
        'locales/uk/demo.json',
        ['{{troops, quantity}} було', '{{troops, quantity}}<dubious/> було'],
        ['<ref id=\\"r1\\"/><dubious/>', '<ref id=\\"r1\\"/>'],
      ),
    },
    {
      name: 'markers outside paragraphs are not counted',
      files: edit('locales/uk/demo.json', ['"Війна"', '"Війна<dubious/>"']),
    },
  ],
  invalid: [
    {
      name: 'a removed and an added marker',
      files: {
        ...edit('locales/ja/demo.json', ['<dubious/>', '']),
        ...edit('locales/uk/demo.json', [
          '{{founded, date}}<ref',
          '{{founded, date}}<dubious/><ref',
        ]),
      },
      errors: [
        {
          locale: 'ja',
          key: 'sections.war.p1',
          line: 15,
          column: 14,
          message: '0 <dubious/> marker(s); the core declares 1 for paragraph war.p1',
          hint: 'Put <dubious/> right after each statement the source marks as dubious.',
        },
        {
          locale: 'uk',
          key: 'sections.lead.p1',
          line: 11,
          column: 64,
          message: '1 <dubious/> marker(s); the core declares 0 for paragraph lead.p1',
          hint: 'Remove the extra <dubious/>: only the statements the core marks are dubious.',
        },
      ],
    },
    {
      name: 'a marker twice, reported at the one too many',
      files: edit('locales/en/demo.json', ['<dubious/>', '<dubious/><dubious/>']),
      errors: [
        { locale: 'en', key: 'sections.war.p1', line: 15, column: 106, message: /^2 <dubious\/>/ },
      ],
    },
    {
      name: 'an open-and-close marker counts as one',
      files: edit('locales/en/demo.json', ['<dubious/>"', '<dubious></dubious><dubious/>"']),
      errors: [{ locale: 'en', key: 'sections.war.p1', message: /^2 <dubious\/> marker\(s\)/ }],
    },
  ],
});
