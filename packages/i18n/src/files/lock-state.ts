import { formKey, PLURAL_CATEGORIES } from '../model/keys.js';
import type { LockFile, LockedSource, Resources } from '../model/types.js';
import { isCurrent, isStillCopied } from './lock.js';

/**
 * What a language's lock file says about the texts a page shows, read against the locale data as
 * the renderer has it (`Resources`): `stale` (the source changed since the translation was
 * accepted: published with a notice) and `copied` (still the source text `sync` copied: shown as
 * the source language). Keys are `namespace:key`, logical (a plural family is one key), as in
 * the lock file and the `stale` and `untranslated` rules, which decide the same way.
 */
export type TextState = 'stale' | 'copied';

export function lockStates(
  lock: LockFile | undefined,
  resources: Resources,
  sourceLocale: string,
): Map<string, TextState> {
  const states = new Map<string, TextState>();
  if (lock === undefined || !lock.exists || lock.problem !== undefined) return states;
  const data = (lng: string, ns: string): unknown => {
    const byNs = Object.hasOwn(resources, lng) ? resources[lng] : undefined;
    return byNs !== undefined && Object.hasOwn(byNs, ns) ? byNs[ns] : undefined;
  };
  for (const [id, entry] of lock.keys) {
    const colon = id.indexOf(':');
    if (colon <= 0) continue;
    const ns = id.slice(0, colon);
    const key = id.slice(colon + 1);
    const source = textAt(data(sourceLocale, ns), key);
    const target = textAt(data(lock.locale, ns), key);
    if (source === undefined || target === undefined) continue;
    if (entry.copied === true) {
      if (isStillCopied(entry, source, target)) states.set(id, 'copied');
    } else if (!isCurrent(entry, source)) {
      states.set(id, 'stale');
    }
  }
  return states;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A logical key's text in a namespace's data: a string, or a plural family's forms. */
function textAt(data: unknown, key: string): LockedSource | undefined {
  const path = key.split('.');
  const last = path.pop() ?? '';
  let node = data;
  for (const p of path) {
    if (!isObject(node) || !Object.hasOwn(node, p)) return undefined;
    node = node[p];
  }
  if (!isObject(node)) return undefined;
  const value = Object.hasOwn(node, last) ? node[last] : undefined;
  if (typeof value === 'string') return value;
  if (value !== undefined) return undefined;
  const ordinal = last.endsWith('_ordinal');
  const base = ordinal ? last.slice(0, -'_ordinal'.length) : last;
  const forms = Object.create(null) as Record<string, string>;
  for (const c of PLURAL_CATEGORIES) {
    const k = formKey(base, ordinal, c);
    const v = Object.hasOwn(node, k) ? node[k] : undefined;
    if (typeof v === 'string') forms[c] = v;
  }
  return Object.keys(forms).length > 0 ? forms : undefined;
}
