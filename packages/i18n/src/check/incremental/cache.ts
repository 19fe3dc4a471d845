import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readBounded } from '../../files/contain.js';
import { RACY_MS } from '../../files/read.js';
import { defaultCachesAllowed } from '../../model/cache-policy.js';

export { defaultCachesAllowed };
import { LIMITS } from '../../model/limits.js';
import path from 'node:path';
import type { CoreDigest } from './core-digest.js';
import type { LocaleFile, Project } from '../../model/types.js';
import { writeFileAtomically } from '../../files/atomic-write.js';
import { CHECK_CACHE_VERSION, Fingerprints, sha1, type FileDigests } from './fingerprints.js';
import type { NestEdge } from '../context.js';
import type { NamespaceStatus } from '../status.js';
import type { Finding } from '../../model/finding.js';

/**
 * Check results kept per namespace, so that a run re-checks only the namespaces whose inputs
 * changed. A namespace's result is reused only when everything it was computed from is unchanged,
 * byte for byte: the locale files (every locale) of the namespace and of every namespace the
 * rules read while checking it (recorded during the run: `terms`, a `$t(ns:…)` target), its core
 * document, its lock entries, and — for the whole cache — the configuration, the corpus
 * registry (entities, works, units), the rules asked for and the toolkit's own code. Files are
 * compared by a SHA-1 of their bytes. A file is not read again while its size, modification
 * and change times and inode are those recorded with its digest (the change time moves on
 * every write, and cannot be set back), except in the two seconds before the cache was saved.
 *
 * The library keeps the cache in memory ({@link CheckCache}); the CLI stores it on disk
 * between runs (see `bilateral check --cache-location`).
 */

// The run's hashes live in fingerprints.ts; the engine (check.ts) and the package entry take
// them from here, with the cache they serve.
export { CHECK_CACHE_VERSION, Fingerprints };

/** One namespace's findings and nestings, and what they were computed from. */
export interface CachedUnit {
  /** Hash of every input (see {@link Fingerprints.unitKey}). */
  readonly key: string;
  /** Namespaces the rules read while checking this one (itself included). */
  readonly deps: readonly string[];
  readonly findings: readonly Finding[];
  readonly edges: readonly NestEdge[];
  /** The namespace's part of the status report, when the run made one. */
  readonly status?: NamespaceStatus;
}

/** The part of a cache one worker thread works with (structured-clone friendly). */
export interface CacheShare {
  readonly salt: string | undefined;
  readonly savedAt: number;
  readonly files: readonly (readonly [string, readonly [string, string]])[];
  readonly units: readonly (readonly [string, CachedUnit])[];
  readonly stats: { readonly reused: number; readonly checked: number };
}

export class CheckCache implements FileDigests {
  private salt: string | undefined;
  private units = new Map<string, CachedUnit>();
  /** Digest of each file by path, with the stamp it had (size, times, inode). */
  private files = new Map<string, readonly [stamp: string, digest: string]>();
  /** When the cache was last serialised (ms since the epoch). */
  private savedAt = 0;
  /**
   * The hashes of the last run, for the next run in the same process (see `Fingerprints.hash`),
   * once {@link keepHashes} was called; never written to the file.
   */
  hashes: Map<string, readonly [parts: string, hash: string]> | undefined;

  /** Keeps each run's hashes for the next (a process that checks again: `--watch`). */
  keepHashes(): void {
    this.hashes ??= new Map();
  }
  /** Namespaces reused and re-checked by the last run. */
  readonly stats = { reused: 0, checked: 0 };
  /** Whether anything changed since it was loaded (what `CacheFile.save` writes or not). */
  dirty = false;
  /** Entries (or a whole file) found damaged or edited when loaded, and dropped. */
  discarded = 0;

  /** A cache from {@link serialize}'s text; anything unreadable gives an empty cache. */
  static parse(text: string): CheckCache {
    const cache = new CheckCache();
    try {
      const data = JSON.parse(text) as {
        version?: unknown;
        salt?: unknown;
        units?: Record<string, CachedUnit>;
      };
      if (
        data.version !== CHECK_CACHE_VERSION ||
        typeof data.salt !== 'string' ||
        data.units === null ||
        typeof data.units !== 'object'
      )
        return cache;
      cache.salt = data.salt;
      const files = (data as { files?: unknown }).files;
      if (files !== null && typeof files === 'object') {
        for (const [rel, v] of Object.entries(files as Record<string, unknown>)) {
          if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string')
            cache.files.set(rel, [v[0], v[1]]);
        }
      }
      const savedAt = (data as { savedAt?: unknown }).savedAt;
      cache.savedAt = typeof savedAt === 'number' ? savedAt : 0;
      for (const [ns, u] of Object.entries(data.units)) {
        // An entry that is not exactly what a run wrote (damaged, hand-edited) is dropped: that
        // namespace is checked again. Never trusted, never an error.
        if (validUnit(u)) {
          const unit = stripSeal(u);
          seals.set(unit, u.seal);
          cache.units.set(ns, unit);
        } else cache.discarded++;
      }
    } catch {
      // A damaged cache is only a slower run.
      cache.discarded++;
    }
    return cache;
  }

