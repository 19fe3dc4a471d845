import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { tooDeep } from '../src/files/parse.js';
import { NOT_JSON, walkJson, type JsonEvents } from '../src/files/walk-json.js';

/**
 * The fast walk over JSON (files/walk-json.ts) must accept exactly what JSON.parse accepts (it is
 * the only validation a locale file gets), and on JSON call exactly the events jsonc-parser's
 * visitor calls on the same text: same order, values, offsets and lengths — the entries and
 * positions of every finding come from them.
 */

type Event = readonly [string, ...unknown[]];

function recorder(): { events: Event[]; visitor: Required<JsonEvents> } {
  const events: Event[] = [];
  return {
    events,
    visitor: {
      onObjectBegin: (offset) => void events.push(['{', offset]),
      onObjectEnd: () => void events.push(['}']),
      onArrayBegin: (offset) => void events.push(['[', offset]),
      onArrayEnd: () => void events.push([']']),
      onObjectProperty: (name, offset, length) => void events.push(['name', name, offset, length]),
      onLiteralValue: (value, offset, length) => void events.push(['value', value, offset, length]),
    },
  };
}

function both(text: string): { fast: Event[]; jsonc: Event[] } {
  const fast = recorder();
  walkJson(text, fast.visitor);
  const jsonc = recorder();
  const v = jsonc.visitor;
  visit(
    text,
    {
      onObjectBegin: (o) => v.onObjectBegin(o),
      onObjectEnd: () => v.onObjectEnd(),
      onArrayBegin: (o) => v.onArrayBegin(o),
      onArrayEnd: () => v.onArrayEnd(),
      onObjectProperty: (n, o, l) => v.onObjectProperty(n, o, l),
      onLiteralValue: (x, o, l) => v.onLiteralValue(x, o, l),
    },
    { disallowComments: true },
  );
  return { fast: fast.events, jsonc: jsonc.events };
}

// Strings with the characters that matter to a scanner: quotes, backslashes, escapes, surrogates.
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'é',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u2028',
    '😀',
    '{',
    '}',
    ',',
    ':',
    ' ',
  ),
  maxLength: 12,
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Whether JSON.parse accepts a text. */
function parses(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

// What JSON texts are made of, and what breaks them: every structural character, the starts of
// literals, escapes, every kind of white space and control character, and look-alikes.
const piece = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\"',
  '\\u',
  '\\u00e9',
  '\\x',
  '\\n',
  '0',
  '1',
  '-',
  '.',
  'e',
  'E',
  '+',
  '01',
  '1.',
  '.5',
  '-0',
  '1e5',
  '1e',
  'true',
  'tru',
  'false',
  'null',
  'nul',
  'NaN',
  'Infinity',
  'a',
  'é',
  '😀',
  '\ud83d',
  ' ',
  '\n',
  '\t',
  '\r',
  '\u0000',
  '\u000b',
  '\u000c',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '/',
  '*',
);

/** A valid JSON text with one piece inserted, one character deleted, or one replaced. */
const mutated = fc
  .tuple(
    json,
    fc.constantFrom(0, 1, '\t'),
    fc.nat(),
    fc.constantFrom('insert', 'delete', 'replace'),
    piece,
  )
  .map(([value, indent, at, how, p]) => {
    const t = JSON.stringify(value, null, indent) ?? 'null';
    const i = at % (t.length + 1);
    if (how === 'insert') return t.slice(0, i) + p + t.slice(i);
    if (how === 'delete') return t.slice(0, i) + t.slice(i + 1);
    return t.slice(0, i) + p + t.slice(i + 1);
  });

