import {
  scanMarkup,
  scanPlaceholders,
  type Interpolation,
  type Nesting,
  type Tag,
} from '../syntax/inline.js';

/** Parsed view of one translation string, computed once and shared by the rules. */
export interface Scanned {
  readonly value: string;
  readonly interpolations: readonly Interpolation[];
  readonly nestings: readonly Nesting[];
  readonly tags: readonly Tag[];
  readonly other: readonly { readonly start: number; readonly end: number; readonly raw: string }[];
  /** The value with placeholders and tags blanked out (same length, so offsets still hold). */
  readonly masked: string;
}

/**
 * Scans of the current pass. The runner starts a fresh one for every namespace it checks
 * ({@link resetScanCache}): the rules scan the same strings several times within a namespace,
 * rarely across namespaces, and a project-wide cache would hold every string of a large project.
 */
let cache = new Map<string, Scanned>();

/** Forgets every scan (the check runner calls it between namespaces and at the end of a run). */
export function resetScanCache(): void {
  cache = new Map();
}

export function scan(value: string): Scanned {
  let s = cache.get(value);
  if (s !== undefined) return s;
  const placeholders = scanPlaceholders(value);
  const markup = !value.includes('<')
    ? { tags: [], other: [] }
    : (simpleMarkup(value) ?? scanMarkup(value));
  // Blank out placeholders and tags (keeping line breaks, so offsets and lines still hold).
  const spans = [...placeholders, ...markup.tags, ...markup.other].sort(
    (a, b) => a.start - b.start,
  );
  let masked = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.end <= at) continue;
    const from = Math.max(at, sp.start);
    masked += value.slice(at, from) + value.slice(from, sp.end).replace(/[^\n]/g, ' ');
    at = sp.end;
  }
  masked += value.slice(at);
  s = {
    value,
    interpolations: placeholders.filter((p): p is Interpolation => p.type === 'interpolation'),
    nestings: placeholders.filter((p): p is Nesting => p.type === 'nesting'),
    tags: markup.tags,
    other: markup.other,
    masked,
  };
  if (cache.size > 200_000) cache.clear();
  cache.set(value, s);
  return s;
}

const SIMPLE_TAG = /<(ref) id="([A-Za-z0-9._:-]+)"\/>|<(dubious)\/>/y;

/**
 * A fast path for the common case: every `<` starts a plain `<ref id="…"/>` or `<dubious/>`,
 * which any HTML tokenizer reads the same way. Anything else goes to the real tokenizer.
 */
function simpleMarkup(value: string): { tags: Tag[]; other: [] } | undefined {
  const tags: Tag[] = [];
  let at = value.indexOf('<');
  while (at !== -1) {
    SIMPLE_TAG.lastIndex = at;
    const m = SIMPLE_TAG.exec(value);
    if (m === null) return undefined;
    const end = at + m[0].length;
    tags.push(
      m[1] === 'ref'
        ? { name: 'ref', attributes: { id: m[2] as string }, kind: 'self-closing', start: at, end }
        : { name: 'dubious', attributes: {}, kind: 'self-closing', start: at, end },
    );
    at = value.indexOf('<', end);
  }
  return { tags, other: [] };
}

/** Levenshtein distance, for "did you mean" hints (short strings only). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** The closest candidate within a small edit distance, for a hint. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Shortens a string for a message. */
export const excerpt = (s: string, max = 40): string =>
  s.length > max ? `${s.slice(0, max - 1)}…` : s;

export const list = (items: readonly string[]): string => items.join(', ');
