import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES, artifacts, serve, CHROMIUM } from './helpers.js';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let base: string;

beforeAll(async () => {
  server = await serve(inject('siteDir'));
  base = server.url;
  browser = await chromium.launch(CHROMIUM);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page in a fresh context (own storage), with every console error and failed request collected. */
async function open(
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: the test moved on before a late request (the icon) finished, not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    // A page asked for on purpose at a missing URL is the only 404 a test expects.
    if (r.status() >= 400 && !r.url().includes('no-such-page'))
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

const PAGES = [
  ...LOCALES.flatMap((l) => [`/${l}/`, `/${l}/timeline/`, `/${l}/404.html`]),
  '/translations/',
  '/?choose',
  '/404.html',
];

describe('the site in Chromium', () => {
  it('loads every page with no console error and no failed request (the CSP lets the site work)', async () => {
    const { page, problems, close } = await open();
    for (const p of PAGES) {
      const response = await page.goto(base + p, { waitUntil: 'load' });
      expect(response?.status(), p).toBe(200);
      // The stylesheet applied (not blocked) and the flags loaded.
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth), p).not.toBe(
        'none',
      );
    }
    for (const l of LOCALES) {
      await page.goto(`${base}/${l}/`);
      const flags = await page.$$eval('img.flag', (imgs) =>
        imgs.map((i) => (i as HTMLImageElement).naturalWidth),
      );
      expect(flags).toHaveLength(2);
      for (const w of flags) expect(w).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    // A missing page below a language gets that language's 404 page (Chromium logs the 404).
    const missing = await page.goto(`${base}/uk/no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await close();
  });

  it('keeps the section when switching language: /ko/#trade → /uk/#trade', async () => {
    const { page, problems, close } = await open();
    await page.goto(`${base}/ko/#trade`);
    await page.click('nav.switcher a[hreflang="uk"]');
    await page.waitForURL(`${base}/uk/#trade`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('trade');
    expect(await page.textContent('#trade')).toBe('Торгівля');
    // After following a link inside the page, the switcher follows the new section.
    await page.click('nav.toc a[href="#history"]');
    await page.click('nav.switcher a[hreflang="ja"]');
    await page.waitForURL(`${base}/ja/#history`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('history');
    expect(problems).toEqual([]);
    await close();
  });

  it('switches to the top of the page without JavaScript', async () => {
    const { page, close } = await open({ javaScriptEnabled: false });
    await page.goto(`${base}/ko/#trade`);
    expect(await page.getAttribute('nav.switcher a[hreflang="uk"]', 'href')).toBe('/uk/');
    await close();
  });

  it.each([
    ['uk-UA', 'uk'],
    ['ko-KR', 'ko'],
    ['ja-JP', 'ja'],
    ['de', 'en'],
  ])('sends a reader whose browser says %s from / to /%s/, once', async (locale, expected) => {
    const { page, problems, close } = await open({ locale });
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/${expected}/`);
    await page.waitForTimeout(200);
    expect(page.url()).toBe(`${base}/${expected}/`);
    expect(navigations).toEqual([`${base}/`, `${base}/${expected}/`]);
    expect(problems).toEqual([]);
    await close();
  });

  it('remembers a language the reader chose, over the browser language', async () => {
    const { page, close } = await open({ locale: 'uk-UA' });
    await page.goto(`${base}/ja/`);
    await page.click('nav.switcher a[hreflang="ko"]');
    await page.waitForURL(`${base}/ko/`);
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/ko/`);
    expect(await page.evaluate(() => localStorage.getItem('bilateral.language'))).toBe('ko');
    // `/?choose` shows the list instead of redirecting.
    await page.goto(`${base}/?choose`);
    await page.waitForTimeout(200);
    expect(page.url()).toBe(`${base}/?choose`);
    await close();
  });

  it('shows the root as a plain list of languages without JavaScript', async () => {
    const { page, close } = await open({ javaScriptEnabled: false, locale: 'uk-UA' });
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/`);
    const links = await page.$$eval('ul.languages a', (as) =>
      as.map((a) => [a.getAttribute('href'), a.getAttribute('hreflang'), a.textContent]),
    );
    expect(links).toEqual([
      ['/ja/', 'ja', '日本語'],
      ['/en/', 'en', 'English'],
      ['/uk/', 'uk', 'Українська'],
      ['/ko/', 'ko', '한국어'],
    ]);
    await close();
  });

  it('goes from a footnote marker to its reference and back to the right marker', async () => {
    const { page, close } = await open();
    await page.goto(`${base}/en/`);
    // mfa-2022 is cited twice: the second marker is in "Russian invasion".
    await page.click('#cite-ref-mfa-2022-2 a');
    await page.waitForURL(`${base}/en/#cite-note-mfa-2022`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(
      'cite-note-mfa-2022',
    );
    const backlinks = page.locator('#cite-note-mfa-2022 a.backlink');
    expect(await backlinks.allTextContents()).toEqual(['a', 'b']);
    await backlinks.nth(1).click();
    await page.waitForURL(`${base}/en/#cite-ref-mfa-2022-2`);
    const inView = await page.evaluate(() => {
      const r = document.getElementById('cite-ref-mfa-2022-2')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(
      await page.evaluate(
        () => document.querySelector(':target')?.closest('section')?.querySelector('h3')?.id,
      ),
    ).toBe('russian-invasion');
    await close();
  });

  it('has no accessibility violations (axe-core)', async () => {
    // axe-core is loaded once per page by the test harness (not subject to the page's CSP) and run
    // with its default rules (WCAG A/AA and best practices). This is @axe-core/playwright's
    // legacy mode without re-sending the 500 kB script before every run: 10× faster here.
    const { page, close } = await open();
    await page.context().addInitScript({ content: axe.source });
    const violations: string[] = [];
    for (const p of [
      ...LOCALES.flatMap((l) => [`/${l}/`, `/${l}/timeline/`]),
      '/translations/',
      '/?choose',
      '/ko/404.html',
      '/404.html',
    ]) {
      await page.goto(base + p);
      const found = await page.evaluate(async () => {
        const { axe: run } = window as unknown as { axe: typeof axe };
        const result = await run.run(document, { resultTypes: ['violations'] });
        return result.violations.map(
          (v) => `${v.id} (${v.nodes.length}) ${v.help}: ${v.nodes[0]?.target.join(' ')}`,
        );
      });
      violations.push(...found.map((v) => `${p}: ${v}`));
    }
    expect(violations).toEqual([]);
    await close();
  });

  it('renders Japanese and Korean with CJK fonts, and writes screenshots of the four articles', async () => {
    mkdirSync(artifacts, { recursive: true });
    const { page, close } = await open();
    const cdp = await page.context().newCDPSession(page);
    for (const l of LOCALES) {
      await page.goto(`${base}/${l}/`);
      await page.screenshot({ path: path.join(artifacts, `article-${l}.png`) });
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: 'main h1',
      });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const families = fonts.map((f) => f.familyName);
      if (l === 'ja') expect(families.join()).toMatch(/Noto Sans CJK JP/);
      if (l === 'ko') expect(families.join()).toMatch(/Noto Sans CJK KR/);
    }
    // Print: the article without navigation, with its sources.
    await page.emulateMedia({ media: 'print' });
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('nav.switcher')!).display),
    ).toBe('none');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('ol.references')!).display),
    ).toBe('block');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/ko/`);
    await page.screenshot({ path: path.join(artifacts, 'article-ko-phone.png') });
    // Readable on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await close();
  });
});
