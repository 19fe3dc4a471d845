import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30000 });
import { check } from '../src/check/check.js';
import { acceptKeys, writeAcceptResult } from '../src/ops/accept.js';
import { buildSchemas } from '../src/ops/schema.js';
import { planSync, writeSyncPlan } from '../src/ops/sync.js';
import { copyFixture, project, read, replaceIn } from './support.js';

/**
 * `sync`, `schema` and `accept` read plural families as `check` does (one model: JSON v3 or v4
 * suffixes, the project's pluralSeparator, context variants with its contextSeparator). The
 * fixture is an i18next-parser project: compatibilityJSON v3, pluralSeparator `__`,
 * contextSeparator `--`, en `cart.items` + `cart.items__plural`, uk `cart.items__0`…`__2` and a
 * context variant `guest--female` that en does not need, pl listed without files.
 */
const FIXTURE = 'layouts/i18next-parser';
const PL = 'src/i18n/pl/common.json';
const UK = 'src/i18n/uk/common.json';

describe('JSON v3 families with their own separators', () => {
  it("sync creates pl with pl's v3 forms (_0, _1, _2, from the singular and the plural), and check agrees", async () => {
    const dir = copyFixture(FIXTURE);
    const plan = planSync(await project(dir));
    expect(plan.files.map((f) => [f.relPath, f.added])).toEqual([
      [PL, ['cart.items__0', 'cart.items__1', 'cart.items__2', 'guest', 'guest--male', 'save']],
    ]);
    await writeSyncPlan(plan);
    expect(JSON.parse(read(dir, PL))).toEqual({
      'cart.items__0': '{{count}} item in the basket',
      'cart.items__1': '{{count}} items in the basket',
      'cart.items__2': '{{count}} items in the basket',
      guest: 'Your guest',
      'guest--male': 'Your guest (he)',
      save: 'Save',
    });
    const findings = check(await project(dir));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.rule !== 'untranslated')).toEqual([]);
  });

  it('sync --prune keeps the forms uk reads and its context variant; removes a form nobody has', async () => {
    const dir = copyFixture(FIXTURE);
    replaceIn(dir, UK, '"save": "Зберегти"', '"save": "Зберегти",\n  "cart.items__5": "x"');
    const plan = planSync(await project(dir), { locales: ['uk'], prune: true });
    expect(plan.files.map((f) => [f.relPath, f.added, f.removed])).toEqual([
      [UK, [], ['cart.items__5']],
    ]);
  });

  it("schema requires each language's v3 forms, and no v4 _zero", async () => {
    const dir = copyFixture(FIXTURE);
    const schemas = buildSchemas(await project(dir), `${dir}/.bilateral/schema`);
    const required = (locale: string) =>
      (schemas.find((s) => s.locale === locale)?.schema['required'] as string[]).sort();
    const props = (locale: string) =>
      Object.keys(schemas.find((s) => s.locale === locale)?.schema['properties'] as object).sort();
    expect(required('pl')).toEqual([
      'cart.items__0',
      'cart.items__1',
      'cart.items__2',
      'guest',
      'guest--male',
      'save',
    ]);
    expect(required('en')).toEqual([
      'cart.items',
      'cart.items__plural',
      'guest',
      'guest--male',
      'save',
    ]);
    expect(props('uk')).not.toContain('cart.items__zero');
    expect(props('uk')).not.toContain('cart.items__plural');
  });

  it('accept records every v3 form of the source; check then sees a change to the plural as stale', async () => {
    const dir = copyFixture(FIXTURE);
    const result = acceptKeys(await project(dir), 'uk');
    expect(result.accepted).toContain('common:cart.items');
    const lock = JSON.parse(result.text) as { keys: Record<string, { source: unknown }> };
    expect(lock.keys['common:cart.items']?.source).toEqual({
      '': '{{count}} item in the basket',
      plural: '{{count}} items in the basket',
    });
    writeAcceptResult(result);
    const before = check(await project(dir));
    expect(before.filter((f) => f.rule === 'stale')).toEqual([]);
    replaceIn(
      dir,
      'src/i18n/en/common.json',
      '{{count}} items in the basket',
      '{{count}} items in your basket',
    );
    const after = check(await project(dir));
    expect(after.filter((f) => f.rule === 'stale').map((f) => [f.locale, f.key])).toEqual([
      ['uk', 'cart.items__0'],
    ]);
  });
});
