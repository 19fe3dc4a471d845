import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSettings } from '../src/_lib/settings.js';
import { CHROMIUM, DOCUMENT, eleventy, repoRoot, serve, siteCopy, walk } from './helpers.js';

/**
 * Where the site is published: `homepage` in package.json, SITE_URL over it, a path prefix
 * carried into every link; a production build without a public URL (or with a local one) stops.
 */

const pkg = path.join(import.meta.dirname, '..', 'package.json');
const settings = (env: Record<string, string>) => siteSettings({ env, packageFile: pkg });

describe('the site URL (src/_lib/settings.js)', () => {
  it("uses this repository's homepage in production, and SITE_URL over it", () => {
    const homepage = JSON.parse(readFileSync(pkg, 'utf8')).homepage as string;
    expect(homepage).toMatch(/^https:\/\//);
    expect(settings({})).toMatchObject({
      mode: 'production',
      url: homepage.replace(/\/$/, ''),
      from: 'package.json homepage',
    });
    expect(settings({ SITE_URL: 'https://example.org' })).toEqual({
      mode: 'production',
      url: 'https://example.org',
      pathPrefix: '/',
      from: 'SITE_URL',
    });
  });

  it('takes the page budget from SITE_PAGE_BUDGET_KB, in kilobytes, or leaves it to the plugin', () => {
    const base = { SITE_URL: 'https://example.org' };
    expect(settings(base).pageBudget).toBeUndefined();
    expect(settings({ ...base, SITE_PAGE_BUDGET_KB: '400' }).pageBudget).toBe(400 * 1024);
    for (const bad of ['0', '-5', '1.5', '200KB'])
      expect(() => settings({ ...base, SITE_PAGE_BUDGET_KB: bad }), bad).toThrow(
        `SITE_PAGE_BUDGET_KB must be a whole number of kilobytes, such as 400, not "${bad}"`,
      );
  });

  it('carries a path into the path prefix, with or without the final slash', () => {
    for (const value of ['https://example.org/bilateral/', 'https://example.org/bilateral']) {
      expect(settings({ SITE_URL: value })).toMatchObject({
        url: 'https://example.org/bilateral',
        pathPrefix: '/bilateral/',
      });
    }
  });

  it('refuses a local address in production, and accepts it in development', () => {
    for (const value of ['http://localhost:8080', 'http://127.0.0.1:8080/', 'http://[::1]/']) {
      expect(() => settings({ SITE_URL: value }), value).toThrow(/a local address/);
      expect(settings({ SITE_URL: value, BILATERAL_MODE: 'development' }).mode).toBe('development');
    }
    // Development needs no URL at all: the development server's.
    expect(settings({ ELEVENTY_RUN_MODE: 'serve' })).toMatchObject({
      mode: 'development',
      url: 'http://localhost:8080',
    });
  });

  it('names what is wrong with a URL that is not one', () => {
    expect(() => settings({ SITE_URL: 'example.org' })).toThrow(/absolute URL.*"example\.org"/);
    expect(() => settings({ SITE_URL: 'ftp://example.org/' })).toThrow(/http\(s\)/);
    expect(() => settings({ SITE_URL: 'https://example.org/?a=1' })).toThrow(/without query/);
    expect(() => settings({ BILATERAL_MODE: 'staging' })).toThrow(/BILATERAL_MODE/);
  });
});

describe('a production build without a public URL (a fork without "homepage")', () => {
  const fork = siteCopy((p) => {
    delete p['homepage'];
  });
  afterAll(() => fork.cleanup());

  it('fails with a message that says what to set, and writes nothing', async () => {
    const out = path.join(fork.dir, '_site');
    const r = await eleventy(
      ['--output', out],
      { SITE_URL: undefined, BILATERAL_MODE: undefined },
      fork.dir,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The site has no public URL');
    expect(r.stderr).toContain('Set "homepage" in apps/site/package.json');
    expect(r.stderr).toContain('SITE_URL');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('fails with SITE_URL naming localhost', async () => {
    const r = await eleventy(
      ['--output', path.join(fork.dir, '_local')],
      { SITE_URL: 'http://localhost:8080', BILATERAL_MODE: undefined },
      fork.dir,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('a local address');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds in development, which needs no URL', async () => {
    const out = path.join(fork.dir, '_dev');
    const r = await eleventy(
      ['--output', out],
      {
        SITE_URL: undefined,
        BILATERAL_MODE: 'development',
        BILATERAL_CONFIG: path.join(repoRoot, 'bilateral.config.json'),
      },
      fork.dir,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'en', DOCUMENT, 'index.html'), 'utf8')).toContain(
      `<link rel="canonical" href="http://localhost:8080/en/${DOCUMENT}/">`,
    );
  });
});

describe('a site published below a path (homepage https://example.org/bilateral/)', () => {
  const fork = siteCopy((p) => {
    p['homepage'] = 'https://example.org/bilateral/';
  });
  const out = path.join(fork.dir, '_site');
  let build: { code: number | null; stderr: string };
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');

  beforeAll(async () => {
    build = await eleventy(
      ['--output', out],
      {
        SITE_URL: undefined,
        BILATERAL_MODE: 'production',
        // The project's config, or the one the run names (as the global setup does).
        BILATERAL_CONFIG:
          process.env['BILATERAL_CONFIG'] ?? path.join(repoRoot, 'bilateral.config.json'),
      },
      fork.dir,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fork.cleanup();
  });

  it('builds, and every link inside the site starts with the prefix', () => {
    expect(build.code, build.stderr).toBe(0);
    for (const f of walk(out).filter((f) => f.endsWith('.html'))) {
      for (const m of read(f).matchAll(/\s(?:src|srcset|href)="(\/[^"]*)"/g))
        expect(m[1], `${f}: ${m[1]}`).toMatch(/^\/bilateral\//);
    }
    const en = read(`en/${DOCUMENT}/index.html`);
    expect(en).toContain(
      `<link rel="canonical" href="https://example.org/bilateral/en/${DOCUMENT}/">`,
    );
    expect(en).toContain(
      `<link rel="alternate" hreflang="uk" href="https://example.org/bilateral/uk/${DOCUMENT}/">`,
    );
    expect(en).toContain(
      '<meta property="og:image" content="https://example.org/bilateral/en/card.png">',
    );
    expect(en).toContain('<link rel="stylesheet" href="/bilateral/assets/site.css">');
    expect(read('sitemap.xml')).toContain('<loc>https://example.org/bilateral/uk/timeline/</loc>');
    expect(read('robots.txt')).toContain('Sitemap: https://example.org/bilateral/sitemap.xml');
  });

  it('works below the prefix in a browser: styles, map, language negotiation and switching', async () => {
    expect(build.code, build.stderr).toBe(0);
    server = await serve(out, '/bilateral/');
    browser = await chromium.launch(CHROMIUM);
    const context = await browser.newContext({ locale: 'uk-UA' });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}/`);
      await page.waitForURL(`${server.url}/uk/`);
      await page.waitForSelector('html[data-script="ready"]');
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
      // An old link to a section of the article that the home showed goes on to the article.
      await page.goto(`${server.url}/uk/#trade`);
      await page.waitForURL(`${server.url}/uk/${DOCUMENT}/#trade`);
      await page.waitForSelector('html[data-script="ready"]');
      expect(
        await page.$eval('.locator-map img', (i) => (i as HTMLImageElement).naturalWidth),
      ).toBeGreaterThan(0);
      await page.click('nav.switcher a[hreflang="ko"]');
      // The same page in Korean (the reader's place, a #section, comes along).
      await page.waitForURL((u) => u.pathname === `/bilateral/ko/${DOCUMENT}/`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
