import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The publishing checks (scripts/check-package.mjs: our policy, publint, attw --profile esm-only)
// on the tarball `pnpm pack` makes of this package: `.`, `./eleventy`, the `bilateral` bin.
// packages/core/test/package.test.ts proves the checks trip on a broken package.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

describe('@bilateral/i18n as published', () => {
  it('passes the policy, publint and attw --profile esm-only', async () => {
    const r = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, 'scripts', 'check-package.mjs'), path.resolve(here, '..')],
        { cwd: root, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, output: `${stdout}${stderr}` });
        },
      );
    });
    expect(r.output).toMatch(/^ok @bilateral\/i18n: policy, publint, attw/m);
    expect(r.code, r.output).toBe(0);
  }, 60_000);
});
