import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI, PKG, brokenRepo, tempDir } from './support.js';

const run = promisify(execFile);
const BUNDLE = path.join(PKG, 'dist/bundle');
const UNBUNDLED = path.join(PKG, 'dist/cli.js');
const entry = (await import(pathToFileURL(path.join(PKG, 'bin/entry.js')).href)) as {
  cliEntry: (pkg: URL) => URL;
};

/** Runs a build of the CLI; the exit code and both streams, whatever the code. */
async function runWith(cli: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', BILATERAL_SERVED: '0' },
      maxBuffer: 64 * 2 ** 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('bin/entry.js: which build `bilateral` runs', () => {
  /** A package folder with the given files, each with its modification time (seconds). */
  function pkgWith(files: Record<string, number>): URL {
    const dir = tempDir();
    for (const [rel, mtime] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), '');
      utimesSync(path.join(dir, rel), mtime, mtime);
    }
    return pathToFileURL(`${dir}/`);
  }
  const chosen = (pkg: URL) => path.relative(new URL(pkg).pathname, entry.cliEntry(pkg).pathname);

  it('runs the bundle when it is as new as the compiled modules, or when there is no build info (published)', () => {
    expect(chosen(pkgWith({ 'dist/bundle/cli.js': 2000, 'tsconfig.tsbuildinfo': 1000 }))).toBe(
      'dist/bundle/cli.js',
    );
    expect(chosen(pkgWith({ 'dist/bundle/cli.js': 1000, 'tsconfig.tsbuildinfo': 1000 }))).toBe(
      'dist/bundle/cli.js',
    );
    expect(chosen(pkgWith({ 'dist/bundle/cli.js': 1000, 'dist/cli.js': 1000 }))).toBe(
      'dist/bundle/cli.js',
    );
  });

  it('runs dist/cli.js when `tsc -b` compiled after the bundle was made, or when there is no bundle', () => {
    expect(chosen(pkgWith({ 'dist/bundle/cli.js': 1000, 'tsconfig.tsbuildinfo': 2000 }))).toBe(
      'dist/cli.js',
    );
    expect(chosen(pkgWith({ 'dist/cli.js': 1000, 'tsconfig.tsbuildinfo': 900 }))).toBe(
      'dist/cli.js',
    );
  });

  it('in this build, bin/bilateral.js runs the bundle (the package build made it last)', () => {
    expect(chosen(pathToFileURL(`${PKG}/`))).toBe('dist/bundle/cli.js');
  });
});

describe('the bundled CLI (dist/bundle/) does what the compiled modules do', () => {
  it('the same report and exit code, in every format, on a project with findings', async () => {
    const dir = brokenRepo();
    for (const format of ['json', 'sarif', 'github', 'pretty']) {
      const args = ['check', '--no-cache', '--format', format];
      const bundled = await runWith(path.join(BUNDLE, 'cli.js'), args, dir);
      const plain = await runWith(UNBUNDLED, args, dir);
      expect(bundled.code).toBe(1);
      expect(bundled).toEqual(plain);
    }
  });

  it('the same findings when the check runs on worker threads (started from dist/bundle/worker.js)', async () => {
    const dir = brokenRepo();
    const args = ['check', '--no-cache', '--format', 'json', '--jobs', '2'];
    const bundled = await runWith(path.join(BUNDLE, 'cli.js'), args, dir);
    const plain = await runWith(UNBUNDLED, ['check', '--no-cache', '--format', 'json'], dir);
    expect(bundled.stderr).not.toMatch(/Error|worker/i);
    expect(bundled.stdout).toBe(plain.stdout);
    expect(JSON.parse(bundled.stdout).length).toBeGreaterThan(0);
  });

  it('names its own version (the package.json found above the bundle)', async () => {
    const version = (
      JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const got = await runWith(CLI, ['--version'], PKG);
    expect(got.stdout.trim()).toBe(version);
  });

  it('imports nothing from node_modules but the peer dependencies and what Node must resolve itself', () => {
    const bare = new Set<string>();
    for (const f of readdirSync(BUNDLE).filter((n) => n.endsWith('.js'))) {
      const code = readFileSync(path.join(BUNDLE, f), 'utf8');
      for (const m of code.matchAll(/^import\s(?:[^'"]*\sfrom\s)?"([^"]+)"/gm)) {
        const spec = m[1] as string;
        if (!spec.startsWith('.') && !spec.startsWith('node:')) bare.add(spec);
      }
    }
    // The peer i18next and jsonc-parser stay outside, but are required on first use only
    // (model/lazy.ts): a check of valid files loads neither at start.
    expect([...bare].sort()).toEqual([]);
  });

  it('lists the licence of every bundled dependency', () => {
    const notices = readFileSync(path.join(BUNDLE, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const dep of ['commander', 'picocolors', 'htmlparser2', 'entities'])
      expect(notices).toMatch(new RegExp(`^## ${dep} \\d`, 'm'));
    expect(notices).toMatch(/Permission is hereby granted/);
  });
});
