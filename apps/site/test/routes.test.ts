import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DOCUMENT, LOCALES, repoRoot, siteRoot, TEST_SITE_URL, textOf } from './helpers.js';

let site: string;
const read = (p: string) => readFileSync(path.join(site, p), 'utf8');
beforeAll(() => {
  site = inject('siteDir');
});
/** The page's title as its Markdown file's front matter gives it. */
const title = (l: string) =>
  /^title: (.*)$/m.exec(readFileSync(path.join(repoRoot, 'pages', l, 'about.md'), 'utf8'))![1]!;

describe('the prose pages (About this edition), routed by the plugin', () => {
  it.each(LOCALES)('/%s/about/ is rendered from its Markdown, in its language', async (l) => {
    const page = read(`${l}/about/index.html`);
    expect(page).toContain(`<html lang="${l}"`);
    expect(page).toContain(`<h1>${title(l)}</h1>`);
    // The Markdown's internal link to the article leads to the article's URL.
    expect(page).toContain(`<a href="/${l}/${DOCUMENT}/">`);
    // Canonical, hreflang for every language, x-default.
    expect(page).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/${l}/about/">`);
    for (const o of LOCALES)
      expect(page).toContain(
        `<link rel="alternate" hreflang="${o}" href="${TEST_SITE_URL}/${o}/about/">`,
      );
    expect(page).toContain(
      `<link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/en/about/">`,
    );
    // The switcher leads to the same page in the other languages; not with the reader's #anchor,
    // since a prose page's headings have no ids common to its languages.
    for (const o of LOCALES) {
      const link = new RegExp(`<a href="/${o}/about/" hreflang="${o}" lang="${o}"[^>]*>`).exec(
        page,
      )?.[0];
      expect(link, o).toBeDefined();
      expect(link).not.toContain('data-keep-hash');
      expect(link!.includes('aria-current="page"')).toBe(o === l);
    }
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
    }).validateString(page, `${l}/about/index.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });

  it('every page links to it in the footer, and the sitemap lists it with its alternates', () => {
    for (const l of LOCALES) {
      expect(read(`${l}/${DOCUMENT}/index.html`)).toContain(
        `<a href="/${l}/about/">${title(l)}</a>`,
      );
      expect(read(`${l}/timeline/index.html`)).toContain(`<a href="/${l}/about/">`);
    }
    const sitemap = read('sitemap.xml');
    for (const l of LOCALES) {
      const entry = sitemap.slice(sitemap.indexOf(`<loc>${TEST_SITE_URL}/${l}/about/</loc>`));
      expect(entry.slice(0, entry.indexOf('</url>'))).toContain(
        `<xhtml:link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/en/about/"/>`,
      );
    }
  });
});

/** A locale's UI strings. */
const ui = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, 'ui.json'), 'utf8')) as {
    home: { status: Record<string, string> };
    language: { name: string };
  };
/** A locale's text of a key of the article's namespace. */
const article = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, `${DOCUMENT}.json`), 'utf8')) as {
    meta: { title: string };
  };

describe("the home of each language (/{lang}/, the plugin's bilateral.home)", () => {
  it.each(LOCALES)('/%s/ lists every document: title, description and status there', async (l) => {
    const page = read(`${l}/index.html`);
    expect(page).toContain(`<html lang="${l}"`);
    const items = [
      ...page.matchAll(
        /<li class="document document-(\w+)" data-document="([^"]+)">([\s\S]*?)<\/li>/g,
      ),
    ];
    // The article and About, each linked to its URL in this language.
    expect(items.map((m) => [m[1], m[2]])).toEqual([
      ['article', DOCUMENT],
      ['page', 'about'],
    ]);
    const [art, about] = items.map((m) => m[3]!);
    expect(art).toContain(`<a href="/${l}/${DOCUMENT}/" data-anchors-target>`);
    expect(textOf(art!)).toContain(textOf(article(l).meta.title));
    expect(about).toContain(`<a href="/${l}/about/">${title(l)}</a>`);
    const description = (m: string) =>
      /<p class="document-description">([^<]+)<\/p>/.exec(m)?.[1] ?? '';
    expect(description(art!)).not.toBe('');
    expect(description(about!)).not.toBe('');
    // The status in this language, in its words: the source language says so; a translation
    // says how far it is, with the figures of `pnpm i18n status`.
    const state = l === 'ja' ? 'source' : 'translated';
    for (const item of [art!, about!]) {
      expect(item).toContain(
        `<p class="document-status status-${state}">${ui(l).home.status[state]}`,
      );
      expect(item.includes('document-progress')).toBe(state !== 'source');
    }
    // Canonical, hreflang for every language's home, x-default: the root page.
    expect(page).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/${l}/">`);
    for (const o of LOCALES)
      expect(page).toContain(
        `<link rel="alternate" hreflang="${o}" href="${TEST_SITE_URL}/${o}/">`,
      );
    expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/">`);
    // The switcher leads to the other languages' homes, each named in its own language.
    for (const o of LOCALES)
      expect(page).toMatch(
        new RegExp(`<a href="/${o}/" hreflang="${o}" lang="${o}"[^>]*>${ui(o).language.name}</a>`),
      );
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
    }).validateString(page, `${l}/index.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });

  it('is what the root page, the brand and the nav lead to', () => {
    for (const l of LOCALES) {
      expect(read('index.html')).toContain(
        `<a href="/${l}/" hreflang="${l}" data-lang-choice="${l}">`,
      );
      expect(read(`${l}/timeline/index.html`)).toContain(
        `<p class="brand"><a href="/${l}/" hreflang="${l}">`,
      );
    }
  });
});

describe('routing comes from the plugin only', () => {
  /** Every module of the site's templates, data and helpers (not the browser script). */
  const modules = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? e.name === 'assets'
          ? []
          : modules(path.join(dir, e.name))
        : e.name.endsWith('.js')
          ? [path.join(dir, e.name)]
          : [],
    );
  const files = [...modules(path.join(siteRoot, 'src')), path.join(siteRoot, 'eleventy.config.js')];

  it('finds the modules it reads', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [path.relative(siteRoot, f), f]))(
    '%s builds no URL of a page: no path template, no `paths` helper',
    (_, file) => {
      const code = readFileSync(file, 'utf8')
        // Comments describe URLs; only code counts.
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      // A URL assembled from a language or a document id: `/${lang}/…`, '/' + lang…
      expect(code).not.toMatch(/`\/\$\{/);
      expect(code).not.toMatch(/['"`]\/['"`]\s*\+/);
      // The old private URL scheme (src/_lib/page.js `paths`).
      expect(code).not.toMatch(/\bpaths\b/);
    },
  );

  it('the checks above catch a template that builds its own URL', () => {
    const bad = 'permalink: (data) => `/${data.lang}/timeline/`';
    expect(bad).toMatch(/`\/\$\{/);
    expect("const u = '/' + lang + '/';").toMatch(/['"`]\/['"`]\s*\+/);
  });
});

