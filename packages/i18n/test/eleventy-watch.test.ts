import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import bilateral, { type BilateralData, type BilateralPluginOptions } from '../src/eleventy.js';
import type { RenderedDocument } from '../src/index.js';
import { RenderCache } from '../src/render/cache.js';
import { LOCALES } from './helpers.js';
import { copyRepo } from './support.js';

const DOC = 'north-korea-ukraine-relations';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

const localeFile = (dir: string, locale: string, ns = DOC) =>
  path.join(dir, 'locales', locale, `${ns}.json`);

/** Changes a locale file (its size too, so that its stamp changes on any file system). */
function edit(dir: string, locale: string, change: (data: any) => void, ns = DOC): string {
  const file = localeFile(dir, locale, ns);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 1));
  return file;
}

/**
 * The plugin under a stand-in for Eleventy's dev server: `serve()` runs a build's hooks,
 * `changed(files)` what Eleventy does when files change (`eleventy.beforeWatch` with the
 * queue, then a build). Every build's rendering is counted through the render cache.
 */
async function devServer(dir: string, options: BilateralPluginOptions = {}) {
  const filters = new Map<string, (...args: any[]) => any>();
  const globals = new Map<string, unknown>();
  const listeners = new Map<string, (arg: any) => unknown>();
  const logged: string[] = [];
  const ends = vi.spyOn(RenderCache.prototype, 'end');
  await bilateral(
    {
      addGlobalData: (name: string, data: unknown) => globals.set(name, data),
      addFilter: (name: string, fn: (...args: any[]) => any) => filters.set(name, fn),
      addWatchTarget: () => {},
      on: (event: string, fn: (arg: any) => unknown) => listeners.set(event, fn),
    },
    {
      configFile: path.join(dir, 'bilateral.config.json'),
      mode: 'development',
      isolate: false,
      color: false,
      cacheDirectory: false,
      log: (t) => logged.push(t),
      ...options,
    },
  );
  const serve = async () => {
    await listeners.get('eleventy.before')!({ runMode: 'serve' });
    const data = (globals.get('bilateral') as () => BilateralData)();
    const docs = Object.fromEntries(
      LOCALES.map((l) => [l, filters.get('bilateralDocument')!(DOC, l) as RenderedDocument]),
    );
    await listeners.get('eleventy.after')!({ runMode: 'serve', results: [] });
    // What this build rendered (the others came from the cache), as the cache counted it.
    const cache = ends.mock.contexts.at(-1) as RenderCache;
    return { data, docs, rendered: cache.stats.rendered };
  };
  return {
    serve,
    logged,
    /** Eleventy's rebuild after `files` changed (paths relative to its directory, as it gives them). */
    async changed(files: string[]) {
      await listeners.get('eleventy.beforeWatch')!(files.map((f) => path.relative('.', f)));
      return serve();
    },
  };
}

const lead = (d: RenderedDocument) => d.sections[0]!.paragraphs[0]!.text;

describe('a dev server rebuild after an edit to a locale file', () => {
  it('renders again only the documents that read it, and names only their pages', async () => {
    const dir = copyRepo();
    dirs.push(dir);
    const server = await devServer(dir);
    const first = await server.serve();
    expect(first.data.changed).toBeNull();
    expect(first.rendered).toBe(LOCALES.length);

    // Ukrainian: no other language falls back to it.
    // (An edit that the checks find nothing in: the facts and citations of the text kept.)
    const file = edit(dir, 'uk', (d) => (d.sections.lead.p1 = `Нині ${d.sections.lead.p1}`));
    const next = await server.changed([file]);
    expect(next.rendered).toBe(1);
    expect(next.data.changed).toEqual([`uk/${DOC}`]);
    expect(lead(next.docs['uk']!)).toMatch(/^Нині /);
    for (const l of ['ja', 'en', 'ko']) expect(next.docs[l]).toBe(first.docs[l]);
    expect(server.logged.join('')).toMatch(
      /locales\/uk\/north-korea-ukraine-relations\.json changed: 1 of 4 documents rendered again, 1 pages to write/,
    );

    // English: Ukrainian and Korean fall back to it, so their documents read it too.
    const en = edit(dir, 'en', (d) => (d.sections.lead.p1 = `Today ${d.sections.lead.p1}`));
    const third = await server.changed([en]);
    expect(third.rendered).toBe(3);
    expect([...(third.data.changed ?? [])].sort()).toEqual([`en/${DOC}`, `ko/${DOC}`, `uk/${DOC}`]);
    expect(third.docs['ja']).toBe(first.docs['ja']);
    expect(lead(third.docs['en']!)).toMatch(/^Today /);

    // Nothing changed on disk: nothing rendered, no page to write.
    const same = await server.changed([en]);
    expect(same.rendered).toBe(0);
    expect(same.data.changed).toEqual([]);
  });

  it('checks again what the edit changed: a new finding shows, and then every page may change', async () => {
    const dir = copyRepo();
    dirs.push(dir);
    const server = await devServer(dir);
    const first = await server.serve();
    expect(first.data.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const file = edit(dir, 'uk', (d) => (d.sections.lead.p1 = 'Текст із {{невідомим}} місцем.'));
    const next = await server.changed([file]);
    expect(next.data.findings.some((f) => f.locale === 'uk' && f.severity === 'error')).toBe(true);
    // The banners of the pages changed with the findings.
    expect(next.data.changed).toBeNull();
  });

  it('builds everything again after a change to anything else, or with incremental: false', async () => {
    const dir = copyRepo();
    dirs.push(dir);
    const server = await devServer(dir);
    await server.serve();
    const file = edit(dir, 'uk', (d) => (d.sections.lead.p1 = 'Ще один текст.'));
    // The locale file and a template: the template may read anything.
    const next = await server.changed([file, path.join(dir, 'src', 'article.11ty.js')]);
    expect(next.data.changed).toBeNull();
    expect(lead(next.docs['uk']!)).toBe('Ще один текст.');

    const off = await devServer(dir, { incremental: false });
    await off.serve();
    const again = edit(dir, 'uk', (d) => (d.sections.lead.p1 = 'І ще один.'));
    const rebuilt = await off.changed([again]);
    expect(rebuilt.data.changed).toBeNull();
    expect(rebuilt.rendered).toBe(1); // the render cache still keeps the others
    expect(lead(rebuilt.docs['uk']!)).toBe('І ще один.');
  });
});
