import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import bilateral, { resolveMode, TranslationCheckError } from '../src/eleventy.js';
import { LOCALES, repoRoot } from './helpers.js';
import { copyRepo } from './support.js';
import { fakeEleventy } from './eleventy-fake.js';

const DOC = 'north-korea-ukraine-relations';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the repository's config and locale files, with the built core, changed by `edit`. */
function project(edit: (dir: string) => void = () => {}): string {
  const dir = copyRepo();
  edit(dir);
  return dir;
}

function dropTradeInUkrainian(dir: string) {
  const file = path.join(dir, 'locales/uk', `${DOC}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  delete data.sections.trade.p1;
  writeFileSync(file, JSON.stringify(data));
}

const envMode = process.env['BILATERAL_MODE'];
afterEach(() => {
  if (envMode === undefined) delete process.env['BILATERAL_MODE'];
  else process.env['BILATERAL_MODE'] = envMode;
});

describe('the Eleventy plugin', () => {
  it('renders every document in every locale and gives templates data, filters and watch targets', async () => {
    const dir = project();
    const e = fakeEleventy();
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      isolate: false,
      log: () => {},
    });
    await e.build('build');
    const data = e.data();
    expect(data.mode).toBe('production');
    expect(data.locales).toEqual(LOCALES);
    expect(data.defaultLocale).toBe('en');
    expect(data.documents).toEqual([DOC]);
    // The repository's translations are clean, and the status covers every locale.
    expect(data.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(data.status.locales.map((l) => l.locale)).toEqual(LOCALES);
    for (const l of LOCALES) {
      const d = e.document(l);
      expect(d.locale).toBe(l);
      expect(d.references).toHaveLength(22);
      expect(d.problems).toEqual([]);
    }
    expect(e.text('nav.timeline', 'uk').text).toBe('Хронологія');
    expect(e.filters.get('bilateralLanguageName')!('ko')).toBe('한국어');
    // The locale folders and the built core are watched; the config resets the config.
    const targets = e.watched.map((w) => w.target);
    for (const l of LOCALES) expect(targets).toContain(path.join(dir, 'locales', l));
    expect(targets).toContain(path.join(repoRoot, 'packages/core/dist'));
    expect(e.watched).toContainEqual({
      target: path.join(dir, 'bilateral.config.json'),
      options: { resetConfig: true },
    });
  });

  it('publishes a missing translation in production from the fallback language, marked, with a notice', async () => {
    const dir = project(dropTradeInUkrainian);
    const e = fakeEleventy();
    let printed = '';
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      isolate: false,
      color: false,
      log: (t) => (printed += t),
    });
    await e.build('build');
    const uk = e.document('uk');
    const trade = uk.sections.find((s) => s.id === 'trade')!.paragraphs[0]!;
    expect(trade).toMatchObject({ lang: 'en', fallback: true, missing: false });
    expect(uk.notices?.fallback).toEqual([{ key: `${DOC}:sections.trade.p1`, lang: 'en' }]);
    expect(e.document('ko').notices).toMatchObject({ fallback: [], stale: [], copied: [] });
    expect(printed).toContain(
      '1 text missing or stale in a translation is published with a notice',
    );
  });

  it('a strict build (option, or BILATERAL_STRICT=1) fails on a missing translation, printing it', async () => {
    for (const strict of ['option', 'env'] as const) {
      const dir = project(dropTradeInUkrainian);
      const e = fakeEleventy();
      let printed = '';
      if (strict === 'env') process.env['BILATERAL_STRICT'] = '1';
      try {
        await bilateral(e.config, {
          configFile: path.join(dir, 'bilateral.config.json'),
          isolate: false,
          color: false,
          log: (t) => (printed += t),
          ...(strict === 'option' ? { strict: true } : {}),
        });
        await expect(e.build('build')).rejects.toThrow(TranslationCheckError);
      } finally {
        delete process.env['BILATERAL_STRICT'];
      }
      expect(printed).toContain('sections.trade.p1');
      expect(printed).toContain(`locales/uk/${DOC}.json`);
    }
  });

  it('publishes stale translations with a notice after a source edit; a whitespace-only edit changes nothing', async () => {
    const file = (dir: string) => path.join(dir, 'locales/ja', `${DOC}.json`);
    const editSource = (change: (p: string) => string) => (dir: string) => {
      const data = JSON.parse(readFileSync(file(dir), 'utf8'));
      data.sections.history.p2 = change(data.sections.history.p2);
      writeFileSync(file(dir), JSON.stringify(data, null, 2));
    };
    const built = async (dir: string, strict = false) => {
      const e = fakeEleventy();
      let printed = '';
      await bilateral(e.config, {
        configFile: path.join(dir, 'bilateral.config.json'),
        isolate: false,
        color: false,
        strict,
        log: (t) => (printed += t),
      });
      return { e, printed: () => printed, run: () => e.build('build') };
    };
    // A space before 。 and a line break: nothing is stale.
    const spaced = await built(
      project(editSource((p) => p.replace('。', ' 。').replace('、', '、\n'))),
    );
    await spaced.run();
    for (const l of ['en', 'uk', 'ko']) expect(spaced.e.document(l).notices?.stale).toEqual([]);
    // A change of wording: the build succeeds, the translations are marked stale.
    const edited = project(editSource((p) => `一部の${p}`));
    const b = await built(edited);
    await b.run();
    for (const l of ['en', 'uk', 'ko']) {
      const d = b.e.document(l);
      expect(d.notices?.stale).toEqual([`${DOC}:sections.history.p2`]);
      const p2 = d.sections.find((s) => s.id === 'history')!.paragraphs.find((p) => p.id === 'p2');
      expect(p2).toMatchObject({ lang: l, stale: true, fallback: false });
    }
    expect(b.e.document('ja').notices?.stale).toEqual([]);
    expect(b.printed()).toContain(
      '3 texts missing or stale in a translation are published with a notice',
    );
    const strict = await built(edited, true);
    await expect(strict.run()).rejects.toThrow(TranslationCheckError);
    expect(strict.printed()).toContain(
      'the source text changed since this translation was accepted',
    );
  });

  it('falls back along the chain in development, marks the text, and reports it for the page', async () => {
    const dir = project(dropTradeInUkrainian);
    const e = fakeEleventy();
    let printed = '';
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      mode: 'development',
      isolate: false,
      color: false,
      log: (t) => (printed += t),
    });
    await e.build('serve');
    const trade = e.document('uk').sections.find((s) => s.id === 'trade')!.paragraphs[0]!;
    expect(trade).toMatchObject({ lang: 'en', fallback: true, missing: false });
    expect(trade.text).toContain('polyacetal');
    const findings = e.filters.get('bilateralFindings')!('uk') as { key: string }[];
    expect(findings.map((f) => f.key)).toContain('sections.trade.p1');
    // The finding names the document text it is about and the id of its marker on the page;
    // a finding about no document text (a UI string, a whole file) has none.
    expect(findings.find((f) => f.key === 'sections.trade.p1')).toMatchObject({
      document: DOC,
      namespace: DOC,
      text: 'sections.trade.p1',
      anchor: 'i18n-sections-trade-p1',
    });
    expect(e.filters.get('bilateralAnchor')!('sections.trade.p1')).toBe('i18n-sections-trade-p1');
    expect(e.filters.get('bilateralUnreadable')!('uk')).toEqual([]);
    expect(e.filters.get('bilateralFindings')!('ko')).toEqual([]);
    expect(printed).toContain('sections.trade.p1');
  });

  it('keeps serving in development when a locale file does not parse: its text falls back', async () => {
    const dir = project((d) =>
      writeFileSync(
        path.join(d, 'locales/uk/ui.json'),
        '{ "language": { "name": "Українська", }\n',
      ),
    );
    const e = fakeEleventy();
    let printed = '';
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      mode: 'development',
      isolate: false,
      color: false,
      log: (t) => (printed += t),
    });
    await e.build('serve');
    expect(e.text('nav.timeline', 'uk')).toMatchObject({
      text: 'Timeline',
      lang: 'en',
      fallback: true,
    });
    expect(e.document('uk').title).toMatchObject({ lang: 'uk', fallback: false });
    const findings = e.filters.get('bilateralFindings')!('uk') as {
      file: string;
      severity: string;
    }[];
    expect(findings).toContainEqual(
      expect.objectContaining({ file: 'locales/uk/ui.json', severity: 'error' }),
    );
    expect(findings.find((f) => f.file === 'locales/uk/ui.json')).not.toHaveProperty('anchor');
    expect(printed).toContain('locales/uk/ui.json');
    // The page can say which file it could not read.
    expect(e.filters.get('bilateralUnreadable')!('uk')).toEqual(['locales/uk/ui.json']);
    expect(e.filters.get('bilateralUnreadable')!('en')).toEqual([]);
  });

  it('refuses, in production, a UI string no locale has', async () => {
    const dir = project();
    const e = fakeEleventy();
    await bilateral(e.config, {
      configFile: path.join(dir, 'bilateral.config.json'),
      isolate: false,
      log: () => {},
    });
    await e.build('build');
    expect(() => e.text('nav.nowhere', 'ja')).toThrow(/ui:nav\.nowhere/);
  });

  it('takes the mode from the option, BILATERAL_MODE, or how Eleventy runs', () => {
    delete process.env['BILATERAL_MODE'];
    expect(resolveMode(undefined, 'build')).toBe('production');
    expect(resolveMode(undefined, 'serve')).toBe('development');
    expect(resolveMode(undefined, 'watch')).toBe('development');
    process.env['BILATERAL_MODE'] = 'development';
    expect(resolveMode(undefined, 'build')).toBe('development');
    expect(resolveMode('production', 'serve')).toBe('production');
    process.env['BILATERAL_MODE'] = 'staging';
    expect(() => resolveMode(undefined, 'build')).toThrow(
      /BILATERAL_MODE must be "production" or "development"/,
    );
  });

  it('loads the current core on every isolated build (a worker per build: no module cache)', async () => {
    // The worker runs the built modules (Node cannot start a worker on the TypeScript source).
    const { openCheckSession } = await import('../dist/check/session.js');
    const { loadConfig } = await import('../dist/files/config.js');
    /** What a build of the plugin does with `isolate`: a check session in a fresh worker. */
    const analyseIsolated = async (where: { configFile: string }) => {
      const session = openCheckSession(await loadConfig(where), { isolate: true, status: true });
      const corpus = await session.corpus();
      const { findings, status } = await session.result();
      return { corpus, findings, status };
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bilateral-core-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'locales/en'), { recursive: true });
    writeFileSync(path.join(dir, 'locales/en/ui.json'), '{"a": "A"}\n');
    writeFileSync(
      path.join(dir, 'bilateral.config.json'),
      JSON.stringify({
        sourceLocale: 'en',
        locales: ['en'],
        files: 'locales/{lng}/{ns}.json',
        core: './core.mjs',
      }),
    );
    const core = (n: number) =>
      writeFileSync(
        path.join(dir, 'core.mjs'),
        `export const corpus = { entities: {}, units: {}, works: { w${n}: {} }, documents: {} };\n`,
      );
    core(1);
    const first = await analyseIsolated({ configFile: path.join(dir, 'bilateral.config.json') });
    expect(Object.keys(first.corpus!.works)).toEqual(['w1']);
    expect(first.findings).toEqual([]);
    expect(first.status.locales.map((l) => l.locale)).toEqual(['en']);
    core(2);
    const second = await analyseIsolated({ configFile: path.join(dir, 'bilateral.config.json') });
    expect(Object.keys(second.corpus!.works)).toEqual(['w2']);
  });
});
