import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../../model/errors.js';
import { type ProjectConfig } from '../../model/types.js';
import type { Project } from '../../model/types.js';
import type { CacheShare, CheckCache } from '../incremental/cache.js';
import type { CoreDigest } from '../incremental/core-digest.js';
import { combine, selectRules, type UnitResult } from '../check.js';
import type { Finding } from '../../model/finding.js';
import type { CheckOptions } from '../options.js';

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

export interface WorkerRequest {
  readonly bilateralCheckWorker: true;
  readonly config: ProjectConfig;
  readonly namespaces: readonly string[];
  readonly rules: readonly string[] | undefined;
  readonly share: CacheShare | undefined;
}

export type WorkerReply =
  | {
      readonly ok: true;
      readonly units: readonly UnitResult[];
      readonly share?: CacheShare;
    }
  | {
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
    };

/**
 * Checks a project on `jobs` worker threads. `project` needs no core (this thread does not load
 * it; each worker does); its config, files and lock files are what the global pass uses.
 */
export async function checkInWorkers(
  project: Project,
  options: CheckOptions & { readonly jobs: number },
): Promise<Finding[]> {
  const config = project.config;
  const rules = selectRules(config, options.rules, config.core !== undefined);
  const jobs = Math.max(1, Math.min(options.jobs, project.namespaces.length));
  const shares: string[][] = Array.from({ length: jobs }, () => []);
  // Dealt out in turn, so that every thread gets a mix of large and small namespaces.
  project.namespaces.forEach((ns, i) => shares[i % jobs]?.push(ns));
  const cache = options.cache;
  if (cache !== undefined) {
    cache.stats.reused = 0;
    cache.stats.checked = 0;
  }
  const replies = await Promise.all(
    shares.map((namespaces) =>
      runWorker({
        bilateralCheckWorker: true,
        config,
        namespaces,
        rules: options.rules,
        share: cache?.share(namespaces),
      }),
    ),
  );
  const byNs = new Map<string, UnitResult>();
  for (const reply of replies) {
    for (const u of reply.units) byNs.set(u.namespace, u);
    if (cache !== undefined && reply.share !== undefined) cache.absorb(reply.share);
  }
  const units = project.namespaces.flatMap((ns) => {
    const u = byNs.get(ns);
    return u === undefined ? [] : [u];
  });
  return combine(project, rules, units, cache);
}

/**
 * The core on another thread, for a run with a cache: it loads the core and sends its digest
 * while this thread reads the project and the cache. When every namespace comes from the cache,
 * the session is stopped and the core was never loaded here; when a few must be checked again,
 * the session checks them with the core it has already loaded (`check`, which ends it).
 */
export interface CoreSession {
  readonly digest: Promise<CoreDigest>;
  /** Checks these namespaces there and takes the results into the cache; ends the session. */
  check(
    namespaces: readonly string[],
    rules: readonly string[] | undefined,
    cache: CheckCache,
  ): Promise<void>;
  stop(): void;
}

type SessionReply =
  | { ok: true; digest: { present: boolean; registry: string; documents: [string, string][] } }
  | { ok: true; units: UnitResult[]; share: CacheShare }
  | { ok: false; name: string; message: string; stack?: string };

export function startCoreSession(config: ProjectConfig): CoreSession {
  const worker = new Worker(new URL('./core-worker.js', import.meta.url), {
    workerData: { config },
  });
  let pending: { resolve: (r: SessionReply) => void; reject: (e: Error) => void } | undefined;
  let ended: Error | undefined;
  const next = () =>
    new Promise<SessionReply>((resolve, reject) => {
      if (ended !== undefined) reject(ended);
      else pending = { resolve, reject };
    });
  const failed = (reply: Extract<SessionReply, { ok: false }>): Error => {
    if (reply.name === 'ConfigError') return new ConfigError(reply.message);
    const e = new Error(reply.message);
    e.name = reply.name;
    if (reply.stack !== undefined) e.stack = reply.stack;
    return e;
  };
  worker.on('message', (reply: SessionReply) => {
    const p = pending;
    pending = undefined;
    p?.resolve(reply);
  });
  worker.once('error', (e) => {
    ended = e;
    pending?.reject(e);
  });
  worker.once('exit', (code) => {
    ended ??= new Error(`the core worker stopped (exit code ${code}) before replying`);
    pending?.reject(ended);
  });
  const digest = next().then((reply) => {
    if (!reply.ok) throw failed(reply);
    if (!('digest' in reply)) throw new Error('the core worker sent no digest');
    const d = reply.digest;
    return { present: d.present, registry: d.registry, documents: new Map(d.documents) };
  });
  digest.catch(() => undefined); // whoever awaits it sees the failure
  return {
    digest,
    async check(namespaces, rules, cache) {
      await digest;
      const reply = next();
      worker.postMessage({ namespaces, rules, share: cache.share(namespaces) });
      const r = await reply;
      void worker.terminate();
      if (!r.ok) throw failed(r);
      if (!('share' in r)) throw new Error('the core worker sent no results');
      const { reused, checked } = cache.stats;
      cache.absorb(r.share);
      // The caller's run counts these once, as checked (its own look will reuse them).
      cache.stats.reused = reused;
      cache.stats.checked = checked;
    },
    stop() {
      void worker.terminate();
    },
  };
}

function runWorker(request: WorkerRequest): Promise<Extract<WorkerReply, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: request });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply);
      else if (reply.name === 'ConfigError') reject(new ConfigError(reply.message));
      else {
        const e = new Error(reply.message);
        e.name = reply.name;
        if (reply.stack !== undefined) e.stack = reply.stack;
        reject(e);
      }
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new Error(`the check worker stopped (exit code ${code}) before replying`));
    });
  });
}
