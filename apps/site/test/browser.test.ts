import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DOCUMENT, LOCALES, artifacts, repoRoot, serve, CHROMIUM } from './helpers.js';

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

const uiOf = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, 'ui.json'), 'utf8'));

/**
 * Runs `body` with a page in a fresh context (own storage), every console error and failed
 * request collected; the context is closed whatever happens.
 */
async function withPage(
  options: BrowserContextOptions,
  body: (page: Page, problems: string[]) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, ...options });
  try {
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
    await body(page, problems);
  } finally {
    await context.close();
  }
}

/** Waits until the site's script has run to its end on the current page (it then started no redirect). */
const scriptDone = (page: Page) =>
  page.waitForSelector('html[data-script="ready"]', { state: 'attached' });

/**
 * Resolves once the page has rendered two more frames and run the tasks queued before them: by
 * then the IntersectionObserver has delivered what the last scroll caused.
 */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  );

/**
 * Clicks an element where it is on screen, as a reader does, without scrolling the page first
 * (Playwright's click scrolls a sticky element "into view", which moves the reader's place).
 */
async function clickInPlace(page: Page, selector: string) {
  const box = await page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

const PAGES = [
  ...LOCALES.flatMap((l) => [
    `/${l}/`,
    `/${l}/${DOCUMENT}/`,
    `/${l}/about/`,
    `/${l}/timeline/`,
    `/${l}/translations/`,
    `/${l}/404.html`,
  ]),
  '/?choose',
  '/404.html',
];

describe('the site in Chromium', () => {
  it('loads every page with no console error and no failed request (the CSP lets the site work)', async () => {
    await withPage({}, async (page, problems) => {
      for (const p of PAGES) {
        const response = await page.goto(base + p, { waitUntil: 'load' });
        expect(response?.status(), p).toBe(200);
        // The stylesheet applied (not blocked) and the script ran.
        expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth), p).not.toBe(
          'none',
        );
        await scriptDone(page);
      }
      for (const l of LOCALES) {
        await page.goto(`${base}/${l}/${DOCUMENT}/`);
        const images = await page.$$eval('img.flag, .locator-map img', (imgs) =>
          imgs.map((i) => (i as HTMLImageElement).naturalWidth),
        );
        expect(images).toHaveLength(3);
        for (const w of images) expect(w).toBeGreaterThan(0);
      }
      expect(problems).toEqual([]);
      // A missing page below a language gets that language's 404 page (Chromium logs the 404).
      const missing = await page.goto(`${base}/uk/no-such-page/`);
      expect(missing?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe('uk');
      expect(problems).toEqual([
        'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
      ]);
    });
  }, 120_000);

  it('keeps the section when switching language: /ko/#trade → /uk/#trade', async () => {
    await withPage({}, async (page, problems) => {
      await page.goto(`${base}/ko/${DOCUMENT}/#trade`);
      await scriptDone(page);
      await clickInPlace(page, 'nav.switcher a[hreflang="uk"]');
      await page.waitForURL(`${base}/uk/${DOCUMENT}/#trade`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('trade');
      expect(await page.textContent('#trade')).toBe('Торгівля');
      // After following a link inside the page, the switcher follows the new section.
      await page.click('nav.toc a[href="#history"]');
      await page.waitForURL(`${base}/uk/${DOCUMENT}/#history`);
      await settled(page);
      await clickInPlace(page, 'nav.switcher a[hreflang="ja"]');
      await page.waitForURL(`${base}/ja/${DOCUMENT}/#history`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('history');
      expect(problems).toEqual([]);
    });
  });

  it.each([
    ['a phone', { width: 390, height: 844 }],
    ['a desktop', { width: 1280, height: 800 }],
  ])(
    'keeps the place of a reader who scrolled (no #hash) when switching language, on %s',
    async (_, viewport) => {
      await withPage({ viewport }, async (page, problems) => {
        await page.goto(`${base}/ko/${DOCUMENT}/`);
        await scriptDone(page);
        const entries = await page.evaluate(() => history.length);
        // The reader scrolls to the Trade section, without the table of contents.
        await page.evaluate(() => document.getElementById('trade')!.scrollIntoView());
        await page.waitForFunction(() => location.hash === '#trade');
        // The place is in the URL without a new history entry, and the switcher carries it.
        expect(await page.evaluate(() => history.length)).toBe(entries);
        expect(await page.getAttribute('nav.switcher a[hreflang="uk"]', 'href')).toBe(
          `/uk/${DOCUMENT}/#trade`,
        );
        // The switcher stays in view (sticky header) while reading mid-article.
        const link = await page.$eval('nav.switcher a[hreflang="uk"]', (a) => {
          const r = a.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, width: r.width, height: r.height };
        });
        expect(link.top).toBeGreaterThanOrEqual(0);
        expect(link.bottom).toBeLessThanOrEqual(viewport.height);
        expect(link.width).toBeGreaterThanOrEqual(24);
        expect(link.height).toBeGreaterThanOrEqual(24);
        await clickInPlace(page, 'nav.switcher a[hreflang="uk"]');
        await page.waitForURL(`${base}/uk/${DOCUMENT}/#trade`);
        // Landed in the same section: its heading at the top, just below the sticky header.
        const at = await page.evaluate(() => ({
          heading: document.getElementById('trade')!.getBoundingClientRect().top,
          header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        }));
        expect(at.heading).toBeGreaterThanOrEqual(at.header - 1);
        expect(at.heading).toBeLessThan(at.header + 100);
        // Back at the top of the article, the URL has no section any more.
        await scriptDone(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForFunction(() => location.hash === '');
        expect(problems).toEqual([]);
      });
    },
  );

  it('keeps a footnote target as the place while the reader is in the references', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${base}/en/${DOCUMENT}/`);
      await scriptDone(page);
      await page.click('#cite-ref-oec-2020-1 a');
      await page.waitForURL(`${base}/en/${DOCUMENT}/#cite-note-oec-2020`);
      await settled(page);
      expect(new URL(page.url()).hash).toBe('#cite-note-oec-2020');
      await clickInPlace(page, 'nav.switcher a[hreflang="ja"]');
      await page.waitForURL(`${base}/ja/${DOCUMENT}/#cite-note-oec-2020`);
    });
  });

  it('forwards an old link to a section of the article (/ko/#trade, the home now) to the article', async () => {
    await withPage({}, async (page, problems) => {
      await page.goto(`${base}/ko/#trade`);
      await page.waitForURL(`${base}/ko/${DOCUMENT}/#trade`);
      await scriptDone(page);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('trade');
      // The home itself, without a fragment, stays: it lists the documents.
      await page.goto(`${base}/ko/`);
      await scriptDone(page);
      expect(page.url()).toBe(`${base}/ko/`);
      expect(await page.$$eval('ul.documents > li', (li) => li.length)).toBe(2);
      expect(problems).toEqual([]);
    });
  });

  it('switches to the top of the page without JavaScript', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${base}/ko/${DOCUMENT}/#trade`);
      expect(await page.getAttribute('nav.switcher a[hreflang="uk"]', 'href')).toBe(
        `/uk/${DOCUMENT}/`,
      );
    });
  });

  it.each([
    ['uk-UA', 'uk'],
    ['ko-KR', 'ko'],
    ['ja-JP', 'ja'],
    ['de', 'en'],
  ])('sends a reader whose browser says %s from / to /%s/, once', async (locale, expected) => {
    await withPage({ locale }, async (page, problems) => {
      const navigations: string[] = [];
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) navigations.push(f.url());
      });
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/${expected}/`);
      // The language page's script has run to its end: it started no further redirect.
      await scriptDone(page);
      expect(page.url()).toBe(`${base}/${expected}/`);
      expect(navigations).toEqual([`${base}/`, `${base}/${expected}/`]);
      expect(problems).toEqual([]);
    });
  });

  it('remembers a language the reader chose, over the browser language', async () => {
    await withPage({ locale: 'uk-UA' }, async (page) => {
      await page.goto(`${base}/ja/`);
      await page.click('nav.switcher a[hreflang="ko"]');
      await page.waitForURL(`${base}/ko/`);
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/ko/`);
      expect(await page.evaluate(() => localStorage.getItem('bilateral.language'))).toBe('ko');
      // `/?choose` shows the list instead of redirecting: the script ran to its end there.
      await page.goto(`${base}/?choose`);
      await scriptDone(page);
      expect(page.url()).toBe(`${base}/?choose`);
    });
  });

  it('shows the root as a plain list of languages without JavaScript', async () => {
    await withPage({ javaScriptEnabled: false, locale: 'uk-UA' }, async (page) => {
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
    });
  });

  it('goes from a footnote marker to its reference and back to the right marker', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${base}/en/${DOCUMENT}/`);
      // mfa-2022 is cited twice: the second marker is in "Russian invasion".
      await page.click('#cite-ref-mfa-2022-2 a');
      await page.waitForURL(`${base}/en/${DOCUMENT}/#cite-note-mfa-2022`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(
        'cite-note-mfa-2022',
      );
      const backlinks = page.locator('#cite-note-mfa-2022 a.backlink');
      expect(await backlinks.allTextContents()).toEqual(['a', 'b']);
      await backlinks.nth(1).click();
      await page.waitForURL(`${base}/en/${DOCUMENT}/#cite-ref-mfa-2022-2`);
      const inView = await page.evaluate(() => {
        const r = document.getElementById('cite-ref-mfa-2022-2')!.getBoundingClientRect();
        const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        return r.top >= header && r.bottom <= innerHeight;
      });
      expect(inView).toBe(true);
      expect(
        await page.evaluate(
          () => document.querySelector(':target')?.closest('section')?.querySelector('h3')?.id,
        ),
      ).toBe('russian-invasion');
    });
  });
});

