import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CheckCache } from '../src/check/incremental/cache.js';
import { check, checkWithStatus } from '../src/check/check.js';
import { CoreNeeded } from '../src/model/errors.js';
import { digestCore } from '../src/check/incremental/core-digest.js';
import { buildProject } from '../src/files/project.js';
import { computeStatus } from '../src/check/status.js';
import type { Finding } from '../src/model/finding.js';
import { CORE, cli, copyRepo, project, read, replaceIn, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * The check cache: a run with a cache gives exactly the findings of a run without one, after any
 * edit, and re-checks only the namespaces whose inputs changed.
 */

const NS = 'north-korea-ukraine-relations';

interface Edit {
  readonly name: string;
  readonly apply: (dir: string) => void;
  /** Namespaces whose results must be computed again. */
  readonly rechecked: readonly string[] | 'every namespace';
}

const edits: readonly Edit[] = [
  {
    name: 'a syntax error in one file',
    apply: (d) => replaceIn(d, 'locales/en/ui.json', '"Contents",', '"Contents"'),
    rechecked: ['ui'],
  },
  {
    name: 'a renamed placeholder in a document',
    apply: (d) =>
      replaceIn(d, `locales/ko/${NS}.json`, '{{relationsEstablished', '{{relationsEstablishedX'),
    rechecked: [NS],
  },
  {
    name: 'a deleted source key (every locale compares with it)',
    apply: (d) => replaceIn(d, `locales/ja/${NS}.json`, '      "title": "貿易",\n', ''),
    rechecked: [NS],
  },
  {
    // The document's terminology findings come from terms: its result depends on terms.
    name: 'an entity label changed in terms',
    apply: (d) => {
      const terms = JSON.parse(read(d, 'locales/uk/terms.json')) as {
        entities: Record<string, { label: string; forms?: string }>;
      };
      for (const e of Object.values(terms.entities)) {
        e.label = `${e.label}Ж`;
        delete e.forms;
      }
      write(d, 'locales/uk/terms.json', JSON.stringify(terms, null, 2));
    },
    rechecked: ['terms', NS],
  },
  {
    name: 'a lock entry changed (stale)',
    apply: (d) => {
      const lock = JSON.parse(read(d, 'locales/uk/.bilateral-lock.json')) as {
        keys: Record<string, string>;
      };
      const k = Object.keys(lock.keys).find((x) => x.startsWith(`${NS}:sections.`)) as string;
      lock.keys[k] = 'AAAAAAAAAAAA';
      write(d, 'locales/uk/.bilateral-lock.json', JSON.stringify(lock, null, 2));
    },
    rechecked: [NS],
  },
  {
    name: 'a damaged lock file (a finding of no namespace)',
    apply: (d) => write(d, 'locales/ko/.bilateral-lock.json', '{ "keys": '),
    // Korean is no longer tracked: every namespace's stale findings for it change.
    rechecked: 'every namespace',
  },
  {
    name: 'a new namespace',
    apply: (d) => {
      write(d, 'locales/ja/extra.json', '{ "a": "あ {{x}}" }');
      write(d, 'locales/en/extra.json', '{ "a": "A {{y}}" }');
    },
    rechecked: ['extra'],
  },
];

async function run(dir: string, cache?: CheckCache): Promise<Finding[]> {
  return check(await project(dir), cache === undefined ? {} : { cache });
}

/** How many namespaces the project in `dir` has (the repository's: ui, terms, style, a document). */
const namespaceCount = async (dir: string) => (await project(dir)).namespaces.length;

describe('check cache', () => {
  it('reuses every namespace of an unchanged project, with the same findings', async () => {
    const dir = copyRepo();
    const cache = new CheckCache();
    const all = await namespaceCount(dir);
    expect(all).toBeGreaterThanOrEqual(3);
    const first = await run(dir, cache);
    expect(cache.stats).toEqual({ reused: 0, checked: all });
    const again = await run(dir, CheckCache.parse(cache.serialize()));
    expect(again).toEqual(first);
    const reloaded = CheckCache.parse(cache.serialize());
    await run(dir, reloaded);
    expect(reloaded.stats).toEqual({ reused: all, checked: 0 });
  });

  for (const edit of edits) {
    const which = edit.rechecked === 'every namespace' ? edit.rechecked : edit.rechecked.join(', ');
    it(`after ${edit.name}: the findings of a run without cache, re-checking ${which}`, async () => {
      const dir = copyRepo();
      const cache = new CheckCache();
      await run(dir, cache);
      edit.apply(dir);
      const warm = await run(dir, cache);
      const cold = await run(dir);
      expect(warm).toEqual(cold);
      expect(cold.length).toBeGreaterThan(0);
      expect(cache.stats.checked).toBe(
        edit.rechecked === 'every namespace' ? await namespaceCount(dir) : edit.rechecked.length,
      );
    });
  }

  it('re-checks a document whose core document changed, and only that one', async () => {
    const dir = copyRepo();
    // A core module wrapping the real one, with one paragraph's citations changed on demand.
    write(
      dir,
      'core.mjs',
      `import { corpus as real } from ${JSON.stringify(CORE)};
import { readFileSync } from 'node:fs';
const drop = readFileSync(new URL('./drop.txt', import.meta.url), 'utf8').trim();
const doc = structuredClone(real.documents[Object.keys(real.documents)[0]]);
for (const s of doc.sections) for (const p of s.paragraphs) if (drop === 'yes') p.carries = [];
export const corpus = { ...real, documents: { ...real.documents, [doc.id]: doc } };
`,
    );
    write(dir, 'drop.txt', 'no');
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    write(dir, 'bilateral.config.json', JSON.stringify({ ...config, core: './core.mjs' }));
    // Through the CLI: a fresh module graph (and so the changed core) for every run.
    const loc = path.join(tempDir(), 'cache.json');
    const keys = () =>
      (JSON.parse(readFileSync(loc, 'utf8')) as { units: Record<string, { key: string }> }).units;
    const before = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    const old = keys();
    write(dir, 'drop.txt', 'yes');
    const warm = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    const cold = await cli(['check', '--format', 'json', '--no-cache'], dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(cold.stdout).not.toBe(before.stdout);
    const now = keys();
    expect(Object.keys(now).filter((ns) => now[ns]?.key !== old[ns]?.key)).toEqual([NS]);
  });

  it('starts afresh when the configuration changes', async () => {
    const dir = copyRepo();
    const cache = new CheckCache();
    await run(dir, cache);
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as { rules?: object };
    write(
      dir,
      'bilateral.config.json',
      JSON.stringify({ ...config, rules: { ...config.rules, punctuation: 'off' } }),
    );
    const warm = await run(dir, cache);
    expect(warm).toEqual(await run(dir));
    expect(cache.stats).toEqual({ reused: 0, checked: await namespaceCount(dir) });
  });

  it('finds a $t() cycle through two namespaces, and its end, when only one of them changes', async () => {
    const dir = tempDir();
    write(
      dir,
      'bilateral.config.json',
      JSON.stringify({ sourceLocale: 'en', locales: ['en'], files: 'locales/{lng}/{ns}.json' }),
    );
    write(dir, 'locales/en/a.json', '{ "x": "A $t(b:y)" }');
    write(dir, 'locales/en/b.json', '{ "y": "B" }');
    write(dir, 'locales/en/c.json', '{ "z": "C" }');
    const cache = new CheckCache();
    expect(await run(dir, cache)).toEqual([]);
    write(dir, 'locales/en/b.json', '{ "y": "B $t(a:x)" }');
    const cycle = await run(dir, cache);
    expect(cycle).toEqual(await run(dir));
    expect(cycle.map((f) => f.message).join('\n')).toMatch(/makes a cycle: /);
    // b changed, and a nests b (it looked b:y up): both again; c not.
    expect(cache.stats).toEqual({ reused: 1, checked: 2 });
    write(dir, 'locales/en/c.json', '{ "z": "C!" }');
    expect(await run(dir, cache)).toEqual(cycle);
    expect(cache.stats).toEqual({ reused: 2, checked: 1 });
    write(dir, 'locales/en/a.json', '{ "x": "A" }');
    expect(await run(dir, cache)).toEqual([]);
  });

  it('trusts a recorded digest only while the file keeps its size, times and inode', async () => {
    const dir = copyRepo();
    const file = path.join(dir, 'locales/en/ui.json');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(file, old, old);
    const cache = new CheckCache();
    await run(dir, cache);
    // As saved well after the last change: stamps are trusted. A wrong digest recorded for
    // the file shows whether it was read again (the namespace is then re-checked).
    const data = JSON.parse(cache.serialize()) as {
      savedAt: number;
      files: Record<string, [string, string]>;
    };
    data.savedAt = Date.now() + 10_000;
    const rel = 'locales/en/ui.json';
    const [stamp] = data.files[rel] as [string, string];
    data.files[rel] = [stamp, 'not the digest'];
    const trusted = CheckCache.parse(JSON.stringify(data));
    await run(dir, trusted);
    expect(trusted.stats.checked).toBe(1); // the wrong digest was used: the file was not read

    // The same length and modification time, other bytes: the change time differs.
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('"Contents",', '"Contents"X');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, old, old);
    expect(Math.abs(statSync(file).mtimeMs - old.getTime())).toBeLessThan(1);
    const data2 = JSON.parse(cache.serialize()) as { savedAt: number };
    data2.savedAt = Date.now() + 10_000;
    const c2 = CheckCache.parse(JSON.stringify(data2));
    const warm = await run(dir, c2);
    expect(warm).toEqual(await run(dir));
    expect(warm.some((f) => f.rule === 'syntax' && f.file === rel)).toBe(true);
  });

  it('gives the status report of computeStatus, from the cache too', async () => {
    const dir = copyRepo();
    replaceIn(dir, `locales/ko/${NS}.json`, '{{relationsEstablished', '{{relationsX');
    replaceIn(dir, 'locales/uk/ui.json', '    "backToText": "Повернутися до тексту",\n', '');
    const p = await project(dir);
    const expected = computeStatus(p, check(p));
    expect(expected.locales.find((l) => l.locale === 'uk')?.missing).toBeGreaterThan(0);
    const cache = new CheckCache();
    const first = checkWithStatus(await project(dir), { cache });
    expect(first.status).toEqual(expected);
    expect(first.findings).toEqual(check(p));
    // A plain check's cache has no status: the namespaces are checked again, once.
    const plain = new CheckCache();
    check(await project(dir), { cache: plain });
    expect(checkWithStatus(await project(dir), { cache: plain }).status).toEqual(expected);
    const all = await namespaceCount(dir);
    expect(plain.stats).toEqual({ reused: 0, checked: all });
    const again = checkWithStatus(await project(dir), { cache });
    expect(cache.stats).toEqual({ reused: all, checked: 0 });
    expect(again.status).toEqual(expected);
    replaceIn(dir, `locales/ko/${NS}.json`, '{{relationsX', '{{relationsEstablished');
    const fixed = checkWithStatus(await project(dir), { cache });
    expect(cache.stats).toEqual({ reused: all - 1, checked: 1 });
    const p2 = await project(dir);
    expect(fixed.status).toEqual(computeStatus(p2, check(p2)));
  });

  it('refuses to check a namespace without the core it needs (CoreNeeded), reusing is fine', async () => {
    const dir = copyRepo();
    const cache = new CheckCache();
    const full = await project(dir);
    const expected = check(full, { cache });
    const core = digestCore(full.corpus);
    const bare = buildProject(full.config, undefined);
    // Everything from the cache: no core needed.
    expect(check(bare, { cache, core })).toEqual(expected);
    replaceIn(dir, 'locales/en/ui.json', '"Contents",', '"Contents!",');
    expect(() => check(buildProject(full.config, undefined), { cache, core })).toThrow(CoreNeeded);
  });

  it('ignores a damaged or foreign cache', () => {
    for (const text of ['', '{', 'null', '[]', '{"version":999}', '{"version":1,"salt":1}']) {
      expect(CheckCache.parse(text).size).toBe(0);
    }
  });
});

describe('bilateral check --cache-location / --no-cache', () => {
  it('writes the cache, reuses it, and gives the same output as --no-cache', async () => {
    const dir = copyRepo();
    replaceIn(dir, 'locales/en/ui.json', '"Contents",', '"Contents"');
    const loc = path.join(dir, 'cache', 'check.json');
    const first = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    expect(existsSync(loc)).toBe(true);
    const second = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    const none = await cli(['check', '--format', 'json', '--no-cache'], dir);
    expect(second.stdout).toBe(first.stdout);
    expect(none.stdout).toBe(first.stdout);
    expect(second.code).toBe(1);
    // One namespace edited: checked again (on the thread that loaded the core), the rest reused.
    const before = read(dir, 'cache/check.json');
    replaceIn(dir, `locales/ko/${NS}.json`, '{{relationsEstablished', '{{relationsX');
    const third = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    const none3 = await cli(['check', '--format', 'json', '--no-cache'], dir);
    expect(third.stdout).toBe(none3.stdout);
    expect(third.stdout).not.toBe(first.stdout);
    expect(read(dir, 'cache/check.json')).not.toBe(before);
    const fourth = await cli(['check', '--format', 'json', '--cache-location', loc], dir);
    expect(fourth.stdout).toBe(none3.stdout);
  });

  it('keeps the cache in node_modules/.cache when the project has node_modules, and none without', async () => {
    const dir = copyRepo();
    await cli(['check'], dir);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    write(dir, 'node_modules/.keep', '');
    await cli(['check'], dir);
    expect(existsSync(path.join(dir, 'node_modules/.cache/bilateral/check.json'))).toBe(true);
  });

  it('names a core that cannot be loaded (exit 2), with a cache too', async () => {
    const dir = copyRepo();
    const loc = path.join(dir, 'check-cache.json');
    expect((await cli(['check', '--cache-location', loc], dir)).code).toBe(0);
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    write(dir, 'bilateral.config.json', JSON.stringify({ ...config, core: './nowhere.mjs' }));
    for (const args of [['--cache-location', loc], ['--no-cache'], ['--jobs', '2']]) {
      const r = await cli(['check', ...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('cannot load the core "./nowhere.mjs"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('runs on with a damaged cache file, and replaces it', async () => {
    const dir = copyRepo();
    const loc = path.join(dir, 'check-cache.json');
    write(dir, 'check-cache.json', '{"version":1,"salt":"x","units":{"ui":{"key":1}}');
    const r = await cli(['check', '--cache-location', loc], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(() => JSON.parse(read(dir, 'check-cache.json')) as unknown).not.toThrow();
  });
});
