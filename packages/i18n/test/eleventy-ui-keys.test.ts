import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from '@bilateral/core';
import bilateral from '../src/eleventy.js';
import { RENDERER_UI_KEYS } from '../src/adapters/eleventy/ui-keys.js';
import { loadConfig } from '../src/files/config.js';
import { createRenderer } from '../src/render/renderer.js';
import { readResources } from '../src/render/resources.js';
import { copyRepo, tempDir, write } from './support.js';
import { fakeEleventy } from './eleventy-fake.js';

/** The repository's project with its declared UI keys changed. */
function declaring(change: (keys: string[]) => string[]): string {
  const dir = copyRepo();
  const file = path.join(dir, 'bilateral.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.rules.missing.require.ui = change(config.rules.missing.require.ui);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('declared UI keys (rules.missing.require.ui)', () => {
  it('a production page using an undeclared key fails, naming the key and where to declare it', async () => {
    const configFile = declaring((keys) => keys.filter((k) => k !== 'nav.contents'));
    const e = fakeEleventy();
    await bilateral(e.config, { configFile, isolate: false, log: () => {} });
    await e.build('build');
    expect(e.filters.get('bilateralText')!('site.name', 'en').text).toBe('Bilateral');
    expect(() => e.filters.get('bilateralText')!('nav.contents', 'en')).toThrow(
      /ui:nav\.contents, which "rules\.missing\.require\.ui" in bilateral\.config\.json does not list/,
    );
  });

  it('in development it is printed once, and the page still gets its text', async () => {
    const configFile = declaring((keys) => keys.filter((k) => k !== 'nav.contents'));
    const e = fakeEleventy();
    let printed = '';
    await bilateral(e.config, {
      configFile,
      mode: 'development',
      isolate: false,
      log: (t) => (printed += t),
    });
    await e.build('serve');
    expect(e.filters.get('bilateralText')!('nav.contents', 'en').text).toBe('Contents');
    e.filters.get('bilateralText')!('nav.contents', 'uk');
    expect(printed.match(/ui:nav\.contents, which/g)).toHaveLength(1);
  });

  it('a production build refuses a declaration without the keys the renderer needs', async () => {
    const configFile = declaring((keys) => keys.filter((k) => k !== 'citation.pages'));
    const e = fakeEleventy();
    await bilateral(e.config, { configFile, isolate: false, log: () => {} });
    await expect(e.build('build')).rejects.toThrow(/the renderer uses ui:citation\.pages/);
  });

  it('a site without a core (no articles) declares only the keys its templates read', async () => {
    const dir = tempDir();
    write(
      dir,
      'bilateral.config.json',
      JSON.stringify({
        sourceLocale: 'en',
        locales: ['en', 'de'],
        files: 'locales/{lng}/{ns}.json',
        rules: { missing: { require: { ui: ['site.name'] } } },
      }),
    );
    write(dir, 'locales/en/ui.json', '{ "site": { "name": "Docs" } }\n');
    write(dir, 'locales/de/ui.json', '{ "site": { "name": "Doku" } }\n');
    const e = fakeEleventy();
    await bilateral(e.config, { cwd: dir, isolate: false, cacheDirectory: false, log: () => {} });
    await e.build('build');
    expect(e.text('site.name', 'de').text).toBe('Doku');
    expect(() => e.text('nav.contents', 'de')).toThrow(/ui:nav\.contents, which/);
  });

  it('lists every UI key the renderer reads: without a ui namespace, it misses only those', async () => {
    const config = await loadConfig({ configFile: declaring((k) => k) });
    const resources = readResources(config);
    for (const l of config.locales) delete resources[l]!['ui'];
    const missed = new Set<string>();
    for (const locale of config.locales) {
      const renderer = createRenderer({ corpus, resources, locale, fallback: [] });
      for (const id of Object.keys(corpus.documents))
        for (const p of renderer.renderDocument(id).problems)
          if (p.key.startsWith('ui:')) missed.add(p.key.slice(3));
    }
    expect(missed.size).toBeGreaterThan(5);
    expect([...missed].filter((k) => !RENDERER_UI_KEYS.includes(k))).toEqual([]);
  });
});
