import type { ProjectConfig } from '../../model/types.js';
import type { CheckCache } from '../incremental/cache.js';
import type { CoreDigest } from '../incremental/core-digest.js';
import { startWorker, WorkerUnavailable } from './client.js';

/**
 * The core on another thread, for a run with a cache: it loads the core and sends its digest
 * while this thread reads the project and the cache. When every namespace comes from the cache,
 * the thread is stopped and the core was never loaded here; when a few must be checked again, the
 * thread checks them with the core it has already loaded ({@link CoreThread.check}, which ends it).
 */
export interface CoreThread {
  /** The core's digest; undefined when no worker could start (then the run goes on here). */
  readonly digest: Promise<CoreDigest | undefined>;
  /** Checks these namespaces there and takes the results into the cache; ends the thread. */
  check(
    namespaces: readonly string[],
    rules: readonly string[] | undefined,
    status: boolean,
    cache: CheckCache,
  ): Promise<void>;
  stop(): void;
}

export function startCoreThread(config: ProjectConfig): CoreThread {
  const worker = startWorker({ kind: 'core', config });
  const digest = worker.next('digest').then(
    (m) => m.digest,
    (e: unknown) => {
      if (e instanceof WorkerUnavailable) return undefined;
      throw e;
    },
  );
  digest.catch(() => undefined); // whoever awaits it sees the failure
  return {
    digest,
    async check(namespaces, rules, status, cache) {
      try {
        await digest;
        worker.post({ namespaces, rules, status, share: cache.share(namespaces) });
        const { share } = await worker.next('units');
        if (share === undefined) throw new Error('the core worker sent no cache share');
        const { reused, checked } = cache.stats;
        cache.absorb(share);
        // The caller's run counts these once, as checked (its own look will reuse them).
        cache.stats.reused = reused;
        cache.stats.checked = checked;
      } finally {
        worker.stop();
      }
    },
    stop: () => worker.stop(),
  };
}
