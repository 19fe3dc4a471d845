// Builds the example site and checks what it promises: every page in both languages, the language
// switcher, canonical and hreflang (with x-default), the sitemap, the plural and the date per
// language, a 404 page per language, the root page, and `bilateral check` (exit 0, and exit 1
// naming the key when a key the pages use is removed). Used by this example's test and by the
// repository's publish test (scripts/publish-test/example.mjs), which runs it on a copy of the
// example installed from the registry. Each function throws an AssertionError on failure.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The address the test builds the site for. */
export const SITE_URL = 'https://docs.example.test';

/** What the example's pages are: title per language, reading time in minutes, date shown. */
export const EXPECTED = {
  locales: ['en', 'de'],
  pages: {
    index: { url: '', minutes: 1, title: { en: 'Kettle', de: 'Kettle' } },
    install: { url: 'install/', minutes: 1, title: { en: 'Installation', de: 'Installation' } },
    usage: { url: 'usage/', minutes: 2, title: { en: 'Using Kettle', de: 'Kettle verwenden' } },
  },
  /** The UI text each language shows: its plural forms and its date, formatted by the toolkit. */
  text: {
    en: {
      minutes: (/** @type {number} */ n) => `Reading time: ${n} ${n === 1 ? 'minute' : 'minutes'}`,
      updated: 'Last updated on November 20, 2026',
      notFound: 'Page not found',
      name: 'English',
    },
    de: {
      minutes: (/** @type {number} */ n) => `Lesezeit: ${n} ${n === 1 ? 'Minute' : 'Minuten'}`,
      updated: 'Zuletzt aktualisiert am 24. November 2026',
      notFound: 'Seite nicht gefunden',
      name: 'Deutsch',
    },
  },
};

/** @typedef {'en' | 'de'} Lng */
/** @typedef {{ code: number | null, output: string }} Run */

/**
 * Runs a command and collects its output (never throws on a non-zero exit).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Run>}
 */
function run(command, args, { cwd, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The file of a package's bin, as installed for the project in `dir`.
 * @param {string} dir
 * @param {string} pkg
 * @param {string} bin
 */
function binOf(dir, pkg, bin) {
  // Where Node would find the package (its package.json need not be exported).
  const folders = createRequire(path.resolve(dir, 'package.json')).resolve.paths(pkg) ?? [];
  const manifest = folders
    .map((folder) => path.join(folder, ...pkg.split('/'), 'package.json'))
    .find((file) => existsSync(file));
  assert.ok(manifest !== undefined, `${pkg} is not installed for ${dir}`);
  /** @type {{ bin: Record<string, string> }} */
  const json = JSON.parse(readFileSync(manifest, 'utf8'));
  const file = json.bin[bin];
  assert.ok(file !== undefined, `${pkg} has no "${bin}" bin`);
  return path.join(path.dirname(manifest), file);
}

/**
 * A production build of the site in `dir` (the example, or a copy of it) into `output`.
 * @param {string} dir
 * @param {string} output
 * @param {NodeJS.ProcessEnv} [base] the environment (default: this process's)
 */
export async function buildSite(dir, output, base = process.env) {
  const env = { ...base, SITE_URL: `${SITE_URL}/`, BILATERAL_MODE: 'production' };
  const eleventy = binOf(dir, '@11ty/eleventy', 'eleventy');
  const r = await run(process.execPath, [eleventy, `--output=${output}`], { cwd: dir, env });
  assert.equal(r.code, 0, `the example's Eleventy build failed:\n${r.output}`);
  return r;
}

/**
 * `bilateral check` in `dir`.
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} [env]
 */
export function checkSite(dir, env = process.env) {
  const bilateral = binOf(dir, '@bilateral/i18n', 'bilateral');
  return run(process.execPath, [bilateral, 'check'], { cwd: dir, env });
}

/**
 * A page of the built site.
 * @param {string} output
 * @param {string} url the page's path, e.g. `/de/usage/`
 */
function read(output, url) {
  const file = path.join(output, ...url.split('/'), url.endsWith('/') ? 'index.html' : '');
  assert.ok(existsSync(file), `the build has no ${url} (${file})`);
  return readFileSync(file, 'utf8');
}

/**
 * Every tag `name` in `html` with its attributes (the build's own markup: double-quoted values).
 * @param {string} html
 * @param {string} name
 */
export function tags(html, name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? '']),
    ),
  );
}

