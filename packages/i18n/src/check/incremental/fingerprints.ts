import { createHash } from 'node:crypto';
import type { CoreDigest } from './core-digest.js';
import type { LocaleFile, Project } from '../../model/types.js';
import { toolkitFingerprint } from '../../files/fingerprint.js';

/** The check cache's format; part of every salt, so that another version's results never match. */
export const CHECK_CACHE_VERSION = 2;

/**
 * Where a run gets the digest of a file's bytes (the cache, which remembers them by stamp), and
 * optionally the hashes made by earlier runs (see {@link Fingerprints}).
 */
export interface FileDigests {
  digest(file: LocaleFile): string;
  /** Per hash slot (`ns:…`, `key:…`, `locks:…`), the last parts hashed and their hash. */
  readonly hashes?: Map<string, readonly [parts: string, hash: string]> | undefined;
}

export const sha1 = (...parts: readonly (string | Uint8Array)[]): string => {
  const h = createHash('sha1');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('base64');
};

/**
 * Hashes of a project's inputs for one run, computed on demand and once: the salt (what every
 * result depends on: the cache format, the toolkit, the config, the rules asked for, the core's
 * registry, the locales) and, per namespace, the key of a result given the namespaces its rules
 * read (see {@link unitKey}).
 */
export class Fingerprints {
  readonly salt: string;
  private readonly project: Project;
  private readonly core: CoreDigest;
  private readonly namespaceHashes = new Map<string, string>();
  private lockIndex: Map<string, string[]> | undefined;
  /** Whether each lock file exists and is sound; the hash of a namespace without lock entries. */
  private lockState: string[] | undefined;
  private noLocks: string | undefined;
  private readonly files: FileDigests;

  constructor(
    project: Project,
    core: CoreDigest,
    rules: readonly string[] | undefined,
    files: FileDigests,
  ) {
    this.project = project;
    this.files = files;
    this.core = core;
    this.salt = sha1(
      String(CHECK_CACHE_VERSION),
      toolkitFingerprint(),
      JSON.stringify(project.config),
      JSON.stringify(rules ?? null),
      core.registry,
      project.locales.join(','),
    );
  }

  /** The files of a namespace in every locale. */
  namespace(ns: string): string {
    let h = this.namespaceHashes.get(ns);
    if (h === undefined) {
      h = this.hash(
        `ns:${ns}`,
        this.project.locales.map((l) => {
          const f = this.project.file(l, ns);
          return `${l}=${f === undefined ? '-' : this.files.digest(f)}`;
        }),
      );
      this.namespaceHashes.set(ns, h);
    }
    return h;
  }

  /** Every input of a namespace's result, given the namespaces its rules read. */
  unitKey(ns: string, deps: readonly string[]): string {
    return this.hash(`key:${ns}`, [
      this.salt,
      ns,
      this.core.documents.get(ns) ?? '-',
      this.locks(ns),
      ...deps.map((d) => `${d}=${this.namespace(d)}`),
    ]);
  }

  /**
   * {@link sha1} of the parts; a process that checks again and again (`--watch`) keeps the last
   * parts and hash of each slot in the cache, and hashes only what changed since: comparing the
   * parts is much cheaper than hashing them.
   */
  private hash(slot: string, parts: readonly string[]): string {
    const memo = this.files.hashes;
    if (memo === undefined) return sha1(...parts);
    const joined = parts.join('\u0000');
    const known = memo.get(slot);
    if (known !== undefined && known[0] === joined) return known[1];
    const h = sha1(...parts);
    memo.set(slot, [joined, h]);
    return h;
  }

  /** The lock entries of a namespace, in every target locale. */
  private locks(ns: string): string {
    if (this.lockIndex === undefined) {
      const index = new Map<string, string[]>();
      for (const [locale, lock] of this.project.locks) {
        for (const [k, v] of lock.keys) {
          const at = k.indexOf(':');
          const owner = at === -1 ? '' : k.slice(0, at);
          let list = index.get(owner);
          if (list === undefined) index.set(owner, (list = []));
          list.push(`${locale}|${k}|${JSON.stringify(v)}`);
        }
      }
      this.lockIndex = index;
    }
    this.lockState ??= [...this.project.locks.values()].map(
      (l) => `${l.locale}:${l.exists ? 1 : 0}:${l.problem === undefined ? 0 : 1}`,
    );
    const entries = this.lockIndex.get(ns);
    return entries === undefined
      ? (this.noLocks ??= sha1(...this.lockState))
      : this.hash(`locks:${ns}`, [...this.lockState, ...entries]);
  }
}
