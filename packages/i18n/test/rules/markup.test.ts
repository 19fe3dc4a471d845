import { markup } from '../../src/check/rules/markup.js';
import { bare, edit, mini, miniConfig } from './tester.js';

const PINNED =
  'Remove it. Translations may only use the inline tags the source uses; nothing that can run script or load content is ever allowed.';

mini.run(markup, {
  valid: [
    { name: 'the mini fixture (citations, markers and <i>)' },
    {
      name: 'tags allowed in the config',
      options: { allowTags: { mark: [] } },
      files: {
        ...edit('locales/en/ui.json', ['"Contents"', '"<mark>Contents</mark>"']),
        ...edit('locales/uk/ui.json', ['"Зміст"', '"<mark>Зміст</mark>"']),
        ...edit('locales/ja/ui.json', ['"目次"', '"<mark>目次</mark>"']),
      },
    },
    {
      name: 'allowed attributes, void elements and a language tag',
      files: {
        ...edit('locales/en/ui.json', ['"Contents"', '"<span lang=\\"en\\">Contents</span><br>"']),
        ...edit('locales/uk/ui.json', ['"Зміст"', '"<span lang=\\"uk\\">Зміст</span><br>"']),
        ...edit('locales/ja/ui.json', ['"目次"', '"<span lang=\\"ja\\">目次</span><br>"']),
      },
    },
  ],
  invalid: [
    {
      name: 'script-capable markup: an error that the configuration cannot lower',
      config: miniConfig({ rules: { markup: 'warning' } }),
      files: {
        ...edit('locales/uk/demo.json', ['"Війна"', '"Війна <img src=x onerror=alert(1)>"']),
        ...edit('locales/ja/ui.json', ['"目次"', '"<a href=\\"javascript:alert(1)\\">目次</a>"']),
        ...edit('locales/uk/ui.json', ['"Зміст"', '"Зміст<script>alert(1)</script>"']),
      },
      errors: [
        {
          severity: 'error',
          locale: 'ja',
          key: 'nav.contents',
          line: 3,
          column: 18,
          message:
            '<a>: not an allowed tag; href="javascript:alert(1)…" is a script URL, never allowed',
          hint: PINNED,
        },
        {
          severity: 'error',
          locale: 'uk',
          key: 'sections.war.title',
          line: 14,
          column: 23,
          message:
            '<img>: never allowed in a translation (it can run script or load content); event handler attribute onerror="…" is never allowed',
        },
        {
          severity: 'error',
          locale: 'uk',
          key: 'nav.contents',
          line: 3,
          column: 23,
          message: '<script>: never allowed in a translation (it can run script or load content)',
        },
      ],
    },
    {
      name: 'tags that differ from the source (a warning)',
      files: edit('locales/uk/ui.json', ['"<i>{{title}}</i>"', '"{{title}}"']),
      errors: [
        {
          severity: 'warning',
          key: 'citation.title',
          line: 12,
          column: 15,
          message: '<i> appears 0 time(s); the source (en) has it 1 time(s)',
          hint: "Keep the source's <i> markup around the matching words.",
        },
      ],
    },
    {
      name: 'a tag not closed, and a comment (and the targets lack the tag now)',
      files: edit('locales/en/ui.json', ['"Contents"', '"<b>Contents<!-- x -->"']),
      errors: [
        {
          severity: 'warning',
          locale: 'en',
          key: 'nav.contents',
          line: 3,
          column: 18,
          message: '<b> is not closed',
        },
        {
          severity: 'error',
          locale: 'en',
          key: 'nav.contents',
          line: 3,
          column: 29,
          message:
            '<!-- x -->: comments and processing instructions are not allowed in translations',
        },
        { severity: 'warning', locale: 'ja', message: /^<b> appears 0 time\(s\)/ },
        { severity: 'warning', locale: 'uk', message: /^<b> appears 0 time\(s\)/ },
      ],
    },
  ],
});

