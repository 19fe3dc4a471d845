import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18nextFlags } from '../src/adapters/cli/shared.js';
import { loadConfig } from '../src/files/config.js';
import { MODULE_LIMITS } from '../src/files/config-module.js';
import { validateI18nextBlock } from '../src/files/i18next-settings.js';
import { loadProject } from '../src/files/project.js';
import { ConfigError } from '../src/model/errors.js';
import type { I18nextSettings } from '../src/model/types.js';
import { PKG, cli, copyFixture, tempDir, write } from './support.js';

/**
 * The i18next settings that change what a locale file means, read from where the project keeps
 * them (its i18next.config, next-i18next.config, or a bilateral.config "i18next" block), and
 * from flags.
 */

describe("the project's own i18next settings", () => {
  it('i18next.config.json (i18next-cli): files from extract.output, source from primaryLanguage, separators', async () => {
    const dir = copyFixture('layouts/i18next-config');
    const notes: string[] = [];
    const config = await loadConfig({ cwd: dir, notify: (m) => notes.push(m) });
    expect(config.files).toBe('resources/{lng}/{ns}.json');
    expect(config.sourceLocale).toBe('de');
    // Its "locales" and the languages on disk (it lists no "it", which has files).
    expect(config.locales).toEqual(['de', 'en', 'it']);
    expect(config.i18next).toEqual({
      compatibilityJSON: 'v3',
      keySeparator: false,
      nsSeparator: false,
      react: true,
      from: 'i18next.config.json',
    });
    expect(notes).toEqual([
      'Read: resources/{lng}/{ns}.json, source de, 3 languages (files, source, languages from i18next.config.json); i18next settings from i18next.config.json: compatibilityJSON v3, keySeparator false, nsSeparator false, react true',
    ]);
  });

  it('next-i18next.config.js: defaultLocale, locales, localePath (resolved as Next.js does), options; its functions are left out', async () => {
    const dir = copyFixture('layouts/next-i18next');
    const config = await loadConfig({ cwd: dir });
    expect(config.files).toBe('public/locales/{lng}/{ns}.json');
    expect(config.sourceLocale).toBe('en');
    expect(config.locales).toEqual(['de', 'en', 'uk']);
    expect(config.i18next).toEqual({
      compatibilityJSON: 'v3',
      returnEmptyString: false,
      interpolation: { prefix: '__', suffix: '__' },
      react: true,
      transKeepBasicHtmlNodesFor: ['br', 'strong'],
      from: 'next-i18next.config.js',
    });
    // uk has no files: it is a listed language whose file is missing.
    const project = await loadProject(config);
    expect(project.files.map((f) => f.locale)).toEqual(['de', 'en']);
  });

  it('i18next-parser.config.js: output ($LOCALE, $NAMESPACE), locales (the first is the source), separators, i18nextOptions', async () => {
    const dir = copyFixture('layouts/i18next-parser');
    const notes: string[] = [];
    const config = await loadConfig({ cwd: dir, notify: (m) => notes.push(m) });
    expect(config.files).toBe('src/i18n/{lng}/{ns}.json');
    expect(config.sourceLocale).toBe('en');
    expect(config.locales).toEqual(['en', 'pl', 'uk']);
    expect(config.i18next).toEqual({
      compatibilityJSON: 'v3',
      keySeparator: false,
      nsSeparator: false,
      contextSeparator: '--',
      pluralSeparator: '__',
      from: 'i18next-parser.config.js',
    });
    expect(notes).toEqual([
      'Read: src/i18n/{lng}/{ns}.json, source en, 3 languages (files, source, languages from i18next-parser.config.js); i18next settings from i18next-parser.config.js: compatibilityJSON v3, keySeparator false, nsSeparator false, contextSeparator --, pluralSeparator __',
    ]);
  });

  it('the CLI checks the i18next-parser project by its settings; a flag overrides one of them', async () => {
    const dir = copyFixture('layouts/i18next-parser');
    const rules = async (...flags: string[]) => {
      const r = await cli(['check', '--format', 'json', ...flags], dir);
      return (JSON.parse(r.stdout) as { rule: string; key: string }[]).map(
        (f) => `${f.rule} ${f.key}`,
      );
    };
    // Only pl's missing file: uk's v3 forms (__0…) and its context variant (guest--female) are fine.
    expect(await rules()).toEqual(['missing ']);
    expect(await rules('--context-separator', '_')).toEqual(['missing ', 'obsolete guest--female']);
    expect(await rules('--plural-separator', '_')).toContain('missing cart.items');
  });

  it('i18next-parser: its default output, and i18next.config.* comes first in a folder', async () => {
    const dir = tempDir();
    write(dir, 'locales/en/translation.json', '{ "a": "A" }');
    write(dir, 'locales/de/translation.json', '{ "a": "A" }');
    write(dir, 'i18next-parser.config.mjs', "export default { pluralSeparator: '|' };\n");
    const config = await loadConfig({ cwd: dir });
    expect(config.files).toBe('locales/{lng}/{ns}.json');
    expect(config.i18next).toEqual({ pluralSeparator: '|', from: 'i18next-parser.config.mjs' });
    write(dir, 'i18next.config.json', '{ "keySeparator": false }');
    expect((await loadConfig({ cwd: dir })).i18next).toEqual({
      keySeparator: false,
      from: 'i18next.config.json',
    });
  });

  it('a bilateral.config "i18next" block is used as it is, and no project config is run', async () => {
    const dir = copyFixture('layouts/bilateral-block');
    const config = await loadConfig({ cwd: dir });
    expect(config.locales).toEqual(['en', 'nl']);
    expect(config.i18next).toEqual({
      compatibilityJSON: 'v3',
      keySeparator: false,
      interpolation: { prefix: '%{', suffix: '}' },
      format: 'i18next',
      react: true,
      transKeepBasicHtmlNodesFor: ['br', 'i'],
      from: 'bilateral.config.json',
    });
  });

  it.each([
    [{ compatibilityJSON: 'v2' }, '"i18next.compatibilityJSON" must be "v3" or "v4"'],
    [{ keySeparator: true }, '"i18next.keySeparator" must be a string or false'],
    [{ interpolation: { prefix: '' } }, '"i18next.interpolation" must be an object'],
    [{ format: 'fluent' }, '"i18next.format" must be "i18next" or "icu"'],
    [{ returnEmptyString: 'no' }, '"i18next.returnEmptyString" must be true or false'],
    [{ fallbackLng: 'en' }, 'unknown setting "i18next.fallbackLng". Known: compatibilityJSON'],
    ['v3', '"i18next" must be an object'],
  ])('the block is validated: %j', async (block, message) => {
    const dir = tempDir();
    write(dir, 'locales/en.json', '{}');
    write(
      dir,
      'bilateral.config.json',
      JSON.stringify({ sourceLocale: 'en', files: 'locales/{lng}.json', i18next: block }),
    );
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(message);
  });

  it('flags override single settings; "from" names both', async () => {
    const dir = copyFixture('layouts/next-i18next');
    const config = await loadConfig({
      cwd: dir,
      overrides: {
        i18next: i18nextFlags({
          compatibilityJson: 'v4',
          keySeparator: 'false',
          interpolationSuffix: ']]',
          returnEmptyString: 'true',
          icu: true,
        }) as I18nextSettings,
      },
    });
    expect(config.i18next).toMatchObject({
      compatibilityJSON: 'v4',
      keySeparator: false,
      returnEmptyString: true,
      format: 'icu',
      interpolation: { prefix: '__', suffix: ']]' },
      from: 'next-i18next.config.js and the command line',
    });
    expect(i18nextFlags({})).toBeUndefined();
    expect(
      i18nextFlags({
        returnNull: 'true',
        pluralSeparator: '__',
        contextSeparator: '--',
        transKeepBasicHtmlNodesFor: 'br, B,em',
      }),
    ).toEqual({
      returnNull: true,
      pluralSeparator: '__',
      contextSeparator: '--',
      transKeepBasicHtmlNodesFor: ['br', 'b', 'em'],
      from: 'the command line',
    });
  });

  it('--i18next-config none reads no project config', async () => {
    const dir = copyFixture('layouts/next-i18next');
    const config = await loadConfig({
      cwd: dir,
      overrides: { i18nextConfig: 'none', files: 'public/locales/{lng}/{ns}.json' },
    });
    expect(config.i18next).toBeUndefined();
    expect(config.sourceLocale).toBe('en');
  });
});

