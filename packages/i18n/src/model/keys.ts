import { cldrLocale } from './locale-tags.js';
import type { Exemption } from './types.js';
import type { Entry } from './types.js';

/**
 * i18next key semantics below the check layer: CLDR categories per language, the logical key
 * type, the JSON v4 suffixes (for key patterns and the renderer's lock state), context variants,
 * and key patterns (`ui:citation.*`, `**.forms`). Plural families as a project's i18next reads
 * them (v3 or v4, its separator) are the check layer's `PluralKeys`, which `sync`, `accept` and
 * `schema` use too.
 */

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const PLURAL_KEY = /^(.+?)_(ordinal_)?(zero|one|two|few|many|other)$/;

export interface PluralKey {
  readonly base: string;
  readonly ordinal: boolean;
  readonly category: PluralCategory;
}

/** Splits `pages_few` → `{ base: 'pages', ordinal: false, category: 'few' }`. */
export function parsePluralKey(key: string): PluralKey | undefined {
  const m = PLURAL_KEY.exec(key);
  if (m === null) return undefined;
  return { base: m[1] as string, ordinal: m[2] !== undefined, category: m[3] as PluralCategory };
}

/** The logical key of a plural family: `pages` (cardinal) or `pages_ordinal`. */
export const familyKey = (base: string, ordinal: boolean): string =>
  ordinal ? `${base}_ordinal` : base;
export const formKey = (base: string, ordinal: boolean, category: string): string =>
  `${base}_${ordinal ? 'ordinal_' : ''}${category}`;

/**
 * CLDR categories by locale: a pure function of the locale and Node's Intl data, memoised for the
 * life of the process (a few locales; the same in every run). Per-run memos live in the check
 * layer's run state, not here.
 */
const categoryCache = new Map<string, readonly PluralCategory[]>();

/**
 * The CLDR plural categories of a language, in CLDR order (`uk` → one, few, many, other), for
 * the tag as the project writes it (`pt_BR`, `zh_Hans` and `en-us` are `pt-BR`, `zh-Hans` and
 * `en-US`). A language Intl has no data for gets `one` and `other`, as i18next gives it; the
 * checks say so once per language (see `localeTagProblem`).
 */
export function pluralCategories(locale: string, ordinal = false): readonly PluralCategory[] {
  const cacheKey = `${locale}|${ordinal}`;
  let cats = categoryCache.get(cacheKey);
  if (cats === undefined) {
    const cldr = cldrLocale(locale);
    const found: string[] =
      cldr === undefined
        ? ['one', 'other']
        : new Intl.PluralRules(cldr, {
            type: ordinal ? 'ordinal' : 'cardinal',
          }).resolvedOptions().pluralCategories;
    cats = PLURAL_CATEGORIES.filter((c) => found.includes(c));
    if (categoryCache.size < 10_000) categoryCache.set(cacheKey, cats);
  }
  return cats;
}

export type Logical =
  | { readonly kind: 'plain'; readonly key: string; readonly entry: Entry }
  | {
      readonly kind: 'plural';
      readonly key: string;
      readonly base: string;
      readonly ordinal: boolean;
      /** Forms present, by category, in file order. */
      readonly forms: ReadonlyMap<string, Entry>;
      /** The first form in the file (for positions). */
      readonly entry: Entry;
    };

/** A context: letters, digits and `-` (`male`, `formal`, `in-app`), never a key separator. */
const CONTEXT = /^[\p{L}\p{N}-]+$/u;

/**
 * The key a context variant belongs to: `friend_male` → `friend` (with i18next's
 * `contextSeparator`, `_` by default) when `has(friend)`, else undefined. i18next reads
 * `friend_male` for `t('friend', { context: 'male' })` and falls back to `friend`, so a language
 * may add variants its source does not need (a gender, a formal address). A plural family's
 * logical key works the same (`friend_male` of `friend_male_one`).
 */
export function contextBase(
  key: string,
  separator: string,
  has: (key: string) => boolean,
): string | undefined {
  if (separator === '') return undefined;
  const at = key.lastIndexOf(separator);
  if (at <= 0) return undefined;
  const context = key.slice(at + separator.length);
  if (!CONTEXT.test(context)) return undefined;
  const base = key.slice(0, at);
  return has(base) ? base : undefined;
}

/** The string value of an entry, or undefined when it is not a string. */
export const stringValue = (e: Entry | undefined): string | undefined =>
  e !== undefined && e.type === 'string' && typeof e.value === 'string' ? e.value : undefined;

// ---------------------------------------------------------------------------------------------
// Key patterns

/** Compiled segment patterns: a pure function of the pattern (a config holds a handful). */
const segmentCache = new Map<string, RegExp>();

/** One dotted segment against a segment pattern where `*` matches any characters. */
function segmentMatches(pattern: string, segment: string): boolean {
  if (!pattern.includes('*')) return pattern === segment;
  let re = segmentCache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^${pattern.split('*').map(escapeRe).join('.*')}$`);
    if (segmentCache.size < 10_000) segmentCache.set(pattern, re);
  }
  return re.test(segment);
}

function segmentsMatch(pattern: readonly string[], key: readonly string[]): boolean {
  if (pattern.length === 0) return key.length === 0;
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '**') {
    for (let i = 0; i <= key.length; i++) if (segmentsMatch(rest, key.slice(i))) return true;
    return false;
  }
  return (
    key.length > 0 && segmentMatches(head, key[0] as string) && segmentsMatch(rest, key.slice(1))
  );
}

/**
 * Tests a key against a pattern: `*` matches one dotted segment (or part of one), `**` any
 * number of segments; an `ns:` prefix restricts the namespace (`*:` or none: any namespace). A
 * pattern naming a plural family (`citation.pages`) matches its forms (`citation.pages_few`).
 */
export function keyMatches(pattern: string, namespace: string, key: string): boolean {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    const colon = pattern.indexOf(':');
    compiled = {
      ns: colon === -1 ? undefined : pattern.slice(0, colon),
      segments: (colon === -1 ? pattern : pattern.slice(colon + 1)).split('.'),
    };
    if (patterns.size < 10_000) patterns.set(pattern, compiled);
  }
  if (compiled.ns !== undefined && compiled.ns !== '*' && compiled.ns !== namespace) return false;
  const p = compiled.segments;
  if (segmentsMatch(p, key.split('.'))) return true;
  const plural = parsePluralKey(key);
  return (
    plural !== undefined &&
    (segmentsMatch(p, plural.base.split('.')) ||
      segmentsMatch(p, familyKey(plural.base, plural.ordinal).split('.')))
  );
}

/** Key patterns split once: a pure function of the pattern (configs hold a handful; bounded all the same). */
const patterns = new Map<string, { ns: string | undefined; segments: readonly string[] }>();

/** Whether an exemption in the config covers this rule, locale and key (rule `*` covers all). */
export function isExempt(
  exemptions: readonly Exemption[],
  rule: string,
  locale: string,
  namespace: string,
  key: string,
): boolean {
  return exemptions.some(
    (ex) =>
      (ex.rule === rule || ex.rule === '*') &&
      (ex.locale === undefined || ex.locale === locale) &&
      keyMatches(ex.key, namespace, key),
  );
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