describe('reference previews', () => {
  /** The text of reference `id` as the list shows it, without its backlinks. */
  const referenceText = (page: Page, id: string) =>
    page.$eval(`#${id}`, (li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelector('.backlinks')?.remove();
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
  const previewText = (page: Page) =>
    page.$eval('#ref-preview', (p) => p.textContent.replace(/\s+/g, ' ').trim());

  it('opens from the keyboard (Tab to [1]), is announced, and closes with Escape', async () => {
    await withPage({}, async (page, problems) => {
      await page.goto(`${base}/uk/${DOCUMENT}/`);
      await scriptDone(page);
      const marker = 'sup.reference a[href="#cite-note-mfa-2022"]';
      // Tab through the page until the first footnote marker has the focus.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (
          await page.evaluate((s) => document.activeElement === document.querySelector(s), marker)
        )
          break;
      }
      expect(
        await page.evaluate((s) => document.activeElement === document.querySelector(s), marker),
      ).toBe(true);
      await page.waitForSelector('#ref-preview[role="tooltip"]:not([hidden])');
      expect(await page.getAttribute(marker, 'aria-describedby')).toBe('ref-preview');
      expect(await previewText(page)).toBe(await referenceText(page, 'cite-note-mfa-2022'));
      // Its accessible description is the reference (what a screen reader announces).
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId: (
          await cdp.send('DOM.describeNode', {
            objectId: (
              await cdp.send('Runtime.evaluate', {
                expression: `document.querySelector('${marker}')`,
              })
            ).result.objectId!,
          })
        ).node.backendNodeId,
        fetchRelatives: false,
      });
      const description = nodes[0]?.description?.value ?? '';
      expect(description.replace(/\s+/g, ' ').trim()).toBe(await previewText(page));
      // Escape closes it; the focus stays on the marker.
      await page.keyboard.press('Escape');
      await page.waitForSelector('#ref-preview', { state: 'hidden' });
      expect(await page.getAttribute(marker, 'aria-describedby')).toBeNull();
      expect(
        await page.evaluate((s) => document.activeElement === document.querySelector(s), marker),
      ).toBe(true);
      // Enter still follows the link to the reference.
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/uk/${DOCUMENT}/#cite-note-mfa-2022`);
      expect(problems).toEqual([]);
    });
  });

  it('opens on hover and closes when the pointer leaves', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${base}/en/${DOCUMENT}/`);
      await scriptDone(page);
      await page.hover('#cite-ref-oec-2020-1 a');
      await page.waitForSelector('#ref-preview:not([hidden])');
      expect(await previewText(page)).toBe(await referenceText(page, 'cite-note-oec-2020'));
      await page.mouse.move(5, 5);
      await page.waitForSelector('#ref-preview', { state: 'hidden' });
    });
  });

  it('opens on a tap (a sheet on a phone); a second tap follows the link', async () => {
    await withPage(
      { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      async (page) => {
        await page.goto(`${base}/ko/${DOCUMENT}/`);
        await scriptDone(page);
        const marker = '#cite-ref-mfa-2022-1 a';
        /** Taps the marker and resolves once the page has handled the tap's click. */
        const tap = async () => {
          const clicked = page.evaluate(
            () =>
              new Promise<void>((resolve) =>
                document.addEventListener('click', () => setTimeout(resolve, 0), { once: true }),
              ),
          );
          await page.tap(marker);
          await clicked;
        };
        await tap();
        // After the tap was handled: the preview is open and the page did not move to the note.
        expect(await page.isVisible('#ref-preview.sheet')).toBe(true);
        expect(new URL(page.url()).hash).toBe('');
        const sheet = await page.$eval('#ref-preview', (p) => {
          const r = p.getBoundingClientRect();
          return { bottom: r.bottom, left: r.left, width: r.width };
        });
        expect(sheet.bottom).toBeCloseTo(844, 0);
        expect(sheet.width).toBeCloseTo(390, 0);
        await tap();
        await page.waitForURL(`${base}/ko/${DOCUMENT}/#cite-note-mfa-2022`);
      },
    );
  });

  it.each(LOCALES)('explains a "dubious" mark in place, in %s', async (locale) => {
    await withPage({}, async (page) => {
      await page.goto(`${base}/${locale}/${DOCUMENT}/`);
      await scriptDone(page);
      const mark = page.locator('sup.dubious a').first();
      // The native tooltip is gone (the explanation is shown in place instead).
      expect(await mark.getAttribute('title')).toBeNull();
      await mark.focus();
      await page.waitForSelector('#ref-preview:not([hidden])');
      expect(await previewText(page)).toBe(uiOf(locale).article.dubiousNote);
      // Following it opens the folded notes at the explanation.
      await mark.press('Enter');
      await page.waitForURL(`${base}/${locale}/${DOCUMENT}/#about-dubious`);
      await page.waitForFunction(
        () => (document.getElementById('corrections') as HTMLDetailsElement).open,
      );
      expect(await page.isVisible('#about-dubious')).toBe(true);
    });
  });
});

