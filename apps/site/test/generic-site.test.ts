import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, siteRoot } from './helpers.js';

/**
 * The Eleventy plugin for a site without `@bilateral/core` (an optional peer dependency): a
 * two-language Markdown site whose documents are its prose pages on disk. Eleventy builds it
 * through its programmatic API in a Node process where the core is not installed
 * (packages/i18n/test/no-core.mjs: importing, requiring or loading it fails, and is logged).
 */

const NO_CORE = path.join(repoRoot, 'packages/i18n/test/no-core.mjs');
const PLUGIN = path.join(repoRoot, 'packages/i18n/dist/eleventy.js');
const ELEVENTY = path.join(siteRoot, 'node_modules/@11ty/eleventy/src/Eleventy.js');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;

/** A Markdown site in English (the source) and German: two pages, a UI string, one template. */
function markdownSite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bilateral-generic-site-'));
  made.push(dir);
  write(
    dir,
    'bilateral.config.json',
    JSON.stringify({
      sourceLocale: 'en',
      locales: ['en', 'de'],
      files: 'locales/{lng}/{ns}.json',
      pages: 'pages/{lng}/{id}.md',
      fallback: { de: ['en'] },
    }),
  );
  write(dir, 'locales/en/ui.json', JSON.stringify({ site: { name: 'Docs' } }));
  write(dir, 'locales/de/ui.json', JSON.stringify({ site: { name: 'Doku' } }));
  write(dir, 'pages/en/about.md', page('About', 'About this site. See [the guide](/en/guide/).'));
  write(dir, 'pages/de/about.md', page('Über uns', 'Siehe [die Anleitung](/de/guide/).'));
  write(dir, 'pages/en/guide.md', page('Guide', 'How to use it.'));
  write(dir, 'pages/de/guide.md', page('Anleitung', 'So geht es.'));
  write(
    dir,
    'eleventy.config.mjs',
    `import bilateral from ${JSON.stringify(pathToFileURL(PLUGIN).href)};
export default async function (config) {
  await config.addPlugin(bilateral, { cwd: import.meta.dirname, cacheDirectory: false });
}
`,
  );
  // One page per document and language: bilateral.routes, bilateralPage, bilateralText.
  write(
    dir,
    'src/page.11ty.js',
    `export const data = {
  pagination: { data: 'bilateral.routes', size: 1, alias: 'route' },
  permalink: (d) => d.route.url,
};
export function render(d) {
  const page = this.bilateralPage(d.route.id, d.route.locale);
  const site = this.bilateralText('site.name', d.route.locale).text;
  const alternates = d.route.alternates
    .map((a) => '<link rel="alternate" hreflang="' + a.locale + '" href="' + a.url + '">')
    .join('');
  return '<html lang="' + page.lang + '"><head><title>' + page.data.title + ' · ' + site +
    '</title>' + alternates + '</head><body data-fallback="' + page.fallback + '">' +
    page.markdown + '</body></html>';
}
`,
  );
  write(
    dir,
    'build.mjs',
    `const { default: Eleventy } = await import(${JSON.stringify(pathToFileURL(ELEVENTY).href)});
await new Eleventy('src', '_site', { configPath: 'eleventy.config.mjs', quietMode: true }).write();
`,
  );
  return dir;
}

interface Build {
  readonly code: number | null;
  readonly output: string;
  /** Attempts to load the core (a `require.resolve` that only looks for it is not one). */
  readonly loads: readonly string[];
}

function buildWithoutCore(dir: string, mode: 'production' | 'development'): Promise<Build> {
  const log = path.join(dir, 'core-attempts.log');
  rmSync(log, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(NO_CORE).href, 'build.mjs'], {
      cwd: dir,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        BILATERAL_MODE: mode,
        BILATERAL_TEST_CORE_LOG: log,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const attempts = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
      resolve({ code, output, loads: attempts.filter((a) => !a.startsWith('resolve ')) });
    });
  });
}

const html = (dir: string, url: string) =>
  readFileSync(path.join(dir, '_site', url, 'index.html'), 'utf8');

describe('the Eleventy plugin without @bilateral/core', () => {
  it('builds a two-language Markdown site: every page on disk, with its URL and alternates', async () => {
    const dir = markdownSite();
    const r = await buildWithoutCore(dir, 'production');
    expect(r.code, r.output).toBe(0);
    expect(r.loads).toEqual([]);
    const written = ['de', 'en'].flatMap((l) =>
      readdirSync(path.join(dir, '_site', l)).map((id) => `/${l}/${id}/`),
    );
    expect(written.sort()).toEqual(['/de/about/', '/de/guide/', '/en/about/', '/en/guide/']);
    const about = html(dir, 'de/about');
    expect(about).toContain('<html lang="de"><head><title>Über uns · Doku</title>');
    expect(about).toContain('<link rel="alternate" hreflang="en" href="/en/about/">');
    expect(about).toContain('<link rel="alternate" hreflang="de" href="/de/about/">');
    expect(about).toContain('data-fallback="false"');
    expect(html(dir, 'en/guide')).toContain('<title>Guide · Docs</title>');
  });

  it('runs the checks: a production build refuses a page linking to no document', async () => {
    const dir = markdownSite();
    write(dir, 'pages/de/about.md', page('Über uns', 'Siehe [die Anleitung](/de/nirgends/).'));
    const r = await buildWithoutCore(dir, 'production');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('pages/de/about.md');
    expect(r.output).toContain('the link /de/nirgends/ leads to no document');
    expect(r.output).toContain('Documents: about, guide.');
    expect(r.loads).toEqual([]);
  });

  it('in development, a page missing in a language falls back along the chain, marked', async () => {
    const dir = markdownSite();
    rmSync(path.join(dir, 'pages/de/guide.md'));
    const r = await buildWithoutCore(dir, 'development');
    expect(r.code, r.output).toBe(0);
    const guide = html(dir, 'de/guide');
    expect(guide).toContain('<html lang="en"><head><title>Guide · Doku</title>');
    expect(guide).toContain('data-fallback="true"');
    expect(r.loads).toEqual([]);
  });
});
