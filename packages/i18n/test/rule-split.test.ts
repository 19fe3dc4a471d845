import { describe, expect, it, vi } from 'vitest';
import { cli, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 120_000 });

/**
 * A fresh check of a project with much text in one namespace (the shape of most real i18next
 * projects) runs its rules on two threads: the helper runs the tokenizing rules, this thread the
 * rest. The findings are exactly those of `check()` on one thread. Threads run the compiled
 * modules, so this test uses dist/ (built before the tests).
 */

const dist = async () => ({
  ...(await import('../dist/index.js')),
  ...(await import('../dist/check/threads/parallel.js')),
});

const LOCALES = ['en', 'de', 'fr', 'uk'] as const;

/**
 * One namespace, `keys` texts per language, with a mistake of every kind the two threads split:
 * placeholders and tags (helper), missing, untranslated, whitespace and punctuation (here).
 */
function bigProject(keys: number): string {
  const dir = tempDir();
  for (const locale of LOCALES) {
    const data: Record<string, string> = {};
    for (let i = 0; i < keys; i++) {
      const source = `Item ${i}: {{name}} shared <b>${'the report about the quarterly numbers '.repeat(3)}</b>.`;
      if (locale === 'en') data[`key${i}`] = source;
      else if (i % 97 === 0) continue; // missing
      else if (i % 89 === 0) data[`key${i}`] = source; // untranslated
      else if (i % 83 === 0) data[`key${i}`] = `${locale} ${i}: {{nmae}} <b>text</b>.`; // placeholder
      else if (i % 79 === 0) data[`key${i}`] = `${locale} ${i}: {{name}} <i>text</b>.`; // markup
      else if (i % 73 === 0) data[`key${i}`] = `${locale}  ${i}: {{name}} <b>text</b> `; // whitespace
      else data[`key${i}`] = `${locale} ${i}: {{name}} ${'<b>'}${'translated text '.repeat(6)}</b>.`;
    }
    write(dir, `locales/${locale}/common.json`, `${JSON.stringify(data, null, 2)}\n`);
  }
  return dir;
}

const overrides = { files: 'locales/{lng}/{ns}.json', sourceLocale: 'en' } as const;

describe('rules split between two threads', () => {
  it('is chosen for much text in few files, not for little text or a project with a core', async () => {
    const { loadConfig, loadProject, splitsRules, RULE_SPLIT_MIN_BYTES } = await dist();
    const big = await loadProject(await loadConfig({ cwd: bigProject(1500), overrides }));
    const small = await loadProject(await loadConfig({ cwd: bigProject(20), overrides }));
    expect(big.files.length).toBe(4);
    expect(RULE_SPLIT_MIN_BYTES).toBeGreaterThan(0);
    expect(splitsRules(big)).toBe(true);
    expect(splitsRules(small)).toBe(false);
    expect(splitsRules({ ...big, config: { ...big.config, core: './core.mjs' } })).toBe(false);
  });

  it('finds exactly what check() finds on one thread', async () => {
    const { check, checkSplitByRules, loadConfig, loadProject } = await dist();
    const dir = bigProject(1500);
    const config = await loadConfig({ cwd: dir, overrides });
    const expected = check(await loadProject(config));
    const rules = new Set(expected.map((f) => f.rule));
    // Every rule of both halves has something to say.
    for (const r of ['placeholders', 'markup', 'missing', 'untranslated', 'whitespace'])
      expect(rules, r).toContain(r);
    expect(await checkSplitByRules(await loadProject(config))).toEqual(expected);
    // With --rule: only the rules asked for, split or not.
    const some = ['markup', 'missing'];
    expect(await checkSplitByRules(await loadProject(config), { rules: some })).toEqual(
      check(await loadProject(config), { rules: some }),
    );
  });

  it('is what `bilateral check --no-cache` prints (the same as --jobs 1)', async () => {
    const dir = bigProject(1500);
    const flags = ['--locales', 'locales/{lng}/{ns}.json', '--source', 'en', '--format', 'json'];
    const split = await cli(['check', ...flags, '--no-cache'], dir);
    const one = await cli(['check', ...flags, '--no-cache', '--jobs', '1'], dir);
    expect(split.code).toBe(1);
    expect(split.stdout).toBe(one.stdout);
    expect((JSON.parse(split.stdout) as unknown[]).length).toBeGreaterThan(50);
  });
});
