import { withCorpus } from '../../files/project.js';
import type { Project, ProjectConfig } from '../../model/types.js';
import { checkNamespaces, selectRules } from '../check.js';
import type { CheckCache } from '../incremental/cache.js';
import type { CoreDigest } from '../incremental/core-digest.js';
import type { CoreSnapshot } from '../incremental/core-snapshot.js';
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
  /**
   * Checks these namespaces there and takes the results into the cache; ends the thread. The
   * project is this thread's (without the core).
   */
  check(
    namespaces: readonly string[],
    rules: readonly string[] | undefined,
    status: boolean,
    cache: CheckCache,
    project: Project,
  ): Promise<void>;
  stop(): void;
}

/**
 * @param snapshot where the worker writes the core's snapshot, for the next runs (see
 *   core-snapshot.ts); none when undefined
 */
export function startCoreThread(config: ProjectConfig, snapshot?: string): CoreThread {
  const worker = startWorker({
    kind: 'core',
    config,
    ...(snapshot === undefined ? {} : { snapshot }),
  });
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

/**
 * The same, from the core's snapshot (a run whose core is as the last run saw it): the digest at
 * once, and the namespaces to check again checked here, with a corpus that reads only the
 * documents they touch. No thread is started and the core is not imported.
 */
export function snapshotCore(config: ProjectConfig, snapshot: CoreSnapshot): CoreThread {
  return {
    digest: Promise.resolve(snapshot.digest),
    check(namespaces, rules, status, cache, project) {
      const { reused, checked } = cache.stats;
      checkNamespaces(
        withCorpus(project, snapshot.corpus),
        namespaces,
        selectRules(config, rules, true),
        {
          cache,
          core: snapshot.digest,
          status,
          ...(rules === undefined ? {} : { rules }),
        },
      );
      // Counted as the worker's results are (see above).
      cache.stats.reused = reused;
      cache.stats.checked = checked;
      return Promise.resolve();
    },
    stop: () => snapshot.close(),
  };
}
