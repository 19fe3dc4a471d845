import path from 'node:path';
import type { Corpus } from '@bilateral/core';
import { loadCorpus } from '../files/config.js';
import { buildProject } from '../files/project.js';
import type { Finding } from '../model/finding.js';
import type { Project, ProjectConfig } from '../model/types.js';
import { check, checkWithStatus } from './check.js';
import { CacheFile, CheckCache, defaultCacheFile } from './incremental/cache.js';
import { digestCore, type CoreDigest } from './incremental/core-digest.js';
import { runLocally } from './local-run.js';
import type { StatusReport } from './status.js';
import { startWorker, WorkerUnavailable, type WorkerHandle } from './threads/client.js';
import type { RunSettings } from './threads/protocol.js';

/**
 * How a check runs, decided once for every caller (`bilateral check`, the Eleventy plugin): which
 * cache file it reads and writes, on which threads it checks, and where the core is loaded.
 *
 * - In the foreground (the CLI): see local-run.ts. With a cache, the core loads on a worker while
 *   this thread looks at the files, and is never loaded here when nothing changed; afresh, large
 *   projects are checked on one thread per core.
 * - In the background (`background`, the plugin, which renders meanwhile): the whole run happens
 *   on one worker thread, one thread's worth of checks beside this one's work.
 * - Isolated (`isolate`): in the background, and that worker also loads the core and sends it
 *   ({@link CheckSession.corpus}): a fresh module graph, so an edited core is picked up without a
 *   restart (Node keeps imported modules).
 *
 * Where no worker can start (the package running from its TypeScript sources), everything runs
 * here. The findings are the same on every path: exactly those of `check()`.
 */
export interface CheckSessionOptions {
  /**
   * The cache file (see `bilateral check --cache-location`), `false` for none. Default:
   * node_modules/.cache/bilateral/check.json in the project's root; none without node_modules.
   */
  readonly cache?: string | false;
  /**
   * Threads to check on. Default: one per core for projects of `PARALLEL_MIN_FILES` locale files
   * or more, else 1; in the background, 1.
   */
  readonly jobs?: number;
  /** Check on another thread, leaving this one free. */
  readonly background?: boolean;
  /** Load the core and check in a fresh worker thread (implies `background`). */
  readonly isolate?: boolean;
  /** Run only these rules (ids). */
  readonly rules?: readonly string[];
  /** With the status report (as `checkWithStatus` gives it), cached with the findings. */
  readonly status?: boolean;
  /** Hears about a cache file that could not be written (the results are not affected). */
  readonly onCacheError?: (e: Error) => void;
}

export interface CheckSessionResult<S extends StatusReport | undefined = StatusReport | undefined> {
  /** Sorted, as `check()` returns them. */
  readonly findings: readonly Finding[];
  /** The status report, with `status: true`. */
  readonly status: S;
  /**
   * The project checked, for code frames (`formatFindings(…, { project })`); without its core
   * when the core was loaded on another thread.
   */
  readonly project: Project;
}

export interface CheckSession<S extends StatusReport | undefined = StatusReport | undefined> {
  /** The configuration checked (the last one given to {@link again}). */
  readonly config: ProjectConfig;
  /** The project's core (loaded here, or sent by the isolated worker); once per configuration. */
  corpus(): Promise<Corpus | undefined>;
  /** The first run's result (the run starts at the first call, or at once in the background). */
  result(): Promise<CheckSessionResult<S>>;
  /**
   * Checks again on this thread (`--watch`): the cache kept in memory (and written to its file),
   * the core loaded and digested once per configuration (pass the new one when it changed).
   */
  again(config?: ProjectConfig): Promise<CheckSessionResult<S>>;
  /** Ends any worker still running for the session. */
  stop(): void;
}

export function openCheckSession(
  config: ProjectConfig,
  options: CheckSessionOptions & { readonly status: true },
): CheckSession<StatusReport>;
export function openCheckSession(
  config: ProjectConfig,
  options?: CheckSessionOptions,
): CheckSession;
export function openCheckSession(
  config: ProjectConfig,
  options: CheckSessionOptions = {},
): CheckSession {
  const isolate = options.isolate === true;
  const background = isolate || options.background === true;
  const settings: RunSettings = {
    cacheFile:
      options.cache === false
        ? undefined
        : options.cache === undefined
          ? defaultCacheFile(config.root)
          : path.resolve(options.cache),
    rules: options.rules,
    jobs: options.jobs ?? (background ? 1 : undefined),
    status: options.status === true,
  };
  let current = config;
  let corpusHere: Promise<Corpus | undefined> | undefined;
  let digest: CoreDigest | undefined;
  let memory: CheckCache | undefined;
  let first: Promise<CheckSessionResult> | undefined;
  // Once per configuration; a core that failed to load is tried again when asked again.
  const loadHere = () =>
    (corpusHere ??= loadCorpus(current).catch((e: unknown) => {
      corpusHere = undefined;
      throw e;
    }));

  const here = async (): Promise<CheckSessionResult> => {
    const known = corpusHere === undefined ? undefined : { value: await corpusHere };
    const r = await runLocally({
      config: current,
      settings,
      loadCorpus: loadHere,
      ...(known === undefined ? {} : { corpus: known }),
      ...(options.onCacheError === undefined ? {} : { onCacheError: options.onCacheError }),
    });
    memory = r.cache;
    return { findings: r.findings, status: r.status, project: r.project };
  };

  const worker = background
    ? startWorker({ kind: 'analysis', config, run: settings, sendCorpus: isolate })
    : undefined;
  const isolated = worker === undefined ? undefined : inBackground(worker, isolate, loadHere, here);

  return {
    get config() {
      return current;
    },
    corpus: () => isolated?.corpus() ?? loadHere(),
    result: () => (first ??= isolated?.result(current) ?? here()),
    async again(next) {
      if (next !== undefined && next !== current) {
        current = next;
        corpusHere = undefined;
        digest = undefined;
      }
      const corpus = await loadHere();
      digest ??= digestCore(corpus);
      const project = buildProject(current, corpus);
      memory ??= new CheckCache();
      const opts = {
        cache: memory,
        core: digest,
        ...(settings.rules === undefined ? {} : { rules: settings.rules }),
      };
      const r = settings.status
        ? checkWithStatus(project, opts)
        : { findings: check(project, opts), status: undefined };
      if (settings.cacheFile !== undefined)
        new CacheFile(settings.cacheFile, options.onCacheError).save(memory);
      return { ...r, project };
    },
    stop: () => worker?.stop(),
  };
}

/** The session's side of its background worker, with this thread as the fallback. */
function inBackground(
  worker: WorkerHandle,
  isolate: boolean,
  loadHere: () => Promise<Corpus | undefined>,
  here: () => Promise<CheckSessionResult>,
) {
  const unavailable =
    <T>(fallback: () => Promise<T>) =>
    (e: unknown) => {
      if (e instanceof WorkerUnavailable) return fallback();
      throw e;
    };
  let corpus: Promise<Corpus | undefined> | undefined;
  // The run has started: its failure is seen by whoever asks for the result (or never, after stop).
  const analysis = worker.next('analysis');
  analysis.catch(() => undefined);
  return {
    corpus: () =>
      isolate
        ? (corpus ??= worker.next('corpus').then((m) => m.corpus, unavailable(loadHere)))
        : loadHere(),
    async result(config: ProjectConfig): Promise<CheckSessionResult> {
      try {
        const m = await analysis;
        return { findings: m.findings, status: m.status, project: buildProject(config, undefined) };
      } catch (e) {
        return unavailable(here)(e);
      } finally {
        worker.stop();
      }
    },
  };
}
