import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { acceptKeys, writeAcceptResult } from '../src/ops/accept.js';
import { loadConfig } from '../src/files/config.js';
import { readResources } from '../src/render/resources.js';
import { planSync, writeSyncPlan } from '../src/ops/sync.js';
import { buildSchemas } from '../src/ops/schema.js';
import { createRenderer } from '../src/render/renderer.js';
import { renderInline } from '../src/render/markup.js';
import { scanPlaceholders } from '../src/syntax/inline.js';
import { cli, copyFixture, project, read, replaceIn, write } from './support.js';
import { everything, expectNoPollution, lines, ofRule, prototypeState } from './hostile-support.js';

/**
 * Keys named `__proto__`, `constructor` and `prototype` — the classic prototype-pollution payloads —
 * in every place a locale file can put a name: keys at any depth, namespaces (file names),
 * locales (folder names), interpolation names, nesting targets, reference ids and tag names. They
 * are ordinary names everywhere: found, checked, synced, rendered and written like any other, and
 * Object.prototype is never touched (in this code or in i18next's).
 */

/** JSON text with the payloads (as own keys: `Object.assign` or a literal would set prototypes instead). */
const HOSTILE =
  '"__proto__": {"polluted": "src"}, "constructor": {"prototype": {"polluted": "src2"}}, "deep": {"__proto__": {"polluted": "src3"}, "constructor": {"prototype": {"polluted": "src4"}}},';

describe('__proto__ and constructor as keys', () => {
  it('are ordinary keys for check, sync, schema, accept and the renderer; nothing is polluted', async () => {
    const before = prototypeState();
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/en/ui.json', '{\n  "nav": {', `{\n  ${HOSTILE}\n  "nav": {`);
    // uk has the outer objects but not their texts; ja has no terms file at all (sync creates it).
    replaceIn(dir, 'locales/uk/ui.json', '"nav": {', '"deep": { "__proto__": {} },\n  "nav": {');
    replaceIn(
      dir,
      'locales/en/terms.json',
      '{\n  "entities": {',
      '{\n  "__proto__": { "polluted": "terms" },\n  "entities": {',
    );
    rmSync(path.join(dir, 'locales/ja/terms.json'));

    const o = await everything(dir);
    expectNoPollution(before);
    const wanted = [
      '__proto__.polluted',
      'constructor.prototype.polluted',
      'deep.__proto__.polluted',
      'deep.constructor.prototype.polluted',
    ];
    expect(
      ofRule(o.findings, 'missing')
        .filter((f) => f.file === 'locales/uk/ui.json')
        .map((f) => f.key),
    ).toEqual(wanted);
    // sync adds them as real keys, in the files, and then has nothing left to do.
    expect(o.sync.files.map((f) => [f.relPath, f.added])).toEqual([
      ['locales/uk/terms.json', ['__proto__.polluted']],
      [
        'locales/ja/terms.json',
        [
          '__proto__.polluted',
          'entities.ukraine.label',
          'entities.kyiv.label',
          'works.reuters',
          'units.soldier_other',
        ],
      ],
      ['locales/uk/ui.json', wanted],
      ['locales/ja/ui.json', wanted],
    ]);
    await writeSyncPlan(o.sync);
    expectNoPollution(before);
    const uk = readFileSync(path.join(dir, 'locales/uk/ui.json'), 'utf8');
    expect(uk).toContain(
      '"deep": { "__proto__": { "polluted": "src3" }, "constructor": { "prototype": { "polluted": "src4" } } }',
    );
    expect(read(dir, 'locales/ja/terms.json')).toContain(
      '"__proto__": {\n    "polluted": "terms"\n  }',
    );
    expect(planSync(await project(dir)).files).toEqual([]);
    const after = await everything(dir);
    expect(ofRule(after.findings, 'missing')).toEqual([]);
    expectNoPollution(before);

    // The schemas describe them as properties, and are written as such.
    const schemas = buildSchemas(after.project, path.join(dir, 'schemas'));
    const ui = schemas.find((s) => s.locale === 'uk' && s.namespace === 'ui')?.schema as {
      properties: Record<string, { properties?: object }>;
      required: string[];
    };
    expect(Object.hasOwn(ui.properties, '__proto__')).toBe(true);
    expect(ui.required).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'deep']));
    expect(JSON.stringify(ui)).toContain('"__proto__":{"type":"object","properties":{"polluted"');
    expect((await cli(['schema', '--no-vscode'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, '.bilateral/schema/uk/ui.schema.json'), 'utf8')).toContain(
      '"__proto__": {',
    );

    // accept records them; the renderer shows them.
    const accepted = acceptKeys(after.project, 'uk');
    expect(accepted.accepted).toEqual(
      expect.arrayContaining(['ui:__proto__.polluted', 'ui:deep.constructor.prototype.polluted']),
    );
    writeAcceptResult(accepted);
    const config = await loadConfig({ cwd: dir });
    const r = createRenderer({
      corpus: after.project.corpus!,
      resources: readResources(config),
      locale: 'uk',
    });
    expect(r.ui('__proto__.polluted').text).toBe('src');
    expect(r.ui('deep.constructor.prototype.polluted').text).toBe('src4');
    expect(r.ui('constructor').text).not.toMatch(/function|native code/);
    expect(r.ui('hasOwnProperty').missing).toBe(true);
    expect(r.ui('toString').missing).toBe(true);
    expectNoPollution(before);
  });

  it('as names of namespaces and locales (files and folders) they are just names; markup in a folder name is no locale', async () => {
    const before = prototypeState();
    const dir = copyFixture('mini');
    // Locales discovered from the folders: no "locales" in the config.
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    delete config['locales'];
    write(dir, 'bilateral.config.json', JSON.stringify(config));
    for (const l of ['en', 'uk', 'ja']) {
      write(dir, `locales/${l}/__proto__.json`, '{ "polluted": "ns" }\n');
      write(dir, `locales/${l}/constructor.json`, '{ "prototype": { "polluted": "ns" } }\n');
    }
    for (const l of [
      '__proto__',
      'constructor',
      'x" onmouseover="alert(1)',
      '<img src=x onerror=alert(1)>',
    ]) {
      mkdirSync(path.join(dir, 'locales', l));
      for (const f of readdirSync(path.join(dir, 'locales/uk')))
        write(dir, `locales/${l}/${f}`, read(dir, `locales/uk/${f}`));
    }
    const o = await everything(dir);
    expectNoPollution(before);
    // A folder whose name could not be a language tag (quotes, markup) is not taken for a locale.
    expect(o.project.locales).toEqual(['__proto__', 'constructor', 'en', 'ja', 'uk']);
    expect(o.project.namespaces).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    // Neither is a language tag Intl knows (so they get English plural rules and formats), but
    // both are checked and rendered alike, each in its own files.
    const of = (l: string) => lines(o.findings.filter((f) => f.locale === l));
    expect(of('constructor').length).toBeGreaterThan(0);
    expect(of('constructor').every((l) => l.includes(' locales/constructor/'))).toBe(true);
    expect(of('__proto__')).toEqual(
      of('constructor').map((l) =>
        l
          .replaceAll('locales/constructor/', 'locales/__proto__/')
          .replaceAll(': constructor has no', ': __proto__ has no'),
      ),
    );
    expect(o.html.get('__proto__')?.replaceAll('lang="__proto__"', 'lang="constructor"')).toBe(
      o.html.get('constructor'),
    );
    expect(o.html.get('__proto__')).toContain('Близько');
    const resources = readResources(o.project.config);
    expect(Object.getPrototypeOf(resources)).toBe(null);
    expect((resources['__proto__'] as Record<string, unknown>)['__proto__']).toEqual({
      polluted: 'ns',
    });
  });
});

