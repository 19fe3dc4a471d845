import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, node, tempDir } from './run.js';

// scripts/check-package.mjs (our policy, publint, attw --profile esm-only) on the tarball `pnpm pack`
// makes. Every public package runs it in its own `test`; core's and i18n's tests prove it passes
// on them. Here: that it trips on a package that would install badly.
describe('the publishing checks (scripts/check-package.mjs)', () => {
  it('trip on a package that would install badly', async () => {
    const dir = tempDir('badpkg');
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

    const r = await node('check-package.mjs', [dir], ROOT);
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
  });
});
