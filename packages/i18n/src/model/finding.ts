import type { CheckCache } from '../check/incremental/cache.js';
import type { CoreDigest } from '../check/incremental/core-digest.js';

export type Severity = 'error' | 'warning' | 'info';

/** One problem found by a check, with where it is and how to fix it. */
export interface Finding {
  /** Rule id, e.g. `placeholders` (see {@link RULES}). */
  readonly rule: string;
  readonly severity: Severity;
  readonly locale: string;
  /** Path relative to the project root, `/`-separated. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units (as editors count). */
  readonly column: number;
  /** The key inside the file (`sections.history.p1`); empty for a problem with the whole file. */
  readonly key: string;
  readonly message: string;
  /** How to fix it, in words a translator can act on. */
  readonly hint: string;
}

export interface CheckOptions {
  /** Run only these rules (ids); default: all that apply. */
  readonly rules?: readonly string[];
  /**
   * Results of earlier runs: namespaces whose inputs are unchanged are not checked again, and
   * the cache is updated with this run's results. See {@link CheckCache}.
   */
  readonly cache?: CheckCache;
  /**
   * The core's digest for the cache, when computed elsewhere (`digestCore`, e.g. on another
   * thread); by default computed from the project's corpus. With a digest, a project loaded
   * without its corpus can be checked as long as every namespace comes from the cache.
   */
  readonly core?: CoreDigest;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
