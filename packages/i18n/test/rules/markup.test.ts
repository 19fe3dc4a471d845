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
      name: 'an attribute not allowed',
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