bare.run(markup, {
  valid: [{ files: { 'locales/en/ui.json': { a: 'a <em>b</em> c' } } }],
  invalid: [
    {
      name: 'an attribute not allowed (with the allowlist switched on)',
      options: { allowlist: true },
      files: { 'locales/en/ui.json': { a: 'a <span class="x">b</span>' } },
      errors: [
        {
          severity: 'error',
          key: 'a',
          line: 2,
          column: 11,
          message: '<span>: attribute "class" is not allowed (allowed: lang, dir)',
        },
      ],
    },
  ],
});

/**
 * Projects without an allowlist (no core, no `allowTags`): the source's tags are the reference,
 * react-i18next's numbered and named components included. Patterns of real projects: affine
 * `<1>Chrome<1>`, overleaf `<0>__startTime__<0>`, rallly `<a>{name}</a>`, outline `<2>parent</2>`.
 */
const pair = (en: string, other: string, lng = 'es') => ({
  'locales/en/ui.json': { k: en },
  [`locales/${lng}/ui.json`]: { k: other },
});

bare.run(markup, {
  valid: [
    {
      name: "numbered components are markup, not comments (outline's <2>parent</2>)",
      files: pair('Has access through <2>parent</2>', 'Té accés a través de <2>parent</2>', 'ca'),
    },
    {
      name: "a project's own tags, reordered, self-closing and void (rallly's <a>{name}</a>)",
      files: pair(
        'Powered by <a>{name}</a><1/> and <bold>you</bold><br />',
        '<bold>Vous</bold> et <a>{name}</a><1/><br/>',
        'fr',
      ),
    },
    {
      name: 'an empty translation is left to the empty rule (heroic)',
      files: pair('Hello <0>{{name}}</0>', ''),
    },
  ],
  invalid: [
    {
      name: "a tag typed where its closing tag was meant (affine's <1>Chrome<1>)",
      files: pair(
        'We recommend the <1>Chrome</1> browser.',
        'Recomendamos el navegador de <1>Chrome<1>.',
      ),
      errors: [
        {
          severity: 'error',
          key: 'k',
          line: 2,
          column: 47,
          message: '<1> is not closed; the source (en) closes every tag it opens',
        },
      ],
    },
    {
      name: "overleaf's <0>__startTime__<0>: one finding for the text",
      files: pair(
        'Comparing from <0>__startTime__</0> to <0>__endTime__</0>',
        'Sammenligner fra <0>__startTime__<0> til <0>__endTime__</0>',
        'da',
      ),
      errors: [{ locale: 'da', column: 42, message: /^<0> is not closed/ }],
    },
    {
      name: 'another number than the source (affine fr <3> for <1>)',
      files: pair('Contact <1>Support</1>', 'Contactez le <3>Support clientèle</3>', 'fr'),
      errors: [
        {
          severity: 'error',
          message: 'the tags differ from the source (en): it has <1>…</1>, this text has <3>…</3>',
          hint: /missing: <1>…<\/1>\) \(not in the source: <3>…<\/3>\)/,
        },
      ],
    },
    {
      name: "a translation that drops the source's tags (overleaf da)",
      files: pair('Longer <0>compile timeout</0>', 'Længere kompileringstidsgrænse', 'da'),
      errors: [
        {
          severity: 'error',
          message: 'the tags differ from the source (en): it has <0>…</0>, this text has none',
        },
      ],
    },
    {
      name: 'tags nested differently',
      files: pair('<0>a <1>b</1></0>', '<0>a</0> <1>b</1>'),
      errors: [
        {
          message: 'the tags are nested differently from the source (en): here <1>…</1> at the top',
        },
      ],
    },
    {
      name: 'script-capable markup stays an error without an allowlist',
      config: { sourceLocale: 'en', rules: { markup: 'warning' } },
      files: pair('Hi <a>x</a>', 'Hola <a onclick="x()">x</a> <img src=x>'),
      errors: [
        { severity: 'error', column: 14, message: /^<a>: event handler attribute onclick/ },
        { severity: 'error', column: 39, message: /^<img>: never allowed/ },
      ],
    },
  ],
});