describe('inside i18next', () => {
  it('resources with __proto__ and constructor at every level pollute nothing, however they are read or merged', async () => {
    const before = prototypeState();
    const hostile = () =>
      JSON.parse(
        `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": {"__proto__": {"polluted": "yes"}}}`,
      ) as Record<string, unknown>;
    const resources = JSON.parse(
      `{"en": {"ui": ${JSON.stringify(hostile())}, "__proto__": {"polluted": "yes"}}, "__proto__": {"ui": {"polluted": "yes"}}}`,
    );
    const i = i18next.createInstance();
    await i.init({
      resources,
      lng: 'en',
      ns: ['ui', '__proto__'],
      defaultNS: 'ui',
      initAsync: false,
      showSupportNotice: false,
    } as never);
    for (const key of [
      '__proto__.polluted',
      'constructor.prototype.polluted',
      'a.__proto__.polluted',
      'polluted',
      '__proto__',
      'constructor',
      'prototype',
    ]) {
      i.t(key);
      i.exists(key);
      i.t(key, { ns: '__proto__' });
      i.t(key, { lng: '__proto__' });
    }
    // The merging entry points (Eleventy plugins and backends use them).
    i.addResourceBundle('en', 'ui', hostile(), true, true);
    i.addResourceBundle('en', 'ui', { a: hostile() }, true, true);
    i.addResources('en', 'ui', hostile());
    i.addResource('en', 'ui', '__proto__.polluted', 'yes');
    i.addResource('en', 'ui', 'constructor.prototype.polluted', 'yes');
    i.t('x {{__proto__}} {{constructor}}', { __proto__: { polluted: 'yes' } } as never);
    expectNoPollution(before);
  });

  it('interpolation and nesting names that every object has give nothing away', () => {
    const before = prototypeState();
    const dir = {
      ui: {
        t: '[{{constructor}}|{{__proto__}}|{{toString}}|{{hasOwnProperty}}|$t(constructor)|$t(__proto__)|$t(toString)]',
      },
    };
    const r = createRenderer({
      corpus: { entities: {}, units: {}, works: {}, documents: {} },
      resources: { en: dir },
      locale: 'en',
    });
    const t = r.ui('t', {});
    expect(t.text).not.toMatch(/function|native code|\[object Object\]/);
    expect(scanPlaceholders(dir.ui.t).map((p) => (p.type === 'nesting' ? p.key : p.name))).toEqual([
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'constructor',
      '__proto__',
      'toString',
    ]);
    expectNoPollution(before);
  });

  it('tags named constructor or __proto__ are dropped like any unknown tag', () => {
    const noop = { cite: () => ({ html: '', text: '' }), dubious: () => ({ html: '', text: '' }) };
    for (const tag of ['constructor', '__proto__', 'prototype', 'tostring', 'hasownproperty']) {
      const out = renderInline(`a<${tag} onclick="x" lang="en">b</${tag}>c`, noop);
      // A tag name must start with a letter: `<__proto__` is text (shown as text) and
      // `</__proto__>` a bogus comment (dropped), as in a browser.
      expect(out.html).toBe(
        tag.startsWith('_') ? `a&lt;${tag} onclick=&quot;x&quot; lang=&quot;en&quot;&gt;bc` : 'abc',
      );
      if (!tag.startsWith('_')) expect(out.dropped).toContain(tag);
    }
  });
});