  serialize(): string {
    this.savedAt = Date.now();
    return JSON.stringify({
      version: CHECK_CACHE_VERSION,
      salt: this.salt,
      savedAt: this.savedAt,
      files: Object.fromEntries(this.files),
      units: Object.fromEntries([...this.units].map(([ns, u]) => [ns, { ...u, seal: seal(u) }])),
    });
  }

  /**
   * The digest of a file's bytes. A file whose stamp (size, modification and change times,
   * inode) is the one recorded is not read again — unless it was modified or changed within
   * two seconds of the cache being saved, when an edit in the same instant could share the stamp
   * (as git does with "racily clean" entries).
   */
  digest(file: LocaleFile): string {
    const known = file.stamp === undefined ? undefined : this.files.get(file.relPath);
    if (known !== undefined && known[0] === file.stamp) {
      let changed = file.changedMs;
      if (changed === undefined) {
        const [, mtime, ctime] = file.stamp.split(':');
        changed = Math.max(Number(mtime), Number(ctime));
      }
      if (changed < this.savedAt - RACY_MS) return known[1];
    }
    const d = digestOf(file);
    if (file.stamp !== undefined) {
      if (known?.[0] !== file.stamp || known[1] !== d) this.dirty = true;
      this.files.set(file.relPath, [file.stamp, d]);
    } else if (known !== undefined) {
      this.files.delete(file.relPath);
      this.dirty = true;
    }
    return d;
  }

  /** Starts a run: results computed under another salt are dropped. */
  begin(salt: string): void {
    if (this.salt !== salt) {
      this.units = new Map();
      this.dirty = true;
    }
    this.salt = salt;
    this.stats.reused = 0;
    this.stats.checked = 0;
  }

  /** What a worker thread needs to check some namespaces with this cache. */
  share(namespaces: readonly string[]): CacheShare {
    return {
      salt: this.salt,
      savedAt: this.savedAt,
      files: [...this.files],
      units: namespaces.flatMap((ns) => {
        const u = this.units.get(ns);
        return u === undefined ? [] : [[ns, u] as const];
      }),
      stats: { ...this.stats },
    };
  }

  /** A cache for a worker thread, from {@link share}. */
  static fromShare(share: CacheShare): CheckCache {
    const cache = new CheckCache();
    cache.salt = share.salt;
    cache.savedAt = share.savedAt;
    cache.files = new Map(share.files);
    cache.units = new Map(share.units);
    return cache;
  }

  /** Takes in what a worker thread computed with its share (units, file digests, counts). */
  absorb(share: CacheShare): void {
    this.dirty = true;
    if (this.salt !== share.salt) {
      this.units = new Map();
      this.salt = share.salt;
    }
    for (const [rel, v] of share.files) this.files.set(rel, v);
    for (const [ns, u] of share.units) this.units.set(ns, u);
    this.stats.reused += share.stats.reused;
    this.stats.checked += share.stats.checked;
  }

  /** Looks at every file of a project now (stamps, and digests where they changed). */
  prefetch(project: Project): void {
    for (const f of project.files) this.digest(f);
  }

  /**
   * The namespaces a check of this project would not take from the cache (their inputs changed,
   * or they were never checked, or — when the run wants the status report — their result has
   * none). Decides whether the core must be loaded at all.
   */
  pending(project: Project, core: CoreDigest, rules?: readonly string[], status = false): string[] {
    const prints = new Fingerprints(project, core, rules, this);
    if (prints.salt !== this.salt) return [...project.namespaces];
    return project.namespaces.filter((ns) => {
      const u = this.units.get(ns);
      return (
        u === undefined ||
        u.key !== prints.unitKey(ns, u.deps) ||
        (status && u.status === undefined)
      );
    });
  }

  get(ns: string): CachedUnit | undefined {
    return this.units.get(ns);
  }

  set(ns: string, unit: CachedUnit): void {
    this.units.set(ns, unit);
    this.dirty = true;
  }

  /** Forgets namespaces and files the project no longer has. */
  retain(project: Project): void {
    const keep = new Set(project.namespaces);
    for (const ns of this.units.keys())
      if (!keep.has(ns)) {
        this.units.delete(ns);
        this.dirty = true;
      }
    if (this.hashes !== undefined)
      for (const slot of this.hashes.keys())
        if (!keep.has(slot.slice(slot.indexOf(':') + 1))) this.hashes.delete(slot);
    // Every file of the project is known and there are as many: nothing to forget (the usual
    // case, found without making a set of every path).
    if (
      this.files.size === project.files.length &&
      project.files.every((f) => this.files.has(f.relPath))
    )
      return;
    const files = new Set(project.files.map((f) => f.relPath));
    for (const rel of this.files.keys())
      if (!files.has(rel)) {
        this.files.delete(rel);
        this.dirty = true;
      }
  }

