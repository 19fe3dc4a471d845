import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerPrefixes, nearestAncestor } from '../src/check/context.js';
import { parseLocaleFile } from '../src/files/parse.js';
import type { Entry } from '../src/model/types.js';

/** The definition: the key's parts, all but the last n, joined, for n = 1, 2, … */
function byParts(prefixes: ReadonlyMap<string, number>, key: string): number | undefined {
  const parts = key.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const at = prefixes.get(parts.slice(0, n).join('.'));
    if (at !== undefined) return at;
  }
  return undefined;
}

describe('nearestAncestor: where a missing key is reported', () => {
  it('is the nearest existing object above the key', () => {
    const prefixes = new Map([
      ['a', 1],
      ['a.b', 5],
      ['x', 9],
    ]);
    expect(nearestAncestor(prefixes, 'a.b.c')).toBe(5);
    expect(nearestAncestor(prefixes, 'a.z.c')).toBe(1);
    expect(nearestAncestor(prefixes, 'q.r')).toBeUndefined();
    expect(nearestAncestor(new Map(), 'com.app.title')).toBeUndefined();
    expect(nearestAncestor(new Map([['', 3]]), '.a')).toBe(3);
  });

  it('agrees with splitting the key into its parts, for any key and objects (empty parts too)', () => {
    const part = fc.constantFrom('', 'a', 'b', 'ab', '.', '..');
    const key = fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('.'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(1000)), { maxLength: 8 }), key, (entries, k) => {
        const prefixes = new Map(entries);
        expect(nearestAncestor(prefixes, k)).toBe(byParts(prefixes, k));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The definition: each proper prefix of each entry's path, at the first entry below it. */
function byPaths(entries: Iterable<Entry>): Map<string, number> {
  const map = new Map<string, number>();
  for (const e of entries)
    for (let n = 1; n < e.path.length; n++) {
      const prefix = e.path.slice(0, n).join('.');
      if (!map.has(prefix)) map.set(prefix, e.keyOffset);
    }
  return map;
}

describe('containerPrefixes: the objects and lists of a file', () => {
  const parse = (v: unknown) =>
    parseLocaleFile('/p', 'en', 'ns', '/p/en/ns.json', new TextEncoder().encode(JSON.stringify(v)))
      .entries;

  it('names each container at its first entry, siblings looked at once', () => {
    const entries = parse({
      a: { x: '1', y: '2' },
      b: ['p', { q: 'r' }],
      a2: 't',
      c: { d: { e: 'f' } },
    });
    expect([...containerPrefixes(entries.values()).keys()]).toEqual(['a', 'b', 'b.1', 'c', 'c.d']);
    expect(containerPrefixes(parse({ k: 'v', 'dotted.key': 'w' }).values()).size).toBe(0);
  });

  it("agrees with the entries' own paths for any file (duplicates, dotted names, lists)", () => {
    const name = fc.constantFrom('a', 'b', 'a.b', '0', '');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 3 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(name, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 5 }), (v) => {
        const entries = parse(v);
        // A plain Entry (not the parser's own class) takes the general path.
        const plain: Entry[] = [...entries.values()].map((e) => ({
          key: e.key,
          path: e.path,
          type: e.type,
          value: e.value,
          keyOffset: e.keyOffset,
          valueOffset: e.valueOffset,
          valueLength: e.valueLength,
        }));
        expect(containerPrefixes(entries.values())).toEqual(byPaths(entries.values()));
        expect(containerPrefixes(plain)).toEqual(byPaths(plain));
      }),
      { numRuns: 1000 },
    );
  });
});
