import { describe, expect, it, vi } from 'vitest';
import { parseShard, shardNamespaces } from '../src/check/shard.js';
import { createProject } from '../src/files/memory.js';
import { cli, copyFixture, replaceIn, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * `bilateral check --shard k/n` over a CI matrix, then `bilateral merge`: the merged report is
 * the unsharded one — same findings, same order, same exit code — in JSON and from SARIF, with
 * the project-wide checks (a `$t(…)` cycle across namespaces held by different shards, a broken
 * lock file) made by the merge.
 */

/** The mini fixture with findings in every namespace, a cycle across two, and a broken lock file. */
function troubled(): string {
  const dir = copyFixture('mini');
  // A cycle ui → demo → ui in uk (each namespace in another shard when split in 3).
  replaceIn(
    dir,
    'locales/uk/ui.json',
    '"contents": "Зміст",',
    '"contents": "Зміст $t(demo:infobox.founded)",',
  );
  replaceIn(
    dir,
    'locales/uk/demo.json',
    '"founded": "Засновано"',
    '"founded": "$t(ui:nav.contents)"',
  );
  replaceIn(dir, 'locales/uk/demo.json', '{{founded, date}}', '{{founded}}');
  replaceIn(dir, 'locales/uk/terms.json', '{', '{\n  "extra": "зайве",');
  write(dir, 'locales/uk/.bilateral-lock.json', '{ not json');
  return dir;
}

const json = (text: string): unknown => JSON.parse(text);

describe('check --shard and merge', () => {
  it('the merged report equals the unsharded one, for any number of shards, from JSON or SARIF', async () => {
    const dir = troubled();
    const whole = await cli(['check', '--format', 'json', '--no-cache'], dir);
    expect(whole.code).toBe(1);
    const expected = json(whole.stdout) as { rule: string }[];
    // Every kind of finding the merge must reproduce is there.
    expect(expected.some((f) => f.rule === 'placeholders')).toBe(true);
    expect(expected.filter((f) => f.rule === 'stale').length).toBeGreaterThan(0);
    for (const n of [1, 2, 3, 5]) {
      const files: string[] = [];
      const covered: string[] = [];
      for (let k = 1; k <= n; k++) {
        const format = k % 2 === 0 ? 'sarif' : 'json';
        const r = await cli(['check', '--shard', `${k}/${n}`, '--format', format], dir);
        expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
        const file = `shard-${k}-of-${n}.${format}`;
        write(dir, file, r.stdout);
        files.push(file);
        const data = json(r.stdout) as {
          namespaces?: string[];
          runs?: { properties: { bilateralShard: { namespaces: string[] } } }[];
        };
        covered.push(
          ...(data.namespaces ?? data.runs?.[0]?.properties.bilateralShard.namespaces ?? []),
        );
      }
      // Every namespace in exactly one shard.
      expect(covered.sort()).toEqual(['demo', 'terms', 'ui']);
      const merged = await cli(['merge', ...files.reverse(), '--format', 'json'], dir);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(whole.code);
      expect(json(merged.stdout)).toEqual(expected);
    }
  });

  it('a clean project merges clean (exit 0); a missing or repeated shard is a usage error', async () => {
    const dir = copyFixture('mini');
    for (const k of [1, 2]) {
      const r = await cli(['check', '--shard', `${k}/2`, '--format', 'json'], dir);
      expect(r.code).toBe(0);
      write(dir, `s${k}.json`, r.stdout);
    }
    const ok = await cli(['merge', 's1.json', 's2.json'], dir);
    expect(ok.code).toBe(0);
    const missing = await cli(['merge', 's1.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the report of shard 2/2 is missing');
    const twice = await cli(['merge', 's1.json', 's1.json', 's2.json'], dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('shard 1/2 is given twice');
    write(dir, 'other.json', '[]');
    const other = await cli(['merge', 's1.json', 'other.json'], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.json: it is not the report of a shard');
    const bad = await cli(['check', '--shard', '3/2'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('write k/n');
  });

  it('splits deterministically, balanced by bytes, every namespace in one shard', () => {
    const files: Record<string, string> = {};
    const sizes = [900, 500, 400, 300, 200, 100];
    sizes.forEach((n, i) => {
      files[`locales/en/ns${i}.json`] = JSON.stringify({ t: 'x'.repeat(n) });
    });
    const p = createProject({ config: { sourceLocale: 'en' }, files });
    const parts = [1, 2, 3].map((index) => shardNamespaces(p, { index, count: 3 }));
    expect(parts).toEqual([['ns0'], ['ns1', 'ns4', 'ns5'], ['ns2', 'ns3']]);
    expect(shardNamespaces(p, { index: 2, count: 3 })).toEqual(parts[1]);
    expect(parseShard(' 2/3 ')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0'])
      expect(() => parseShard(bad)).toThrow(/write k\/n/);
  });
});
