import { describe, expect, it } from 'vitest';
import type { Corpus } from '@bilateral/core';
import { createRenderer } from '../src/index.js';
import { LIMITS } from '../src/model/limits.js';

const corpus = { entities: {}, units: {}, works: {}, documents: {} } as unknown as Corpus;
const long = 'x'.repeat(LIMITS.textLength + 1);

const ui = (resources: Record<string, unknown>, key: string, values?: Record<string, unknown>) =>
  createRenderer({ corpus, resources: { en: { ui: resources } }, locale: 'en' }).ui(key, values);

describe('the renderer reads a key and its plural forms', () => {
  it('refuses a key whose plural form is over the limit (read from the parent object)', () => {
    expect(ui({ a: { n: 'short', n_other: long } }, 'a.n')).toMatchObject({ missing: true });
    expect(ui({ a: { n: 'short', m_other: long } }, 'a.n')).toMatchObject({
      missing: false,
      text: 'short',
    });
  });

  it('finds texts under property names with dots, as i18next does', () => {
    expect(ui({ 'a.b': { c: 'dotted' } }, 'a.b.c')).toMatchObject({ text: 'dotted' });
    expect(ui({ a: { 'b.c': long } }, 'a.b.c')).toMatchObject({ missing: true });
  });

  it('gives what i18next gives for plain, interpolated, nested and plural texts', () => {
    const res = {
      plain: 'Tom & <b>Jerry</b>',
      nested: '$t(plain) again',
      hello: 'Hi {{name}}',
      item_one: 'one item',
      item_other: '{{count}} items',
      ctx: 'neutral',
      ctx_male: 'male',
    };
    expect(ui(res, 'plain')).toMatchObject({ html: 'Tom &amp; <b>Jerry</b>', text: 'Tom & Jerry' });
    expect(ui(res, 'nested').text).toBe('Tom & Jerry again');
    expect(ui(res, 'hello', { name: '<Ann>' }).html).toBe('Hi &lt;Ann&gt;');
    expect(ui(res, 'item', { count: 3 }).text).toBe('3 items');
    expect(ui(res, 'ctx', { context: 'male' }).text).toBe('male');
    // Memoised per values: the same key with other values is another text.
    const r = createRenderer({ corpus, resources: { en: { ui: res } }, locale: 'en' });
    expect(r.ui('item', { count: 1 }).text).toBe('one item');
    expect(r.ui('item', { count: 2 }).text).toBe('2 items');
    expect(r.ui('item', { count: 1 }).text).toBe('one item');
  });
});
