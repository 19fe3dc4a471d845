import type { Corpus } from '@bilateral/core';
import { coreModuleFile, loadCorpus } from '../../files/core.js';
import { serializeError } from '../../model/errors.js';
import { digestCore, type CoreDigest } from '../incremental/core-digest.js';
import type { ProjectConfig } from '../../model/types.js';
import type {
  AnalysisTask,
  CheckRequest,
  CoreTask,
  NamespacesTask,
  WorkerMessage,
  WorkerTask,
} from './protocol.js';

/**
 * What a worker does for each task (worker.ts runs it). Only the core's loader and digest are
 * imported up front; the rules and the project's reading come in when a task needs them, so that
 * a `core` task sends its digest as soon as the core is loaded.
 */
export async function runTask(
  task: WorkerTask,
  post: (m: WorkerMessage) => void,
  onRequest: (listener: (r: CheckRequest) => void) => void,
): Promise<void> {
  switch (task.kind) {
    case 'namespaces':
      return post(await checkNamespacesTask(task));
    case 'core':
      return coreTask(task, post, onRequest);
    case 'analysis':
      return analysisTask(task, post);
  }
}

const engine = async () => {
  const [{ buildProject }, { CheckCache }, { checkNamespaces, selectRules }] = await Promise.all([
    import('../../files/project.js'),
    import('../incremental/cache.js'),
    import('../check.js'),
  ]);
  return { buildProject, CheckCache, checkNamespaces, selectRules };
};

/** A share of `checkInWorkers`: loads the core and the project, checks its namespaces. */
async function checkNamespacesTask(task: NamespacesTask): Promise<WorkerMessage> {
  const [corpus, { buildProject, CheckCache, checkNamespaces, selectRules }] = await Promise.all([
    loadCorpus(task.config),
    engine(),
  ]);
  const project = buildProject(task.config, corpus);
  const rules = selectRules(project.config, task.rules, corpus !== undefined);
  const cache = task.share === undefined ? undefined : CheckCache.fromShare(task.share);
  const units = checkNamespaces(project, task.namespaces, rules, {
    ...(task.rules === undefined ? {} : { rules: task.rules }),
    ...(cache === undefined ? {} : { cache }),
    status: task.status,
  });
  return { kind: 'units', units, share: cache?.share(task.namespaces) };
}

/**
 * Loads the core and sends its digest; then, if asked, checks some namespaces with that core —
 * so that a run which must check a few namespaces again loads the core once, here, and not also
 * on the main thread.
 */
async function coreTask(
  task: CoreTask,
  post: (m: WorkerMessage) => void,
  onRequest: (listener: (r: CheckRequest) => void) => void,
): Promise<void> {
  const { config } = task;
  const snapshot =
    task.snapshot === undefined ? undefined : await prepareSnapshot(task.snapshot, config);
  const corpus = await loadCorpus(config);
  const digest = snapshot?.write(corpus) ?? digestCore(corpus);
  // While the main thread decides (it stats the files), get ready to check: the rules' modules
  // and the project's file list. Wasted when nothing changed, but on this otherwise idle thread.
  const ready = engine().then((e) => ({ ...e, project: e.buildProject(config, corpus) }));
  ready.catch(() => undefined); // reported when a check is asked for
  onRequest((request) => {
    void (async () => {
      const { project, CheckCache, checkNamespaces, selectRules } = await ready;
      const cache = CheckCache.fromShare(request.share);
      const units = checkNamespaces(
        project,
        request.namespaces,
        selectRules(config, request.rules, corpus !== undefined),
        {
          cache,
          core: digest,
          status: request.status,
          ...(request.rules === undefined ? {} : { rules: request.rules }),
        },
      );
      post({ kind: 'units', units, share: cache.share(request.namespaces) });
    })().catch((e: unknown) => post({ kind: 'error', error: serializeError(e) }));
  });
  post({ kind: 'digest', digest });
}

/**
 * Lexes the core's module graph, before the core is imported (a file written in between is seen
 * as changed by the next run); `write` then writes the snapshot and returns the digest made with
 * it, or undefined when it could not be written: the snapshot only saves time, and a failure
 * costs the next run the core's import, nothing else.
 */
async function prepareSnapshot(
  file: string,
  config: ProjectConfig,
): Promise<{ write(corpus: Corpus | undefined): CoreDigest | undefined } | undefined> {
  const entry = coreModuleFile(config);
  if (entry === undefined) return undefined;
  try {
    const { moduleGraph, writeSnapshot } = await import('../incremental/core-snapshot.js');
    const graph = await moduleGraph(entry);
    return {
      write: (corpus) => {
        if (corpus === undefined) return undefined;
        try {
          return writeSnapshot(file, graph, corpus);
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  }
}

/** A whole run (see local-run.ts) with the core loaded here, sent first when asked. */
async function analysisTask(task: AnalysisTask, post: (m: WorkerMessage) => void): Promise<void> {
  const corpus = await loadCorpus(task.config);
  if (task.sendCorpus) post({ kind: 'corpus', corpus });
  const { runLocally } = await import('../local-run.js');
  const { findings, status } = await runLocally({
    config: task.config,
    settings: task.run,
    corpus: { value: corpus },
    loadCorpus: () => Promise.resolve(corpus),
  });
  post({ kind: 'analysis', findings, status });
}
