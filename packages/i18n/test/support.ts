import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadConfig } from '../src/files/config.js';
import { loadProject } from '../src/files/project.js';
import { type Project } from '../src/model/types.js';

export const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = path.resolve(PKG, '../..');
/** The executable as users run it: the bundle (dist/bundle/), or dist/cli.js when it is older. */
export const CLI = path.join(PKG, 'bin/bilateral.js');
export const FIXTURES = path.join(PKG, 'test/fixtures');
export const CORE = path.join(REPO, 'packages/core/dist/index.js');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bilateral-test-'));
  made.push(d);
  return d;
}

/** A copy of a fixture folder under test/fixtures, in a temporary directory. */
export function copyFixture(name: string): string {
  const d = tempDir();
  cpSync(path.join(FIXTURES, name), d, { recursive: true });
  return d;
}

/**
 * A copy of this repository's locale files (JSON and lock files only), prose pages and config, with the core
 * pointing at the built @bilateral/core.
 */
export function copyRepo(): string {
  const d = tempDir();
  const locales = path.join(REPO, 'locales');
  for (const lng of readdirSync(locales)) {
    for (const f of readdirSync(path.join(locales, lng))) {
      if (!f.endsWith('.json') || f === 'package.json' || f === 'turbo.json') continue;
      cpSync(path.join(locales, lng, f), path.join(d, 'locales', lng, f));
    }
  }
  cpSync(path.join(REPO, 'pages'), path.join(d, 'pages'), { recursive: true });
  const config = JSON.parse(
    readFileSync(path.join(REPO, 'bilateral.config.json'), 'utf8'),
  ) as Record<string, unknown>;
  delete config['$schema'];
  config['core'] = CORE;
  writeFileSync(path.join(d, 'bilateral.config.json'), JSON.stringify(config, null, 2));
  return d;
}

export function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

export function write(dir: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

/** Edits a file by replacing one exact string (fails the test if it is not there). */
export function replaceIn(dir: string, rel: string, from: string, to: string): void {
  const text = read(dir, rel);
  if (!text.includes(from)) throw new Error(`${rel} does not contain ${JSON.stringify(from)}`);
  write(dir, rel, text.replace(from, to));
}

/** Every file under a folder (hidden ones too), by `/`-separated path relative to it. */
export function filesOf(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(dir, abs).split(path.sep).join('/')] = readFileSync(abs);
  }
  return out;
}

export async function project(dir: string): Promise<Project> {
  return loadProject(await loadConfig({ cwd: dir }));
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (node bin/bilateral.js) in a directory. */
export function cli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_lifecycle_event: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A copy of this repository with problems in every namespace (a syntax error, a renamed fact slot,
 * a missing key, a broken lock file) and a `$t()` cycle across two namespaces: for the tests that
 * hold every way of running a check to the same findings.
 */
export function brokenRepo(): string {
  const NS = 'north-korea-ukraine-relations';
  const dir = copyRepo();
  replaceIn(dir, 'locales/en/ui.json', '"Contents",', '"Contents"');
  replaceIn(dir, `locales/ko/${NS}.json`, '{{relationsEstablished', '{{relationsX');
  replaceIn(dir, `locales/ja/${NS}.json`, '      "title": "貿易",\n', '');
  write(dir, 'locales/ja/a.json', '{ "x": "A $t(b:y)" }');
  write(dir, 'locales/ja/b.json', '{ "y": "B $t(a:x)" }');
  write(dir, 'locales/ko/.bilateral-lock.json', '{ "keys": ');
  return dir;
}

/**
 * Resolves once `pred()` holds (polled every 20 ms); rejects after `ms` with what `said()` gives
 * (a child's output so far).
 */
export function waitFor(pred: () => boolean, ms: number, said: () => string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      if (pred()) {
        clearInterval(t);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(t);
        reject(new Error(`timed out; ${said()}`));
      }
    }, 20);
  });
}
