import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonParts } from '../src/check/report/json-parts.js';

const joined = (v: unknown) => [...jsonParts(v)].join('');
const expected = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('jsonParts: JSON.stringify(value, null, 2) in parts', () => {
  it('is the same text for any JSON value in an array or an object, however deep', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 7 })), (v) => {
        expect(joined(v)).toBe(expected(v));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 7 })), (v) => {
        expect(joined(v)).toBe(expected(v));
      }),
      { numRuns: 500 },
    );
  });

  it('is the same text for long lists written in several runs, at any depth', () => {
    // Items of very different sizes, so that the run length is adjusted up and down.
    const item = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ minLength: 2000, maxLength: 20000 }),
    );
    const long = fc.array(item, { minLength: 9, maxLength: 400 });
    fc.assert(
      fc.property(long, fc.nat(3), (list, depth) => {
        // The list placed `depth` objects deep (SARIF's results are three levels in).
        let v: unknown = list;
        for (let d = 0; d < depth; d++) v = d % 2 === 0 ? { runs: [v, 1] } : { results: v };
        expect(joined(v)).toBe(expected(v));
      }),
      { numRuns: 60 },
    );
  });

  it('writes what JSON cannot hold as JSON.stringify does: null in arrays, left out of objects', () => {
    const v = {
      a: [undefined, () => 1, Symbol('s'), 1],
      b: undefined,
      c: { d: () => 1, e: [new Date(0), new Number(3), new String('x'), new Boolean(false)] },
      f: { toJSON: () => ({ g: 1 }) },
      h: {},
      i: [],
      'line\nbreak "quoted"': 'text with\nline break and \u2028 and 日本語',
    };
    expect(joined(v)).toBe(expected(v));
    expect(joined([])).toBe('[]\n');
    expect(joined({})).toBe('{}\n');
  });

  it('gives out parts of about 16 K characters (regular heap objects), not one string, for a large report', () => {
    const findings = Array.from({ length: 5000 }, (_, i) => ({
      rule: 'missing',
      key: `key.${i}`,
      message: `missing "key.${i}" — 日本語`,
      suggestion: { command: 'sync', args: [] },
    }));
    const parts = [...jsonParts(findings)];
    expect(parts.length).toBeGreaterThan(20);
    // Two bytes a character (the text is not Latin-1): under V8's 128 KB for a regular object.
    for (const p of parts.slice(0, -1)) expect(p.length).toBeLessThan(24 * 1024);
    // Not so small that writing them costs a call for every few findings (the commas between
    // runs are parts of their own).
    expect(parts.filter((p) => p !== ',').length).toBeLessThan(60);
    expect(parts.join('')).toBe(expected(findings));
  });
});
