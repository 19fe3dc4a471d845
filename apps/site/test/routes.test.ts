import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES, repoRoot, TEST_SITE_URL } from './helpers.js';

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
    // The Markdown's internal link to the article leads to the article's URL (/{lang}/).
    expect(page).toMatch(new RegExp(`<a href="/${l}/">`));
    expect(page).not.toContain('north-korea-ukraine-relations/"');
    // Canonical, hreflang for every language, x-default.
    expect(page).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/${l}/about/">`);
    for (const o of LOCALES)
      expect(page).toContain(
        `<link rel="alternate" hreflang="${o}" href="${TEST_SITE_URL}/${o}/about/">`,
      );
    expect(page).toContain(
      `<link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/en/about/">`,
    );
    // The switcher leads to the same page in the other languages (keeping the anchor).
    for (const o of LOCALES)
      expect(page).toMatch(new RegExp(`<a href="/${o}/about/" hreflang="${o}"[^>]*data-keep-hash`));
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
    }).validateString(page, `${l}/about/index.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });

  it('every page links to it in the footer, and the sitemap lists it with its alternates', () => {
    for (const l of LOCALES) {
      expect(read(`${l}/index.html`)).toContain(`<a href="/${l}/about/">${title(l)}</a>`);
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
