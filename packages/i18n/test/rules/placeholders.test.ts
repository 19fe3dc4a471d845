import { placeholders } from '../../src/check/rules/placeholders.js';
import { LIMITS } from '../../src/model/limits.js';
import { bare, edit, mini } from './tester.js';

mini.run(placeholders, {
  valid: [
    { name: 'the mini fixture' },
    {
      name: 'other format options',
      files: edit('locales/uk/ui.json', ['Привіт, {{name}}!', 'Привіт, {{name, lowercase}}!']),
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
      name: '{{count}} left out of a plural form read for 1, 21, 31, … (uk _one)',
      files: edit('locales/uk/terms.json', ['"{{count, number}} солдат"', '"один солдат"']),
      errors: [
        {
          severity: 'error',
          locale: 'uk',
          key: 'units.soldier_one',
          line: 10,
          column: 21,
          message:
            'missing {{count}}: i18next reads this form in uk for 1, 21, 31, 41, 51, …, and the text does not say which',
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

/**
 * The project's interpolation syntax: overleaf's `__appName__` (interpolation prefix and suffix),
 * rallly's ICU messages (i18next-icu), heroic's empty texts, outline's flat keys with colons.
 */
const en = (k: Record<string, string>, other: Record<string, string>, lng = 'de') => ({
  'locales/en/ui.json': k,
  [`locales/${lng}/ui.json`]: other,
});
const V3 = { sourceLocale: 'en', i18next: { compatibilityJSON: 'v3' as const } };
const OVERLEAF = { sourceLocale: 'en', i18next: { interpolation: { prefix: '__', suffix: '__' } } };
const ICU = { sourceLocale: 'en', i18next: { format: 'icu' as const } };

bare.run(placeholders, {
  valid: [
    {
      name: 'an empty translation is the empty rule\'s (heroic: not "missing {{newLine}}")',
      files: en({ a: 'Uninstall {{newLine}} {{prefix}}' }, { a: '' }, 'az'),
    },
    {
      name: 'custom delimiters, reordered (overleaf __appName__)',
      config: OVERLEAF,
      files: en(
        { a: 'Welcome to __appName__, __name__!' },
        { a: '__name__, willkommen bei __appName__!' },
      ),
    },
    {
      name: 'ICU arguments, plural and select options of the language (rallly)',
      config: ICU,
      files: en(
        {
          a: 'Powered by <a>{name}</a>',
          b: '{count, plural, one {# participant} other {# participants}}',
        },
        {
          a: 'Bereitgestellt von <a>{name}</a>',
          b: '{count, plural, one {# Teilnehmer} other {# Teilnehmer}}',
        },
      ),
    },
    {
      name: 'nsSeparator false: a colon is part of the key',
      config: { sourceLocale: 'en', i18next: { nsSeparator: false } },
      files: en({ 'a:b': 'x', c: '$t(a:b) y' }, { 'a:b': 'x', c: '$t(a:b) z' }),
    },
  ],
  invalid: [
    {
      name: 'a renamed interpolation with custom delimiters (overleaf)',
      config: OVERLEAF,
      files: en({ a: 'Welcome to __appName__' }, { a: 'Willkommen bei __appname__' }),
      errors: [
        { message: 'missing __appName__: the source has __appName__' },
        {
          column: 24,
          message:
            'unknown interpolation __appname__: the source has no such name (did you mean __appName__?)',
        },
      ],
    },
    {
      name: 'ICU: a missing argument, an unknown one, a broken message (rallly)',
      config: ICU,
      files: en(
        { a: 'Hello {name}', b: 'Hi {user}', c: '{count, plural, one {# day} other {# days}}' },
        { a: 'Hallo', b: 'Hi {usr}', c: '{count, plural, one {# Tag} other {# Tage}' },
      ),
      errors: [
        { key: 'a', message: 'missing {name}: the source has {name}' },
        { key: 'b', message: 'missing {user}: the source has {user}' },
        {
          key: 'b',
          message: 'unknown argument {usr}: the source has no such name (did you mean {user}?)',
        },
        {
          key: 'c',
          message:
            'not a valid ICU message: an {argument} without its closing }; i18next-icu cannot show it',
        },
      ],
    },
    {
      name: 'ICU: select options that differ from the source',
      config: ICU,
      files: en(
        { a: '{gender, select, male {He} female {She} other {They}} replied' },
        { a: '{gender, select, male {Er} other {Sie}} antwortete' },
      ),
      errors: [
        {
          message: '{gender, select} lacks the option "female" of the source (male, female, other)',
        },
      ],
    },
  ],
});

/**
 * `{{count}}` in plural forms (outline: an Italian `_plural` form that drops the number), and
 * how often each name occurs (heroic: an outdated copy with one `{{newline}}` fewer).
 */
bare.run(placeholders, {
  valid: [
    {
      name: 'the same names as often as the source, in another order',
      files: en(
        { a: 'Check {{host}}:{{br}}one,{{br}}two' },
        { a: '{{host}} prüfen:{{br}}eins,{{br}}zwei' },
      ),
    },
    {
      name: 'a plural form may add {{count}} where the source form says the number in words',
      files: en({ n_one: 'one file', n_other: '{{count}} files' }, { n_one: '{{count}} Datei' }),
    },
    {
      name: 'v3: a bare key never read with a count (every numbered form present) without {{count}}',
      config: V3,
      files: en(
        { n: '{{count}} file', n_plural: '{{count}} files' },
        {
          n: 'soubory',
          n_0: '{{count}} soubor',
          n_1: '{{count}} soubory',
          n_2: '{{count}} souborů',
        },
        'cs',
      ),
    },
  ],
  invalid: [
    {
      name: '{{count}} left out of a v4 form read for one number (info) and of one read for many (error)',
      files: en(
        { n_one: '{{count}} file', n_other: '{{count}} files' },
        { n_one: 'eine Datei', n_other: 'Dateien' },
      ),
      errors: [
        {
          severity: 'info',
          locale: 'de',
          key: 'n_one',
          line: 2,
          column: 13,
          message:
            '{{count}} is left out: i18next reads this form in de only for 1, so the text may say it in words',
        },
        {
          severity: 'error',
          locale: 'de',
          key: 'n_other',
          line: 3,
          column: 15,
          message:
            'missing {{count}}: i18next reads this form in de for 0, 2, 3, 4, 5, …, and the text does not say which',
        },
      ],
    },
    {
      name: 'v3: {{count}} left out of the Italian _plural form (0, 2, 3, …), and of the singular (1)',
      config: V3,
      files: en(
        { n: '{{count}} person added', n_plural: '{{count}} people added' },
        { n: 'Una persona aggiunta', n_plural: 'Sono state aggiunte' },
        'it',
      ),
      errors: [
        {
          severity: 'info',
          locale: 'it',
          key: 'n',
          message:
            '{{count}} is left out: i18next reads this form in it only for 1, so the text may say it in words',
        },
        {
          severity: 'error',
          locale: 'it',
          key: 'n_plural',
          line: 3,
          column: 16,
          message:
            'missing {{count}}: i18next reads this form in it for 0, 2, 3, 4, 5, …, and the text does not say which',
          hint: 'Put {{count}} where the number belongs in the sentence (only a form for one number, such as "one" in English, may say it in words).',
        },
      ],
    },
    {
      name: 'a name fewer or more times than in the source: one warning per text',
      files: en(
        { a: 'Check {{host}}:{{br}}one,{{br}}two,{{br}}three', b: 'Update {{app}} to {{email}}' },
        { a: '{{host}} prüfen:{{br}}eins,{{br}}zwei', b: '{{app}} auf {{email}} {{app}} ändern' },
      ),
      errors: [
        {
          severity: 'warning',
          locale: 'de',
          key: 'a',
          line: 2,
          column: 9,
          message: '{{br}} appears twice (in the source 3 times)',
        },
        {
          severity: 'warning',
          locale: 'de',
          key: 'b',
          line: 3,
          column: 9,
          message: '{{app}} appears twice (in the source once)',
        },
      ],
    },
  ],
});
