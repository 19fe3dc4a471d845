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
  const guard = new Guard(source);
  return (lng, ns, key) => guard.cost(lng, ns, key, 0).problem;
}

/** The cost of keys (texts, depth, characters of their whole `$t(…)` expansion), memoised. */
class Guard {
  private readonly memo = new Map<string, Cost>();
  private readonly active = new Set<string>();
  /** Whether a namespace has a property name with a dot in it (then only `text` is exact). */
  private readonly dotted = new Map<string, boolean>();

  constructor(private readonly source: GuardSource) {}

  cost(lng: string, ns: string, key: string, level: number): Cost {
    const id = `${lng}\u0000${ns}\u0000${key}`;
    const known = this.memo.get(id);
    if (known !== undefined) return known;
    if (this.active.has(id))
      return { ...OVER, problem: `its $t(…) nesting makes a cycle through ${ns}:${key}` };
    if (level > LIMITS.nestingDepth)
      return {
        ...OVER,
        cut: true,
        problem: `its $t(…) nesting is more than ${LIMITS.nestingDepth} levels deep`,
      };
    this.active.add(id);
    let result: Cost = { texts: 1, depth: 0, chars: 0 };
    for (const text of this.textsOf(lng, ns, key)) {
      const over = sizeProblem(ns, key, text);
      result = over ?? this.nested(lng, ns, text, level, result);
      if (result.problem !== undefined) break;
    }
    this.active.delete(id);
    if (result.cut !== true) this.memo.set(id, result);
    return result;
  }

  /** The cost so far plus one text's own and its nestings'. */
  private nested(lng: string, ns: string, text: string, level: number, so: Cost): Cost {
    let texts = so.texts;
    let depth = so.depth;
    let chars = so.chars + text.length;
    const re = new RegExp(this.source.nestingRegexp.source, 'g');
    for (const m of text.matchAll(re)) {
      const nested = (m[1] ?? '').split(',')[0]?.trim() ?? '';
      const colon = nested.indexOf(':');
      const c =
        colon === -1
          ? this.cost(lng, ns, nested, level + 1)
          : this.cost(lng, nested.slice(0, colon), nested.slice(colon + 1), level + 1);
      if (c.problem !== undefined) return c;
      texts += c.texts;
      depth = Math.max(depth, c.depth + 1);
      chars += c.chars;
      if (texts > LIMITS.nestedTexts || chars > LIMITS.textLength * 10)
        return {
          ...OVER,
          problem: `its $t(…) nesting expands to more than ${LIMITS.nestedTexts} texts or ${(LIMITS.textLength * 10).toLocaleString('en')} characters`,
        };
    }
    return { texts, depth, chars };
  }

  private hasDottedName(lng: string, ns: string): boolean {
    const id = `${lng}\u0000${ns}`;
    let known = this.dotted.get(id);
    if (known === undefined) {
      const walk = (v: unknown, depth: number): boolean => {
        if (v === null || typeof v !== 'object') return false;
        if (depth > 200) return true;
        for (const k of Object.keys(v)) {
          if (k.includes('.') || walk((v as Record<string, unknown>)[k], depth + 1)) return true;
        }
        return false;
      };
      known = walk(this.source.parent?.(lng, ns, ''), 0);
      this.dotted.set(id, known);
    }
    return known;
  }

  private one(lng: string, ns: string, key: string): string[] {
    return PLURAL_SUFFIXES.flatMap((suffix) => {
      const t = this.source.text(lng, ns, `${key}${suffix}`);
      return t === undefined ? [] : [t];
    });
  }

  /**
   * The key's text and its plural forms. With `parent`, they are the string properties of the
   * key's parent object: what `text` returns for each, as long as no property name has a dot in
   * it and the key has no `###` (i18next then searches other paths), which falls back to `text`.
   */
  private textsOf(lng: string, ns: string, key: string): string[] {
    if (
      this.source.parent === undefined ||
      key === '' ||
      key.includes('###') ||
      this.hasDottedName(lng, ns)
    )
      return this.one(lng, ns, key);
    const dot = key.lastIndexOf('.');
    const holder = this.source.parent(lng, ns, dot === -1 ? '' : key.slice(0, dot));
    if (holder === null || typeof holder !== 'object') return this.one(lng, ns, key);
    const last = key.slice(dot + 1);
    const out: string[] = [];
    for (const suffix of PLURAL_SUFFIXES) {
      const name = `${last}${suffix}`;
      if (!Object.hasOwn(holder, name)) continue;
      const t: unknown = (holder as Record<string, unknown>)[name];
      if (typeof t === 'string') out.push(t);
    }
    return out;
  }
}

/** A text too long, or with too many `{{` and `$t(`, to give to i18next at all. */
function sizeProblem(ns: string, key: string, text: string): Cost | undefined {
  if (text.length > LIMITS.textLength)
    return {
      ...OVER,
      problem: `${ns}:${key} is ${text.length.toLocaleString('en')} characters long (the limit is ${LIMITS.textLength.toLocaleString('en')})`,
    };
  if (
    count(text, '{{', LIMITS.placeholders) + count(text, '$t(', LIMITS.placeholders) >
    LIMITS.placeholders
  )
    return {
      ...OVER,
      problem: `${ns}:${key} has more than ${LIMITS.placeholders} {{…}} and $t(…)`,
    };
  return undefined;
}