  get size(): number {
    return this.units.size;
  }
}

/**
 * A unit's checksum: the SHA-256 of everything it says, bound to the key of its inputs. A result
 * edited by hand, or damaged, no longer matches and is dropped on load (the namespace is checked
 * again). It is not a signature: whoever can write the cache file can also write the toolkit in
 * node_modules next to it, which is why CI uses no cache unless asked (see `cachePolicy`).
 */
function seal(u: CachedUnit): string {
  let s = seals.get(u);
  if (s === undefined) {
    s = createHash('sha256')
      .update(JSON.stringify([u.key, u.deps, u.findings, u.edges, u.status ?? null]))
      .digest('base64');
    seals.set(u, s);
  }
  return s;
}
/**
 * The seal of each unit object, made once: units are never changed once made (a new result is a
 * new object), so a cache saved after every edit (`--watch`) seals only the units that changed.
 */
const seals = new WeakMap<CachedUnit, string>();

const SEVERITY_NAMES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1;

/** A finding exactly as a run writes it: the fields with their types, nothing else missing. */
function validFinding(f: unknown): boolean {
  if (f === null || typeof f !== 'object') return false;
  const o = f as Record<string, unknown>;
  const suggestion = o['suggestion'];
  return (
    isString(o['rule']) &&
    SEVERITY_NAMES.has(o['severity']) &&
    isString(o['locale']) &&
    isString(o['file']) &&
    isCount(o['line']) &&
    isCount(o['column']) &&
    isString(o['key']) &&
    isString(o['message']) &&
    isString(o['hint']) &&
    (suggestion === undefined ||
      (suggestion !== null &&
        typeof suggestion === 'object' &&
        isString((suggestion as Record<string, unknown>)['command']) &&
        Array.isArray((suggestion as Record<string, unknown>)['args']) &&
        ((suggestion as Record<string, unknown>)['args'] as unknown[]).every(isString)))
  );
}

function validUnit(u: unknown): u is CachedUnit & { seal: string } {
  if (u === null || typeof u !== 'object') return false;
  const o = u as Record<string, unknown>;
  return (
    isString(o['key']) &&
    isString(o['seal']) &&
    Array.isArray(o['deps']) &&
    o['deps'].every(isString) &&
    Array.isArray(o['findings']) &&
    o['findings'].every(validFinding) &&
    Array.isArray(o['edges']) &&
    o['edges'].every((e) => e !== null && typeof e === 'object') &&
    (o['status'] === undefined || (o['status'] !== null && typeof o['status'] === 'object')) &&
    o['seal'] === seal(o as unknown as CachedUnit)
  );
}

function stripSeal(u: CachedUnit & { seal?: string }): CachedUnit {
  const unit: CachedUnit & { seal?: string } = { ...u };
  delete unit.seal;
  return unit;
}

const fileDigests = new WeakMap<LocaleFile, string>();
const digestOf = (file: LocaleFile): string => {
  let d = fileDigests.get(file);
  if (d === undefined) {
    d = sha1(file.bytes);
    fileDigests.set(file, d);
  }
  return d;
};

/**
 * The default cache file of a project: node_modules/.cache/bilateral/check.json under its root,
 * or none when the project has no node_modules (plain locale files get no folder they did not
 * ask for), and none in CI (see {@link defaultCachesAllowed}). The render cache lives beside it.
 */
export function defaultCacheFile(root: string): string | undefined {
  if (!defaultCachesAllowed()) return undefined;
  const modules = path.join(root, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'bilateral', 'check.json') : undefined;
}

/**
 * A cache kept in a file: read once, written (through a temporary file and a rename, so that a
 * reader never sees half a file) only when a run checked something. A missing, damaged or
 * unwritable cache only makes runs slower; `onError` hears about a failed write.
 */
export class CacheFile {
  constructor(
    readonly file: string,
    private readonly onError: (e: Error) => void = () => {},
  ) {}

  /** Whether there is a cache file (a non-empty regular file) to load. */
  exists(): boolean {
    try {
      const st = statSync(this.file);
      return st.isFile() && st.size > 0;
    } catch {
      return false;
    }
  }

  /**
   * The cache in the file: an empty one when there is none, when it is not a regular file (a
   * device would never end), or when it holds more than {@link LIMITS.cacheBytes} (counted as
   * read, not as reported).
   */
  load(): CheckCache {
    let text: string | undefined;
    try {
      if (this.exists()) {
        const got = readBounded(this.file, LIMITS.cacheBytes);
        text = 'bytes' in got ? got.bytes.toString('utf8') : undefined;
      }
    } catch {
      text = undefined;
    }
    return text === undefined ? new CheckCache() : CheckCache.parse(text);
  }

  save(cache: CheckCache): void {
    if (!cache.dirty) return;
    try {
      writeFileAtomically(this.file, cache.serialize());
      cache.dirty = false;
    } catch (e) {
      this.onError(e as Error);
    }
  }
}
