/**
 * A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine.
 * @param {number} seed
 */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @type {(lo: number, hi: number) => number} */
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  /** @type {<T>(arr: readonly T[]) => T} */
  const pick = (arr) => /** @type {any} */ (arr[Math.floor(next() * arr.length)]);
  /** @type {(p: number) => boolean} */
  const chance = (p) => next() < p;
  /** @type {<T>(arr: readonly T[], n: number) => T[]} */
  const sample = (arr, n) => {
    const copy = [...arr];
    /** @type {any[]} */
    const out = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}

/**
 * Mixes numbers into a 32-bit seed (FNV-1a over their decimal text).
 * @param {...(number | string)} parts
 */
export function mix(...parts) {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
