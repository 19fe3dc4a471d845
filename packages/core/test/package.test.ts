import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The publishing checks (scripts/check-package.mjs: our policy, publint, attw --profile esm-only)
// on the tarball `pnpm pack` makes of this package. Every public package runs the same script in
// its own `test` (turbo runs it after that package's build); the script's own tests (that it trips
// on a bad package) are in scripts/test.
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

describe('@bilateral/core as published', () => {
  it('passes the policy, publint and attw --profile esm-only', async () => {
    const r = await checkPackage(path.resolve(here, '..'));
    expect(r.output).toMatch(/^ok @bilateral\/core: policy, publint, attw/m);
    expect(r.code, r.output).toBe(0);
  }, 60_000);
});
