import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, CORE, PKG, tempDir } from './support.js';

/**
 * `@bilateral/core` is an optional peer dependency: a project that only checks its i18next JSON
 * never needs it. Each test runs the built CLI in a Node process where the core is not installed
 * (test/no-core.mjs: `import`, `require` and loading its files by path all fail, workers included)
 * and which logs every attempt to reach it.
 */

const NO_CORE = path.join(PKG, 'test/no-core.mjs');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every attempt to reach the core (`import @bilateral/core`, `require …`, `load <url>`). */
  readonly attempts: readonly string[];
  /** The attempts to load it (not a `require.resolve` that only looks whether it is there). */
  readonly loads: readonly string[];
}

function withoutCore(nodeArgs: readonly string[], cwd: string): Promise<Run> {
  const log = path.join(tempDir(), 'core-attempts.log');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(NO_CORE).href, ...nodeArgs], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        npm_lifecycle_event: '',
        BILATERAL_TEST_CORE_LOG: log,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const attempts = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
      const loads = attempts.filter((a) => !a.startsWith('resolve '));
      resolve({ code, stdout, stderr, attempts, loads });
    });
  });
}

const bilateral = (args: readonly string[], cwd: string) => withoutCore([CLI, ...args], cwd);

function write(dir: string, file: string, content: unknown): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(
    path.join(dir, file),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
}

/** A generic i18next project (no config file): placeholders, a date format, plurals. */
function genericProject(): string {
  const dir = tempDir();
  write(dir, 'public/locales/en/common.json', {
    title: 'Welcome, {{name}}!',
    released: 'Released on {{date, date}}.',
    items_one: '{{count}} item',
    items_other: '{{count}} items',
  });
  write(dir, 'public/locales/de/common.json', {
    title: 'Willkommen, {{name}}!',
    released: 'Veröffentlicht am {{date, date}}.',
    items_one: '{{count}} Element',
    items_other: '{{count}} Elemente',
  });
  return dir;
}

describe('without @bilateral/core installed', () => {
  it('the test process really has no core: import, require and its files all fail, and are logged', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const tries = [
        () => import('@bilateral/core'),
        async () => createRequire(${JSON.stringify(path.join(PKG, 'x.js'))})('@bilateral/core'),
        () => import(${JSON.stringify(pathToFileURL(CORE).href)}),
      ];
      for (const t of tries) await t().then(() => console.log('loaded'), (e) => console.log(e.code));
    `;
    const r = await withoutCore(['--input-type=module', '-e', script], PKG);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'ERR_MODULE_NOT_FOUND',
      'MODULE_NOT_FOUND',
      'ERR_MODULE_NOT_FOUND',
    ]);
    expect(r.attempts).toHaveLength(3);
  });

  it('checks, reports status, syncs and writes schemas for a generic i18next project', async () => {
    const dir = genericProject();
    const check = await bilateral(['check'], dir);
    expect(check.stderr + check.stdout).toContain('No problems found');
    expect(check.code).toBe(0);
    // On worker threads too (each loads the rules, never the core).
    const threads = await bilateral(
      ['check', '--jobs', '2', '--no-cache', '--format', 'json'],
      dir,
    );
    expect(threads.code).toBe(0);
    expect(JSON.parse(threads.stdout)).toEqual([]);
    const status = await bilateral(['status'], dir);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('100%');
    const schema = await bilateral(['schema'], dir);
    expect(schema.code).toBe(0);
    expect(existsSync(path.join(dir, '.vscode/settings.json'))).toBe(true);
    for (const r of [check, threads, status, schema]) expect(r.loads).toEqual([]);
  });

  it('finds the problems of a generic project, and sync fixes the missing key', async () => {
    const dir = genericProject();
    write(dir, 'public/locales/de/common.json', {
      title: 'Willkommen, {{nme}}!',
      items_one: '{{count}} Element',
      items_other: '{{count}} Elemente',
    });
    const check = await bilateral(['check', '--format', 'json'], dir);
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout) as { rule: string; key: string }[];
    expect(findings.map((f) => [f.rule, f.key])).toEqual(
      expect.arrayContaining([
        ['missing', 'released'],
        ['placeholders', 'title'],
      ]),
    );
    const sync = await bilateral(['sync'], dir);
    expect(sync.code).toBe(0);
    expect(readFileSync(path.join(dir, 'public/locales/de/common.json'), 'utf8')).toContain(
      '"released"',
    );
    for (const r of [check, sync]) expect(r.loads).toEqual([]);
  });

  it('a project whose config names a core gets one clear error (exit 2, no stack)', async () => {
    const dir = genericProject();
    const config = path.join(dir, 'bilateral.config.json');
    write(dir, 'bilateral.config.json', {
      sourceLocale: 'en',
      locales: ['en', 'de'],
      files: 'public/locales/{lng}/{ns}.json',
      core: '@bilateral/core',
    });
    for (const args of [['check'], ['check', '--jobs', '2', '--no-cache'], ['status']]) {
      const r = await bilateral(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${config}: "core" is "@bilateral/core"`);
      expect(r.stderr).toContain('@bilateral/core is not installed');
      expect(r.stderr).toContain('Install it: npm install @bilateral/core');
      expect(r.stderr).toContain(`remove "core" from ${config}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.loads.length).toBeGreaterThan(0);
    }
    // The same from the flag, without a config file.
    const flag = genericProject();
    const r = await bilateral(['check', '--core', '@bilateral/core'], flag);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--core "@bilateral/core", but @bilateral/core is not installed');
    expect(r.stderr).toContain('leave out --core');
  });
});
