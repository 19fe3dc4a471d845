import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.js';
import { loadConfig } from '../src/files/config.js';
import { detectLayout, guessSourceLocale } from '../src/files/detect.js';
import { listLocaleFiles } from '../src/files/list.js';
import { createProject } from '../src/files/memory.js';
import { loadProject } from '../src/files/project.js';
import { ConfigError } from '../src/model/errors.js';
import { LocaleLayout } from '../src/model/layout.js';
import { cli, copyFixture, tempDir, write } from './support.js';

/**
 * The layouts real i18next projects use (each fixture reproduces one: see the real-world bench
 * in bench/real-world), found without a config and with one, on disk and in memory.
 */

const rel = (root: string, files: readonly { file: string }[]) =>
  files.map((f) => path.relative(root, f.file).split(path.sep).join('/'));

describe('layouts on disk', () => {
  it('one file per language ({lng}.json): every language is found from the file names, not only the source', async () => {
    const dir = copyFixture('layouts/one-file');
    const config = await loadConfig({ cwd: dir });
    expect(config.files).toBe('lang/{lng}.json');
    expect(config.sourceLocale).toBe('en');
    // package.json and README.md are not languages.
    expect(config.locales).toEqual(['en', 'pt_BR', 'uk_UA']);
    const project = await loadProject(config);
    expect(project.files.map((f) => `${f.locale}:${f.namespace}`)).toEqual([
      'en:translation',
      'pt_BR:translation',
      'uk_UA:translation',
    ]);
  });

  it('a language whose file does not exist is a missing file, not an empty one', async () => {
    const dir = copyFixture('layouts/one-file');
    const config = await loadConfig({
      cwd: dir,
      overrides: { files: 'lang/{lng}.json', sourceLocale: 'en', locales: ['en', 'de'] },
    });
    const findings = check(await loadProject(config));
    const de = findings.filter((f) => f.locale === 'de');
    expect(de.map((f) => [f.rule, f.message])).toEqual([
      ['missing', 'the file is missing: de has no "translation" namespace'],
    ]);
    expect(findings.some((f) => /empty/.test(f.message))).toBe(false);
  });

  it('namespace folders ({ns}/{lng}.json): languages from the file names, namespaces from the folders', async () => {
    const dir = copyFixture('layouts/ns-folders');
    const config = await loadConfig({ cwd: dir });
    expect(config.files).toBe('src/i18n/{ns}/{lng}.json');
    expect(config.locales).toEqual(['de', 'en']);
    const project = await loadProject(config);
    expect(project.namespaces).toEqual(['auth', 'common']);
    expect(rel(dir, listLocaleFiles(config))).toEqual([
      'src/i18n/auth/de.json',
      'src/i18n/common/de.json',
      'src/i18n/auth/en.json',
      'src/i18n/common/en.json',
    ]);
    expect(check(project).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('namespaces in sub-folders ({lng}/{ns}.json with ns common/buttons); hidden folders are not namespaces', async () => {
    const dir = copyFixture('layouts/nested-ns');
    const config = await loadConfig({ cwd: dir });
    expect(config.files).toBe('public/locales/{lng}/{ns}.json');
    const project = await loadProject(config);
    expect(project.namespaces).toEqual(['app', 'common/buttons']);
    expect(project.file('fr', 'common/buttons')?.relPath).toBe(
      'public/locales/fr/common/buttons.json',
    );
    // A missing nested namespace is reported like any other.
    write(dir, 'public/locales/en/common/forms/labels.json', '{ "name": "Name" }\n');
    const again = await loadProject(config);
    const missing = check(again).filter((f) => f.rule === 'missing');
    expect(missing.map((f) => f.message)).toEqual([
      'the file is missing: fr has no "common/forms/labels" namespace',
    ]);
  });

  it('region folders and tags with _ (en-US, en-GB, zh_Hans, sr-Latn): en-US is the source', async () => {
    const dir = copyFixture('layouts/region');
    const config = await loadConfig({ cwd: dir });
    expect(config.sourceLocale).toBe('en-US');
    expect(config.locales).toEqual(['en-GB', 'en-US', 'sr-Latn', 'zh_Hans']);
    // CLDR rules of each language: zh has only "other", sr-Latn one/few/other.
    const plural = check(await loadProject(config)).filter((f) => f.rule === 'plurals');
    expect(plural).toEqual([]);
  });

  it('--cwd to a missing folder or a file is a configuration error naming it', async () => {
    const dir = tempDir();
    await expect(loadConfig({ cwd: path.join(dir, 'nope') })).rejects.toThrow(
      `${path.join(dir, 'nope')}: no such directory`,
    );
    writeFileSync(path.join(dir, 'f.txt'), 'x');
    await expect(loadConfig({ cwd: path.join(dir, 'f.txt') })).rejects.toThrow(
      /no such directory \(it is a file\)/,
    );
  });

  it('nothing to detect: a ConfigError naming what was tried', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'src'));
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('public/locales, src/locales');
    expect((error as Error).message).toContain("--locales '<pattern>'");
  });

  it('the detected layout is said on stderr, once, and the run goes on', async () => {
    const dir = copyFixture('layouts/one-file');
    const r = await cli(['status'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Detected: lang/{lng}.json, source en, 3 languages\n');
    const bad = await cli(['check', '--cwd', path.join(dir, 'missing-dir')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing-dir: no such directory');
  });

  it('detection looks further down for a monorepo (apps/web/public/locales) and picks the folder with most languages', () => {
    const dir = tempDir();
    for (const l of ['en', 'de', 'fr'])
      write(dir, `apps/web/public/locales/${l}/app.json`, '{ "a": "b" }\n');
    write(dir, 'packages/ui/i18n/en.json', '{ "a": "b" }\n');
    write(dir, 'node_modules/x/locales/en.json', '{ "a": "b" }\n');
    expect(detectLayout(dir)).toEqual({
      files: 'apps/web/public/locales/{lng}/{ns}.json',
      languages: ['de', 'en', 'fr'],
    });
  });

  it('guesses the source: en, else en-US, else the only English', () => {
    expect(guessSourceLocale(['de', 'en', 'en_GB'])).toBe('en');
    expect(guessSourceLocale(['de_DE', 'en_GB', 'en_US'])).toBe('en_US');
    expect(guessSourceLocale(['de', 'en-GB'])).toBe('en-GB');
    expect(guessSourceLocale(['de', 'fr'])).toBeUndefined();
  });
});

describe('layouts in memory match those on disk', () => {
  it('nested namespaces and namespace folders', () => {
    const nested = createProject({
      config: { sourceLocale: 'en', files: 'locales/{lng}/{ns}.json' },
      files: {
        'locales/en/common/buttons.json': '{ "ok": "OK" }',
        'locales/en/app.json': '{ "a": "A" }',
        'locales/de/common/buttons.json': '{ "ok": "OK" }',
        'locales/de/.hidden/x.json': '{ "a": "A" }',
      },
    });
    expect(nested.namespaces).toEqual(['app', 'common/buttons']);
    const nsFirst = createProject({
      config: { sourceLocale: 'en', files: 'i18n/{ns}/{lng}.json' },
      files: { 'i18n/auth/en.json': '{ "a": "A" }', 'i18n/auth/de.json': '{ "a": "B" }' },
    });
    expect(nsFirst.locales).toEqual(['de', 'en']);
    expect(nsFirst.file('de', 'auth')?.relPath).toBe('i18n/auth/de.json');
  });

  it('LocaleLayout: where the languages are, lock files beside them, what is watched', () => {
    const flat = new LocaleLayout('/p', 'locales/{lng}.json', '');
    expect(flat.languagesFolder()).toBe(path.resolve('/p/locales'));
    expect(LocaleLayout.defaultLockFile('locales/{lng}.json')).toBe(
      'locales/.bilateral-lock.{lng}.json',
    );
    expect(LocaleLayout.defaultLockFile('locales/{lng}/{ns}.json')).toBe(
      'locales/{lng}/.bilateral-lock.json',
    );
    expect(LocaleLayout.defaultLockFile('i18n/{ns}/{lng}.json')).toBe(
      'i18n/.bilateral-lock.{lng}.json',
    );
    const nsFirst = new LocaleLayout('/p', 'i18n/{ns}/{lng}.json', 'i18n/.l.{lng}.json');
    expect(nsFirst.languagesFolder()).toBe(path.resolve('/p/i18n'));
    expect(nsFirst.namespaceFolder('en')).toBeUndefined();
    expect(nsFirst.watchFolders(['en'])).toEqual([path.resolve('/p/i18n')]);
    expect(nsFirst.match('i18n/auth/en.json')).toEqual({ locale: 'en', namespace: 'auth' });
    expect(nsFirst.match('i18n/a/b/en.json')).toBeUndefined();
    const nested = new LocaleLayout('/p', 'locales/{lng}/{ns}.json', '');
    expect(nested.match('locales/en/a/b.json')).toEqual({ locale: 'en', namespace: 'a/b' });
    expect(nested.match('locales/en/package.json')).toBeUndefined();
    expect(nested.match('locales/en/node_modules/x.json')).toBeUndefined();
  });
});
