import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { corpus, type Fact } from '@bilateral/core';
import { DOCUMENT, LOCALES, TEST_SITE_URL, repoRoot, textOf, walk } from './helpers.js';

let site: string;
const read = (p: string) => readFileSync(path.join(site, p), 'utf8');
beforeAll(() => {
  site = inject('siteDir');
});

const doc = corpus.documents[DOCUMENT]!;

/**
 * The formats a locale's text asks for each fact: `{{severance, date}}`,
 * `{{exportsUkraineToNorthKorea, money(currencyDisplay: name)}}` → fact id → option sets.
 */
function factOptions(locale: string): Map<string, Record<string, string>[]> {
  const text = readFileSync(path.join(repoRoot, 'locales', locale, `${DOCUMENT}.json`), 'utf8');
  const out = new Map<string, Record<string, string>[]>();
  for (const m of text.matchAll(/\{\{\s*([\w-]+)\s*,\s*(\w+)(?:\(([^)]*)\))?\s*\}\}/g)) {
    const options: Record<string, string> = {};
    for (const pair of (m[3] ?? '').split(';')) {
      const [k, v] = pair.split(':').map((s) => s.trim());
      if (k && v) options[k] = v;
    }
    const list = out.get(m[1] as string) ?? [];
    list.push(options);
    out.set(m[1] as string, list);
  }
  return out;
}

/** What Intl makes of a fact in a locale, with the options the text uses (computed, not typed in). */
function expectedForms(fact: Fact, locale: string, options: Record<string, string>): string {
  const utc = (y: number, m = 1, d = 1) => new Date(Date.UTC(y, m - 1, d));
  switch (fact.kind) {
    case 'date': {
      const [y, m, d] = fact.value.split('-').map(Number) as [number, number?, number?];
      if (d !== undefined)
        return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          utc(y, m, d),
        );
      if (m === undefined)
        return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(utc(y));
      if (options['monthForm'] === 'genitive') {
        // The month as it reads inside a full date ("липня 2022 р."), without the day.
        const parts = new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).formatToParts(utc(y, m, 1));
        const i = parts.findIndex((p) => p.type === 'day');
        parts.splice(i, parts[i + 1]?.type === 'literal' ? 2 : 1);
        return parts
          .map((p) => p.value)
          .join('')
          .trim();
      }
      return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(utc(y, m));
    }
    case 'quantity':
      return new Intl.NumberFormat(locale).format(fact.value);
    case 'money':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: fact.currency,
        currencyDisplay: (options['currencyDisplay'] ??
          'symbol') as Intl.NumberFormatOptions['currencyDisplay'],
        maximumFractionDigits: 0,
      }).format(fact.amount);
  }
}