describe('walkJson', () => {
  it('accepts exactly what JSON.parse accepts: texts one change away from JSON', () => {
    fc.assert(
      fc.property(mutated, (t) => {
        const walked = walkJson(t, {});
        expect(walked === -1 ? 'accepted' : 'rejected').toBe(parses(t) ? 'accepted' : 'rejected');
        if (walked !== -1) expect(walked).toBe(NOT_JSON);
        else {
          const { fast, jsonc } = both(t);
          expect(fast).toEqual(jsonc);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what JSON.parse accepts: texts of random pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const t = pieces.join('');
        expect(walkJson(t, {}) === -1).toBe(parses(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects each way a text can fail to be JSON, at any depth', () => {
    for (const bad of [
      '',
      ' ',
      '{',
      '{"a": "x",}',
      '["x",]',
      '{"a" "x"}',
      '{"a": "x" "b": "y"}',
      '{"a": "x"}}',
      '{"a": "x"} {}',
      '{"a": "line\nbreak"}',
      '{"a": "tab\there"}',
      '{"a": "bell\u0007"}',
      '{"a": "bad \\q escape"}',
      '{"a": "\\u12"}',
      '{"a": "unterminated}',
      '{"a": 01}',
      '{"a": .5}',
      '{"a": +1}',
      '{"a": NaN}',
      '{"a": True}',
      "{'a': 'x'}",
      '{a: "x"}',
      '{"a": "x" /* c */}',
      '\ufeff{}',
      '{"a": ["x"}',
      '{"a": {"b": "x"]}',
      '[1, 2]]',
      ':',
      ',',
    ]) {
      expect({ bad, walked: walkJson(bad, {}) }).toEqual({ bad, walked: NOT_JSON });
      expect({ bad, parses: parses(bad) }).toEqual({ bad, parses: false });
    }
    for (const good of ['{}', '[]', ' {"a": [ ], "b": { } } ', '"x"', '0', '-1.5E+3', 'null']) {
      expect({ good, walked: walkJson(good, {}) }).toEqual({ good, walked: -1 });
    }
  });

  it('calls the same events as jsonc-parser on any valid JSON, however indented', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const t = JSON.stringify(value, null, indent);
        if (t === undefined) return;
        const { fast, jsonc } = both(t);
        expect(fast).toEqual(jsonc);
      }),
      { numRuns: 500 },
    );
  });

  it('reads escapes as JSON.parse does, and a long text without escapes in one search', () => {
    const t = '{"a\\"b": "x\\\\", "c": "\\u00e9\\ud83d\\ude00", "d": [1, -2.5e3, true, null]}';
    const { fast, jsonc } = both(t);
    expect(fast).toEqual(jsonc);
    expect(fast).toContainEqual(['name', 'a"b', 1, 6]);
    expect(fast).toContainEqual(['value', 'é😀', t.indexOf('"\\u00e9'), 20]);
    const big = JSON.stringify(
      Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, `v${i}`])),
    );
    const started = performance.now();
    const { events } = (() => {
      const r = recorder();
      walkJson(big, r.visitor);
      return r;
    })();
    expect(events.length).toBe(2 + 100_000);
    // Linear: quadratic searching for backslashes would take seconds here.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops where nesting passes the bound, at the offset tooDeep finds, and not before', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 6 }), (value, bound) => {
        const t = JSON.stringify(value, null, 1);
        if (t === undefined) return;
        // tooDeep's own bound is LIMITS.depth: compare on texts nested in `100 - bound` arrays.
        const wrap = 100 - bound;
        const text = '['.repeat(wrap) + t + ']'.repeat(wrap);
        expect(walkJson(text, {}, 100)).toBe(tooDeep(text));
      }),
      { numRuns: 300 },
    );
    const deep = `{"a": ${'['.repeat(150)}${']'.repeat(150)}, "[": "[[["}`;
    // The object is the first container: the 101st opens at the 100th bracket.
    expect(walkJson(deep, {}, 100)).toBe(6 + 99);
    expect(tooDeep(deep)).toBe(6 + 99);
    expect(walkJson('{"a": [[["["]]]}', {}, 4)).toBe(-1);
    expect(walkJson('{"a": [[["["]]]}', {}, 3)).toBe(8);
  });
});
