import path from 'node:path';
import { describe, expect, it } from 'vitest';
import bilateral from '../src/eleventy.js';
import type { SiteRoute, SwitcherLink } from '../src/eleventy.js';
import { documentStatus, siteRoutes, switcherOf } from '../src/adapters/eleventy/site.js';
import type { StatusReport } from '../src/index.js';
import { copyRepo } from './support.js';
import { fakeEleventy } from './eleventy-fake.js';

const DOC = 'north-korea-ukraine-relations';
const LOCALES = ['ja', 'en', 'uk', 'ko'];

async function site(options: Parameters<typeof bilateral>[1] = {}) {
  const dir = copyRepo();
  const e = fakeEleventy();
  await bilateral(e.config, {
    configFile: path.join(dir, 'bilateral.config.json'),
    isolate: false,
    log: () => {},
    ...options,
  });
  await e.build('build');
  return e;
}

describe('the plugin routes the whole multilingual site', () => {
  it('gives a home per language listing every document with its title, description and status', async () => {
    const e = await site();
    const { home, root, documentStatus: status } = e.data();
    expect(home.map((h) => [h.locale, h.url, h.xDefault])).toEqual(
      LOCALES.map((l) => [l, `/${l}/`, '/']),
    );
    const uk = home.find((h) => h.locale === 'uk')!;
    expect(uk.documents.map((d) => [d.kind, d.id, d.url])).toEqual([
      ['article', DOC, `/uk/${DOC}/`],
      ['page', 'about', '/uk/about/'],
    ]);
    const [article, about] = uk.documents;
    expect(article!.title).toEqual({ text: e.document('uk').title.text, lang: 'uk' });
    expect(article!.description.text).toBe(e.document('uk').description.text);
    const page = e.filters.get('bilateralPage')!('about', 'uk') as { data: Record<string, string> };
    expect(about!.title).toEqual({ text: page.data['title'], lang: 'uk' });
    expect(about!.description.text).toBe(page.data['description']);
    // Status from the checks: the source language is the source; the others are translated.
    expect(home[0]!.documents.map((d) => d.status.state)).toEqual(['source', 'source']);
    expect(article!.status).toMatchObject({ state: 'translated', missing: 0, stale: 0 });
    expect(article!.status.translated).toBe(article!.status.keys);
    expect(status).toHaveLength(2 * LOCALES.length);
    // The root page: every language named in itself, leading to its home; the default.
    expect(root).toMatchObject({ url: '/', notFound: '/404.html', defaultLocale: 'en' });
    expect(root.languages.map((l) => [l.locale, l.name, l.url])).toEqual([
      ['ja', '日本語', '/ja/'],
      ['en', 'English', '/en/'],
      ['uk', 'Українська', '/uk/'],
      ['ko', '한국어', '/ko/'],
    ]);
  });

  it("adds the site's named pages, a 404 per language, and a sitemap with alternates, x-default and lastmod", async () => {
    const seen: string[] = [];
    const e = await site({
      routes: {
        timeline: { path: '/{lng}/timeline/', sitemap: true },
        translations: '/{lng}/translations/',
        map: '/assets/maps/{id}.svg',
      },
      lastModified: (entry, document) => {
        seen.push(`${entry.kind}:${entry.locale}:${entry.id ?? entry.name}`);
        return entry.kind === 'article' ? document(entry.id!)?.events.at(-1)?.iso : undefined;
      },
    });
    const url = e.filters.get('bilateralUrl')!;
    expect(url('timeline', 'ko')).toBe('/ko/timeline/');
    expect(url('notFound', 'uk')).toBe('/uk/404.html');
    expect(url('home', 'ja')).toBe('/ja/');
    expect(url('map', 'en', DOC)).toBe(`/assets/maps/${DOC}.svg`);
    expect(() => url('nowhere', 'en')).toThrow(/no page "nowhere".*routes/);
    const { sitemap, siteRoutes: named } = e.data();
    expect(named.filter((r) => r.name === 'notFound').map((r) => r.url)).toEqual(
      LOCALES.map((l) => `/${l}/404.html`),
    );
    // Homes, then every document, then the named pages listed in it: not translations, 404, map.
    expect(sitemap.map((s) => s.url)).toEqual([
      ...LOCALES.map((l) => `/${l}/`),
      ...LOCALES.map((l) => `/${l}/${DOC}/`),
      ...LOCALES.map((l) => `/${l}/about/`),
      ...LOCALES.map((l) => `/${l}/timeline/`),
    ]);
    const about = sitemap.find((s) => s.url === '/ko/about/')!;
    expect(about.alternates).toEqual([
      ...LOCALES.map((l) => ({ hreflang: l, url: `/${l}/about/` })),
      { hreflang: 'x-default', url: '/en/about/' },
    ]);
    expect(sitemap[0]!.alternates.at(-1)).toEqual({ hreflang: 'x-default', url: '/' });
    // lastmod where the site knows it (here: an article's last event), absent elsewhere.
    const article = sitemap.find((s) => s.url === `/uk/${DOC}/`)!;
    expect(article.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(about).not.toHaveProperty('lastmod');
    expect(seen).toContain(`article:uk:${DOC}`);
    expect(seen).toContain('route:ko:timeline');
  });

  it('gives a switcher for any page: the same page in every language, keeping the anchor where ids agree', async () => {
    const e = await site({ routes: { timeline: '/{lng}/timeline/' } });
    const switcher = e.filters.get('bilateralSwitcher')! as (url: string) => SwitcherLink[];
    const article = switcher(`/ko/${DOC}/`);
    expect(article.map((l) => [l.locale, l.url, l.current, l.keepAnchor])).toEqual(
      LOCALES.map((l) => [l, `/${l}/${DOC}/`, l === 'ko', true]),
    );
    expect(article.find((l) => l.locale === 'uk')!.name).toBe('Українська');
    // A prose page's headings differ by language: no anchor kept. A home has none to keep.
    expect(switcher('/uk/about/').every((l) => !l.keepAnchor)).toBe(true);
    expect(switcher('/en/').map((l) => [l.url, l.keepAnchor])).toEqual(
      LOCALES.map((l) => [`/${l}/`, false]),
    );
    expect(switcher('/ja/timeline/').map((l) => l.keepAnchor)).toEqual([true, true, true, true]);
    expect(() => switcher('/en/nowhere/')).toThrow(/no document or page has the URL/);
  });
});

describe('the routing functions', () => {
  it('expand {id} per document, move the built-in pages, and refuse a relative pattern', () => {
    const routes: SiteRoute[] = siteRoutes(
      { card: { path: '/{lng}/{id}/card.png' }, home: { path: '/{lng}/start/', sitemap: true } },
      ['en', 'uk'],
      'en',
      ['a', 'b'],
    );
    expect(routes.filter((r) => r.name === 'card').map((r) => r.url)).toEqual([
      '/en/a/card.png',
      '/uk/a/card.png',
      '/en/b/card.png',
      '/uk/b/card.png',
    ]);
    expect(routes.filter((r) => r.name === 'home').map((r) => r.url)).toEqual([
      '/en/start/',
      '/uk/start/',
    ]);
    expect(() => siteRoutes({ x: 'timeline/' }, ['en'], 'en', [])).toThrow(/must start with "\/"/);
    expect(switcherOf('/nowhere/', [], routes, (l) => l)).toBeUndefined();
  });

  it('sum a document namespace into a state: stale, incomplete, translated, source', () => {
    const section = (namespace: string, n: Partial<Record<string, number>>) => ({
      namespace,
      section: 'x',
      keys: 4,
      translated: 0,
      missing: 0,
      stale: 0,
      ...n,
    });
    const report: StatusReport = {
      sourceLocale: 'ja',
      locales: [
        { locale: 'ja', sections: [section('doc', { translated: 4 })] },
        { locale: 'en', sections: [section('doc', { translated: 3, stale: 1 })] },
        { locale: 'uk', sections: [section('doc', { translated: 3, missing: 1 })] },
        {
          locale: 'ko',
          sections: [section('doc', { translated: 3 }), section('other', { missing: 4 })],
        },
      ].map((l) => ({
        ...l,
        keys: 0,
        translated: 0,
        missing: 0,
        stale: 0,
        untranslated: 0,
        percent: 0,
      })),
    };
    const states = documentStatus(report, [{ id: 'doc', kind: 'article', sourceLocale: 'ja' }]);
    expect(states.map((s) => [s.locale, s.state, s.untranslated])).toEqual([
      ['ja', 'source', 0],
      ['en', 'stale', 0],
      ['uk', 'incomplete', 0],
      // One text identical to the source (not yet translated): incomplete; other namespaces ignored.
      ['ko', 'incomplete', 1],
    ]);
  });
});
