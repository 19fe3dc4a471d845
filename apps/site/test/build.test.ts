import { existsSync, readFileSync } from 'node:fs';
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
const SOURCE = 'https://en.wikipedia.org/wiki/North_Korea%E2%80%93Ukraine_relations';
const LICENCE = 'https://creativecommons.org/licenses/by-sa/4.0/';
const uiOf = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, 'ui.json'), 'utf8'));
const nameOf = (l: string) => uiOf(l).language.name as string;
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

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

/** The number grouping a locale's style file asks for (`min2`: no separator in 4-digit numbers). */
function grouping(locale: string): 'min2' | 'auto' {
  const style = JSON.parse(
    readFileSync(path.join(repoRoot, 'locales', locale, 'style.json'), 'utf8'),
  ) as { numbers?: { grouping?: string } };
  return style.numbers?.grouping === 'min2' ? 'min2' : 'auto';
}

const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

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
      // With the locale's own grouping rule (locales/<l>/style.json: uk writes 1500, 55 500).
      return new Intl.NumberFormat(locale, { useGrouping: grouping(locale) }).format(fact.value);
    case 'money':
      return new Intl.NumberFormat(locale, {
        useGrouping: grouping(locale),
        style: 'currency',
        currency: fact.currency,
        currencyDisplay: (options['currencyDisplay'] ??
          'symbol') as Intl.NumberFormatOptions['currencyDisplay'],
        maximumFractionDigits: 0,
      }).format(fact.amount);
  }
}

