import { LIMITS } from '../model/limits.js';

/**
 * What the renderer checks before it hands a text to i18next, so that no locale file can hang or
 * crash a build, whatever the checks say (they may be bypassed in development):
 * - a text longer than {@link LIMITS.textLength} or with more than {@link LIMITS.placeholders}
 *   `{{`/`$t(` (i18next's regular expressions are quadratic on such texts);
 * - `$t(…)` nesting that expands to more than {@link LIMITS.nestedTexts} texts (a "billion laughs":
 *   ten keys nesting the next one ten times each make 10¹⁰ texts), nests deeper than
 *   {@link LIMITS.nestingDepth} levels (i18next recurses once per level, and overflows the stack on
 *   a chain thousands of keys long), or makes a cycle.
 * Nestings are found with i18next's own regular expression, so the guard sees what i18next does.
 */

const PLURAL_SUFFIXES = [
  '',
  '_zero',
  '_one',
  '_two',
  '_few',
  '_many',
  '_other',
  '_ordinal_zero',
  '_ordinal_one',
  '_ordinal_two',
  '_ordinal_few',
  '_ordinal_many',
  '_ordinal_other',
];

export interface GuardSource {
  /** The raw string at a key of a language and namespace, if it is a string. */
  text(lng: string, ns: string, key: string): string | undefined;
  /**
   * The value at a path of a language and namespace as `text` finds it, whatever its type (`''`:
   * the namespace itself). Optional: with it, the plural forms of a key are read from their one
   * parent object instead of being looked up one by one.
   */
  parent?(lng: string, ns: string, path: string): unknown;
  /** i18next's nesting regular expression (`$t(…)`). */
  readonly nestingRegexp: RegExp;
}

interface Cost {
  /** Texts in the full expansion, this one included. */
  readonly texts: number;
  readonly depth: number;
  readonly chars: number;
  readonly problem?: string;
  /** Cut off by the depth limit: true for this query only, so not remembered for others. */
  readonly cut?: boolean;
}

const OVER: Cost = { texts: Infinity, depth: Infinity, chars: Infinity };

function count(text: string, needle: string, max: number): number {
  let n = 0;
  for (
    let i = text.indexOf(needle);
    i !== -1 && n <= max;
    i = text.indexOf(needle, i + needle.length)
  )
    n++;
  return n;
}

/** Returns a checker: a message saying why a key must not be given to i18next, or undefined. */
export function createGuard(
  source: GuardSource,
): (lng: string, ns: string, key: string) => string | undefined {
  const memo = new Map<string, Cost>();
  const active = new Set<string>();

  /** Whether a namespace has a property name with a dot in it (then only `text` is exact). */
  const dotted = new Map<string, boolean>();
  const hasDottedName = (lng: string, ns: string): boolean => {
    const id = `${lng}\u0000${ns}`;
    let known = dotted.get(id);
    if (known === undefined) {
      const walk = (v: unknown, depth: number): boolean => {
        if (v === null || typeof v !== 'object') return false;
        if (depth > 200) return true;
        for (const k of Object.keys(v)) {
          if (k.includes('.') || walk((v as Record<string, unknown>)[k], depth + 1)) return true;
        }
        return false;
      };
      known = walk(source.parent?.(lng, ns, ''), 0);
      dotted.set(id, known);
    }
    return known;
  };

  const one = (lng: string, ns: string, key: string): string[] =>
    PLURAL_SUFFIXES.flatMap((suffix) => {
      const t = source.text(lng, ns, `${key}${suffix}`);
      return t === undefined ? [] : [t];
    });

  /**
   * The key's text and its plural forms. With `parent`, they are the string properties of the
   * key's parent object: what `text` returns for each, as long as no property name has a dot in
   * it and the key has no `###` (i18next then searches other paths), which falls back to `text`.
   */
  const textsOf = (lng: string, ns: string, key: string): string[] => {
    if (source.parent === undefined || key === '' || key.includes('###') || hasDottedName(lng, ns))
      return one(lng, ns, key);
    const dot = key.lastIndexOf('.');
    const holder = source.parent(lng, ns, dot === -1 ? '' : key.slice(0, dot));
    if (holder === null || typeof holder !== 'object') return one(lng, ns, key);
    const last = key.slice(dot + 1);
    const out: string[] = [];
    for (const suffix of PLURAL_SUFFIXES) {
      const name = `${last}${suffix}`;
      if (!Object.hasOwn(holder, name)) continue;
      const t: unknown = (holder as Record<string, unknown>)[name];
      if (typeof t === 'string') out.push(t);
    }
    return out;
  };

  const cost = (lng: string, ns: string, key: string, level: number): Cost => {
    const id = `${lng}\u0000${ns}\u0000${key}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (active.has(id))
      return { ...OVER, problem: `its $t(…) nesting makes a cycle through ${ns}:${key}` };
    if (level > LIMITS.nestingDepth)
      return {
        ...OVER,
        cut: true,
        problem: `its $t(…) nesting is more than ${LIMITS.nestingDepth} levels deep`,
      };
    active.add(id);
    let result: Cost = { texts: 1, depth: 0, chars: 0 };
    for (const text of textsOf(lng, ns, key)) {
      if (text.length > LIMITS.textLength) {
        result = {
          ...OVER,
          problem: `${ns}:${key} is ${text.length.toLocaleString('en')} characters long (the limit is ${LIMITS.textLength.toLocaleString('en')})`,
        };
        break;
      }
      if (
        count(text, '{{', LIMITS.placeholders) + count(text, '$t(', LIMITS.placeholders) >
        LIMITS.placeholders
      ) {
        result = {
          ...OVER,
          problem: `${ns}:${key} has more than ${LIMITS.placeholders} {{…}} and $t(…)`,
        };
        break;
      }
      let texts = result.texts;
      let depth = result.depth;
      let chars = result.chars + text.length;
      const re = new RegExp(source.nestingRegexp.source, 'g');
      for (const m of text.matchAll(re)) {
        const nested = (m[1] ?? '').split(',')[0]?.trim() ?? '';
        const colon = nested.indexOf(':');
        const c =
          colon === -1
            ? cost(lng, ns, nested, level + 1)
            : cost(lng, nested.slice(0, colon), nested.slice(colon + 1), level + 1);
        if (c.problem !== undefined) {
          result = c;
          break;
        }
        texts += c.texts;
        depth = Math.max(depth, c.depth + 1);
        chars += c.chars;
        if (texts > LIMITS.nestedTexts || chars > LIMITS.textLength * 10) {
          result = {
            ...OVER,
            problem: `its $t(…) nesting expands to more than ${LIMITS.nestedTexts} texts or ${(LIMITS.textLength * 10).toLocaleString('en')} characters`,
          };
          break;
        }
      }
      if (result.problem !== undefined) break;
      result = { texts, depth, chars };
    }
    active.delete(id);
    if (result.cut !== true) memo.set(id, result);
    return result;
  };

  return (lng, ns, key) => cost(lng, ns, key, 0).problem;
}