/** Every page of the example: id, language, path. */
export function pages() {
  return EXPECTED.locales.flatMap((lng) =>
    Object.entries(EXPECTED.pages).map(([id, p]) => ({ id, lng, url: `/${lng}/${p.url}` })),
  );
}

/** @param {string} id @param {string} lng */
const urlOf = (id, lng) =>
  `/${lng}/${EXPECTED.pages[/** @type {keyof EXPECTED['pages']} */ (id)].url}`;

/**
 * Every page exists in both languages, in its language, with its title.
 * @param {string} output
 */
export function assertPages(output) {
  for (const { id, lng, url } of pages()) {
    const html = read(output, url);
    const title =
      EXPECTED.pages[/** @type {keyof EXPECTED['pages']} */ (id)].title[/** @type {Lng} */ (lng)];
    assert.match(html, new RegExp(`<html lang="${lng}">`), `${url}: not marked as ${lng}`);
    assert.ok(html.includes(`<h1>${title}</h1>`), `${url}: no heading "${title}"`);
    // Links inside the text lead to pages of the same language that exist.
    const main = html.slice(html.indexOf('<main'));
    for (const a of tags(main, 'a').filter((t) => t['href']?.startsWith('/'))) {
      assert.ok(
        a['href']?.startsWith(`/${lng}/`),
        `${url}: a link leads to another language: ${a['href']}`,
      );
      read(output, a['href'] ?? '');
    }
  }
}

/**
 * The switcher on every page links to the same page in each language, the current one marked.
 * @param {string} output
 */
export function assertSwitcher(output) {
  for (const { id, lng, url } of pages()) {
    const html = read(output, url);
    const nav = /<nav class="languages"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
    assert.ok(nav !== undefined, `${url}: no language switcher`);
    const links = tags(nav, 'a');
    assert.deepEqual(
      links.map((a) => [a['hreflang'], a['href'], 'aria-current' in a]),
      EXPECTED.locales.map((l) => [l, urlOf(id, l), l === lng]),
      `${url}: the switcher does not lead to the same page in every language`,
    );
    for (const l of EXPECTED.locales)
      assert.ok(
        nav.includes(`>${EXPECTED.text[/** @type {Lng} */ (l)].name}</a>`),
        `${url}: the switcher does not name ${l}`,
      );
  }
}

/**
 * Canonical, hreflang for every language and x-default (the English page), absolute.
 * @param {string} output
 */
export function assertHreflang(output) {
  for (const { id, url } of pages()) {
    const links = tags(read(output, url), 'link');
    const canonical = links.filter((l) => l['rel'] === 'canonical').map((l) => l['href']);
    assert.deepEqual(canonical, [`${SITE_URL}${url}`], `${url}: wrong canonical link`);
    const alternates = links
      .filter((l) => l['rel'] === 'alternate')
      .map((l) => [l['hreflang'], l['href']]);
    assert.deepEqual(
      alternates,
      [
        ...EXPECTED.locales.map((l) => [l, `${SITE_URL}${urlOf(id, l)}`]),
        ['x-default', `${SITE_URL}${urlOf(id, 'en')}`],
      ],
      `${url}: wrong hreflang links`,
    );
  }
}

/**
 * The sitemap lists every page once, each with every language and x-default.
 * @param {string} output
 */
export function assertSitemap(output) {
  const xml = readFileSync(path.join(output, 'sitemap.xml'), 'utf8');
  assert.match(
    xml,
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<urlset /,
    'sitemap.xml: no XML declaration first',
  );
  const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1] ?? '');
  const locs = entries.map((e) => /<loc>([^<]*)<\/loc>/.exec(e)?.[1]);
  assert.deepEqual(
    [...locs].sort(),
    pages()
      .map((p) => `${SITE_URL}${p.url}`)
      .sort(),
    'sitemap.xml does not list every page exactly once',
  );
  for (const [i, entry] of entries.entries()) {
    const page = pages().find((p) => `${SITE_URL}${p.url}` === locs[i]);
    assert.ok(page !== undefined);
    assert.deepEqual(
      tags(entry, 'xhtml:link').map((l) => [l['hreflang'], l['href']]),
      [
        ...EXPECTED.locales.map((l) => [l, `${SITE_URL}${urlOf(page.id, l)}`]),
        ['x-default', `${SITE_URL}${urlOf(page.id, 'en')}`],
      ],
      `sitemap.xml: wrong alternates for ${page.url}`,
    );
  }
}

