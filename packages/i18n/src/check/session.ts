import path from 'node:path';
import type { Corpus } from '@bilateral/core';
import { loadCore, loadCorpus } from '../files/core.js';
import { buildProject, refreshProject } from '../files/project.js';
import type { Finding } from '../model/finding.js';
import type { Project, ProjectConfig } from '../model/types.js';
import { check, checkWithStatus } from './check.js';
import { CacheFile, CheckCache, defaultCacheFile } from './incremental/cache.js';
import { digestCore, type CoreDigest } from './incremental/core-digest.js';
import { runLocally } from './local-run.js';
import type { StatusReport } from './status.js';
import { startWorker, WorkerUnavailable, type WorkerHandle } from './threads/client.js';
import type { MessageOf, RunSettings } from './threads/protocol.js';

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
  /**
   * The core, already loaded (a dev server keeps the one an isolated session sent while only
   * locale files change): used instead of loading it on this thread.
   */
  readonly corpus?: Corpus;
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
   * Checks again on this thread (`--watch`): the cache kept in memory (and written to its file
   * soon after, once runs pause),
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
  return new Session(config, options);
}

class Session implements CheckSession {
  private current: ProjectConfig;
  private readonly settings: RunSettings;
  private readonly isolate: boolean;
  /** The background worker (started at once), when the session runs in the background. */
  private readonly worker: WorkerHandle | undefined;
  private readonly analysis: Promise<MessageOf<'analysis'>> | undefined;
  private corpusHere: Promise<Corpus | undefined> | undefined;
  private corpusThere: Promise<Corpus | undefined> | undefined;
  private first: Promise<CheckSessionResult> | undefined;
  /** For `again`: the cache kept in memory, the core's digest (per configuration). */
  private memory: CheckCache | undefined;
  private digest: CoreDigest | undefined;
  /** The project {@link again} last checked. */
  private last: Project | undefined;
  /** A cache file write scheduled by {@link again}. */
  private saving: { readonly save: () => void; readonly timer: NodeJS.Timeout } | undefined;

  constructor(
    config: ProjectConfig,
    private readonly options: CheckSessionOptions,
  ) {
    this.current = config;
    if (options.corpus !== undefined) this.corpusHere = Promise.resolve(options.corpus);
    this.isolate = options.isolate === true;
    const background = this.isolate || options.background === true;
    this.settings = {
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
    if (background) {
      const sendCorpus = this.isolate;
      this.worker = startWorker({ kind: 'analysis', config, run: this.settings, sendCorpus });
      // The run has started: its failure is seen by whoever asks for the result (or no one).
      this.analysis = this.worker.next('analysis');
      this.analysis.catch(() => undefined);
    }
  }

  get config(): ProjectConfig {
    return this.current;
  }

  corpus(): Promise<Corpus | undefined> {
    if (this.worker === undefined || !this.isolate) return this.loadHere();
    // The worker loaded the core's documents; the core's queries (rendering them) load here.
    return (this.corpusThere ??= this.worker.next('corpus').then(
      async (m) => {
        if (m.corpus !== undefined) await loadCore(this.current);
        return m.corpus;
      },
      orHere(() => this.loadHere()),
    ));
  }

  result(): Promise<CheckSessionResult> {
    return (this.first ??= this.analysis === undefined ? this.here() : this.fromWorker());
  }

  async again(next?: ProjectConfig): Promise<CheckSessionResult> {
    if (next !== undefined && next !== this.current) {
      this.current = next;
      this.corpusHere = undefined;
      this.digest = undefined;
    }
    const corpus = await this.loadHere();
    this.digest ??= digestCore(corpus);
    // The files unchanged since the last run keep their objects (and digests): see refreshProject.
    const project = refreshProject(this.last, this.current, corpus);
    this.last = project;
    const cache = (this.memory ??= new CheckCache());
    cache.keepHashes();
    const { rules, status, cacheFile } = this.settings;
    const opts = { cache, core: this.digest, ...(rules === undefined ? {} : { rules }) };
    const r = status
      ? checkWithStatus(project, opts)
      : { findings: check(project, opts), status: undefined };
    if (cacheFile !== undefined) this.saveSoon(cacheFile, cache);
    return { ...r, project };
  }

  stop(): void {
    this.worker?.stop();
    if (this.saving !== undefined) {
      clearTimeout(this.saving.timer);
      this.saving.save();
      this.saving = undefined;
    }
  }

  /**
   * Writes the cache file a little after the last run: the file is for the next process, and a
   * large cache (4.7 MB at 100,000 keys, about 80 ms to serialise and write) need not delay the
   * report of this one, nor the next run of a watching process. Runs in a row write once, when
   * they pause; {@link stop} writes what is still pending.
   */
  private saveSoon(file: string, cache: CheckCache): void {
    if (this.saving !== undefined) clearTimeout(this.saving.timer);
    const save = () => new CacheFile(file, this.options.onCacheError).save(cache);
    this.saving = {
      save,
      timer: setTimeout(() => {
        this.saving = undefined;
        save();
      }, SAVE_AFTER_MS),
    };
  }

  /** The core, loaded here once per configuration (a failure is tried again when asked again). */
  private loadHere(): Promise<Corpus | undefined> {
    return (this.corpusHere ??= loadCorpus(this.current).catch((e: unknown) => {
      this.corpusHere = undefined;
      throw e;
    }));
  }

  /** The run on this thread (see local-run.ts), with the core if it is loaded here already. */
  private async here(): Promise<CheckSessionResult> {
    const known = this.corpusHere === undefined ? undefined : { value: await this.corpusHere };
    const onCacheError = this.options.onCacheError;
    const r = await runLocally({
      config: this.current,
      settings: this.settings,
      loadCorpus: () => this.loadHere(),
      ...(known === undefined ? {} : { corpus: known }),
      ...(onCacheError === undefined ? {} : { onCacheError }),
    });
    this.memory = r.cache;
    return { findings: r.findings, status: r.status, project: r.project };
  }

  /** The background worker's run; on this thread when no worker could start. */
  private async fromWorker(): Promise<CheckSessionResult> {
    try {
      const m = await (this.analysis as Promise<MessageOf<'analysis'>>);
      const project = buildProject(this.current, undefined);
      return { findings: m.findings, status: m.status, project };
    } catch (e) {
      return orHere(() => this.here())(e);
    } finally {
      this.stop();
    }
  }
}

/** How long a session waits after a run before writing its cache file (see `saveSoon`). */
const SAVE_AFTER_MS = 500;

/** A rejection handler: on this thread instead when no worker could start, else the error. */
const orHere =
  <T>(fallback: () => Promise<T>) =>
  (e: unknown): Promise<T> => {
    if (e instanceof WorkerUnavailable) return fallback();
    throw e;
  };
