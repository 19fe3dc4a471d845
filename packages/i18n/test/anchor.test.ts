import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestAncestor } from '../src/check/context.js';

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
