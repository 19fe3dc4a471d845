import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { eleventy, LOCALES, removeKey, repoRoot, tempProject } from './helpers.js';

// A UI string every page uses (the header's link to the timeline), gone from every language:
// no locale has it, so only the site's declaration (rules.missing.require.ui) can say it is missing.
const KEY = 'nav.timeline';
const project = tempProject((dir) => {
  for (const l of LOCALES) removeKey(dir, l, 'ui', KEY);
});
afterAll(() => project.cleanup());

const check = (configFile: string) =>
  promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'packages/i18n/bin/bilateral.js'), 'check', '--config', configFile],
    { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  ).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );

describe('check and the production build agree', () => {
  it('check reports a UI key the pages use that no language has, with file, key and fix', async () => {
    const r = await check(project.configFile);
    expect(r.code).toBe(1);
    for (const l of LOCALES) expect(r.stdout).toContain(`locales/${l}/ui.json`);
    expect(r.stdout).toContain(`no text for ui:${KEY}`);
    expect(r.stdout).toContain(`missing "${KEY}"`);
    expect(r.stdout).toContain(`Add "${KEY}" to locales/ja/ui.json`);
  });

  it('the production build refuses it too, with the same finding', async () => {
    const r = await eleventy(['--output', path.join(project.dir, 'out')], {
      BILATERAL_MODE: 'production',
      BILATERAL_CONFIG: project.configFile,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`ui:${KEY}`);
    expect(r.stderr).toContain('locales/ja/ui.json does not have');
    expect(r.stderr).toContain('TranslationCheckError');
  });

  it('the repository itself: check is clean, and every key the pages use is declared', async () => {
    // A production build of the repository passes in build.test.ts; it would refuse an
    // undeclared key. Here: check passes on the same project.
    const r = await check(path.join(repoRoot, 'bilateral.config.json'));
    expect(r.code, r.stdout).toBe(0);
  });
});
