import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { servable, socketPath, splitArgs } from '../src/adapters/cli/served.js';
import { CLI, cli, copyFixture, read, replaceIn, waitFor, write } from './support.js';

vi.setConfig({ testTimeout: 30000 });

/** `bilateral check` answered by a running `bilateral check --watch` (adapters/cli/served.ts). */

describe('which command lines a watching process may answer', () => {
  it('splits what decides the findings from how they are shown', () => {
    expect(
      splitArgs(['check', '--format', 'json', '-l', 'uk', 'ko', '--no-color', '-j', '2']),
    ).toEqual({ key: ['check'], format: 'json', locale: ['uk', 'ko'], noColor: true });
    expect(splitArgs(['check', '-fjson', '--locale=uk', '--cache-location', 'c.json'])).toEqual({
      key: ['check'],
      format: 'json',
      locale: ['uk'],
      noColor: false,
    });
    // Everything else is compared as written: another rule or source is another question.
    expect(splitArgs(['--source', 'en', 'check', '--rule', 'missing', '--strict']).key).toEqual([
      '--source',
      'en',
      'check',
      '--rule',
      'missing',
      '--strict',
    ]);
    // The watching side's own --watch does not count.
    expect(splitArgs(['check', '--watch', '--format', 'json']).key).toEqual(['check']);
  });

  it('asks only for a single check with the cache allowed, never in CI', () => {
    const env = { CI: '' };
    expect(servable(['check'], env)).toBe(true);
    expect(servable(['check', '--format', 'json', '--locale', 'uk'], env)).toBe(true);
    for (const argv of [
      ['status'],
      ['check', '--watch'],
      ['check', '-w'],
      ['check', '--no-cache'],
      ['check', '--shard', '1/2'],
      ['--cwd', 'x', 'check'],
      ['check', '--help'],
      ['check', '-h'],
      ['check', '--', 'x'],
    ])
      expect(servable(argv, env), argv.join(' ')).toBe(false);
    expect(servable(['check'], { CI: 'true' })).toBe(false);
    expect(servable(['check'], { CI: 'true', BILATERAL_CACHE: '1' })).toBe(true);
    expect(servable(['check'], { BILATERAL_CACHE: '0' })).toBe(false);
    expect(servable(['check'], { BILATERAL_SERVED: '0' })).toBe(false);
  });
});

/** A `check --watch` in `dir`, and a way to wait for what it prints. */
function watching(dir: string, args: readonly string[] = [], env: Record<string, string> = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [CLI, 'check', '--watch', '--format', 'json', ...args],
    { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } },
  );
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const until = (pred: () => boolean, ms = 10000) => waitFor(pred, ms, () => `stderr: ${stderr}`);
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
  };
  return { child, stderr: () => stderr, until, stop };
}

// The client stays away from servers in CI (as the default caches do): these runs are not CI.
const NOT_CI = { CI: '' };
const ANSWERED = /answered by the `bilateral check --watch` running in this folder/;

describe('bilateral check while bilateral check --watch runs', () => {
  it('is answered by the watching process, exactly as it would answer itself', async () => {
    const dir = copyFixture('mini');
    const w = watching(dir);
    try {
      await w.until(() => w.stderr().includes('Watching'));
      const alone = await cli(['check', '--format', 'json'], dir, { BILATERAL_SERVED: '0' });
      expect(alone.stderr).not.toMatch(ANSWERED);
      for (const format of ['json', 'pretty', 'sarif', 'github']) {
        const served = await cli(['check', '--format', format], dir, NOT_CI);
        const own = await cli(['check', '--format', format], dir, { BILATERAL_SERVED: '0' });
        expect(served.stderr, format).toMatch(ANSWERED);
        expect(served.stdout, format).toBe(own.stdout);
        expect(served.code, format).toBe(own.code);
      }
      // An edit made just before the command is in the answer (and in the watching terminal).
      replaceIn(dir, 'locales/uk/ui.json', 'Привіт, {{name}}!', 'Привіт, {{nme}}!');
      const after = await cli(['check', '--format', 'json', '--locale', 'uk'], dir, NOT_CI);
      expect(after.stderr).toMatch(ANSWERED);
      expect(after.code).toBe(1);
      expect(after.stdout).toContain('"rule": "placeholders"');
      const own = await cli(['check', '--format', 'json', '--locale', 'uk'], dir, {
        BILATERAL_SERVED: '0',
      });
      expect(after.stdout).toBe(own.stdout);
      await w.until(() => w.stderr().includes('answered `bilateral check` from another terminal'));
    } finally {
      await w.stop();
    }
  }, 40000);

  it('leaves other settings, an unknown language, CI and a changed core to the command itself', async () => {
    const dir = copyFixture('mini');
    const w = watching(dir);
    try {
      await w.until(() => w.stderr().includes('Watching'));
      const other = await cli(['check', '--rule', 'missing'], dir, NOT_CI);
      expect(other.stderr).not.toMatch(ANSWERED);
      expect(other.code).toBe(0);
      const unknown = await cli(['check', '--locale', 'xx'], dir, NOT_CI);
      expect(unknown.stderr).not.toMatch(ANSWERED);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown locale "xx"');
      const ci = await cli(['check'], dir, { CI: 'true', BILATERAL_CACHE: '' });
      expect(ci.stderr).not.toMatch(ANSWERED);
      // The config names a core: once a file of its folder changes, the watching process (which
      // cannot load an ES module again) no longer answers.
      expect((await cli(['check'], dir, NOT_CI)).stderr).toMatch(ANSWERED);
      write(dir, 'core.mjs', `${read(dir, 'core.mjs')}\n// edited\n`);
      const changed = await cli(['check', '--format', 'json'], dir, NOT_CI);
      expect(changed.stderr).not.toMatch(ANSWERED);
      expect(changed.stdout.trim()).toBe('[]');
      // The watching terminal says why, once.
      await w.until(() => w.stderr().includes('checked by itself: a config or core file changed'));
      await cli(['check'], dir, NOT_CI);
      expect(w.stderr().split('a config or core file changed').length).toBe(2);
    } finally {
      await w.stop();
    }
  }, 40000);

  it('is not answered by a watcher started with BILATERAL_SERVED=0', async () => {
    const dir = copyFixture('mini');
    const w = watching(dir, [], { BILATERAL_SERVED: '0' });
    try {
      await w.until(() => w.stderr().includes('Watching'));
      const r = await cli(['check'], dir, NOT_CI);
      expect(r.stderr).not.toMatch(ANSWERED);
      expect(r.code).toBe(0);
      expect(socketPath(dir)).toBeDefined();
      expect(existsSync(socketPath(dir) as string)).toBe(false);
    } finally {
      await w.stop();
    }
  }, 40000);

  it('runs by itself once the watching process is gone, and a new one takes the place over', async () => {
    const dir = copyFixture('mini');
    const first = watching(dir);
    await first.until(() => first.stderr().includes('Watching'));
    const where = socketPath(dir) as string;
    expect(existsSync(where)).toBe(true);
    // Killed without a chance to clean up: its socket stays behind.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('close', resolve));
    const alone = await cli(['check'], dir, NOT_CI);
    expect(alone.stderr).not.toMatch(ANSWERED);
    expect(alone.code).toBe(0);
    const second = watching(dir);
    try {
      await second.until(() => second.stderr().includes('Watching'));
      expect((await cli(['check'], dir, NOT_CI)).stderr).toMatch(ANSWERED);
    } finally {
      await second.stop();
    }
    // A process that stops in order takes its socket with it.
    expect(existsSync(where)).toBe(false);
  }, 40000);
});
