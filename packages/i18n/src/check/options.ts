import type { CheckCache } from './incremental/cache.js';
import type { CoreDigest } from './incremental/core-digest.js';

/** What a check run may be given besides the project. */
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
