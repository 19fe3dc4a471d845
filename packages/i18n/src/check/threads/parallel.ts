import os from 'node:os';
import type { Project } from '../../model/types.js';
import type { Finding } from '../../model/finding.js';
import { checkNamespaces, combine, selectRules, type UnitResult } from '../check.js';
import type { CheckOptions } from '../options.js';
import { mergeStatus, type StatusReport } from '../status.js';
import { startWorker } from './client.js';
import type { MessageOf, NamespacesTask } from './protocol.js';

/**
 * The checks on several threads. The namespace passes are independent (each reads its own
 * namespace and what it depends on), so the namespaces are dealt out to worker threads, each of
 * which loads the core and the project itself and checks its share; this thread then runs the
 * global pass (lock files, `$t(…)` cycles) over their results. The findings are exactly those of
 * `check()` on the same project.
 */

/**
 * Below this many locale files, threads cost more than they save: each worker starts, compiles
 * the rules afresh and loads the core. Measured on 2 shared cores (`pnpm bench`): at 1,204 files
 * (10k keys × 4) two threads were ~10 % slower than one, at 12,252 files 1.4× faster.
 */
export const PARALLEL_MIN_FILES = 2000;

/** Threads for a project of this many locale files: one per core (at most 8) on large projects. */
export function defaultJobs(fileCount: number): number {
  const cores = os.availableParallelism();
  return fileCount >= PARALLEL_MIN_FILES && cores > 1 ? Math.min(cores, 8) : 1;
}

/**
 * Checks a project on `jobs` worker threads. `project` needs no core (this thread does not load
 * it; each worker does); its config, files and lock files are what the global pass uses. (The
 * CLI gives {@link ThreadOptions.here}: this thread checks a share too.)
 */
export async function checkInWorkers(
  project: Project,
  options: CheckOptions & { readonly jobs: number },
): Promise<Finding[]> {
  return (await runInWorkers(project, { ...options, status: false })).findings;
}

/** {@link checkInWorkers}, with the status report when asked (as `checkWithStatus` gives it). */
export async function runInWorkers(
  project: Project,
  options: ThreadOptions,
): Promise<{ findings: Finding[]; status: StatusReport | undefined }> {
  const rules = selectRules(project.config, options.rules, project.config.core !== undefined);
  const units = await unitsInWorkers(project, project.namespaces, options);
  const findings = combine(project, rules, units, options.cache);
  if (!options.status) return { findings, status: undefined };
  const parts = units.flatMap((u) => (u.status === undefined ? [] : [u.status]));
  return { findings, status: mergeStatus(project, parts) };
}

/** Options of {@link unitsInWorkers}. */
export interface ThreadOptions extends CheckOptions {
  /** Threads in all (this one included when {@link here} is given). */
  readonly jobs: number;
  readonly status: boolean;
  /**
   * The project with its core on this thread (loaded when called): this thread then checks one
   * share itself while `jobs - 1` workers check the others — one isolate less, which loads the
   * core and compiles the rules (at 100,000 keys × 4 on two threads: peak 308 → 273 MB).
   */
  readonly here?: () => Promise<Project>;
}

/**
 * The namespace passes of some namespaces of a project on `jobs` threads (without the project
 * passes), in the order of `namespaces`.
 */
export async function unitsInWorkers(
  project: Project,
  namespaces: readonly string[],
  options: ThreadOptions,
): Promise<UnitResult[]> {
  const config = project.config;
  const jobs = Math.max(1, Math.min(options.jobs, namespaces.length));
  const shares: string[][] = Array.from({ length: jobs }, () => []);
  // Dealt out in turn, so that every thread gets a mix of large and small namespaces.
  namespaces.forEach((ns, i) => shares[i % jobs]?.push(ns));
  const cache = options.cache;
  if (cache !== undefined) {
    cache.stats.reused = 0;
    cache.stats.checked = 0;
  }
  const mine = options.here !== undefined && jobs > 1 ? shares.shift() : undefined;
  // The workers start first: they load the core while this thread does.
  const workers = shares.map((share) =>
    startShare({
      kind: 'namespaces',
      config,
      namespaces: share,
      rules: options.rules,
      status: options.status,
      share: cache?.share(share),
    }),
  );
  const byNs = new Map<string, UnitResult>();
  try {
    if (mine !== undefined && options.here !== undefined) {
      const here = await options.here();
      const rules = selectRules(here.config, options.rules, here.corpus !== undefined);
      const units = checkNamespaces(here, mine, rules, {
        ...(options.rules === undefined ? {} : { rules: options.rules }),
        ...(cache === undefined ? {} : { cache }),
        ...(options.core === undefined ? {} : { core: options.core }),
        status: options.status,
      });
      for (const u of units) byNs.set(u.namespace, u);
    }
    for (const reply of await Promise.all(workers.map((w) => w.reply))) {
      for (const u of reply.units) byNs.set(u.namespace, u);
      if (cache !== undefined && reply.share !== undefined) cache.absorb(reply.share);
    }
  } finally {
    for (const w of workers) w.stop();
  }
  return namespaces.flatMap((ns) => {
    const u = byNs.get(ns);
    return u === undefined ? [] : [u];
  });
}

/** A worker checking one share: its reply, and a way to stop it early. */
function startShare(task: NamespacesTask): {
  reply: Promise<MessageOf<'units'>>;
  stop: () => void;
} {
  const worker = startWorker(task);
  const reply = worker.next('units');
  reply.catch(() => undefined); // awaited (and reported) by the caller, unless it failed first
  return { reply, stop: () => worker.stop() };
}