describe('the article template after a dev server rebuild', () => {
  it('paginates every article, or those bilateral.changed names and those missing from the output', async () => {
    const { data } = (await import(path.join(siteRoot, 'src', 'article.11ty.js'))) as {
      data: { pagination: { before: (routes: unknown[], data: unknown) => unknown[] } };
    };
    const routes = [
      { kind: 'article', id: 'a', locale: 'en', url: '/en/a/' },
      { kind: 'article', id: 'a', locale: 'uk', url: '/uk/a/' },
      { kind: 'article', id: 'b', locale: 'en', url: '/en/b/' },
      { kind: 'home', locale: 'en', url: '/en/' },
    ];
    // The previous build's output: every article but /en/b/ (deleted since).
    const output = mkdtempSync(path.join(os.tmpdir(), 'bilateral-article-before-'));
    const page = (url: string) => {
      mkdirSync(path.join(output, url), { recursive: true });
      writeFileSync(path.join(output, url, 'index.html'), '<!doctype html>');
    };
    try {
      for (const url of ['/en/a/', '/uk/a/', '/en/']) page(url);
      const urls = (changed: readonly string[] | null, directories: object = { output }) =>
        (
          data.pagination.before(routes, { bilateral: { changed }, eleventy: { directories } }) as {
            url: string;
          }[]
        ).map((r) => r.url);
      expect(urls(null)).toEqual(['/en/a/', '/uk/a/', '/en/b/']);
      expect(urls(['uk/a'])).toEqual(['/uk/a/', '/en/b/']);
      expect(urls([])).toEqual(['/en/b/']);
      // Unchanged and on disk: left alone (Eleventy's output path ends with a slash, or not).
      page('/en/b/');
      expect(urls(['uk/a'])).toEqual(['/uk/a/']);
      expect(urls(['uk/a'], { output: `${output}/` })).toEqual(['/uk/a/']);
      expect(urls([])).toEqual([]);
      // No output folder known: every article.
      expect(urls([], {})).toEqual(['/en/a/', '/uk/a/', '/en/b/']);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});

describe('the translation status page of a large site', () => {
  it('lists every section up to a bound, beyond it only those with something to do', async () => {
    const { listedSections, SECTIONS_LISTED } = (await import(
      path.join(siteRoot, 'src', 'translations.11ty.js')
    )) as {
      listedSections: <T extends { missing: number; stale: number }>(s: readonly T[]) => T[];
      SECTIONS_LISTED: number;
    };
    const section = (i: number, missing = 0, stale = 0) => ({ i, missing, stale });
    const few = Array.from({ length: SECTIONS_LISTED }, (_, i) => section(i));
    expect(listedSections(few)).toEqual(few);
    const many = Array.from({ length: 1000 }, (_, i) =>
      section(i, i % 100 === 7 ? 2 : 0, i % 250 === 9 ? 1 : 0),
    );
    expect(listedSections(many).map((s) => s.i)).toEqual([
      7, 9, 107, 207, 259, 307, 407, 507, 509, 607, 707, 759, 807, 907,
    ]);
    const allBad = Array.from({ length: 1000 }, (_, i) => section(i, 1));
    expect(listedSections(allBad)).toHaveLength(SECTIONS_LISTED);
  });
});
