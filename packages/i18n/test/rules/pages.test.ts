import { describe, expect, it } from 'vitest';
import { missing } from '../../src/check/rules/missing.js';
import { pages } from '../../src/check/rules/pages.js';
import { placeholders } from '../../src/check/rules/placeholders.js';
import { createProject } from '../../src/files/memory.js';
import { planSync } from '../../src/ops/sync.js';
import { RuleTester } from '../../src/testing.js';
import './tester.js';

/**
 * Prose pages (`pages/{lng}/{id}.md`): Markdown with front matter, read as files of namespace
 * `pages/<id>` (entries: the front matter's text fields and `body`), checked like locale files.
 */
const ui = { 'locales/en/ui.json': '{ "a": "A" }\n', 'locales/de/ui.json': '{ "a": "A" }\n' };
const page = (title: string, body: string) => `---\ntitle: ${title}\norder: 2\n---\n\n${body}\n`;
const config = { sourceLocale: 'en', locales: ['en', 'de'], pages: 'pages/{lng}/{id}.md' };
const tester = new RuleTester({ config, files: ui });
const corpus = {
  entities: {},
  units: {},
  works: {},
  documents: {},
  pages: { guide: { kind: 'page', id: 'guide', sourceLocale: 'en' } },
} as const;

tester.run(pages, {
  valid: [
    {
      name: 'links to the home, a page and another page of the same language',
      files: {
        'pages/en/guide.md': page(
          'Guide',
          'See [home](/en/), [start](/en/start/) and <a href="/en/guide/">this</a>.',
        ),
        'pages/en/start.md': page(
          'Start',
          'Back to [the guide](/en/guide/) or [the web](https://example.org/x).',
        ),
        'pages/de/guide.md': page('Anleitung', 'Siehe [Start](/de/start/).'),
      },
    },
    {
      name: 'a path the site declares in the rule’s routes',
      config: { rules: { pages: { routes: ['/{lng}/timeline/'] } } },
      files: { 'pages/en/guide.md': page('Guide', 'The [timeline](/en/timeline/).') },
    },
  ],
  invalid: [
    {
      name: 'a link to no document, to another language, and to no language',
      files: {
        'pages/en/guide.md': page('Guide', 'Go [on](/en/gone/).'),
        'pages/de/guide.md': page('Anleitung', 'Siehe [hier](/en/guide/) und [da](/fr/guide/).'),
      },
      errors: [
        {
          locale: 'de',
          key: 'body',
          message: 'the link /en/guide/ leads to the en pages from a de page',
          hint: /Link to \/de\/guide\//,
        },
        { locale: 'de', key: 'body', message: 'the link /fr/guide/ leads to no page of the site' },
        {
          locale: 'en',
          key: 'body',
          line: 6,
          column: 9,
          message: 'the link /en/gone/ leads to no document: there is no "gone"',
        },
      ],
    },
    {
      name: 'a page the core lists, without its source file',
      corpus: corpus,
      files: { 'pages/en/start.md': page('Start', 'Hello.') },
      errors: [
        {
          locale: 'en',
          message: 'the core lists the page "guide", but pages/en/guide.md does not exist',
          hint: /Write pages\/en\/guide.md/,
        },
      ],
    },
  ],
});

// A project that keeps no prose pages (no `pages` setting: say, a consumer checking the published
// locale packages) is not asked for the pages its core lists.
new RuleTester({ config: { sourceLocale: 'en', locales: ['en', 'de'] }, files: ui }).run(pages, {
  valid: [{ name: 'a core that lists a page, in a project without pages', corpus }],
  invalid: [],
});

tester.run(missing, {
  valid: [
    {
      name: 'a page in every language',
      files: {
        'pages/en/guide.md': page('Guide', 'Hi.'),
        'pages/de/guide.md': page('Anleitung', 'Hallo.'),
      },
    },
  ],
  invalid: [
    {
      name: 'a page without its translation, and a translation without its title',
      files: {
        'pages/en/guide.md': page('Guide', 'Hi.'),
        'pages/en/start.md': page('Start', 'Hi.'),
        'pages/de/start.md': '---\norder: 1\n---\nHallo.\n',
      },
      errors: [
        {
          locale: 'de',
          key: '',
          message: 'the page is missing: de has no translation of "guide"',
          hint: 'Copy pages/en/guide.md to pages/de/guide.md and translate it.',
        },
        { locale: 'de', key: 'title', message: 'missing "title"' },
      ],
    },
  ],
});

tester.run(placeholders, {
  valid: [
    {
      name: 'the same placeholder',
      files: {
        'pages/en/guide.md': page('Guide', 'Since {{year}}.'),
        'pages/de/guide.md': page('Anleitung', 'Seit {{year}}.'),
      },
    },
  ],
  invalid: [
    {
      name: 'a placeholder lost in the translated body',
      files: {
        'pages/en/guide.md': page('Guide', 'Since {{year}}.'),
        'pages/de/guide.md': page('Anleitung', 'Seit 2020.'),
      },
      errors: [{ locale: 'de', key: 'body', message: /\{\{year\}\}/ }],
    },
  ],
});

describe('reading pages', () => {
  it('gives the front matter’s texts and the body, with their lines; a YAML error is a syntax problem', () => {
    const project = createProject({
      config,
      files: {
        ...ui,
        'pages/en/guide.md': page('"Guide: one"', 'Body text.'),
        'pages/de/guide.md': '---\ntitle: [\n---\nx\n',
      },
    });
    const en = project.file('en', 'pages/guide');
    expect([...(en?.entries.keys() ?? [])]).toEqual(['title', 'body']);
    expect(en?.entries.get('title')?.value).toBe('Guide: one');
    const body = en?.entries.get('body');
    expect(body?.value).toBe('Body text.');
    expect(en?.position(body?.valueOffset ?? 0)).toEqual({ line: 6, column: 1 });
    const de = project.file('de', 'pages/guide');
    expect(de?.usable).toBe(false);
    expect(de?.problems[0]?.message).toMatch(/front matter is not valid YAML/);
  });
});

describe('sync and pages', () => {
  it('leaves pages alone: a page is translated by copying the source page, never written as JSON', () => {
    const project = createProject({
      config,
      files: {
        'locales/en/ui.json': '{ "a": "A", "b": "B" }\n',
        'locales/de/ui.json': '{ "a": "A" }\n',
        'pages/en/guide.md': page('Guide', 'Hi.'),
        'pages/en/start.md': page('Start', 'Hi.'),
        'pages/de/start.md': '---\norder: 1\n---\nHallo.\n',
      },
    });
    const plan = planSync(project);
    expect(plan.files.map((f) => f.relPath)).toEqual(['locales/de/ui.json']);
    expect(plan.broken).toEqual([]);
  });
});
