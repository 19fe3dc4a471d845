import { createHash } from 'node:crypto';
import { LIMITS } from '../model/limits.js';
import { isRefused, readContained } from './contain.js';
import { PLURAL_CATEGORIES, type Logical } from '../model/keys.js';
import { relativePath } from '../model/paths.js';
import { scanPlaceholders } from '../syntax/inline.js';
import type { LockEntry, LockFile, LockedSource, ProjectConfig } from '../model/types.js';
import { LocaleLayout } from '../model/layout.js';

/**
 * Lock files record, per locale, the source text each translation was reviewed against: a map
 * from `namespace:key` to that text and a short hash of it (`{ "hash", "source" }`). `check`
 * reports a translation as stale when the source's hash no longer matches, and shows a diff of
 * the recorded text against the current one; `accept` updates the lock. `sync` records the keys
 * it copied from the source (`"state": "copied"`): not translations yet.
 *
 * The hash is taken over the source text with every interpolation reduced to its name
 * (`{{severance, date(monthForm: genitive)}}` → `{{severance}}`) and all whitespace removed:
 * a fact's value lives in the core and never appears in the text, so changing it cannot make a
 * translation stale, and neither can a change to the source's own format options or spacing
 * (a space inserted before `。`, a line break, an ideographic space). A change of wording can.
 *
 * Lock files of version 1 hold the hash only (whitespace runs collapsed, not removed): they keep
 * working, hashed their way, with no diff; `accept` rewrites them in the current form.
 */

export const LOCK_VERSION = 2;

export function lockPath(config: ProjectConfig, locale: string): string {
  return LocaleLayout.of(config).lockPath(locale);
}

/**
 * Reads a language's lock file (inside the project, bounded). Never throws: a lock file that is
 * missing has no keys; one that cannot be used has a `problem` (reported by the `stale` rule).
 */
export function readLock(config: ProjectConfig, locale: string): LockFile {
  const file = lockPath(config, locale);
  const relPath = relativePath(config.root, file);
  const base = { locale, path: file, relPath, keys: new Map<string, LockEntry>(), text: '' };
  const empty = new Uint8Array(0);
  const regenerate = `Delete it and run \`bilateral accept ${locale}\` after reviewing the translations (it is generated).`;
  const problem = (message: string, hint = regenerate): LockFile['problem'] => ({
    kind: 'parse',
    offset: 0,
    message,
    hint,
    key: '',
  });
  let got: ReturnType<typeof readContained>;
  try {
    got = readContained(file, config.root, relPath, LIMITS.fileBytes);
  } catch (e) {
    const message = `the lock file cannot be read: ${(e as Error).message}`;
    return {
      ...base,
      exists: true,
      bytes: empty,
      problem: problem(message, 'Check the file permissions.'),
    };
  }
  if (got === undefined) return { ...base, exists: false, bytes: empty, problem: undefined };
  if (isRefused(got))
    return { ...base, exists: true, bytes: empty, problem: problem(got.message, got.hint) };
  if ('tooLarge' in got) {
    const message = `the lock file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB; it was not read`;
    return { ...base, exists: true, bytes: empty, problem: problem(message) };
  }
  const bytes: Uint8Array = got.bytes;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ...base, exists: true, keys: lockKeys(text), problem: undefined, text, bytes };
  } catch (e) {
    const message = `the lock file cannot be read: ${(e as Error).message}`;
    return { ...base, exists: true, text, bytes, problem: problem(message) };
  }
}

/** The `keys` of a lock file's text (either version); throws when it is not a lock file. */
export function lockKeys(text: string): Map<string, LockEntry> {
  const data = JSON.parse(text) as { keys?: Record<string, unknown> } | null;
  if (
    data === null ||
    typeof data !== 'object' ||
    typeof data.keys !== 'object' ||
    data.keys === null
  )
    throw new Error('no "keys" object');
  const keys = new Map<string, LockEntry>();
  for (const [k, v] of Object.entries(data.keys)) {
    const entry = lockEntry(v);
    if (entry !== undefined) keys.set(k, entry);
  }
  return keys;
}

/** One entry: a bare hash (version 1) or `{ hash, source?, state? }`; anything else is ignored. */
function lockEntry(v: unknown): LockEntry | undefined {
  if (typeof v === 'string') return { hash: v, legacy: true };
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o['hash'] !== 'string') return undefined;
  const source = lockedSourceOf(o['source']);
  return {
    hash: o['hash'],
    ...(source === undefined ? {} : { source }),
    ...(o['state'] === 'copied' ? { copied: true } : {}),
  };
}

function lockedSourceOf(v: unknown): LockedSource | undefined {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const forms = Object.create(null) as Record<string, string>;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') forms[k] = x;
  return forms;
}

/** Interpolations reduced to their names (linear, whatever the text holds). */
function reducePlaceholders(text: string): string {
  // A regular expression over `{{…}}` can backtrack for minutes on a hostile `{{a{{a{{a…`.
  let out = '';
  let at = 0;
  for (const p of scanPlaceholders(text)) {
    if (p.type !== 'interpolation') continue;
    const name = /^[^,}\s]*/.exec(p.name)?.[0] ?? '';
    out += `${text.slice(at, p.start)}{{${p.unescaped ? '-' : ''}${name}}}`;
    at = p.end;
  }
  return out + text.slice(at);
}