describe('a project config that cannot be read fails soft: a ConfigError naming it, with the way out', () => {
  const setup = (code: string, name = 'i18next.config.mjs') => {
    const dir = tempDir();
    write(dir, 'locales/en/app.json', '{ "a": "A" }');
    write(dir, name, code);
    return dir;
  };

  it('an import that is not installed (React, a plugin)', async () => {
    const dir = setup(
      "import ICU from 'i18next-icu-not-installed';\nexport default { use: [ICU] };\n",
    );
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(path.join(dir, 'i18next.config.mjs'));
    expect((error as Error).message).toContain('i18next-icu-not-installed');
    expect((error as Error).message).toContain('Put the i18next options in bilateral.config.json');
  });

  it('a module that never finishes is stopped', async () => {
    const dir = setup('while (true) {}\nexport default {};\n');
    const started = Date.now();
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/did not finish loading within 5 s/);
    expect(Date.now() - started).toBeLessThan(MODULE_LIMITS.ms + 5_000);
  });

  it('a module larger than the limit is not run', async () => {
    const dir = setup(`export default {};\n//${'x'.repeat(MODULE_LIMITS.bytes)}\n`);
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/larger than 256 KB; not read/);
  });

  it('an i18next-icu plugin in "use" means ICU messages; what the module prints is not shown', async () => {
    const dir = setup(
      "class ICU { constructor() { this.type = 'i18nFormat'; } init() {} }\nICU.type = 'i18nFormat';\nconsole.log('noise');\nexport default { use: [ICU], keySeparator: false };\n",
    );
    const config = await loadConfig({ cwd: dir });
    expect(config.i18next).toEqual({
      keySeparator: false,
      format: 'icu',
      from: 'i18next.config.mjs',
    });
    const r = await cli(['status', '--format', 'json'], dir);
    expect(r.stdout).not.toContain('noise');
    expect(r.stderr).toContain(
      'i18next settings from i18next.config.mjs: keySeparator false, format icu',
    );
  });

  it('the CLI exits 2 with the message, never a stack', async () => {
    const dir = setup("import 'react-not-installed';\nexport default {};\n");
    const r = await cli(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error .*i18next\.config\.mjs: cannot be read/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the config schema documents the "i18next" block the loader accepts', () => {
  const schema = JSON.parse(readFileSync(path.join(PKG, 'schema/config.schema.json'), 'utf8')) as {
    properties: { i18next: { properties: Record<string, unknown>; examples: unknown[] } };
  };
  const block = schema.properties.i18next;

  it('the same settings, and its example is valid', () => {
    let known = '';
    try {
      validateI18nextBlock({ nope: 1 }, 'bilateral.config.json');
    } catch (e) {
      known = (e as Error).message.split('Known: ')[1] ?? '';
    }
    expect(known.split(', ')).toEqual(Object.keys(block.properties));
    for (const example of block.examples)
      expect(validateI18nextBlock(example, 'bilateral.config.json')).toMatchObject(
        example as object,
      );
  });
});
