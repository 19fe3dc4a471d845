import { LIMITS } from '../limits.js';

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

  const textsOf = (lng: string, ns: string, key: string): string[] =>
    PLURAL_SUFFIXES.flatMap((suffix) => {
      const t = source.text(lng, ns, `${key}${suffix}`);
      return t === undefined ? [] : [t];
    });

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
