import type { Corpus } from '@bilateral/core';
import type { SerializedError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import type { ProjectConfig } from '../../model/types.js';
import type { UnitResult } from '../check.js';
import type { CacheShare } from '../incremental/cache.js';
import type { CoreDigest } from '../incremental/core-digest.js';
import type { StatusReport } from '../status.js';

/**
 * The one protocol between a check and its worker threads (see worker.ts, the one entry). A
 * worker is started for one {@link WorkerTask} (its `workerData`) and answers with
 * {@link WorkerMessage}s: `ready` first (the entry is running: from then on a failure is the
 * task's, not a worker that could not start), then the task's replies, or one `error`. Errors
 * cross as data (`serializeError`) and are rebuilt with their class (`deserializeError`), so a
 * configuration mistake found on a worker is still a `ConfigError` with its exit code. Everything
 * here is structured-clone data (a `Map` included).
 */
export type WorkerTask = NamespacesTask | CoreTask | AnalysisTask;

/** Load the core and the project, check these namespaces (a share of `checkInWorkers`). */
export interface NamespacesTask {
  readonly kind: 'namespaces';
  readonly config: ProjectConfig;
  readonly namespaces: readonly string[];
  readonly rules: readonly string[] | undefined;
  /** Whether each namespace's part of the status report comes with its findings. */
  readonly status: boolean;
  readonly share: CacheShare | undefined;
}

/**
 * Load the core and send its digest at once; then, if a {@link CheckRequest} follows, check
 * those namespaces with the core loaded there (a cached run with a few changed namespaces).
 */
export interface CoreTask {
  readonly kind: 'core';
  readonly config: ProjectConfig;
  /** Where to write the core's snapshot (core-snapshot.ts) before sending the digest. */
  readonly snapshot?: string;
}

/** A whole check run, cache included, in a fresh module graph (so: the core as it is now). */
export interface AnalysisTask {
  readonly kind: 'analysis';
  readonly config: ProjectConfig;
  readonly run: RunSettings;
  /** Send the core as soon as it is loaded, before checking (the caller renders with it). */
  readonly sendCorpus: boolean;
}

/** How a check run goes, decided by the session (see session.ts). */
export interface RunSettings {
  /** The cache file to read and write; none when undefined. */
  readonly cacheFile: string | undefined;
  readonly rules: readonly string[] | undefined;
  /** Threads for the namespace passes; undefined: by the project's size (`defaultJobs`). */
  readonly jobs: number | undefined;
  /** With the status report (`checkWithStatus`). */
  readonly status: boolean;
}

/** The follow-up a `core` worker may get, once: check these namespaces there. */
export interface CheckRequest {
  readonly namespaces: readonly string[];
  readonly rules: readonly string[] | undefined;
  readonly status: boolean;
  readonly share: CacheShare;
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'digest'; readonly digest: CoreDigest }
  | { readonly kind: 'corpus'; readonly corpus: Corpus | undefined }
  | {
      readonly kind: 'units';
      readonly units: readonly UnitResult[];
      readonly share: CacheShare | undefined;
    }
  | {
      readonly kind: 'analysis';
      readonly findings: readonly Finding[];
      readonly status: StatusReport | undefined;
    }
  | { readonly kind: 'error'; readonly error: SerializedError };

export type MessageKind = Exclude<WorkerMessage['kind'], 'ready' | 'error'>;
export type MessageOf<K extends MessageKind> = Extract<WorkerMessage, { kind: K }>;
