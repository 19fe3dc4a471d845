import type { Corpus } from '@bilateral/core';
import { buildProject, withCorpus } from '../files/project.js';
import { CoreNeeded } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { Project, ProjectConfig } from '../model/types.js';
import { check, checkWithStatus } from './check.js';
import { CacheFile, type CheckCache } from './incremental/cache.js';
import type { CoreDigest } from './incremental/core-digest.js';
import type { StatusReport } from './status.js';
import { coreModuleFile } from '../files/core.js';
import { readSnapshot, snapshotFileOf } from './incremental/core-snapshot.js';
import { snapshotCore, startCoreThread, type CoreThread } from './threads/core-thread.js';
import { defaultJobs, runInWorkers } from './threads/parallel.js';
import type { RunSettings } from './threads/protocol.js';

/**
 * One check run from this thread, as the session decided it (see session.ts): where the core is
 * loaded, on how many threads the namespaces are checked, and what the cache saves.
 *
 * - Checked afresh (no cache, or one holding less than half the namespaces, or most of them
 *   changed): one thread per core on a large project — this one and workers, each loading the
 *   core and checking a share of the namespaces; else here.
 * - With a cache file and the core not loaded yet: a worker loads the core and digests it while
 *   this thread reads the project and the cache. Nothing changed: the worker stops, and the core
 *   was never loaded here. A few namespaces changed: the worker checks them with the core it has
 *   loaded, and everything else comes from the cache.
 * - A file changed between that look and the check (`CoreNeeded`): the core is loaded here after
 *   all, and the run checks again.
 */
export interface LocalRun {
  readonly config: ProjectConfig;
  readonly settings: RunSettings;
  /** Loads the core here (once: the caller remembers it). */
  readonly loadCorpus: () => Promise<Corpus | undefined>;
  /** The core, when it is loaded here already (then no other thread loads it). */
  readonly corpus?: { readonly value: Corpus | undefined };
  /** The cache kept in memory by an earlier run; else the one in `settings.cacheFile`. */
  readonly cache?: CheckCache;
  /** Hears about a cache file that could not be written. */
  readonly onCacheError?: (e: Error) => void;
}

export interface LocalResult {
  readonly findings: Finding[];
  readonly status: StatusReport | undefined;
  readonly project: Project;
  /** The cache the run used and updated (and saved to its file). */
  readonly cache: CheckCache | undefined;
}

interface Plan {
  readonly project: Project;
  readonly jobs: number;
  readonly core?: CoreDigest;
}

export async function runLocally(run: LocalRun): Promise<LocalResult> {
  const { config, settings } = run;
  const file = settings.cacheFile;
  const store = file === undefined ? undefined : new CacheFile(file, run.onCacheError);
  // With a cache file, the core comes from its snapshot when it is as the last run saw it; else
  // it starts loading on another thread at once (see `plan`).
  const coreThread =
    store !== undefined &&
    settings.jobs === undefined &&
    run.corpus === undefined &&
    config.core !== undefined &&
    store.exists()
      ? coreFor(config, store.file)
      : undefined;
  const cache = run.cache ?? store?.load();
  let result: Omit<LocalResult, 'cache'>;
  try {
    result = await execute(run, await plan(run, cache, coreThread), cache);
  } catch (e) {
    if (!(e instanceof CoreNeeded)) throw e;
    const project = buildProject(config, await run.loadCorpus());
    result = await execute(run, { project, jobs: 1 }, cache);
  } finally {
    coreThread?.stop();
  }
  if (cache !== undefined) store?.save(cache);
  return { ...result, cache };
}

/** The project to check, and on how many threads (see {@link LocalRun}). */
async function plan(
  run: LocalRun,
  cache: CheckCache | undefined,
  coreThread: CoreThread | undefined,
): Promise<Plan> {
  const { config, settings } = run;
  const bare = buildProject(config, run.corpus?.value);
  const fresh = async (): Promise<Plan> => {
    coreThread?.stop();
    const jobs = settings.jobs ?? defaultJobs(bare.files.length);
    if (jobs > 1 || config.core === undefined || run.corpus !== undefined)
      return { project: bare, jobs };
    return { project: buildProject(config, await run.loadCorpus()), jobs: 1 };
  };
  if (cache === undefined || coreThread === undefined || cache.size < bare.namespaces.length / 2)
    return fresh();
  cache.prefetch(bare); // meanwhile, the core loads on the other thread
  const core = await coreThread.digest;
  if (core === undefined) return fresh(); // no worker could start: everything here
  const pending = cache.pending(bare, core, settings.rules, settings.status);
  // Much to check again (a new toolkit version, a changed config): as if afresh.
  if (pending.length > bare.namespaces.length / 2) return fresh();
  // A few: checked where the core is loaded already; then all of them come from the cache.
  if (pending.length > 0)
    await coreThread.check(pending, settings.rules, settings.status, cache, bare);
  else coreThread.stop();
  return { project: bare, jobs: 1, core };
}

/** The core's snapshot when it is current, else a thread that loads the core (and writes one). */
function coreFor(config: ProjectConfig, cacheFile: string): CoreThread {
  const file = snapshotFileOf(cacheFile);
  const entry = coreModuleFile(config);
  const snapshot = entry === undefined ? undefined : readSnapshot(file, entry);
  return snapshot === undefined ? startCoreThread(config, file) : snapshotCore(config, snapshot);
}

async function execute(
  run: LocalRun,
  plan: Plan,
  cache: CheckCache | undefined,
): Promise<Omit<LocalResult, 'cache'>> {
  const { rules, status } = run.settings;
  const { project } = plan;
  const options = {
    ...(rules === undefined ? {} : { rules }),
    ...(cache === undefined ? {} : { cache }),
    ...(plan.core === undefined ? {} : { core: plan.core }),
  };
  if (plan.jobs > 1) {
    // This thread checks a share as well, with the core it loads meanwhile (or has already).
    const here = async () =>
      project.corpus !== undefined || project.config.core === undefined
        ? project
        : withCorpus(project, await run.loadCorpus());
    return {
      ...(await runInWorkers(project, { ...options, jobs: plan.jobs, status, here })),
      project,
    };
  }
  if (status) return { ...checkWithStatus(project, options), project };
  return { findings: check(project, options), status: undefined, project };
}
