import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/files/config.js';
import { listLocaleFiles, listLocaleFilesAgain } from '../src/files/list.js';
import { buildProject, refreshProject } from '../src/files/project.js';
import { RACY_MS } from '../src/files/read.js';
import { copyFixture, replaceIn, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * A watching check (`session.again()`) looks at the project again cheaply: files unchanged on
 * disk keep their objects and digests (`refreshProject`), languages whose folders are unchanged
 * keep their listing (`listLocaleFilesAgain`), hashes and a clean nesting graph carry over. None
 * of that may change a finding: after every kind of edit, `again()` finds what a check of the
 * project read afresh finds.
 */

/** Until the files just written are older than the racy window (see RACY_MS). */
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 150));

describe('looking at a project again', () => {
  it('keeps the objects of files unchanged on disk, and reads changed, new and recent ones', async () => {
    const dir = copyFixture('mini');
    const config = await loadConfig({ cwd: dir });
    await settle();
    const first = buildProject(config, undefined);
    for (const f of first.files) expect(f.stamp).toBeDefined(); // metadata taken
    // A file written just now is read afresh (an edit in the same clock tick could keep its
    // stamp); one left alone keeps its object.
    replaceIn(dir, 'locales/uk/ui.json', 'Зміст', 'Зміст!');
    const second = refreshProject(first, config, undefined);
    for (const f of second.files) {
      const before = first.file(f.locale, f.namespace);
      if (f.relPath === 'locales/uk/ui.json') expect(f).not.toBe(before);
      else expect(f).toBe(before);
    }
    expect(second.file('uk', 'ui')?.text).toContain('Зміст!');
    // Another configuration: everything read afresh.
    const other = await loadConfig({ cwd: dir });
    const third = refreshProject(second, other, undefined);
    for (const f of third.files) expect(f).not.toBe(second.file(f.locale, f.namespace));
  });

  it('lists a language again only when one of its folders changed', async () => {
    const dir = copyFixture('mini');
    const config = await loadConfig({ cwd: dir });
    await settle();
    const first = listLocaleFilesAgain(config);
    expect(first).toEqual(listLocaleFiles(config));
    const again = listLocaleFilesAgain(config);
    expect(again).toEqual(first);
    expect(again.find((r) => r.namespace === 'ui' && r.locale === 'en')).toBe(
      first.find((r) => r.namespace === 'ui' && r.locale === 'en'),
    );
    // A new file: its folder's stamp changed, that language is listed again.
    write(dir, 'locales/uk/extra.json', '{ "a": "b" }\n');
    const added = listLocaleFilesAgain(config);
    expect(added).toEqual(listLocaleFiles(config));
    expect(added.some((r) => r.locale === 'uk' && r.namespace === 'extra')).toBe(true);
    unlinkSync(path.join(dir, 'locales/uk/extra.json'));
    expect(listLocaleFilesAgain(config)).toEqual(listLocaleFiles(config));
  });
});

describe('a watching check after every kind of edit', () => {
  it('finds what a fresh check finds', async () => {
    // The compiled modules, as the CLI runs them (the session may start a worker).
    const {
      check,
      loadConfig: load,
      loadProject,
      openCheckSession,
    } = await import('../dist/index.js');
    const dir = copyFixture('mini');
    const config = await load({ cwd: dir });
    await settle();
    const session = openCheckSession(config, { cache: false });
    const fresh = async () => check(await loadProject(config));
    try {
      expect((await session.result()).findings).toEqual(await fresh());
      expect((await session.again()).findings).toEqual(await fresh());
      await settle(); // the files are old again: the next look reuses what it can
      const steps: [string, () => void][] = [
        [
          'a value edited in place, same size',
          () => replaceIn(dir, 'locales/uk/ui.json', 'Привіт, {{name}}!', 'Привіт, {{nme}}!'),
        ],
        [
          'the same file put back',
          () => replaceIn(dir, 'locales/uk/ui.json', '{{nme}}', '{{name}}'),
        ],
        ['a file added', () => write(dir, 'locales/uk/extra.json', '{ "a": "b" }\n')],
        ['a file removed', () => unlinkSync(path.join(dir, 'locales/ja/ui.json'))],
        [
          'a $t(…) cycle made',
          () => replaceIn(dir, 'locales/en/ui.json', '"Contents"', '"$t(nav.more)"'),
        ],
        [
          'the cycle undone',
          () => replaceIn(dir, 'locales/en/ui.json', '"$t(nav.more)"', '"Contents"'),
        ],
        [
          'a folder of files removed',
          () => rmSync(path.join(dir, 'locales/ja'), { recursive: true }),
        ],
      ];
      const seen: unknown[] = [];
      for (const [what, edit] of steps) {
        edit();
        const expected = await fresh();
        expect((await session.again()).findings, what).toEqual(expected);
        // And once more after the files grew old: from reused objects and listings.
        await settle();
        expect((await session.again()).findings, `${what}, later`).toEqual(expected);
        seen.push(expected);
      }
      // The steps did change the findings (each assertion above could fail).
      expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBeGreaterThan(3);
      const cycle = seen[4] as { message: string }[];
      expect(cycle.some((f) => f.message.includes('makes a cycle'))).toBe(true);
    } finally {
      session.stop();
    }
    // Nothing written to disk by the session (no cache asked for).
    expect(() =>
      readFileSync(path.join(dir, 'node_modules/.cache/bilateral/check.json')),
    ).toThrow();
  });
});