describe('the built site', () => {
  it('has the four articles, four timelines, the status page, 404 pages, the sitemap and robots.txt', () => {
    const files = walk(site);
    for (const l of LOCALES) {
      expect(files).toContain(`${l}/index.html`);
      expect(files).toContain(`${l}/timeline/index.html`);
      expect(files).toContain(`${l}/404.html`);
    }
    for (const f of [
      'index.html',
      '404.html',
      'translations/index.html',
      'sitemap.xml',
      'robots.txt',
      'assets/language.js',
      'assets/site.css',
      'assets/flags/kp.svg',
      'assets/flags/ua.svg',
    ]) {
      expect(files).toContain(f);
    }
    // No page or asset comes from elsewhere: every src/href in the HTML is local or the site URL,
    // except the one outbound link a reader may follow: the text's licence (CC BY-SA 4.0).
    const licence = 'https://creativecommons.org/licenses/by-sa/4.0/';
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const page = read(f);
      if (/^(ja|en|uk|ko)\/index\.html$/.test(f)) {
        expect(page, f).toContain(`<a rel="license" hreflang="en" lang="en" href="${licence}">`);
      }
      for (const m of page
        .replaceAll(`href="${licence}"`, '')
        .matchAll(/\s(?:src|href)="([^"]+)"/g)) {
        expect(m[1], `${f}: ${m[1]}`).toMatch(
          new RegExp(`^(/|#|${TEST_SITE_URL.replace(/\./g, '\\.')}/)`),
        );
      }
    }
  });

  it.each(LOCALES)(
    'shows every fact of the core on the %s article, formatted for the locale',
    (locale) => {
      const text = textOf(read(`${locale}/index.html`));
      const options = factOptions(locale);
      for (const [id, fact] of Object.entries(doc.facts)) {
        const uses = options.get(id);
        expect(uses, `${locale} text uses fact ${id}`).toBeDefined();
        for (const o of uses ?? []) {
          const expected = expectedForms(fact, locale, o);
          expect(text, `${locale}: ${id} as "${expected}"`).toContain(expected);
        }
      }
      // The infobox dates too.
      const infobox =
        read(`${locale}/index.html`).match(/<table class="infobox">[\s\S]*?<\/table>/)?.[0] ?? '';
      expect(textOf(infobox)).toContain(
        expectedForms(doc.facts['relationsEstablished']!, locale, {}),
      );
      expect(textOf(infobox)).toContain(expectedForms(doc.facts['severance']!, locale, {}));
    },
  );

  it.each(LOCALES)(
    'has 22 references with backlinks, the bibliography and the corrections in %s',
    (locale) => {
      const page = read(`${locale}/index.html`);
      const refs = [...page.matchAll(/<li id="(cite-note-[^"]+)" value="(\d+)">/g)];
      expect(refs).toHaveLength(22);
      expect(refs.map((m) => Number(m[2]))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
      // Every marker leads to a reference, and every backlink to a marker that exists.
      const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const m of page.matchAll(/href="#([^"]+)"/g)) expect(ids, `#${m[1]}`).toContain(m[1]);
      const markers = [...page.matchAll(/<sup class="reference" id="(cite-ref-[^"]+)">/g)];
      expect(markers.length).toBeGreaterThan(22);
      // The reference cited twice gets the locale's own backlink letters.
      const letters = JSON.parse(
        readFileSync(path.join(repoRoot, 'locales', locale, 'ui.json'), 'utf8'),
      ).citation.backlinkLetters.split(' ');
      const twice = page.match(/<li id="cite-note-mfa-2022"[\s\S]*?<\/li>/)?.[0] ?? '';
      expect(twice).toContain(`<sup>${letters[0]}</sup>`);
      expect(twice).toContain(`<sup>${letters[1]}</sup>`);
      expect(page).toContain('<h2 id="bibliography">');
      expect(page).toMatch(/<li id="bib-wertz-oh-kim-2016">/);
      expect(page).toContain('<h2 id="corrections">');
      expect([...page.matchAll(/<li id="correction-/g)]).toHaveLength(
        Object.keys(doc.corrections).length,
      );
      // Stable section ids, the same in every language.
      for (const s of doc.sections.filter((s) => s.level > 0))
        expect(page).toContain(` id="${s.id}"`);
      // Production: nothing from another language, no notice, no banner.
      expect(page).not.toMatch(/class="(untranslated|missing-text|dev-banner)/);
    },
  );

  it.each(LOCALES)('has the %s timeline in date order, dates by Intl', (locale) => {
    const page = read(`${locale}/timeline/index.html`);
    const times = [...page.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)];
    expect(times).toHaveLength(Object.keys(doc.events).length);
    const isos = times.map((m) => m[1] as string);
    expect(isos).toEqual([...isos].sort());
    for (const [, iso, shown] of times) {
      const fact = Object.values(doc.facts).find((f) => f.kind === 'date' && f.value === iso);
      expect(fact).toBeDefined();
      expect(shown).toBe(expectedForms(fact!, locale, {}));
    }
    // Sources link into the article's reference list.
    expect(page).toMatch(new RegExp(`href="/${locale}/#cite-note-[\\w-]+"`));
  });

  it.each(LOCALES)(
    'gives the %s pages language metadata: lang, dir, canonical, hreflang, og:locale',
    (locale) => {
      const page = read(`${locale}/index.html`);
      expect(page).toMatch(new RegExp(`<html lang="${locale}" dir="ltr">`));
      expect(page).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/${locale}/">`);
      for (const l of LOCALES)
        expect(page).toContain(
          `<link rel="alternate" hreflang="${l}" href="${TEST_SITE_URL}/${l}/">`,
        );
      expect(page).toContain(
        `<link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/">`,
      );
      const og = (l: string) => {
        const max = new Intl.Locale(l).maximize();
        return `${max.language}_${max.region}`;
      };
      expect(page).toContain(`<meta property="og:locale" content="${og(locale)}">`);
      for (const l of LOCALES.filter((l) => l !== locale))
        expect(page).toContain(`<meta property="og:locale:alternate" content="${og(l)}">`);
      expect(page).toMatch(/<title>[^<]+<\/title>/);
      expect(page).toMatch(/<meta name="description" content="[^"]+">/);
      // CSP: scripts only from the site itself, no inline script anywhere.
      expect(page).toContain('script-src &#39;self&#39;');
      expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(page).not.toMatch(/\son[a-z]+="/);
      // The switcher: every language named in its own script, with hreflang and lang.
      const ui = JSON.parse(
        readFileSync(path.join(repoRoot, 'locales', locale, 'ui.json'), 'utf8'),
      );
      expect(page).toContain(ui.language.name);
      for (const l of LOCALES) {
        const name = JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, 'ui.json'), 'utf8'))
          .language.name;
        expect(page).toMatch(
          new RegExp(`<a href="/${l}/" hreflang="${l}" lang="${l}"[^>]*>${name}</a>`),
        );
      }
    },
  );

  it('has a sitemap with language alternates and a robots.txt that names it', () => {
    const sitemap = read('sitemap.xml');
    for (const l of LOCALES) {
      expect(sitemap).toContain(`<loc>${TEST_SITE_URL}/${l}/</loc>`);
      expect(sitemap).toContain(`<loc>${TEST_SITE_URL}/${l}/timeline/</loc>`);
      expect(sitemap).toContain(
        `<xhtml:link rel="alternate" hreflang="${l}" href="${TEST_SITE_URL}/${l}/"/>`,
      );
    }
    expect(sitemap).toContain(
      `<xhtml:link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/"/>`,
    );
    expect(sitemap).toContain(`<loc>${TEST_SITE_URL}/translations/</loc>`);
    expect(sitemap).not.toContain('404');
    expect(read('robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`);
  });

  it('has the translation status page, per language and section', () => {
    const page = read('translations/index.html');
    for (const l of LOCALES) expect(page).toContain(`id="status-${l}"`);
    expect(page).toMatch(/<meter min="0" max="100" value="\d+(\.\d+)?"/);
    expect(page).toContain(`${DOCUMENT}</code> history`);
    // The numbers are those of `pnpm i18n status`: every key of the source, in every language.
    const ja = page.match(/<h2 id="status-ja">[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(ja).toMatch(/100% · (\d+)\/\1 translated/);
  });

  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const failures: string[] = [];
    for (const f of walk(site).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(read(f), f);
      for (const r of report.results)
        for (const m of r.messages)
          failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
