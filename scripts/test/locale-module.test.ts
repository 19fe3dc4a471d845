import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { node, tempDir } from './run.js';

describe('the locale module generator (scripts/locale-module.mjs)', () => {
  const generate = (dir: string) => node('locale-module.mjs', [dir], dir);
  const localeDir = (ui: string) => {
    const dir = tempDir('locale');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@bilateral/locale-xx' }));
    writeFileSync(path.join(dir, 'turbo.json'), '{}');
    writeFileSync(path.join(dir, 'ui.json'), ui);
    return dir;
  };

  it('spells out every key as a type, and exports every namespace', async () => {
    const dir = localeDir(
      '{ "nav": { "contents": "Contents", "item_one": "{{count}} item", "item_other": "{{count}} items" } }',
    );
    writeFileSync(path.join(dir, 'terms.json'), '{ "a": "A" }');
    const r = await generate(dir);
    expect(r.code, r.output).toBe(0);
    const dts = readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
    expect(dts).toContain('export type Resources = {');
    expect(dts).toMatch(
      /readonly "ui": \{\n\s+readonly "nav": \{\n\s+readonly "contents": string;\n\s+readonly "item_one": string;/,
    );
    expect(dts).toContain('export declare const namespaces: readonly ["terms", "ui"];');
    expect(dts).toContain('export declare const locale: "xx";');
    const js = readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(js).toContain("import ns_ui from './ui.json' with { type: 'json' };");
    expect(js).not.toContain('turbo');
    const mod = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as {
      default: Record<string, unknown>;
      locale: string;
    };
    expect(mod.locale).toBe('xx');
    expect(Object.keys(mod.default)).toEqual(['terms', 'ui']);
  });

  it('names the file, line and column of a JSON mistake, without a stack trace', async () => {
    const dir = localeDir('{\n  "nav": {\n    "contents": "Contents",\n  }\n}\n');
    const r = await generate(dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain('ui.json:4:3: not valid JSON');
    expect(r.output).toContain('Fix the file and build again.');
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  it('refuses a package that is not a locale package, naming the file and the expected name', async () => {
    const dir = localeDir('{ "a": "A" }');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@bilateral/core' }));
    const r = await generate(dir);
    expect(r.code).toBe(1);
    expect(r.output).toContain(
      `${path.join(dir, 'package.json')}: the name must be "@bilateral/locale-<lng>"`,
    );
    expect(r.output).not.toMatch(/\n\s+at /);
  });
});
