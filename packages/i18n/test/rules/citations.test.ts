import { citations } from '../../src/check/rules/citations.js';
import { edit, mini } from './tester.js';

mini.run(citations, {
  valid: [
    { name: "citations in another order (uk's war.p1 cites r2 before r1)" },
    {
      name: 'citations anywhere in the paragraph',
      files: edit(
        'locales/uk/demo.json',
        ['Близько {{troops, quantity}}', 'Близько<ref id=\\"r2\\"/> {{troops, quantity}}'],
        ['.<ref id=\\"r2\\"/><ref id=\\"r1\\"/>', '.<ref id=\\"r1\\"/>'],
      ),
    },
    {
      name: 'references outside paragraphs are not citations',
      files: edit('locales/uk/demo.json', ['"Війна"', '"Війна<ref id=\\"r9\\"/>"']),
    },
  ],
  invalid: [
    {
      name: 'a dropped, an unknown and a repeated citation',
      files: {
        ...edit('locales/uk/demo.json', [
          '<ref id=\\"r2\\"/><ref id=\\"r1\\"/>',
          '<ref id=\\"r1\\"/><ref id=\\"r1\\"/>',
        ]),
        ...edit('locales/ja/demo.json', ['<ref id=\\"r2\\"/>"', '<ref id=\\"r3\\"/>"']),
      },
      errors: [
        {
          locale: 'ja',
          key: 'sections.war.p2',
          line: 16,
          column: 14,
          message: 'missing citation <ref id="r2"/>: the core declares it for paragraph war.p2',
        },
        {
          locale: 'ja',
          key: 'sections.war.p2',
          line: 16,
          column: 71,
          message: '<ref id="r3"/>: demo has no reference "r3"',
          hint: 'The core declares for paragraph war.p2: r2. Reference ids are never translated.',
        },
        {
          locale: 'uk',
          key: 'sections.war.p1',
          line: 15,
          column: 14,
          message: 'missing citation <ref id="r2"/>: the core declares it for paragraph war.p1',
        },
        {
          locale: 'uk',
          key: 'sections.war.p1',
          line: 15,
          column: 84,
          message: '<ref id="r1"/> appears 2 times; the core declares it 1 time(s) here',
        },
      ],
    },
    {
      name: 'a citation of another paragraph',
      files: edit('locales/en/demo.json', [
        'worth {{exports, money}}.<ref id=\\"r2\\"/>',
        'worth {{exports, money}}.<ref id=\\"r2\\"/><ref id=\\"r1\\"/>',
      ]),
      errors: [
        {
          locale: 'en',
          key: 'sections.war.p2',
          line: 16,
          message: '<ref id="r1"/> is not a citation of paragraph war.p2',
        },
      ],
    },
    {
      name: 'a citation without an id',
      files: edit('locales/ja/demo.json', [
        '<ref id=\\"r1\\"/>"\n    },',
        '<ref id=\\"r1\\"/><ref/>"\n    },',
      ]),
      errors: [
        { locale: 'ja', key: 'sections.lead.p1', line: 11, message: '<ref/> without an id' },
      ],
    },
  ],
});
