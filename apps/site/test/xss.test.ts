import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLdText } from '../src/_lib/page.js';
import { DOCUMENT, eleventy, serve, tempProject, textOf, walk, CHROMIUM } from './helpers.js';

/**
 * XSS defence in depth: every Ukrainian text (UI, terms, the article) gets a hostile payload
 * appended, plus a hostile key; the site is built in development mode, where the checks do not
 * stop the build (they report every payload, and the pages carry banners). Then no page may
 * carry anything that runs: not with the Content-Security-Policy, and not without it either
 * (`bypassCSP`), because the renderer sanitises and the templates escape. Each payload would set
 * `window.__pwned` or open a dialog if it ran; a control page proves that the detection works.
 */

const PAYLOADS = [
  `<script>window.__pwned='script'</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"><circle r=1 /></svg>`,
  `<i onclick="window.__pwned='click'" onmouseover="window.__pwned='hover'">click me</i>`,
  `<span lang="x" style="background:url(javascript:window.__pwned='style')">styled</span>`,
  `<a href="javascript&colon;window.__pwned='href'">link</a>`,
  `<a href="jav&#x09;ascript:window.__pwned='tab'">tab</a>`,
  `<details open ontoggle="window.__pwned='toggle'">d</details>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='mxss'>"></noscript>`,
  `<abbr title="&quot; onmouseover=&quot;window.__pwned='attr'">abbr</abbr>`,
  `</p></section></article><script>window.__pwned='breakout'</script>`,
  `</title><script>window.__pwned='title'</script>`,
  `" onmouseover="window.__pwned='quote'" x="`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'">`,
  `<base href="javascript:/">`,
  `<form action="javascript:window.__pwned='form'"><button>go</button></form>`,
  `<object data="javascript:window.__pwned='object'"></object>`,
  `<math><mi xlink:href="javascript:window.__pwned='math'">m</mi></math>`,
  `<svg><animate onbegin="window.__pwned='animate'" attributeName=x dur=1s></svg>`,
  `<style>body{display:none}</style>`,
  `<scr<script>ipt>window.__pwned='split'</script>`,
  `<bdi dir="rtl" onfocus="window.__pwned='focus'" autofocus tabindex=1>bdi</bdi>`,
  `$t(nav.article, {"interpolation": {"escapeValue": false}, "x": "<img src=x onerror=window.__pwned='nesting'>"})`,
  `{{- x}}<img src=x onerror="window.__pwned='unescaped'">`,
];

/** Appends a payload to every string of a JSON value, in turn. */
function poison(value: unknown, next: () => string): unknown {
  if (typeof value === 'string') return `${value}${next()}`;
  if (Array.isArray(value)) return value.map((v) => poison(v, next));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, next)]));
  }
  return value;
}

let i = 0;
const project = tempProject((dir) => {
  const folder = path.join(dir, 'locales/uk');
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const data = poison(
      JSON.parse(readFileSync(file, 'utf8')),
      () => PAYLOADS[i++ % PAYLOADS.length] as string,
    ) as Record<string, unknown>;
    // A hostile key too: the development banner names it.
    if (name === 'ui.json') data[`<img src=x onerror="window.__pwned='key'">`] = 'x';
    writeFileSync(file, JSON.stringify(data, null, 2));
  }
});
const out = path.join(project.dir, 'out');
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let pages: string[];
let build: { code: number | null; stderr: string };

beforeAll(async () => {
  build = await eleventy(['--output', out], {
    BILATERAL_MODE: 'development',
    BILATERAL_CONFIG: project.configFile,
  });
  pages = walk(out)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''));
  // A control page: the same kind of payload, unsanitised, with and without the site's CSP.
  const csp =
    readFileSync(path.join(out, 'uk', DOCUMENT, 'index.html'), 'utf8').match(
      /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    )?.[0] ?? '';
  writeFileSync(
    path.join(out, 'control.html'),
    `<!DOCTYPE html><html><head>${csp}</head><body><img src=x onerror="window.__pwned='control'"></body></html>`,
  );
  server = await serve(out);
  browser = await chromium.launch(CHROMIUM);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project.cleanup();
});

/**
 * Loads a page, fires every event an inline handler could wait for, and reports what ran. Inline
 * handlers run synchronously inside dispatchEvent; what a page runs by itself happens before its
 * `load` event (images, SVG onload) or in a task or frame after it (a <details> toggle, autofocus,
 * SMIL animations). So the report is read only after a sentinel for each of those: a <details>
 * of our own toggled (its toggle task comes after any the page queued) and two animation frames.
 */