/**
 * The reading time (a plural: one and other) and the date, in each page's language.
 * @param {string} output
 */
export function assertPluralAndDate(output) {
  for (const { id, lng, url } of pages()) {
    const html = read(output, url);
    const text = EXPECTED.text[/** @type {Lng} */ (lng)];
    const minutes = EXPECTED.pages[/** @type {keyof EXPECTED['pages']} */ (id)].minutes;
    assert.ok(html.includes(text.minutes(minutes)), `${url}: no "${text.minutes(minutes)}"`);
    assert.ok(html.includes(`>${text.updated}</time>`), `${url}: no "${text.updated}"`);
  }
}

/**
 * A 404 page per language, in that language, leading to its start page; and the root page,
 * which offers every language.
 * @param {string} output
 */
export function assertNotFoundAndRoot(output) {
  for (const lng of EXPECTED.locales) {
    const html = read(output, `/${lng}/404.html`);
    assert.match(
      html,
      new RegExp(`<html lang="${lng}">`),
      `/${lng}/404.html: not marked as ${lng}`,
    );
    const text = EXPECTED.text[/** @type {Lng} */ (lng)];
    assert.ok(
      html.includes(`<h1>${text.notFound}</h1>`),
      `/${lng}/404.html: no "${text.notFound}"`,
    );
    assert.ok(
      tags(html, 'a').some((a) => a['href'] === `/${lng}/`),
      `/${lng}/404.html: no link to /${lng}/`,
    );
  }
  const root = read(output, '/');
  assert.deepEqual(
    tags(root, 'a').map((a) => [a['hreflang'], a['href']]),
    EXPECTED.locales.map((l) => [l, `/${l}/`]),
    'the root page does not offer every language',
  );
  assert.ok(
    root.includes('navigator.languages'),
    'the root page does not pick the reader’s language',
  );
}

/**
 * Every assertion on a built site.
 * @param {string} output
 */
export function assertSite(output) {
  assertPages(output);
  assertSwitcher(output);
  assertHreflang(output);
  assertSitemap(output);
  assertPluralAndDate(output);
  assertNotFoundAndRoot(output);
}

/** The UI key the removal check takes out of both languages (every page shows it). */
export const REMOVED_KEY = 'page.updated';

/**
 * `bilateral check` passes on the site in `dir`, and fails (exit 1) naming the key in both
 * languages when a key the pages use is removed from both (in a copy; `dir` is not changed).
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function assertChecks(dir, env = process.env) {
  dir = path.resolve(dir);
  const ok = await checkSite(dir, env);
  assert.equal(ok.code, 0, `bilateral check failed on the example:\n${ok.output}`);
  const copy = mkdtempSync(path.join(tmpdir(), 'docs-site-check-'));
  try {
    cpSync(dir, copy, {
      recursive: true,
      filter: (src) => !['node_modules', '_site'].includes(path.relative(dir, src)),
    });
    symlinkSync(path.join(dir, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const [group = '', name = ''] = REMOVED_KEY.split('.');
    for (const lng of EXPECTED.locales) {
      const file = path.join(copy, 'locales', lng, 'ui.json');
      /** @type {Record<string, Record<string, unknown>>} */
      const ui = JSON.parse(readFileSync(file, 'utf8'));
      assert.ok(ui[group]?.[name] !== undefined, `${file} has no ${REMOVED_KEY}`);
      delete ui[group]?.[name];
      await writeFile(file, `${JSON.stringify(ui, null, 2)}\n`);
    }
    const broken = await checkSite(copy, env);
    assert.equal(
      broken.code,
      1,
      `bilateral check without ${REMOVED_KEY} did not exit 1:\n${broken.output}`,
    );
    for (const lng of EXPECTED.locales)
      assert.match(
        broken.output,
        new RegExp(`locales/${lng}/ui\\.json[\\s\\S]*?${REMOVED_KEY.replace('.', '\\.')}`),
        `bilateral check does not name ${REMOVED_KEY} in locales/${lng}/ui.json:\n${broken.output}`,
      );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