describe('the built site', () => {
  it('has four homes, the four articles, four timelines, four status pages, 404 pages, cards, the map, the sitemap and robots.txt', () => {
    const files = walk(site);
    for (const l of LOCALES) {
      expect(files).toContain(`${l}/index.html`);
      expect(files).toContain(`${l}/${DOCUMENT}/index.html`);
      expect(files).toContain(`${l}/timeline/index.html`);
      expect(files).toContain(`${l}/translations/index.html`);
      expect(files).toContain(`${l}/404.html`);
      expect(files).toContain(`${l}/card.png`);
    }
    for (const f of [
      'index.html',
      '404.html',
      'sitemap.xml',
      'robots.txt',
      'assets/site.js',
      'assets/site.css',
      'assets/flags/kp.svg',
      'assets/flags/ua.svg',
      `assets/maps/${DOCUMENT}.svg`,
      `assets/maps/${DOCUMENT}-dark.svg`,
    ]) {
      expect(files).toContain(f);
    }
    expect(files).not.toContain('translations/index.html');
    // No page or asset comes from elsewhere: every src/href in the HTML is local or the site URL,
    // except the outbound links of the attribution: the original article, its history, the licence.
    // The references' sources link out too: exactly the URLs the core carries, nothing guessed.
    const outbound = [SOURCE, `${SOURCE}?action=history`, LICENCE];
    const sources = Object.values(corpus.documents).flatMap((d) =>
      [...Object.values(d.references), ...Object.values(d.bibliography)].flatMap((r) =>
        [r.url, r.archiveUrl].filter((u): u is string => u !== undefined),
      ),
    );
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const page = read(f);
      let rest = page;
      for (const href of outbound) {
        expect(page, `${f} links ${href}`).toContain(`href="${href}"`);
        rest = rest.replaceAll(`href="${href}"`, '');
      }
      // A prose page links out exactly where its Markdown does.
      const prose = /^(ja|en|uk|ko)\/([a-z0-9-]+)\/index\.html$/.exec(f);
      const md = prose && path.join(repoRoot, 'pages', prose[1]!, `${prose[2]}.md`);
      if (md && existsSync(md))
        for (const m of readFileSync(md, 'utf8').matchAll(/\]\((https?:[^)\s]+)\)/g)) {
          expect(page, `${f} links ${m[1]}`).toContain(`href="${escapeAttr(m[1]!)}"`);
          rest = rest.replaceAll(`href="${escapeAttr(m[1]!)}"`, '');
        }
      if (f.endsWith(`${DOCUMENT}/index.html`))
        for (const href of sources) {
          expect(page, `${f} links ${href}`).toContain(`href="${escapeAttr(href)}"`);
          rest = rest.replaceAll(`href="${escapeAttr(href)}"`, '');
        }
      for (const m of rest.matchAll(/\s(?:src|srcset|href)="([^"]+)"/g)) {
        expect(m[1], `${f}: ${m[1]}`).toMatch(
          new RegExp(`^(/|#|${TEST_SITE_URL.replace(/\./g, '\\.')}/)`),
        );
      }
    }
  });

  it('never names localhost, in any file of the production output', () => {
    for (const f of walk(site)) {
      const bytes = readFileSync(path.join(site, f));
      expect(bytes.includes('localhost'), f).toBe(false);
      expect(bytes.includes('127.0.0.1'), f).toBe(false);
    }
  });

  it.each(LOCALES)(
    'credits the original on every %s page, as CC BY-SA 4.0 asks: title, authors, licence, changes',
    (locale) => {
      const ui = uiOf(locale);
      for (const f of [
        `${locale}/index.html`,
        `${locale}/${DOCUMENT}/index.html`,
        `${locale}/timeline/index.html`,
        `${locale}/translations/index.html`,
        `${locale}/404.html`,
      ]) {
        const page = read(f);
        const attribution =
          page.match(/<div class="attribution" id="attribution">[\s\S]*?<\/div>/)?.[0] ?? '';
        expect(attribution, f).toContain(
          `<a href="${SOURCE}" hreflang="en" lang="en">North Korea–Ukraine relations</a>`,
        );
        expect(attribution, f).toContain(
          `<a href="${SOURCE}?action=history" hreflang="en">${ui.attribution.contributors}</a>`,
        );
        expect(attribution, f).toContain(`<a rel="license" href="${LICENCE}">CC BY-SA 4.0</a>`);
        expect(textOf(attribution), f).toContain(ui.attribution.changes);
        // The sentence around the links is the locale's own.
        const [before] = (ui.attribution.source as string).split('{{');
        expect(textOf(attribution), f).toContain(before!.trim());
        // The address of the page, for print.
        const url = `${TEST_SITE_URL}/${f.replace(/index\.html$/, '')}`;
        expect(attribution, f).toContain(`<a href="${url}">${url}</a>`);
      }
    },
  );

  it.each(LOCALES)(
    'shows every fact of the core on the %s article, formatted for the locale',
    (locale) => {
      const text = textOf(read(`${locale}/${DOCUMENT}/index.html`));
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
        read(`${locale}/${DOCUMENT}/index.html`).match(
          /<table class="infobox">[\s\S]*?<\/table>/,
        )?.[0] ?? '';
      expect(textOf(infobox)).toContain(
        expectedForms(doc.facts['relationsEstablished']!, locale, {}),
      );
      expect(textOf(infobox)).toContain(expectedForms(doc.facts['severance']!, locale, {}));
    },
  );

  it.each(LOCALES)(
    'has 22 references with backlinks, the bibliography and the corrections in %s',
    (locale) => {
      const page = read(`${locale}/${DOCUMENT}/index.html`);
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
      expect(page).toContain('<h2 id="bibliography" data-place>');
      expect(page).toMatch(/<li id="bib-wertz-oh-kim-2016">/);
      // The editorial notes close the article, folded; they are not a section of the contents.
      const notes =
        page.match(
          /<details class="editorial-notes" id="corrections" data-place>[\s\S]*?<\/details>/,
        )?.[0] ?? '';
      expect(notes).toContain(
        `<summary><span class="summary-title">${uiOf(locale).article.editorialNotes}</span></summary>`,
      );
      expect(page.indexOf(notes)).toBeGreaterThan(page.indexOf('<h2 id="bibliography"'));
      expect(page).not.toMatch(/<h2 id="corrections"/);
      expect(page.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0]).not.toContain('#corrections');
      expect([...notes.matchAll(/<li id="correction-/g)]).toHaveLength(
        Object.keys(doc.corrections).length,
      );
      // Every "dubious" mark links to its explanation, in the page's language.
      const marks = [...page.matchAll(/<sup class="dubious">(.*?)<\/sup>/g)].map((m) => m[1]);
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        expect(m).toMatch(
          /^<a href="#about-dubious"[^>]* data-preview="about-dubious-text">\[[^<]+\]<\/a>$/,
        );
        expect(m).toContain(uiOf(locale).article.dubious);
      }
      expect(notes).toContain(
        `<span id="about-dubious-text">${escapeHtml(uiOf(locale).article.dubiousNote)}</span>`,
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
    const list = page.match(/<ol class="timeline">[\s\S]*?<\/ol>/)?.[0] ?? '';
    const times = [...list.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)];
    expect(times).toHaveLength(Object.keys(doc.events).length);
    const isos = times.map((m) => m[1] as string);
    expect(isos).toEqual([...isos].sort());
    for (const [, iso, shown] of times) {
      const fact = Object.values(doc.facts).find((f) => f.kind === 'date' && f.value === iso);
      expect(fact).toBeDefined();
      expect(shown).toBe(expectedForms(fact!, locale, {}));
    }
    // Sources link into the article's reference list.
    expect(page).toMatch(new RegExp(`href="/${locale}/${DOCUMENT}/#cite-note-[\\w-]+"`));
  });

  it.each(LOCALES)(
    'gives the %s pages language metadata: lang, dir, canonical, hreflang, og:locale',
    (locale) => {
      const page = read(`${locale}/${DOCUMENT}/index.html`);
      expect(page).toMatch(new RegExp(`<html lang="${locale}" dir="ltr">`));
      expect(page).toContain(
        `<link rel="canonical" href="${TEST_SITE_URL}/${locale}/${DOCUMENT}/">`,
      );
      for (const l of LOCALES)
        expect(page).toContain(
          `<link rel="alternate" hreflang="${l}" href="${TEST_SITE_URL}/${l}/${DOCUMENT}/">`,
        );
      expect(page).toContain(
        `<link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}/en/${DOCUMENT}/">`,
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
      // CSP: scripts only from the site itself, no inline script anywhere (the JSON-LD block is
      // data, which browsers never run), no inline style.
      expect(page).toContain('script-src &#39;self&#39;');
      expect(page).toContain('style-src &#39;self&#39;');
      expect(page).not.toMatch(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>/);
      expect(page).not.toMatch(/<style|\sstyle="/);
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
          new RegExp(`<a href="/${l}/${DOCUMENT}/" hreflang="${l}" lang="${l}"[^>]*>${name}</a>`),
        );
      }
    },
  );

  it('has a sitemap with language alternates and a robots.txt that names it', () => {
    const sitemap = read('sitemap.xml');
    /** The sitemap's <url> entry of a path. */
    const entry = (p: string) => {
      const at = sitemap.indexOf(`<loc>${TEST_SITE_URL}${p}</loc>`);
      expect(at, p).toBeGreaterThan(-1);
      return sitemap.slice(at, sitemap.indexOf('</url>', at));
    };
    // The home, the article, About and the timeline, in every language, each with every
    // language's URL of the same page and x-default (the home's is the root page).
    const pages: [(l: string) => string, string][] = [
      [(l) => `/${l}/`, '/'],
      [(l) => `/${l}/${DOCUMENT}/`, `/en/${DOCUMENT}/`],
      [(l) => `/${l}/about/`, '/en/about/'],
      [(l) => `/${l}/timeline/`, '/en/timeline/'],
    ];
    for (const [url, xDefault] of pages) {
      for (const l of LOCALES) {
        const e = entry(url(l));
        for (const o of LOCALES)
          expect(e).toContain(
            `<xhtml:link rel="alternate" hreflang="${o}" href="${TEST_SITE_URL}${url(o)}"/>`,
          );
        expect(e).toContain(
          `<xhtml:link rel="alternate" hreflang="x-default" href="${TEST_SITE_URL}${xDefault}"/>`,
        );
      }
    }
    expect(sitemap.match(/<url>/g)).toHaveLength(pages.length * LOCALES.length);
    expect(sitemap).not.toContain('translations');
    expect(sitemap).not.toContain('404');
    expect(read('robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`);
  });

  it.each(LOCALES)(
    'has the translation status page in %s: a summary per language, sections one step away',
    (locale) => {
      const page = read(`${locale}/translations/index.html`);
      const ui = uiOf(locale);
      expect(page).toMatch(new RegExp(`<html lang="${locale}"`));
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).toContain(`<h1>${ui.status.title}</h1>`);
      for (const l of LOCALES) {
        const section =
          page.match(
            new RegExp(
              `<section class="status" aria-labelledby="status-${l}">[\\s\\S]*?</section>`,
            ),
          )?.[0] ?? '';
        expect(section, l).toMatch(/<meter min="0" max="100" value="\d+(\.\d+)?"/);
        for (const key of ['translated', 'missing', 'stale', 'identical'])
          expect(section, `${l} ${key}`).toContain(
            `<span class="figure-label">${ui.status[key]}</span>`,
          );
        // The table is in a <details>, in a scroll container keyboard users can reach and that is named.
        const label = escapeHtml(
          (ui.status.tableLabel as string).replace('{{language}}', nameOf(l)),
        );
        expect(section).toContain(
          `<details class="status-details">\n<summary>${ui.status.bySection}</summary>\n<section class="table-scroll" aria-label="${label}" tabindex="0">`,
        );
        expect(section).toContain(`${DOCUMENT}</code> <code>history</code>`);
      }
      // The switcher stays on the status page; the main navigation does not list it, the footer does.
      expect(page).toContain(
        `<a href="/uk/translations/" hreflang="uk" lang="uk" data-lang-choice="uk"`,
      );
      const nav = page.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect(nav).not.toContain('translations');
      expect(page.match(/<footer[\s\S]*?<\/footer>/)?.[0]).toContain(
        `<a href="/${locale}/translations/">${ui.nav.translations}</a>`,
      );
      // The figures add up: the source language's translated figure is the sum over its sections,
      // and every key of the source counts as translated.
      const ja =
        page.match(
          /<section class="status" aria-labelledby="status-ja">[\s\S]*?<\/section>/,
        )?.[0] ?? '';
      const digits = (t: string) => Number(t.replace(/\D/g, ''));
      const rows = [
        ...ja.matchAll(/<tr><th scope="row">[\s\S]*?<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td>/g),
      ];
      expect(rows.length).toBeGreaterThan(3);
      const keys = rows.reduce((n, r) => n + digits(r[1]!), 0);
      const translatedFigure = ja.match(
        new RegExp(
          `<span class="figure-label">${ui.status.translated}</span> <span class="figure">([^<]+)</span>`,
        ),
      )?.[1];
      expect(digits(translatedFigure ?? '')).toBe(keys);
      expect(rows.reduce((n, r) => n + digits(r[2]!), 0)).toBe(keys);
    },
  );

  it.each(LOCALES)(
    'dates the %s article: <time>, article:modified_time, JSON-LD and the sitemap agree',
    (locale) => {
      const page = read(`${locale}/${DOCUMENT}/index.html`);
      const time = page.match(/<p class="updated">([\s\S]*?)<\/p>/)?.[1] ?? '';
      const [, iso, shown] = time.match(/<time datetime="([^"]+)">([^<]+)<\/time>/) ?? [];
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z))?$/);
      const day = iso!.slice(0, 10);
      const [y, m, d] = day.split('-').map(Number);
      expect(shown).toBe(
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(Date.UTC(y!, m! - 1, d)),
        ),
      );
      const label = (uiOf(locale).article.lastUpdated as string).split('{{')[0]!;
      expect(textOf(time)).toBe(`${label}${shown}`);
      expect(page).toContain(`<meta property="article:modified_time" content="${iso}">`);
      // The date is when the language's text or the core's document last changed: never before the
      // newest event the article reports, never in the future.
      const newestEvent = Object.values(doc.events)
        .map((e) => (doc.facts[e.date] as { value: string } | undefined)?.value ?? '')
        .sort()
        .at(-1)!;
      expect(day >= newestEvent.slice(0, 10)).toBe(true);
      expect(Date.parse(iso!)).toBeLessThanOrEqual(Date.now());
      // JSON-LD: an Article in this language, based on the Wikipedia article, under its licence.
      const ld = JSON.parse(
        page.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1] ?? 'null',
      );
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Article',
        inLanguage: locale,
        dateModified: iso,
        license: LICENCE,
        url: `${TEST_SITE_URL}/${locale}/${DOCUMENT}/`,
        image: `${TEST_SITE_URL}/${locale}/card.png`,
        isBasedOn: { url: SOURCE, inLanguage: 'en' },
      });
      expect(ld.headline).toBe(textOf(page.match(/<h1>([\s\S]*?)<\/h1>/)?.[1] ?? ''));
      // The sitemap gives the same date for the article and the timeline in this language.
      const sitemap = read('sitemap.xml');
      for (const p of [`/${locale}/${DOCUMENT}/`, `/${locale}/timeline/`])
        expect(sitemap).toContain(`<loc>${TEST_SITE_URL}${p}</loc>\n<lastmod>${iso}</lastmod>`);
    },
  );

  it.each(LOCALES)(
    'gives the %s article a social card: a 1200×630 PNG, named in og:image',
    (locale) => {
      const page = read(`${locale}/${DOCUMENT}/index.html`);
      expect(page).toContain(
        `<meta property="og:image" content="${TEST_SITE_URL}/${locale}/card.png">`,
      );
      expect(page).toContain('<meta property="og:image:width" content="1200">');
      expect(page).toContain('<meta property="og:image:height" content="630">');
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
      const png = readFileSync(path.join(site, locale, 'card.png'));
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    },
  );

  it('draws each language a different card (its own title)', () => {
    const cards = LOCALES.map((l) =>
      readFileSync(path.join(site, l, 'card.png')).toString('base64'),
    );
    expect(new Set(cards).size).toBe(LOCALES.length);
  });

  it.each(LOCALES)(
    'shows the locator map in the %s infobox, light and dark, named in the language',
    (locale) => {
      const page = read(`${locale}/${DOCUMENT}/index.html`);
      const ui = uiOf(locale);
      const figure = page.match(/<figure class="locator-map">[\s\S]*?<\/figure>/)?.[0] ?? '';
      const labels = [
        ...(page.match(/<tr class="parties">[\s\S]*?<\/tr>/)?.[0] ?? '').matchAll(
          /<span class="party">([^<]+)<\/span>/g,
        ),
      ].map((m) => m[1]!);
      expect(labels).toHaveLength(2);
      const alt = escapeHtml(
        (ui.article.mapAlt as string)
          .replace('{{first}}', labels[0]!)
          .replace('{{second}}', labels[1]!),
      );
      expect(figure).toContain(
        `<source srcset="/assets/maps/${DOCUMENT}-dark.svg" media="(prefers-color-scheme: dark)">`,
      );
      expect(figure).toContain(
        `<img src="/assets/maps/${DOCUMENT}.svg" alt="${alt}" width="640" height="400">`,
      );
    },
  );

  it('draws the map from the dataset: two countries highlighted, nothing fetched', () => {
    for (const theme of ['', '-dark']) {
      const svg = read(`assets/maps/${DOCUMENT}${theme}.svg`);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 400"/);
      // Land, and one path per highlighted country in its own colour.
      const fills = [...svg.matchAll(/<path d="M[^"]+" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
      expect(new Set(fills).size).toBe(3);
      expect(svg).not.toMatch(/href|url\(|<image|<script/);
    }
  });

  it.each(LOCALES)(
    'shows the %s timeline with its gaps named (the list stays a list)',
    (locale) => {
      const page = read(`${locale}/timeline/index.html`);
      const items = [
        ...page.matchAll(
          /<li id="event-[^"]+" data-place( class="(gap-[a-z]+)")?>([\s\S]*?)<\/li>/g,
        ),
      ];
      expect(items).toHaveLength(Object.keys(doc.events).length);
      const years = items.map((m) => Number(m[3]!.match(/<time datetime="(\d{4})/)![1]));
      items.forEach((m, i) => {
        const gap = i === 0 ? 0 : years[i]! - years[i - 1]!;
        const expected =
          i === 0
            ? undefined
            : gap >= 5
              ? 'gap-long'
              : gap >= 2
                ? 'gap-some'
                : gap >= 1
                  ? 'gap-year'
                  : 'gap-none';
        expect(m[2], `event ${i}`).toBe(expected);
        expect(m[3]!.includes('class="event-gap"'), `event ${i}`).toBe(gap >= 5);
      });
      // At least one long gap in this history (1998 → 2017), named with the locale's plural form.
      const gapText = page.match(/<p class="event-gap">([^<]+)<\/p>/)?.[1] ?? '';
      const n = Number(gapText.match(/\d+/)?.[0]);
      expect(n).toBeGreaterThanOrEqual(5);
      const category = new Intl.PluralRules(locale).select(n);
      const timeline = uiOf(locale).timeline as Record<string, string>;
      expect(gapText).toBe(
        (timeline[`gap_${category}`] ?? timeline['gap_other'])!.replace('{{count}}', String(n)),
      );
    },
  );

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