/** Issue 16: a page stays light whatever a translation appends (with or without an allowlist). */
const heavy = 'Hola <b>mundo</b>' + '<b></b>'.repeat(12_000);
for (const tester of [bare, mini]) {
  tester.run(markup, {
    valid: [
      {
        name: `a long translation with the source's markup stays light (${tester === bare ? 'no allowlist' : 'allowlist'})`,
        files:
          tester === bare
            ? pair('Hello <b>world</b>', `Hola <b>mundo</b> ${'y más '.repeat(2000)}`)
            : edit('locales/uk/ui.json', ['"Зміст"', `"Зміст ${'і ще '.repeat(2000)}"`]),
      },
    ],
    invalid: [
      {
        name: `12,000 <b></b> appended: one error that configuration cannot lower (${tester === bare ? 'no allowlist' : 'allowlist'})`,
        config:
          tester === bare
            ? { sourceLocale: 'en', rules: { markup: 'warning' } }
            : miniConfig({ rules: { markup: 'warning' } }),
        files:
          tester === bare
            ? pair('Hello <b>world</b>', heavy)
            : edit('locales/uk/ui.json', ['"Зміст"', JSON.stringify(heavy)]),
        errors: [
          {
            severity: 'error',
            message: /^24,002 tags where the source \(en\) has (2|0): markup out of proportion/,
          },
        ],
      },
    ],
  });
}

/**
 * react-i18next (`react: true`): plain HTML tags of `transKeepBasicHtmlNodesFor` (default br,
 * strong, i, p; no attributes) are rendered by `<Trans>` as they are; any other tag that is not a
 * component of the source shows as text.
 */
const react = (transKeepBasicHtmlNodesFor?: string[]) => ({
  sourceLocale: 'en',
  i18next: {
    react: true,
    ...(transKeepBasicHtmlNodesFor === undefined ? {} : { transKeepBasicHtmlNodesFor }),
  },
});

bare.run(markup, {
  valid: [
    {
      name: 'a line break the translation adds (br is kept by default)',
      config: react(),
      files: pair('Hello <0>world</0>', 'Hallo,<br/> <0>Welt</0>', 'de'),
    },
    {
      name: 'a kept tag around a component: the component stays where the source has it',
      config: react(),
      files: pair('Read <0>the guide</0>', 'Lies <strong><0>die Anleitung</0></strong>', 'de'),
    },
    {
      name: 'the project keeps <b> (transKeepBasicHtmlNodesFor)',
      config: react(['b']),
      files: pair('Save', '<b>Speichern</b>', 'de'),
    },
  ],
  invalid: [
    {
      name: 'without react, an added <br/> differs from the source',
      files: pair('Hello', 'Hallo<br/>', 'de'),
      errors: [
        { message: 'the tags differ from the source (en): it has none, this text has <br/>' },
      ],
    },
    {
      name: 'a tag react-i18next does not keep shows as text',
      config: react(),
      files: pair('Save', '<b>Speichern</b>', 'de'),
      errors: [
        {
          key: 'k',
          line: 2,
          column: 9,
          message:
            'the tags differ from the source (en): it has none, this text has <b>…</b>; react-i18next shows <b> as text (not a component of the source, not in transKeepBasicHtmlNodesFor: br strong i p)',
        },
      ],
    },
    {
      name: 'the project keeps only <b>: an added <br/> shows as text',
      config: react(['b']),
      files: pair('Hello', 'Hallo<br/>', 'de'),
      errors: [{ message: /react-i18next shows <br> as text .*transKeepBasicHtmlNodesFor: b\)$/ }],
    },
    {
      name: 'a kept tag with attributes is not plain HTML',
      config: react(),
      files: pair('Hello', '<strong class="x">Hallo</strong>', 'de'),
      errors: [{ message: /this text has <strong>…<\/strong>$/ }],
    },
  ],
});
