import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { brokenRepo as broken, cli, copyRepo, read, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * `check` on worker threads gives exactly the findings of `check` on one thread. Worker threads
 * run the compiled modules, so this test uses dist/ (built by `pnpm build` before the tests).
 */

const NS = 'north-korea-ukraine-relations';

const dist = () => import('../dist/index.js');
const parallel = () => import('../dist/check/threads/parallel.js');

describe('checkInWorkers', () => {
  it('finds what check() finds, on 2 and 3 threads, with and without a cache', async () => {
    const { check, loadConfig, loadProject, buildProject, CheckCache } = await dist();
    const { checkInWorkers } = await parallel();
    const dir = broken();
    const config = await loadConfig({ cwd: dir });
    const expected = check(await loadProject(config));
    expect(new Set(expected.map((f) => f.rule))).toEqual(
      new Set(['syntax', 'missing', 'obsolete', 'placeholders', 'stale', 'facts']),
    );
    expect(expected.some((f) => f.message.includes('makes a cycle'))).toBe(true);
    // The calling thread does not load the core: a project without one is enough.
    const bare = buildProject(config, undefined);
    expect(await checkInWorkers(bare, { jobs: 2 })).toEqual(expected);
    expect(await checkInWorkers(bare, { jobs: 3 })).toEqual(expected);
    // The repository's namespaces and the two of the cycle.
    const all = bare.namespaces.length;
    expect(bare.namespaces).toEqual(expect.arrayContaining(['ui', 'terms', NS, 'a', 'b']));
    const cache = new CheckCache();
    expect(await checkInWorkers(bare, { jobs: 2, cache })).toEqual(expected);
    expect(cache.stats).toEqual({ reused: 0, checked: all });
    expect(await checkInWorkers(buildProject(config, undefined), { jobs: 2, cache })).toEqual(
      expected,
    );
    expect(cache.stats).toEqual({ reused: all, checked: 0 });
    // The same cache serves a run on one thread.
    expect(check(await loadProject(config), { cache })).toEqual(expected);
    expect(cache.stats).toEqual({ reused: all, checked: 0 });
  });

  it('finds the same when this thread checks a share with the core it loads', async () => {
    const {
      check,
      checkWithStatus,
      loadConfig,
      loadProject,
      buildProject,
      CheckCache,
      loadCorpus,
    } = await dist();
    const { runInWorkers } = await parallel();
    const dir = broken();
    const config = await loadConfig({ cwd: dir });
    const expected = checkWithStatus(await loadProject(config));
    const bare = buildProject(config, undefined);
    let loads = 0;
    const here = async () => {
      loads++;
      return buildProject(config, await loadCorpus(config));
    };
    for (const jobs of [2, 3]) {
      const got = await runInWorkers(bare, { jobs, status: true, here });
      expect(got.findings).toEqual(expected.findings);
      expect(got.status).toEqual(expected.status);
    }
    expect(loads).toBe(2); // once per run: this thread checked a share each time
    const cache = new CheckCache();
    const all = bare.namespaces.length;
    const first = await runInWorkers(bare, { jobs: 2, status: false, here, cache });
    expect(first.findings).toEqual(expected.findings);
    expect(cache.stats).toEqual({ reused: 0, checked: all });
    await runInWorkers(buildProject(config, undefined), { jobs: 2, status: false, here, cache });
    expect(cache.stats).toEqual({ reused: all, checked: 0 });
    expect(check(await loadProject(config), { cache })).toEqual(expected.findings);
  });

  it('reports a core that cannot be loaded as the configuration mistake it is', async () => {
    const { loadConfig, buildProject } = await dist();
    const { checkInWorkers } = await parallel();
    const dir = copyRepo();
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    write(dir, 'bilateral.config.json', JSON.stringify({ ...config, core: './nowhere.mjs' }));
    const bare = buildProject(await loadConfig({ cwd: dir }), undefined);
    const error = await checkInWorkers(bare, { jobs: 2 }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ConfigError');
    expect((error as Error).message).toContain('cannot load the core "./nowhere.mjs"');
  });
});

describe('bilateral check --jobs', () => {
  it('prints the same on 1 and 2 threads', async () => {
    const dir = broken();
    const one = await cli(['check', '--jobs', '1'], dir);
    const two = await cli(['check', '--jobs', '2'], dir);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(1);
    expect(one.stdout).toContain('makes a cycle');
  });

  it('refuses a job count that is not a whole number from 1 to 64', async () => {
    for (const bad of ['0', '-1', '1.5', 'many', '65']) {
      const r = await cli(['check', '--jobs', bad], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("option '-j, --jobs <n>' argument");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('works on a project without a core', async () => {
    const dir = tempDir();
    write(dir, 'locales/en/a.json', '{ "x": "A {{n}}" }');
    write(dir, 'locales/de/a.json', '{ "x": "B {{m}}" }');
    const args = ['check', '--source', 'en', '--locales', 'locales/{lng}/{ns}.json'];
    const one = await cli([...args, '--jobs', '1'], dir);
    const two = await cli([...args, '--jobs', '2'], dir);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('{{n}}');
    expect(path.isAbsolute(dir)).toBe(true);
  });
});
