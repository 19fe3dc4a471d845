import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT, eleventy, freePort, removeKey, repoRoot, tempProject } from './helpers.js';

const KEY = 'sections.trade.p1';
const ui = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, 'ui.json'), 'utf8'));
const article = (l: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, `${DOCUMENT}.json`), 'utf8'));
/** The first words of a paragraph as the page shows them (before any placeholder). */
const opening = (text: string) => text.split('{{')[0]!.trim();

// Ukrainian loses the trade paragraph; the fallback chain for uk is en → ja.
const project = tempProject((dir) => {
  removeKey(dir, 'uk', DOCUMENT, KEY);
});
afterAll(() => project.cleanup());

describe('a translation with a key removed', () => {
  it('builds in development, with the English text marked as such and a notice, and a banner', async () => {
    const out = path.join(project.dir, 'out-dev');
    const r = await eleventy(['--output', out], {
      BILATERAL_MODE: 'development',
      BILATERAL_CONFIG: project.configFile,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(KEY);
    const page = readFileSync(path.join(out, 'uk', DOCUMENT, 'index.html'), 'utf8');
    const section = page.slice(
      page.indexOf('<h2 id="trade" data-place>'),
      page.indexOf('</section>', page.indexOf('<h2 id="trade" data-place>')),
    );
    expect(section).toContain(
      `<p class="untranslated-note" role="note">${ui('uk').article.notTranslated}</p>`,
    );
    expect(section).toContain(`<p lang="en">${opening(article('en').sections.trade.p1)}`);
    // The banner on the affected page names the key; the other languages have neither.
    const banner = page.slice(
      page.indexOf('<section class="dev-banner"'),
      page.indexOf('</section>', page.indexOf('<section class="dev-banner"')),
    );
    expect(banner).toContain(ui('uk').devBanner.title);
    expect(banner).toContain(KEY);
    expect(banner).toContain(`locales/uk/${DOCUMENT}.json`);
    // The finding is marked at its paragraph too, in the page's language, and the banner links there.
    const marker = section.slice(section.indexOf('<div class="finding-marker"'));
    expect(marker).toContain('id="i18n-sections-trade-p1"');
    expect(marker).toContain(ui('uk').devBanner.here);
    expect(marker.slice(0, marker.indexOf('</div>'))).toContain(`missing &quot;${KEY}&quot;`);
    expect(banner).toContain(`<a href="#i18n-sections-trade-p1"><code>${KEY}</code></a>`);
    // The notice and the banner are valid HTML too.
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
    }).validateString(page, `uk/${DOCUMENT}/index.html`);
    expect(
      report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      ),
    ).toEqual([]);
    for (const l of ['ja', 'en', 'ko']) {
      const other = readFileSync(path.join(out, l, DOCUMENT, 'index.html'), 'utf8');
      expect(other).not.toContain('class="untranslated');
      expect(other).not.toContain('class="finding-marker"');
      expect(other).not.toContain('class="dev-banner"');
    }
  });

  it('publishes the fallback with a notice in production, and a strict build fails with the finding', async () => {
    const published = await eleventy(['--output', path.join(project.dir, 'out-published')], {
      BILATERAL_MODE: 'production',
      BILATERAL_CONFIG: project.configFile,
      BILATERAL_STRICT: '0',
    });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout + published.stderr).toContain('published with a notice');
    const out = path.join(project.dir, 'out-prod');
    const r = await eleventy(['--output', out], {
      BILATERAL_MODE: 'production',
      BILATERAL_CONFIG: project.configFile,
      BILATERAL_STRICT: '1',
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(KEY);
    expect(r.stderr).toContain(`locales/uk/${DOCUMENT}.json`);
    expect(r.stderr).toContain('TranslationCheckError');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // The same messages as `pnpm i18n check`.
    const cli = path.join(repoRoot, 'packages/i18n/bin/bilateral.js');
    const check = await promisify(execFile)(
      process.execPath,
      [cli, 'check', '--config', project.configFile],
      {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_lifecycle_event: 'i18n' },
      },
    ).then(
      (ok) => ({ code: 0, stdout: ok.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(KEY);
    expect(r.stderr).toContain(check.stdout.trim());
  });

  it('is served by `eleventy --serve` in development, and rebuilt when the locale file changes', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        path.join('node_modules/@11ty/eleventy/cmd.cjs'),
        '--serve',
        `--port=${port}`,
        '--output',
        path.join(project.dir, 'out-serve'),
      ],
      {
        cwd: path.resolve(import.meta.dirname, '..'),
        env: {
          ...process.env,
          NO_COLOR: '1',
          BILATERAL_MODE: '',
          BILATERAL_CONFIG: project.configFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const until = async (what: string, test: () => Promise<boolean>, ms = 15_000) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await test().catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`timed out waiting for ${what}\n${log}`);
    };
    const get = (p: string) => fetch(`http://localhost:${port}${p}`).then((r) => r.text());
    try {
      await until('the server', async () =>
        (await get(`/uk/${DOCUMENT}/`)).includes('<h2 id="trade" data-place>'),
      );
      expect(await get(`/uk/${DOCUMENT}/`)).toContain('class="untranslated"');
      // Serving under --serve is development without BILATERAL_MODE: the banner is there.
      expect(await get(`/uk/${DOCUMENT}/`)).toContain('class="dev-banner"');
      // The translator adds the paragraph back: the page is rebuilt without the fallback.
      const file = path.join(project.dir, 'locales/uk', `${DOCUMENT}.json`);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.sections.trade.p1 = article('uk').sections.trade.p1;
      writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
      await until('the rebuild', async () => {
        const page = await get(`/uk/${DOCUMENT}/`);
        return (
          page.includes(`<p>${opening(article('uk').sections.trade.p1)}`) &&
          !page.includes('class="untranslated"')
        );
      });
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      // Put the removal back for the other tests of this file (they may run after this one).
      removeKey(project.dir, 'uk', DOCUMENT, KEY);
    }
  });
});

describe('a locale file that cannot be read', () => {
  // Korean's article file gets a syntax error (two commas): its texts fall back to English.
  const broken = tempProject((dir) => {
    const file = path.join(dir, 'locales/ko', `${DOCUMENT}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(',', ',,'));
  });
  afterAll(() => broken.cleanup());

  it('is named on the page, in the page language, in a development build', async () => {
    const out = path.join(broken.dir, 'out-dev');
    const r = await eleventy(['--output', out], {
      BILATERAL_MODE: 'development',
      BILATERAL_CONFIG: broken.configFile,
    });
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(path.join(out, 'ko', DOCUMENT, 'index.html'), 'utf8');
    const notice = ui('ko').devBanner.unreadable.replace('{{file}}', `locales/ko/${DOCUMENT}.json`);
    expect(page).toContain(`<p class="unreadable-notice" role="alert">${notice}</p>`);
    // The other languages read their files: no notice.
    for (const l of ['ja', 'en', 'uk'])
      expect(readFileSync(path.join(out, l, DOCUMENT, 'index.html'), 'utf8')).not.toContain(
        'unreadable-notice',
      );
  });
});
