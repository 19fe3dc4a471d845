import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultCachesAllowed } from '../src/check/incremental/cache.js';
import { cli, copyFixture, replaceIn, write } from './support.js';

vi.setConfig({ testTimeout: 30_000 });

/**
 * The check cache is never trusted beyond what it can prove: an entry that is not exactly what a
 * run wrote (edited by hand, damaged) is dropped and its namespace checked again; a cache file is
 * read only as a regular file and only up to a limit; CI uses no default cache.
 */

const CACHE = 'node_modules/.cache/bilateral/check.json';

/** A mini project with node_modules (so it has a default cache) and one real error in uk. */
async function brokenWithCache(): Promise<string> {
  const dir = copyFixture('mini');
  write(dir, 'node_modules/.keep', '');
  replaceIn(dir, 'locales/uk/ui.json', '{{name}}', '{{nmae}}');
  const first = await cli(['check'], dir);
  expect(first.code).toBe(1);
  expect(existsSync(path.join(dir, CACHE))).toBe(true);
  return dir;
}

type CacheData = { units: Record<string, { findings: unknown[]; seal: string }> };
const readCache = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8')) as CacheData;
const writeCache = (dir: string, data: CacheData) =>
  writeFileSync(path.join(dir, CACHE), JSON.stringify(data));

describe('the check cache', () => {
  it('drops an entry whose findings were emptied by hand: the broken tree still fails', async () => {
    const dir = await brokenWithCache();
    const data = readCache(dir);
    for (const u of Object.values(data.units)) u.findings = [];
    writeCache(dir, data);
    const r = await cli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('{{nmae}}');
  });

  it('rebuilds, silently, from entries of the wrong shape (exit 1 for the real error, never 3)', async () => {
    for (const bad of [[{}], [{ severity: 'error' }], [{ rule: 1, line: 'x' }], 'oops', [null]]) {
      const dir = await brokenWithCache();
      const data = readCache(dir);
      for (const u of Object.values(data.units)) u.findings = bad as unknown[];
      writeCache(dir, data);
      const r = await cli(['check'], dir);
      expect(r.code, JSON.stringify(bad)).toBe(1);
      expect(r.stderr).toBe('');
    }
  });

  it('rebuilds from a damaged or truncated file', async () => {
    const dir = await brokenWithCache();
    const text = readFileSync(path.join(dir, CACHE), 'utf8');
    writeFileSync(path.join(dir, CACHE), text.slice(0, text.length / 2));
    expect((await cli(['check'], dir)).code).toBe(1);
    // …and writes a good one again.
    expect(() => JSON.parse(readFileSync(path.join(dir, CACHE), 'utf8')) as unknown).not.toThrow();
  });

  it('reads no device and writes none: --cache-location /dev/zero and /dev/full', async () => {
    const dir = copyFixture('mini');
    for (const device of ['/dev/zero', '/dev/full']) {
      const r = await cli(['check', '--cache-location', device], dir);
      expect(r.code, device).toBe(0);
      expect(statSync(device).isCharacterDevice(), `${device} is still a device`).toBe(true);
    }
  });

  it('is not used by default in CI, unless asked', async () => {
    expect(defaultCachesAllowed({ CI: 'true' })).toBe(false);
    expect(defaultCachesAllowed({ CI: 'true', BILATERAL_CACHE: '1' })).toBe(true);
    expect(defaultCachesAllowed({})).toBe(true);
    expect(defaultCachesAllowed({ BILATERAL_CACHE: '0' })).toBe(false);
    const dir = copyFixture('mini');
    write(dir, 'node_modules/.keep', '');
    const ci = await cli(['check'], dir, { CI: 'true', BILATERAL_CACHE: '' });
    expect(ci.code).toBe(0);
    expect(existsSync(path.join(dir, CACHE))).toBe(false);
    const asked = await cli(['check', '--cache-location', 'my-cache.json'], dir, {
      CI: 'true',
      BILATERAL_CACHE: '',
    });
    expect(asked.code).toBe(0);
    expect(existsSync(path.join(dir, 'my-cache.json'))).toBe(true);
  });
});
