import { createHash } from 'node:crypto';
import { LIMITS } from '../model/limits.js';
import { isRefused, readContained } from './contain.js';
import { PLURAL_CATEGORIES, type Logical } from '../model/keys.js';
import { relativePath } from '../model/paths.js';
import { scanPlaceholders } from '../syntax/inline.js';
import type { LockFile, ProjectConfig } from '../model/types.js';
import { LocaleLayout } from '../model/layout.js';

/**
 * Lock files record, per locale, the source text each translation was reviewed against: a map
 * from `namespace:key` to a short hash of the source string. `check` reports a translation as
 * stale when the source's hash no longer matches; `accept` updates the lock.
 *
 * The hash is taken over the source text with every interpolation reduced to its name
 * (`{{severance, date(monthForm: genitive)}}` → `{{severance}}`) and whitespace runs collapsed:
 * a fact's value lives in the core and never appears in the text, so changing it cannot make a
 * translation stale, and neither can a change to the source's own format options or spacing. A
 * change of wording can.
 */

export const LOCK_VERSION = 1;

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
  const base = { locale, path: file, relPath, keys: new Map<string, string>(), text: '' };
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

/** The `keys` of a lock file's text; throws when it is not a lock file. */
function lockKeys(text: string): Map<string, string> {
  const data = JSON.parse(text) as { keys?: Record<string, unknown> } | null;
  if (
    data === null ||
    typeof data !== 'object' ||
    typeof data.keys !== 'object' ||
    data.keys === null
  )
    throw new Error('no "keys" object');
  const keys = new Map<string, string>();
  for (const [k, v] of Object.entries(data.keys)) if (typeof v === 'string') keys.set(k, v);
  return keys;
}

/** Normalises a source string for hashing (see the module comment). */
export function normaliseSource(text: string): string {
  // Linear in the length of the text, whatever it holds (a regular expression over `{{…}}` can
  // backtrack for minutes on a hostile `{{a{{a{{a…`).
  let out = '';
  let at = 0;
  for (const p of scanPlaceholders(text)) {
    if (p.type !== 'interpolation') continue;
    const name = /^[^,}\s]*/.exec(p.name)?.[0] ?? '';
    out += `${text.slice(at, p.start)}{{${p.unescaped ? '-' : ''}${name}}}`;
    at = p.end;
  }
  out += text.slice(at);
  return out.replace(/\s+/g, ' ').trim();
}

const hashes = new WeakMap<Logical, string>();

/** The hash of a logical source key (a string, or all forms of a plural family). */
export function sourceHash(source: Logical): string {
  let h = hashes.get(source);
  if (h === undefined) {
    h = computeHash(source);
    hashes.set(source, h);
  }
  return h;
}

function computeHash(source: Logical): string {
  let material: string;
  if (source.kind === 'plain') {
    material =
      typeof source.entry.value === 'string'
        ? normaliseSource(source.entry.value)
        : JSON.stringify(source.entry.value);
  } else {
    material = PLURAL_CATEGORIES.filter((c) => source.forms.has(c))
      .map((c) => {
        const v = source.forms.get(c)?.value;
        return `${c}\u0001${typeof v === 'string' ? normaliseSource(v) : ''}`;
      })
      .join('\u0002');
  }
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** Serialises a lock: sorted keys, two-space indent, trailing newline (stable diffs in git). */
export function serialiseLock(sourceLocale: string, keys: ReadonlyMap<string, string>): string {
  const sorted = Object.create(null) as Record<string, string>; // any key is a key, __proto__ too
  for (const k of [...keys.keys()].sort()) sorted[k] = keys.get(k) as string;
  return `${JSON.stringify(
    {
      '//': 'Generated by `bilateral accept`: the hash of the source text each translation was last reviewed against. Do not edit by hand.',
      version: LOCK_VERSION,
      sourceLocale,
      keys: sorted,
    },
    null,
    2,
  )}\n`;
}
