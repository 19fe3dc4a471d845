import path from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bilateral from '../src/eleventy.js';
import type { DocumentRoute, PageText } from '../src/eleventy.js';
import { copyRepo } from './support.js';
import { fakeEleventy } from './eleventy-fake.js';

describe('the plugin routes every document', () => {
  it('gives each article and prose page a URL per language, its alternates and x-default', async () => {
    const dir = copyRepo();
    const e = fakeEleventy();
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      isolate: false,
      log: () => {},
    });
    await e.build('build');
    const routes = e.data().routes;
    const about = routes.filter((r) => r.id === 'about');
    expect(about.map((r) => [r.kind, r.locale, r.url])).toEqual([
      ['page', 'ja', '/ja/about/'],
      ['page', 'en', '/en/about/'],
      ['page', 'uk', '/uk/about/'],
      ['page', 'ko', '/ko/about/'],
    ]);
    expect(about[2]!.alternates).toHaveLength(4);
    expect(about[2]!.xDefault).toBe('/en/about/');
    const article = e.filters.get('bilateralRoute')!(
      'north-korea-ukraine-relations',
      'uk',
    ) as DocumentRoute;
    expect(article).toMatchObject({ kind: 'article', url: '/uk/north-korea-ukraine-relations/' });
    // A page's internal links lead to the routes (anchor kept); others stay as they are.
    const link = e.filters.get('bilateralLink')!;
    expect(link('/uk/north-korea-ukraine-relations/#trade')).toBe(
      '/uk/north-korea-ukraine-relations/#trade',
    );
    expect(link('https://example.org/')).toBe('https://example.org/');
    const page = e.filters.get('bilateralPage')!('about', 'ko') as PageText;
    expect(page).toMatchObject({ id: 'about', lang: 'ko', fallback: false });
    expect(page.data['title']).toBeTruthy();
    expect(page.markdown).toContain('## ');
  });

  it('takes the site permalink; in development an untranslated page falls back, marked', async () => {
    const dir = copyRepo();
    rmSync(path.join(dir, 'pages/ko/about.md'));
    const e = fakeEleventy();
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      isolate: false,
      mode: 'development',
      log: () => {},
      permalink: (locale, id, kind) => (kind === 'article' ? `/${locale}/` : `/${locale}/p/${id}/`),
    });
    await e.build('serve');
    expect(e.filters.get('bilateralRoute')!('about', 'ko').url).toBe('/ko/p/about/');
    expect(e.filters.get('bilateralLink')!('/ko/north-korea-ukraine-relations/#trade')).toBe(
      '/ko/#trade',
    );
    // Korean has no About page: the chain ko → en gives the English one, marked as a fallback.
    expect(e.filters.get('bilateralPage')!('about', 'ko')).toMatchObject({
      lang: 'en',
      fallback: true,
    });
  });
});
