import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { brokenRepo as broken, cli, copyRepo, read, replaceIn, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 120_000 });

/**
 * Every way a check session can run gives exactly the findings of `check()` on the same project:
 * without a cache, with a new cache, from a cache (the core on another thread, nothing changed or
 * a few namespaces changed), on threads with and without a cache, in the background and isolated
 * in a worker, and again in watch mode; and `bilateral check --format json` prints those findings.
 * Threads and workers run the compiled modules, so this test uses dist/ (built before the tests).
 */

const dist = async () => ({
  ...(await import('../dist/index.js')),
  ...(await import('../dist/check/session.js')),
});

/** An edit to one namespace (a renamed placeholder), for the runs that find a few changed. */
const FOOTNOTE = ['"Примітка {{number}}"', '"Примітка {{numbr}}"'] as const;
const editOne = (dir: string) => replaceIn(dir, 'locales/uk/ui.json', ...FOOTNOTE);

describe.each([
  ['this repository', copyRepo],
  ['a broken copy', broken],
])('a check session on %s', (_name, make) => {
  it('finds what check() finds, on every path', async () => {
    const { check, checkWithStatus, loadConfig, loadProject, openCheckSession } = await dist();
    const dir = make();
    const config = await loadConfig({ cwd: dir });
    const expected = async () => check(await loadProject(config));
    const plain = await expected();
    const cacheFile = path.join(tempDir(), 'check.json');
    const run = async (options: Parameters<typeof openCheckSession>[1]) => {
      const session = openCheckSession(config, options);
      try {
        return (await session.result()).findings;
      } finally {
        session.stop();
      }
    };

    expect(await run({ cache: false })).toEqual(plain);
    expect(await run({ cache: false, jobs: 2 })).toEqual(plain);
    expect(await run({ cache: cacheFile })).toEqual(plain); // a new cache: checked afresh
    expect(await run({ cache: cacheFile })).toEqual(plain); // all from the cache
    expect(await run({ cache: cacheFile, jobs: 2 })).toEqual(plain);
    expect(await run({ cache: false, background: true })).toEqual(plain);
    expect(await run({ cache: cacheFile, isolate: true })).toEqual(plain);

    // A few namespaces changed: checked on the thread that loaded the core, the rest reused.
    editOne(dir);
    const edited = await expected();
    expect(edited).not.toEqual(plain);
    expect(await run({ cache: cacheFile })).toEqual(edited);
    expect(await run({ cache: cacheFile })).toEqual(edited);

    // With the status report, as checkWithStatus gives it, in this thread and in a worker.
    const withStatus = checkWithStatus(await loadProject(config));
    for (const options of [{ cache: false as const }, { cache: cacheFile, isolate: true }]) {
      const session = openCheckSession(config, { ...options, status: true });
      const r = await session.result();
      expect(r.findings).toEqual(withStatus.findings);
      expect(r.status).toEqual(withStatus.status);
    }

    // Watch: again() after an edit, from the cache kept in memory.
    const watching = openCheckSession(config, { cache: false });
    expect((await watching.result()).findings).toEqual(edited);
    replaceIn(dir, 'locales/uk/ui.json', FOOTNOTE[1], FOOTNOTE[0]);
    expect((await watching.again()).findings).toEqual(plain);
  });

  it('is what `bilateral check --format json` prints, with and without a cache, on 1 and 2 threads', async () => {
    const { check, loadConfig, loadProject } = await dist();
    const dir = make();
    const expected = check(await loadProject(await loadConfig({ cwd: dir })));
    const loc = path.join(tempDir(), 'check.json');
    for (const args of [
      ['--no-cache'],
      ['--no-cache', '--jobs', '2'],
      ['--cache-location', loc],
      ['--cache-location', loc],
    ]) {
      const r = await cli(['check', '--format', 'json', ...args], dir);
      expect(JSON.parse(r.stdout), args.join(' ')).toEqual(expected);
      expect(r.code).toBe(expected.some((f) => f.severity === 'error') ? 1 : 0);
    }
  });
});

describe('errors on a worker', () => {
  it('reach the caller with their class: a core that cannot be loaded is a ConfigError (exit 2)', async () => {
    const { loadConfig, openCheckSession } = await dist();
    const dir = copyRepo();
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    write(dir, 'bilateral.config.json', JSON.stringify({ ...config, core: './nowhere.mjs' }));
    const { ConfigError } = await import('../dist/model/errors.js');
    for (const options of [{ isolate: true }, { background: true }, { jobs: 2 }]) {
      const session = openCheckSession(await loadConfig({ cwd: dir }), {
        cache: false,
        ...options,
      });
      const error = await session.result().catch((e: unknown) => e);
      session.stop();
      expect(error, JSON.stringify(options)).toBeInstanceOf(ConfigError);
      expect((error as InstanceType<typeof ConfigError>).exitCode).toBe(2);
      expect((error as Error).message).toContain('cannot load the core "./nowhere.mjs"');
    }
  });
});

describe('a session given the core', () => {
  it('checks with that core and never loads one (a dev server keeps the one it was sent)', async () => {
    const { check, loadConfig, loadProject, openCheckSession } = await dist();
    const dir = copyRepo();
    const config = await loadConfig({ cwd: dir });
    const project = await loadProject(config);
    const expected = check(project);
    // The config now names a core that cannot be loaded: only the given one can be used.
    const unloadable = { ...config, core: './nowhere.mjs' };
    const session = openCheckSession(unloadable, {
      cache: false,
      status: true,
      corpus: project.corpus!,
    });
    expect(await session.corpus()).toBe(project.corpus);
    expect((await session.result()).findings).toEqual(expected);
    editOne(dir);
    expect((await session.again()).findings).toEqual(check(await loadProject(config)));
    expect((await session.again()).findings).not.toEqual(expected);
  });
});
