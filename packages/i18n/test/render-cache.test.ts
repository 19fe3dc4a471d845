import { describe, expect, it } from 'vitest';
import type { Corpus } from '@bilateral/core';
import { BuildInputs } from '../src/render/cache.js';
import type { Resources } from '../src/index.js';

const corpus = (title = 'T', unit = 'km'): Corpus =>
  ({
    entities: {},
    units: { [unit]: {} },
    works: {},
    documents: {
      a: { id: 'a', namespace: 'a', title },
      b: { id: 'b', namespace: 'b', title: 'B' },
    },
  }) as unknown as Corpus;

const resources = (change: (r: any) => void = () => {}): Resources => {
  const r: any = {
    en: {
      a: { p: 'A' },
      b: { p: 'B' },
      ui: { u: 'U' },
      terms: { t: 'T' },
      style: { s: 'S' },
      other: { o: 'O' },
    },
    ja: { a: { p: 'あ' }, b: { p: 'び' }, ui: { u: 'ゆ' }, terms: { t: 'て' }, style: { s: 'す' } },
  };
  change(r);
  return r;
};

const key = (c: Corpus, r: Resources, chain = ['ja', 'en'], context = 'development') =>
  new BuildInputs(c, r, context).key('a', 'a', chain);

describe('the inputs of a rendered document', () => {
  const base = key(corpus(), resources());

  it('are the same for the same inputs, whatever else changed', () => {
    expect(key(corpus(), resources())).toBe(base);
    expect(
      key(
        corpus(),
        resources((r) => (r.en.b.p = 'changed')),
      ),
    ).toBe(base);
    expect(
      key(
        corpus(),
        resources((r) => (r.en.other.o = 'changed')),
      ),
    ).toBe(base);
  });

  it('change with the document, ui, terms and style in every language of the chain', () => {
    for (const change of [
      (r: any) => (r.ja.a.p = 'x'),
      (r: any) => (r.en.a.p = 'x'),
      (r: any) => delete r.en.a,
      (r: any) => (r.en.ui.u = 'x'),
      (r: any) => (r.ja.terms.t = 'x'),
      (r: any) => (r.en.style.s = 'x'),
      (r: any) => delete r.ja.style,
    ])
      expect(key(corpus(), resources(change))).not.toBe(base);
    // Not in the chain: ja alone does not read en.
    expect(
      key(
        corpus(),
        resources((r) => (r.en.a.p = 'x')),
        ['ja'],
      ),
    ).toBe(key(corpus(), resources(), ['ja']));
  });

  it('change with the core document, the registries, the chain and the mode', () => {
    expect(key(corpus('T2'), resources())).not.toBe(base);
    expect(key(corpus('T', 'mi'), resources())).not.toBe(base);
    expect(key(corpus(), resources(), ['ja'])).not.toBe(base);
    expect(key(corpus(), resources(), ['ja', 'en'], 'production')).not.toBe(base);
  });

  it('cover every locale file when a text nests $t() beyond its namespace', () => {
    const across = resources((r) => (r.en.ui.u = 'See $t(other:o)'));
    const local = resources((r) => (r.en.ui.u = 'See $t(u2)'));
    const k = key(corpus(), across);
    expect(
      key(
        corpus(),
        resources((r) => ((r.en.ui.u = 'See $t(other:o)'), (r.en.other.o = 'x'))),
      ),
    ).not.toBe(k);
    const l = key(corpus(), local);
    expect(
      key(
        corpus(),
        resources((r) => ((r.en.ui.u = 'See $t(u2)'), (r.en.other.o = 'x'))),
      ),
    ).toBe(l);
    // A `$t(` that is not a whole nesting is not known to stay local: every file counts.
    const unclosed = resources((r) => (r.en.ui.u = 'See $t(u2'));
    expect(
      key(
        corpus(),
        resources((r) => ((r.en.ui.u = 'See $t(u2'), (r.en.other.o = 'x'))),
      ),
    ).not.toBe(key(corpus(), unclosed));
    const withOptions = resources((r) => (r.en.ui.u = 'See $t(u2, {"lng": "ko"})'));
    const o = key(corpus(), withOptions);
    expect(
      key(
        corpus(),
        resources((r) => ((r.en.ui.u = 'See $t(u2, {"lng": "ko"})'), (r.en.b.p = 'x'))),
      ),
    ).not.toBe(o);
  });
});
