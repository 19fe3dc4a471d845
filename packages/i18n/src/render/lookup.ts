import type { i18n as I18n } from 'i18next';

/**
 * The renderer's fast path around i18next: most texts are plain strings in plain languages, and
 * for them `t()` and `exists()` decide exactly what reading the resource decides. This module
 * says when that holds; anything else goes through i18next. Tied to i18next's behaviour (see the
 * render-lookup tests, which compare both paths).
 */

/**
 * Options of i18next's `t()` that change which string it returns or how (everything else among
 * the values only feeds `{{…}}`). Values carrying one of them always go through t().
 */
const TRANSLATION_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keySeparator',
  'nsSeparator',
  'ignoreJSONStructure',
  'keyPrefix',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'applyPostProcessor',
  'interpolation',
  'replace',
  'skipInterpolation',
  'nest',
  'appendNamespaceToCIMode',
  'missingInterpolationHandler',
]);

export const hasTranslationOption = (values: Record<string, unknown>): boolean => {
  for (const k in values)
    if (TRANSLATION_OPTIONS.has(k) || k.startsWith('defaultValue')) return true;
  return false;
};

export interface Lookup {
  /** The first language of the chain that has the key (with `count`: a plural form of it). */
  resolve(ns: string, key: string, count?: number): string | undefined;
  /** The text of a key as `i18n.t(key, { ...values, lng, ns })` returns it. */
  text(lng: string, ns: string, key: string, values: Record<string, unknown>): string;
}

/** A raw string of a language and namespace, or undefined (exactly `i18n.getResource`). */
export const rawText = (i18n: I18n, lng: string, ns: string, key: string): string | undefined => {
  const v: unknown = i18n.getResource(lng, ns, key);
  return typeof v === 'string' ? v : undefined;
};

export function createLookup(i18n: I18n, chain: readonly string[]): Lookup {
  /**
   * Languages for which a lookup is plain: i18next resolves them as exactly themselves (no
   * `en-US` → `en` hierarchy, no `cimode`, no dotted language), so `t()` and `exists()` of a key
   * without `:` read `getResource(lng, ns, key)` and nothing else.
   */
  const plainLanguages = new Map<string, boolean>();
  const isPlainLanguage = (lng: string): boolean => {
    let plain = plainLanguages.get(lng);
    if (plain === undefined) {
      const utils = i18n.services.languageUtils as { toResolveHierarchy(code: string): unknown };
      const codes = utils.toResolveHierarchy(lng);
      plain =
        Array.isArray(codes) &&
        codes.length === 1 &&
        codes[0] === lng &&
        !lng.includes('.') &&
        lng.toLowerCase() !== 'cimode';
      plainLanguages.set(lng, plain);
    }
    return plain;
  };
  const plainChain = chain.every(isPlainLanguage);

  return {
    resolve(ns, key, count) {
      if (count === undefined && plainChain && !key.includes(':')) {
        // What `i18n.exists(key, { lng, ns })` decides, without its option handling: a value
        // that is neither undefined nor null (returnNull is false; returnEmptyString is true).
        return chain.find((l) => i18n.getResource(l, ns, key) != null);
      }
      return chain.find((l) =>
        i18n.exists(key, count === undefined ? { lng: l, ns } : { lng: l, ns, count }),
      );
    },
    /**
     * Without calling t() when that changes nothing: a plain string (no `{{`, no `$t(`), no
     * option among the values that t() reads (plural count, context, …), a key without a
     * namespace separator, a plain language. Anything else goes through t().
     */
    text(lng, ns, key, values) {
      if (isPlainLanguage(lng) && !key.includes(':') && !hasTranslationOption(values)) {
        const raw = rawText(i18n, lng, ns, key);
        if (raw !== undefined && !raw.includes('{{') && !raw.includes('$t(')) return raw;
      }
      return i18n.t(key, { ...values, lng, ns });
    },
  };
}

/**
 * A memo key for a UI string: the key and its values as JSON, when the values are plain JSON
 * data (strings, finite numbers, booleans, null, arrays and plain objects of them), so that two
 * different values never share a key. Undefined (not memoised) otherwise.
 */
export function memoKey(key: string, values: Record<string, unknown>): string | undefined {
  const plain = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (typeof v !== 'object' || depth > 4) return false;
    if (Array.isArray(v)) return v.every((x) => plain(x, depth + 1));
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k in v) {
      if (k === '__proto__' || k === 'toJSON') return false;
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || !plain(x, depth + 1)) return false;
    }
    return true;
  };
  if (!plain(values, 0)) return undefined;
  return `${key}\u0000${JSON.stringify(values)}`;
}
