import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import bilateral, { type BilateralPluginOptions } from '../src/eleventy.js';
import type { RenderedDocument } from '../src/index.js';
import { LOCALES } from './helpers.js';
import { copyRepo } from './support.js';

const DOC = 'north-korea-ukraine-relations';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the repository's config and locale files, with the built core. */
const project = (): string => copyRepo();

/** Changes a locale file (its size too, so that its stamp changes on any file system). */
function edit(dir: string, locale: string, ns: string, change: (data: any) => void) {
  const file = path.join(dir, 'locales', locale, `${ns}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 1));
}

/** A stand-in for Eleventy's config API: runs the plugin's build hooks like a dev server. */
async function plugin(dir: string, options: BilateralPluginOptions = {}) {
  const filters = new Map<string, (...args: any[]) => any>();
  const listeners = new Map<string, (arg: { runMode?: string }) => unknown>();
  await bilateral(
    {
      addGlobalData: () => {},
      addFilter: (name: string, fn: (...args: any[]) => any) => filters.set(name, fn),
      addWatchTarget: () => {},
      on: (event: string, fn: (arg: { runMode?: string }) => unknown) => listeners.set(event, fn),
    },
    {
      configFile: path.join(dir, 'bilateral.config.json'),
      mode: 'development',
      isolate: false,
      color: false,
      log: () => {},
      ...options,
    },
  );
  return {
    /** One build (before and after hooks), returning each locale's document. */
    async build(runMode = 'build'): Promise<Record<string, RenderedDocument>> {
      await listeners.get('eleventy.before')!({ runMode });
      const docs = Object.fromEntries(
        LOCALES.map((l) => [l, filters.get('bilateralDocument')!(DOC, l) as RenderedDocument]),
      );
      await listeners.get('eleventy.after')?.({ runMode });
      return docs;
    },
  };
}

const lead = (d: RenderedDocument) => d.sections[0]!.paragraphs[0]!;

describe('rendered documents kept between builds', () => {
  // Development builds (a dev server's), which go on when an edit makes the checks find errors.
  it('reuses every document when nothing changed, and re-renders only the edited one', async () => {
    const dir = project();
    const site = await plugin(dir, { cacheDirectory: false });
    const first = await site.build();
    const again = await site.build();
    for (const l of LOCALES) expect(again[l]).toBe(first[l]);

    edit(dir, 'uk', DOC, (d) => (d.sections.lead.p1 = 'Новий текст першого абзацу.'));
    const edited = await site.build();
    expect(lead(edited['uk']!).text).toBe('Новий текст першого абзацу.');
    expect(edited['uk']).not.toBe(first['uk']);
    for (const l of ['ja', 'en', 'ko']) expect(edited[l]).toBe(first[l]);
  });

  it('re-renders the locales whose fallback chain reads an edited file, in development', async () => {
    const dir = project();
    const site = await plugin(dir, { cacheDirectory: false });
    const first = await site.build();
    edit(dir, 'en', DOC, (d) => (d.sections.lead.p1 += ' Edited.'));
    const next = await site.build();
    expect(lead(next['en']!).text).toMatch(/ Edited\.$/);
    // uk and ko fall back to en; ja (the source) does not.
    expect(next['ja']).toBe(first['ja']);
    for (const l of ['en', 'uk', 'ko']) expect(next[l]).not.toBe(first[l]);
    expect(next['uk']).toEqual(first['uk']);
  });

  it('re-renders a locale when its ui or terms change', async () => {
    const dir = project();
    const site = await plugin(dir, { cacheDirectory: false });
    const first = await site.build();
    edit(dir, 'ko', 'ui', (d) => (d.article.footnote = '각주 {{number}}번'));
    const afterUi = await site.build();
    expect(afterUi['ko']).not.toBe(first['ko']);
    expect(
      afterUi['ko']!.sections.flatMap((s) => s.paragraphs.map((p) => p.html)).join(''),
    ).toContain('aria-label="각주 1번"');
    for (const l of ['ja', 'en', 'uk']) expect(afterUi[l]).toBe(first[l]);
    // Nothing falls back to uk: only uk reads its terms.
    edit(dir, 'uk', 'terms', (d) => (d.extra = 'x'));
    const afterTerms = await site.build();
    expect(afterTerms['uk']).not.toBe(afterUi['uk']);
    for (const l of ['ja', 'en', 'ko']) expect(afterTerms[l]).toBe(afterUi[l]);
  });

  it('starts a new process from the disk copy, and ignores a copy that is corrupted', async () => {
    const dir = project();
    const cacheDirectory = path.join(dir, 'cache');
    // A dev server keeps them in memory only; a build writes them.
    await (await plugin(dir, { cacheDirectory })).build('serve');
    expect(existsSync(cacheDirectory)).toBe(false);
    const fresh = await (await plugin(dir, { cacheDirectory })).build('build');
    // One file per rendered document (one document × 4 languages), named by its inputs' hash.
    const [name] = readdirSync(cacheDirectory);
    const folder = path.join(cacheDirectory, name!);
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(LOCALES.length);
    for (const n of names) expect(n).toMatch(/^[0-9a-f]{64}\.json$/);
    const headerOf = (text: string) => JSON.parse(text.slice(0, text.indexOf('\n')));
    const file = path.join(
      folder,
      names.find(
        (n) => headerOf(readFileSync(path.join(folder, n), 'utf8')).id === `${DOC}\u0000en`,
      )!,
    );
    const saved = readFileSync(file, 'utf8');
    // A new plugin (a new process) serves what is on disk, not a new rendering: shown by a copy
    // whose body was changed and its checksum recomputed.
    const nl = saved.indexOf('\n');
    const body = saved.slice(nl + 1).replace(lead(fresh['en']!).text, 'Served from disk.');
    const header = JSON.parse(saved.slice(0, nl));
    header.checksum = createHash('sha256').update(body).digest('hex');
    writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
    expect(lead((await (await plugin(dir, { cacheDirectory })).build())['en']!).text).toBe(
      'Served from disk.',
    );
    writeFileSync(file, saved);
    expect(await (await plugin(dir, { cacheDirectory })).build()).toEqual(fresh);

    // Truncated, a body that does not match its checksum, another document's or another format
    // version's: ignored, that document re-rendered and its file rewritten.
    const other = names.map((n) => path.join(folder, n)).find((f) => f !== file)!;
    for (const broken of [
      saved.slice(0, saved.length - 100),
      saved.replace(lead(fresh['en']!).text, 'Tampered text.'),
      'not a cache',
      readFileSync(other, 'utf8'),
      saved.replace('"version":3', '"version":2'),
    ]) {
      writeFileSync(file, broken);
      const docs = await (await plugin(dir, { cacheDirectory })).build();
      expect(docs).toEqual(fresh);
      expect(lead(docs['en']!).text).not.toBe('Tampered text.');
      // Rewritten (atomically: no temporary file is left behind), the others untouched.
      expect(readFileSync(file, 'utf8')).toBe(saved);
      expect(readdirSync(folder).sort()).toEqual(names);
    }

    // A changed input is never served from disk: the new process renders the new text, writes
    // the files of the documents that read it (en, and the languages falling back to en) and
    // removes their old ones; ja reads no en text and keeps its file.
    const ja = names.find(
      (n) => headerOf(readFileSync(path.join(folder, n), 'utf8')).id === `${DOC}\u0000ja`,
    )!;
    edit(dir, 'en', DOC, (d) => (d.sections.lead.p1 = 'Changed while no server ran.'));
    const changed = await (await plugin(dir, { cacheDirectory })).build();
    expect(lead(changed['en']!).text).toBe('Changed while no server ran.');
    const after = readdirSync(folder).sort();
    expect(after).toHaveLength(LOCALES.length);
    expect(after.filter((n) => names.includes(n))).toEqual([ja]);
  });
});
