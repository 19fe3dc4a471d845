import os from 'node:os';
import type { Project } from '../../model/types.js';
import type { Finding } from '../../model/finding.js';
import { fileStamp } from '../../files/read.js';
import { checkNamespaces, combine, selectRules, type UnitResult } from '../check.js';
import { ruleOrigin } from '../custom.js';
import type { CheckOptions } from '../options.js';
import { mergeStatus, type StatusReport } from '../status.js';
import { startWorker, WorkerUnavailable } from './client.js';
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
 * it; each worker does); its config, files and lock files are what the global pass uses.
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
  options: CheckOptions & { readonly jobs: number; readonly status: boolean },
): Promise<{ findings: Finding[]; status: StatusReport | undefined }> {
  const rules = selectRules(project.config, options.rules, project.config.core !== undefined);
  const units = await unitsInWorkers(project, project.namespaces, options);
  const findings = combine(project, rules, units, options.cache);
  if (!options.status) return { findings, status: undefined };
  const parts = units.flatMap((u) => (u.status === undefined ? [] : [u.status]));
  return { findings, status: mergeStatus(project, parts) };
}

/**
 * The namespace passes of some namespaces of a project on `jobs` worker threads (without the
 * project passes), in the order of `namespaces`.
 */
export async function unitsInWorkers(
  project: Project,
  namespaces: readonly string[],
  options: CheckOptions & { readonly jobs: number; readonly status: boolean },
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
  const replies = await Promise.all(
    shares.map((share) =>
      checkShare({
        kind: 'namespaces',
        config,
        namespaces: share,
        rules: options.rules,
        status: options.status,
        share: cache?.share(share),
      }),
    ),
  );
  const byNs = new Map<string, UnitResult>();
  for (const reply of replies) {
    for (const u of reply.units) byNs.set(u.namespace, u);
    if (cache !== undefined && reply.share !== undefined) cache.absorb(reply.share);
  }
  return namespaces.flatMap((ns) => {
    const u = byNs.get(ns);
    return u === undefined ? [] : [u];
  });
}

async function checkShare(task: NamespacesTask): Promise<MessageOf<'units'>> {
  const worker = startWorker(task);
  try {
    return await worker.next('units');
  } finally {
    worker.stop();
  }
}

/**
 * The rules a helper thread runs when a project's namespaces cannot be spread over threads (one
 * large namespace in many languages: most real i18next projects). They are the two that tokenize
 * every text (placeholders and tags) and share the scans; the rest run on this thread meanwhile.
 * Measured on the real-world suite (bench/analysis.md, "Two threads for one namespace"): the
 * two halves take about as long, the helper's counting its start.
 */
export const HELPER_RULES: readonly string[] = ['placeholders', 'markup'];

/**
 * From this many bytes of locale files, a fresh check without a cache splits its rules between
 * this thread and a helper ({@link checkSplitByRules}): below it, starting the helper (its own
 * modules, its own parse of every file) costs more than it saves.
 */
export const RULE_SPLIT_MIN_BYTES = 512 * 1024;

/**
 * Whether a fresh check of this project splits its rules between two threads: more than one
 * core, no namespace split (fewer than {@link PARALLEL_MIN_FILES} files), no core to load on
 * both threads, and enough text ({@link RULE_SPLIT_MIN_BYTES}).
 */
export function splitsRules(project: Project): boolean {
  if (os.availableParallelism() < 2 || project.config.core !== undefined) return false;
  if (project.files.length >= PARALLEL_MIN_FILES) return false;
  let bytes = 0;
  for (const f of project.files) {
    bytes += fileStamp(f.path)?.size ?? 0;
    if (bytes >= RULE_SPLIT_MIN_BYTES) return true;
  }
  return false;
}

/**
 * A fresh check (no cache, no status) on two threads, split by rule rather than by namespace:
 * a helper thread loads the project and runs {@link HELPER_RULES} over every namespace while
 * this thread runs the others. Each rule's findings are made on one thread only, by the same
 * engine, so that the result is exactly `check()`'s (the findings are sorted by file, position,
 * rule and message at the end). Where no helper can start, everything runs here.
 */
export async function checkSplitByRules(
  project: Project,
  options: Pick<CheckOptions, 'rules'> = {},
): Promise<Finding[]> {
  const rules = selectRules(project.config, options.rules, false);
  // A project's own rules stay here: the helper runs only built-in code.
  const helped = rules.filter(
    (r) => HELPER_RULES.includes(r.meta.id) && ruleOrigin(r) === undefined,
  );
  const mine = rules.filter((r) => !helped.includes(r));
  if (helped.length === 0 || mine.length === 0)
    return combine(project, rules, checkNamespaces(project, project.namespaces, rules));
  const helper = startWorker({
    kind: 'namespaces',
    config: project.config,
    namespaces: project.namespaces,
    rules: helped.map((r) => r.meta.id),
    status: false,
    share: undefined,
  });
  let theirs: readonly UnitResult[];
  let ours: readonly UnitResult[];
  try {
    ours = checkNamespaces(project, project.namespaces, mine);
    try {
      theirs = (await helper.next('units')).units;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      theirs = checkNamespaces(project, project.namespaces, helped);
    }
  } finally {
    helper.stop();
  }
  const byNs = new Map(theirs.map((u) => [u.namespace, u]));
  const units = ours.map((u): UnitResult => {
    const t = byNs.get(u.namespace);
    return t === undefined
      ? u
      : {
          namespace: u.namespace,
          findings: [...u.findings, ...t.findings],
          edges: [...u.edges, ...t.edges],
        };
  });
  return combine(project, rules, units);
}