/** Whitespace of any kind, and the invisible spaces (zero-width space, word joiner, BOM). */
const SPACING = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;

/** Normalises a source string for hashing (see the module comment): no whitespace at all. */
export function normaliseSource(text: string): string {
  return reducePlaceholders(text).replace(SPACING, '');
}

/** Version 1's normalisation: whitespace runs collapsed to one space. */
function legacyNormalise(text: string): string {
  return reducePlaceholders(text).replace(/\s+/g, ' ').trim();
}

const hashes = new WeakMap<Logical, string>();

/** The hash of a logical source key (a string, or all forms of a plural family). */
export function sourceHash(source: Logical): string {
  let h = hashes.get(source);
  if (h === undefined) {
    h = textHash(lockedSource(source), normaliseSource);
    hashes.set(source, h);
  }
  return h;
}

/** The hash of a source text as a lock records it (`normalise`: this version's, or version 1's). */
function textHash(text: LockedSource, normalise: (text: string) => string): string {
  const material =
    typeof text === 'string'
      ? normalise(text)
      : formOrder(Object.keys(text))
          .map((c) => `${c}\u0001${normalise(text[c] ?? '')}`)
          .join('\u0002');
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** The source text of a logical key as a lock records it. */
export function lockedSource(source: Logical): LockedSource {
  if (source.kind === 'plain') {
    const v = source.entry.value;
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
  const forms = Object.create(null) as Record<string, string>;
  for (const c of formOrder([...source.forms.keys()])) {
    const v = source.forms.get(c)?.value;
    if (typeof v === 'string') forms[c] = v;
  }
  return forms;
}

/**
 * A family's forms in one order whatever the file's: CLDR's categories first (JSON v4, as
 * version 2 of the lock hashed them), then v3's (`''` the bare key, `plural`, `0`…`5`) sorted.
 */
function formOrder(categories: readonly string[]): string[] {
  const v4 = PLURAL_CATEGORIES.filter((c) => categories.includes(c));
  const other = categories.filter((c) => !(PLURAL_CATEGORIES as readonly string[]).includes(c));
  return [...v4, ...other.sort()];
}

/** A lock entry recording the current source of a key (`copied`: what `sync` wrote). */
export function lockEntryFor(source: Logical, copied = false): LockEntry {
  return {
    hash: sourceHash(source),
    source: lockedSource(source),
    ...(copied ? { copied: true } : {}),
  };
}

/** Whether an entry was recorded against the source as it is now (spacing aside). */
export function isCurrent(entry: LockEntry, source: Logical | LockedSource): boolean {
  const text = isLogical(source) ? lockedSource(source) : source;
  const now = isLogical(source) ? sourceHash(source) : textHash(text, normaliseSource);
  return (
    entry.hash === now || (entry.legacy === true && entry.hash === textHash(text, legacyNormalise))
  );
}

const isLogical = (x: Logical | LockedSource): x is Logical =>
  typeof x === 'object' &&
  'kind' in x &&
  (x.kind === 'plain' || x.kind === 'plural') &&
  'entry' in x;

/**
 * Whether a locale's text of a key is still the copy of the source that `sync` wrote: the
 * entry says so and the text is the recorded source text, or the current one (spacing aside).
 * A plural family is a copy when each of its forms is one of the source's (`sync` fills a form
 * the source lacks with its `other`).
 */
export function isStillCopied(
  entry: LockEntry | undefined,
  source: Logical | LockedSource,
  target: Logical | LockedSource,
): boolean {
  if (entry?.copied !== true) return false;
  const texts = textsOf(isLogical(target) ? lockedSource(target) : target);
  const within = (s: LockedSource) => {
    const known = new Set(textsOf(s));
    return texts.length > 0 && texts.every((t) => known.has(t));
  };
  return (
    within(isLogical(source) ? lockedSource(source) : source) ||
    (entry.source !== undefined && within(entry.source))
  );
}

function textsOf(s: LockedSource): string[] {
  return (typeof s === 'string' ? [s] : Object.values(s)).map(normaliseSource);
}

/**
 * Serialises a lock: sorted keys, one line per key, trailing newline (stable, readable diffs in
 * git). Entries of version 1 that could not be brought up to date stay as they are (bare hashes).
 */
export function serialiseLock(sourceLocale: string, keys: ReadonlyMap<string, LockEntry>): string {
  const lines = [...keys.keys()].sort().map((k) => {
    const e = keys.get(k) as LockEntry;
    const value =
      e.legacy === true
        ? JSON.stringify(e.hash)
        : JSON.stringify({
            hash: e.hash,
            ...(e.source === undefined ? {} : { source: e.source }),
            ...(e.copied === true ? { state: 'copied' } : {}),
          });
    return `    ${JSON.stringify(k)}: ${value}`;
  });
  const comment =
    'Generated by `bilateral accept` (and `bilateral sync`, for texts it copied from the source): the source text each translation was last reviewed against, and its hash. Do not edit by hand.';
  const keysText = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
  return `{\n  "//": ${JSON.stringify(comment)},\n  "version": ${LOCK_VERSION},\n  "sourceLocale": ${JSON.stringify(sourceLocale)},\n  "keys": ${keysText}\n}\n`;
}