async function visit(
  page: Page,
  url: string,
): Promise<{ pwned: unknown; violations: string[]; bad: string[] }> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(async () => {
    const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
    const bad: string[] = [];
    // The site's own elements that the checks below would otherwise flag.
    const own = (el: Element) =>
      (el.localName === 'details' &&
        (el.parentElement?.matches('section.dev-banner') === true ||
          (el.matches('details.editorial-notes') && el.parentElement?.localName === 'article') ||
          (el.matches('details.status-details') &&
            el.parentElement?.matches('section.status') === true))) ||
      (el.localName === 'script' &&
        el.getAttribute('type') === 'application/ld+json' &&
        el.parentElement?.localName === 'head');
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        // Browsers ignore whitespace and control characters in a URL scheme (`java\tscript:`).
        // eslint-disable-next-line no-control-regex -- exactly those characters
        const v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (a.name.startsWith('on')) bad.push(`<${el.localName} ${a.name}>`);
        if (/^(javascript|vbscript|data):/.test(v) && a.name !== 'content')
          bad.push(`<${el.localName} ${a.name}="${a.value}">`);
        if (a.name === 'style' && el.localName !== 'html') bad.push(`<${el.localName} style>`);
      }
      if (
        ['iframe', 'object', 'embed', 'base', 'form', 'math', 'svg', 'style', 'details'].includes(
          el.localName,
        ) &&
        !own(el)
      )
        bad.push(`<${el.localName}>`);
      if (
        el.localName === 'script' &&
        !own(el) &&
        (el.getAttribute('src') !== '/assets/site.js' || el.textContent !== '')
      )
        bad.push(`<script>${el.textContent}`);
      // The JSON-LD block must be data only: JSON, with no way out of the element.
      if (own(el) && el.localName === 'script') {
        try {
          JSON.parse(el.textContent ?? '');
        } catch {
          bad.push('<script type="application/ld+json"> that is not JSON');
        }
        if (el.children.length > 0 || /<\//.test(el.textContent ?? ''))
          bad.push('JSON-LD with markup');
      }
      if (el.localName === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
        bad.push('<meta refresh>');
      // Whatever an inline handler would wait for.
      for (const type of ['click', 'mouseover', 'focus', 'toggle', 'animationstart'])
        el.dispatchEvent(new Event(type, { bubbles: false }));
    }
    // Sentinels: a toggle task queued after any the page queued, then two rendering frames.
    await new Promise<void>((resolve) => {
      const d = document.createElement('details');
      d.addEventListener('toggle', () => resolve(), { once: true });
      document.body.append(d);
      d.open = true;
    });
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    );
    return { pwned: w.__pwned, violations: w.__violations ?? [], bad };
  });
}

async function context(bypassCSP: boolean) {
  const ctx = await browser.newContext({ bypassCSP });
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await ctx.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { ctx, page, dialogs };
}

describe('hostile translations on a development build', () => {
  it('build: the checks report the payloads (as errors that no configuration can lower) but do not stop development', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain('never allowed in a translation');
    expect(build.stderr).toMatch(/bilateral \(development\): \d+ findings/);
    expect(pages).toEqual(
      expect.arrayContaining([
        '/uk/',
        `/uk/${DOCUMENT}/`,
        '/uk/timeline/',
        '/uk/translations/',
        '/en/',
      ]),
    );
  });

  it.each([
    ['with the Content-Security-Policy', false],
    ['even without it (bypassCSP): the HTML itself runs nothing', true],
  ])('no script runs on any page, %s', async (_, bypass) => {
    const { ctx, page, dialogs } = await context(bypass);
    try {
      // The detection works: the control payload runs without the CSP, and is blocked by it.
      const control = await visit(page, `${server.url}/control.html`);
      expect(control.bad).toEqual(['<img onerror>']);
      expect(control.pwned).toBe(bypass ? 'control' : undefined);
      if (!bypass) expect(control.violations.join()).toContain('script-src');
      for (const p of pages) {
        const r = await visit(page, `${server.url}${p}`);
        expect(r.bad, p).toEqual([]);
        expect(r.pwned, p).toBeUndefined();
        expect(r.violations, p).toEqual([]);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('keeps hostile text inside the JSON-LD block: escaped, and parsed back unchanged', () => {
    const uk = readFileSync(path.join(out, 'uk', DOCUMENT, 'index.html'), 'utf8');
    const block = uk.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1] ?? '';
    // No "<" reaches the HTML, whatever the texts hold, and the JSON gives the texts back as the
    // page shows them.
    expect(block).not.toContain('<');
    const ld = JSON.parse(block) as { headline: string; description: string };
    const h1 = uk.match(/<h1>([\s\S]*?)<\/h1>/)?.[1] ?? '';
    expect(ld.headline).toBe(textOf(h1));
    expect(ld.headline).not.toBe('');
    // The escaping itself, on the worst text there is.
    const worst = `</script><script>window.__pwned='ld'</script><!-- \u2028\u2029 & >`;
    const escaped = jsonLdText({ headline: worst });
    expect(escaped).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(escaped)).toEqual({ headline: worst });
  });

  it('the payloads reached the pages, as inert text and allowed markup', () => {
    const uk = readFileSync(path.join(out, 'uk', DOCUMENT, 'index.html'), 'utf8');
    // Allowed tags survive without their handlers; the rest is text or dropped.
    expect(uk).toContain('<i>click me</i>');
    expect(uk).toContain(
      '<abbr title="&quot; onmouseover=&quot;window.__pwned=&#39;attr&#39;">abbr</abbr>',
    );
    expect(uk).toContain('&quot; onmouseover=&quot;window.__pwned=&#39;quote&#39;&quot; x=&quot;');
    // The site's script and the JSON-LD data block, nothing else.
    expect(uk.match(/<script\b/g)).toHaveLength(2);
    // The hostile key is in the development banner, escaped.
    expect(uk).toContain('&lt;img src=x onerror=&quot;window.__pwned=&#39;key&#39;&quot;&gt;');
  });
});
