import { placeholders } from '../../src/check/rules/placeholders.js';
import { LIMITS } from '../../src/model/limits.js';
import { bare, edit, mini } from './tester.js';

mini.run(placeholders, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'other format options, and a plural form without {{count}}',
      files: {
        ...edit('locales/uk/ui.json', ['Привіт, {{name}}!', 'Привіт, {{name, lowercase}}!']),
        ...edit('locales/uk/terms.json', ['"{{count, number}} солдат"', '"один солдат"']),
      },
    },
    {
      name: 'nesting into another namespace',
      files: edit('locales/ja/demo.json', [
        'キーウに向けて',
        '$t(terms:entities.kyiv.label)に向けて',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a renamed interpolation: missing, and unknown with a suggestion',
      files: edit('locales/uk/ui.json', ['Привіт, {{name}}!', 'Привіт, {{nme}}!']),
      errors: [
        {
          key: 'nav.greeting',
          line: 4,
          column: 18,
          message: 'missing {{name}}: the source has {{name}}',
        },
        {
          severity: 'error',
          locale: 'uk',
          key: 'nav.greeting',
          line: 4,
          column: 26,
          message:
            'unknown interpolation {{nme}}: the source has no such name (did you mean {{name}}?)',
          hint: 'Rename it to {{name}}: interpolation names are never translated.',
        },
      ],
    },
    {
      name: 'nesting to a key that does not exist, and a nesting cycle (over every namespace)',
      files: {
        ...edit('locales/uk/ui.json', ['$t(nav.contents)', '$t(nav.contentz)']),
        ...edit('locales/ja/ui.json', ['"contents": "目次"', '"contents": "$t(nav.more)"']),
      },
      errors: [
        {
          locale: 'ja',
          key: 'nav.more',
          line: 5,
          column: 19,
          message:
            '$t(nav.contents) makes a cycle: ui:nav.contents → ui:nav.more → ui:nav.contents',
        },
        {
          severity: 'warning',
          locale: 'uk',
          key: 'nav.more',
          message: 'the source nests $t(nav.contents); this text does not',
        },
        {
          locale: 'uk',
          key: 'nav.more',
          line: 5,
          column: 26,
          message: '$t(nav.contentz) points at a key that uk does not have (ui:nav.contentz)',
        },
      ],
    },
    {
      name: 'an unescaped interpolation where the source escapes',
      files: edit('locales/uk/ui.json', ['Привіт, {{name}}!', 'Привіт, {{- name}}!']),
      errors: [
        {
          key: 'nav.greeting',
          line: 4,
          column: 26,
          message: '{{- name}} inserts the value without HTML escaping; the source escapes it',
        },
      ],
    },
    {
      name: 'a nesting the source has and the translation writes out (a warning)',
      files: edit('locales/uk/ui.json', ['Див. також: $t(nav.contents)', 'Див. також: Зміст']),
      errors: [
        {
          severity: 'warning',
          key: 'nav.more',
          line: 5,
          column: 14,
          message: 'the source nests $t(nav.contents); this text does not',
        },
      ],
    },
  ],
});

const chain = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n + 1 }, (_, i) => [`k${i}`, i === n ? 'end' : `$t(k${i + 1})`]),
  );

bare.run(placeholders, {
  valid: [{ name: 'a short nesting chain', files: { 'locales/en/ui.json': chain(3) } }],
  invalid: [
    {
      name: 'a nesting chain deeper than the page can show',
      files: { 'locales/en/ui.json': chain(LIMITS.nestingDepth + 1) },
      errors: [
        {
          key: 'k0',
          line: 2,
          column: 10,
          message: `$t(…) nesting from here goes ${LIMITS.nestingDepth + 1} levels deep (at most ${LIMITS.nestingDepth}): the page cannot show it`,
        },
      ],
    },
  ],
});