describe('readable everywhere', () => {
  const AXE_PAGES = [
    ...LOCALES.map((l) => `/${l}/`),
    ...LOCALES.map((l) => `/${l}/${DOCUMENT}/`),
    '/uk/about/',
    '/ko/timeline/',
    '/uk/timeline/',
    '/ja/translations/',
    '/uk/translations/',
    '/?choose',
    '/ko/404.html',
    '/404.html',
  ];

  it.each([
    ['light', 1280],
    ['light', 390],
    ['dark', 1280],
    ['dark', 390],
  ] as const)(
    'has no accessibility violations (axe-core, WCAG 2.2 AA) in %s mode at %i px',
    async (colorScheme, width) => {
      // axe-core is loaded once per page by the test harness (not subject to the page's CSP) and
      // run with its default rules (WCAG A/AA, 2.2 AA target size, best practices): the same as
      // @axe-core/playwright's legacy mode, without re-sending the 500 kB script before every run.
      await withPage(
        { viewport: { width, height: width < 600 ? 844 : 800 }, colorScheme },
        async (page) => {
          await page.context().addInitScript({ content: axe.source });
          const violations: string[] = [];
          const run = async (where: string) => {
            const found = await page.evaluate(async () => {
              const { axe: a } = window as unknown as { axe: typeof axe };
              const result = await a.run(document, { resultTypes: ['violations'] });
              return result.violations.map(
                (v) => `${v.id} (${v.nodes.length}) ${v.help}: ${v.nodes[0]?.target.join(' ')}`,
              );
            });
            violations.push(...found.map((v) => `${where}: ${v}`));
          };
          for (const p of AXE_PAGES) {
            await page.goto(base + p);
            await scriptDone(page);
            // Folded content is checked too: open every <details>.
            await page.evaluate(() => {
              for (const d of document.querySelectorAll('details')) d.open = true;
            });
            await run(p);
          }
          // And with a reference preview open.
          await page.goto(`${base}/uk/${DOCUMENT}/`);
          await scriptDone(page);
          await page.focus('#cite-ref-mfa-2022-1 a');
          await page.waitForSelector('#ref-preview:not([hidden])');
          await run('/uk/ with a preview');
          expect(violations).toEqual([]);
          if (colorScheme === 'dark') {
            expect(
              await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
            ).toBe('rgb(18, 20, 23)');
          }
        },
      );
    },
    120_000,
  );

  it.each(LOCALES)(
    'prints the %s article with the attribution, the date and the address',
    async (locale) => {
      await withPage({}, async (page) => {
        await page.goto(`${base}/${locale}/${DOCUMENT}/`);
        await scriptDone(page);
        await page.emulateMedia({ media: 'print' });
        const shown = (selector: string) =>
          page.$eval(selector, (el) => {
            const r = el.getBoundingClientRect();
            return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
          });
        expect(await shown('.attribution')).toBe(true);
        expect(
          await shown('.attribution a[href^="https://en.wikipedia.org/wiki/North_Korea"]'),
        ).toBe(true);
        expect(await shown('.attribution a[href$="?action=history"]')).toBe(true);
        expect(await shown('.attribution a[rel="license"]')).toBe(true);
        expect(await shown('.page-url')).toBe(true);
        expect(await page.textContent('.page-url')).toContain(
          `https://bilateral.example/${locale}/${DOCUMENT}/`,
        );
        expect(await shown('.updated time')).toBe(true);
        // Navigation is not printed; the references are.
        expect(await shown('nav.switcher')).toBe(false);
        expect(await shown('ol.references')).toBe(true);
        // On screen the address is not repeated.
        await page.emulateMedia({ media: 'screen' });
        expect(await shown('.page-url')).toBe(false);
      });
    },
  );

  it('keeps the line length readable: about 70 characters in Latin and Cyrillic, 40 in CJK', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
      const perLine: Record<string, number> = {};
      for (const l of LOCALES) {
        await page.goto(`${base}/${l}/${DOCUMENT}/`);
        // Characters per line of the paragraphs below the infobox, three lines or more.
        perLine[l] = await page.evaluate(() => {
          const infobox = document.querySelector('.infobox')!.getBoundingClientRect();
          const counts: number[] = [];
          for (const p of document.querySelectorAll<HTMLElement>('.article section p')) {
            const r = p.getBoundingClientRect();
            if (r.top < infobox.bottom + window.scrollY) continue;
            const lines = Math.round(r.height / parseFloat(getComputedStyle(p).lineHeight));
            if (lines >= 3) counts.push([...p.textContent].length / lines);
          }
          counts.sort((a, b) => a - b);
          return counts[Math.floor(counts.length / 2)] ?? 0;
        });
      }
      process.stderr.write(`characters per line at 1280 px: ${JSON.stringify(perLine)}\n`);
      expect(perLine['en']).toBeGreaterThan(50);
      expect(perLine['en']).toBeLessThanOrEqual(80);
      expect(perLine['uk']).toBeGreaterThan(50);
      expect(perLine['uk']).toBeLessThanOrEqual(80);
      expect(perLine['ja']).toBeGreaterThan(25);
      expect(perLine['ja']).toBeLessThanOrEqual(45);
      expect(perLine['ko']).toBeGreaterThan(25);
      // Korean puts spaces between words: 40em holds about 48 characters with them.
      expect(perLine['ko']).toBeLessThanOrEqual(50);
    });
  });

  it('sets Japanese, Chinese and Korean upright (no faux italics); Latin titles stay italic', async () => {
    await withPage({}, async (page) => {
      /** The computed style of every <i> by the language it is in. */
      const styles = () =>
        page.$$eval('main i', (is) =>
          is.map(
            (i) =>
              [i.closest('[lang]')!.getAttribute('lang')!, getComputedStyle(i).fontStyle] as [
                string,
                string,
              ],
          ),
        );
      await page.goto(`${base}/ja/${DOCUMENT}/`);
      // The renderer no longer puts CJK publication names in <i>; the stylesheet still sets any
      // CJK italics upright (a translator may write <i> in Japanese): one is added to see it.
      await page.evaluate(() => {
        const i = document.createElement('i');
        i.textContent = '中青在线';
        const span = document.createElement('span');
        span.lang = 'zh-Hans';
        span.append(i);
        document.querySelector('main p')!.append(span);
      });
      const ja = await styles();
      expect(ja.filter(([l]) => /^(ja|zh|ko)/.test(l)).length).toBeGreaterThan(0);
      for (const [l, s] of ja)
        expect(`${l} ${s}`).toBe(`${l} ${/^(ja|zh|ko)/.test(l) ? 'normal' : 'italic'}`);
      await page.goto(`${base}/en/${DOCUMENT}/`);
      const en = await styles();
      expect(en.some(([l, s]) => l === 'en' && s === 'italic')).toBe(true);
    });
  });

  it('renders Japanese and Korean with CJK fonts, and writes screenshots', async () => {
    mkdirSync(artifacts, { recursive: true });
    await withPage({}, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      for (const l of LOCALES) {
        await page.goto(`${base}/${l}/${DOCUMENT}/`);
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
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(artifacts, 'article-ko-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/ko/${DOCUMENT}/`);
      await page.screenshot({ path: path.join(artifacts, 'article-ko-phone.png') });
      // Readable on a phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
    });
  });
});
