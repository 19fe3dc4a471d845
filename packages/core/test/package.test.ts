import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The publishing checks (scripts/check-package.mjs: our policy, publint, attw --profile esm-only)
// on the tarball `pnpm pack` makes of this package. Every public package runs the same script in
// its own `test` (turbo runs it after that package's build).
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const script = path.join(root, 'scripts', 'check-package.mjs');

function checkPackage(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, dir],
      { cwd: root, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('@bilateral/core as published', () => {
  it('passes the policy, publint and attw --profile esm-only', async () => {
    const r = await checkPackage(path.resolve(here, '..'));
    expect(r.output).toMatch(/^ok @bilateral\/core: policy, publint, attw/m);
    expect(r.code, r.output).toBe(0);
  }, 60_000);
});

describe('the publishing checks', () => {
  it('trip on a package that would install badly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bilateral-badpkg-'));
    temp.push(dir);
    // "default" before "types", CommonJS types for an ES module, a test and a stale build output
    // published, and no license, engines, sideEffects, repository, publishConfig or README.
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: '@bilateral/fixture-bad',
        version: '1.0.0',
        type: 'module',
        exports: {
          '.': { default: './index.js', types: './index.d.ts' },
          './cjs': { types: './cjs.d.cts', default: './index.js' },
        },
        files: ['index.js', 'index.d.ts', 'cjs.d.cts', 'test', 'dist'],
      }),
    );
    writeFileSync(path.join(dir, 'index.js'), 'export const answer = 42;\n');
    writeFileSync(path.join(dir, 'index.d.ts'), 'export declare const answer: number;\n');
    writeFileSync(path.join(dir, 'cjs.d.cts'), 'declare const answer: number;\nexport = answer;\n');
    // A module deleted from src/ whose build output is still in dist/.
    mkdirSync(path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'src', 'kept.ts'), 'export const kept = 1;\n');
    writeFileSync(path.join(dir, 'dist', 'kept.js'), 'export const kept = 1;\n');
    writeFileSync(path.join(dir, 'dist', 'gone.js'), 'export const gone = 1;\n');
    mkdirSync(path.join(dir, 'test'));
    writeFileSync(path.join(dir, 'test', 'index.test.js'), 'export {};\n');

    const r = await checkPackage(dir);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^FAIL @bilateral\/fixture-bad/m);
    for (const expected of [
      'policy: "license" is missing',
      'policy: "engines.node" must be ">=20.19"',
      'policy: "sideEffects" is missing',
      'policy: "publishConfig.access" must be "public"',
      'policy: "repository" must be an object',
      'policy: exports["."]: "types" must be the first condition',
      'policy: README.md is not in the tarball',
      'policy: test/index.test.js is a test folder and must not be published',
      'policy: dist/gone.js has no source in src/',
      'publint error: pkg.exports["."].types should be the first in the object',
      'attw --profile esm-only:',
      'Masquerading as CJS',
    ]) {
      expect(r.output).toContain(expected);
    }
    expect(r.output).not.toContain('dist/kept.js');
    expect(r.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // findings, not a stack trace
  }, 60_000);
});

describe('the locale module generator (scripts/locale-module.mjs)', () => {
  const generate = (dir: string) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, 'scripts', 'locale-module.mjs'), dir],
        { cwd: dir },
        (error, stdout, stderr) => {
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            output: `${stdout}${stderr}`,
          });
        },
      );
    });
  const localeDir = (ui: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bilateral-locale-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@bilateral/locale-xx' }));
    writeFileSync(path.join(dir, 'turbo.json'), '{}');
    writeFileSync(path.join(dir, 'ui.json'), ui);
    return dir;
  };

  it('spells out every key as a type, and exports every namespace', async () => {
    const dir = localeDir(
      '{ "nav": { "contents": "Contents", "item_one": "{{count}} item", "item_other": "{{count}} items" } }',
    );
    writeFileSync(path.join(dir, 'terms.json'), '{ "a": "A" }');
    const r = await generate(dir);
    expect(r.code, r.output).toBe(0);
    const dts = readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
    expect(dts).toContain('export type Resources = {');
    expect(dts).toMatch(
      /readonly "ui": \{\n\s+readonly "nav": \{\n\s+readonly "contents": string;\n\s+readonly "item_one": string;/,
    );
    expect(dts).toContain('export declare const namespaces: readonly ["terms", "ui"];');
    expect(dts).toContain('export declare const locale: "xx";');
    const js = readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(js).toContain("import ns_ui from './ui.json' with { type: 'json' };");
    expect(js).not.toContain('turbo');
    const mod = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as {
      default: Record<string, unknown>;
      locale: string;
    };
    expect(mod.locale).toBe('xx');
    expect(Object.keys(mod.default)).toEqual(['terms', 'ui']);
  });

  it('names the file, line and column of a JSON mistake, without a stack trace', async () => {
    const dir = localeDir('{\n  "nav": {\n    "contents": "Contents",\n  }\n}\n');
    const r = await generate(dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain('ui.json:4:3: not valid JSON');
    expect(r.output).toContain('Fix the file and build again.');
    expect(r.output).not.toMatch(/\n\s+at /);
  });
});
