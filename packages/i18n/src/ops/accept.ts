import { keyMatches } from '../model/keys.js';
import { pluralKeysOf, usableFiles } from './namespaces.js';
import { isCurrent, isStillCopied, lockEntryFor, serialiseLock } from '../files/lock.js';
import type { LockEntry, Project } from '../model/types.js';
import { writeFileSafely } from '../files/atomic-write.js';

export interface AcceptResult {
  readonly locale: string;
  /** `namespace:key` of every key recorded now. */
  readonly accepted: readonly string[];
  /** Patterns that matched no key of the locale. */
  readonly unmatched: readonly string[];
  /** The new lock file text, and where it goes (inside `root`). */
  readonly root: string;
  readonly path: string;
  readonly relPath: string;
  readonly text: string;
  /** The lock file's bytes when read (null: it did not exist), so a concurrent change is not overwritten. */
  readonly original: Uint8Array | null;
}

/**
 * Records that a locale's translations were reviewed against the current source: the lock
 * entries of the matching keys (all present keys when no pattern is given) get the current
 * source text and its hash. Entries of keys the source or the locale no longer has are dropped.
 * Patterns are keys or `*`/`**` patterns, optionally `namespace:`-prefixed.
 *
 * A text `sync` copied from the source stays recorded as a copy unless its exact key is named
 * (`accept uk ui:brand.name`: a name that stays the same); a pattern or a whole-locale accept
 * does not turn copies into translations. Entries of an old lock file (a hash only) that still
 * match the source are rewritten in the current form, with the source text.
 */
export function acceptKeys(
  project: Project,
  locale: string,
  patterns: readonly string[] = [],
): AcceptResult {
  const lock = project.locks.get(locale);
  if (lock === undefined) throw new Error(`no lock for ${locale}`);
  const keys = new Map(lock.keys);
  const accepted: string[] = [];
  const matched = new Set<string>();
  const live = new Set<string>();
  const plural = pluralKeysOf(project);
  for (const ns of project.namespaces) {
    const source = project.file(project.sourceLocale, ns);
    const target = project.file(locale, ns);
    if (source === undefined || !source.usable || target === undefined || !target.usable) {
      // Keep what the lock says about a file that cannot be read now.
      for (const k of lock.keys.keys()) if (k.startsWith(`${ns}:`)) live.add(k);
      continue;
    }
    const families = plural.families(usableFiles(project, ns));
    const sourceLogical = plural.logical(source, families);
    for (const [key, t] of plural.logical(target, families)) {
      const s = sourceLogical.get(key);
      if (s === undefined) continue;
      const id = `${ns}:${key}`;
      live.add(id);
      const recorded = keys.get(id);
      const named = patterns.includes(id);
      const hit =
        patterns.length === 0
          ? true
          : patterns.some((p) => {
              const ok = keyMatches(p, ns, key) || p === id;
              if (ok) matched.add(p);
              return ok;
            });
      if (hit && (named || !isStillCopied(recorded, s, t))) {
        keys.set(id, lockEntryFor(s));
        accepted.push(id);
      } else if (recorded !== undefined) {
        keys.set(id, upgraded(recorded, s));
      }
    }
  }
  for (const k of [...keys.keys()]) if (!live.has(k)) keys.delete(k);
  return {
    locale,
    accepted,
    unmatched: patterns.filter((p) => !matched.has(p)),
    root: project.root,
    path: lock.path,
    relPath: lock.relPath,
    text: serialiseLock(project.sourceLocale, keys),
    original: lock.exists ? lock.bytes : null,
  };
}

/** An entry in the current form: a version-1 hash that matches the source gets its text. */
function upgraded(entry: LockEntry, source: Parameters<typeof lockEntryFor>[0]): LockEntry {
  if (entry.legacy !== true || !isCurrent(entry, source)) return entry;
  return lockEntryFor(source, entry.copied === true);
}

/**
 * Writes the lock file of an {@link acceptKeys} result crash-safely, refusing (with
 * {@link ConcurrentChangeError}) if the lock changed since the project was loaded — another
 * `accept` ran meanwhile, whose keys would otherwise be lost.
 */
export function writeAcceptResult(result: AcceptResult): void {
  writeFileSafely({
    root: result.root,
    path: result.path,
    relPath: result.relPath,
    text: result.text,
    expected: result.original,
  });
}
