import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../../files/config.js';
import { buildProject } from '../../files/project.js';
import { CheckCache } from '../incremental/cache.js';
import { checkNamespaces, selectRules } from '../check.js';
import type { WorkerReply, WorkerRequest } from './parallel.js';

/** A worker thread of `checkInWorkers`: loads the core and the project, checks its namespaces. */
const request = workerData as WorkerRequest;

async function work(): Promise<WorkerReply> {
  try {
    const corpus = await loadCorpus(request.config);
    const project = buildProject(request.config, corpus);
    const rules = selectRules(project.config, request.rules, corpus !== undefined);
    const cache = request.share === undefined ? undefined : CheckCache.fromShare(request.share);
    const units = checkNamespaces(project, request.namespaces, rules, {
      ...(request.rules === undefined ? {} : { rules: request.rules }),
      ...(cache === undefined ? {} : { cache }),
    });
    return cache === undefined
      ? { ok: true, units }
      : { ok: true, units, share: cache.share(request.namespaces) };
  } catch (e) {
    const err = e as Error;
    return {
      ok: false,
      name: err.name,
      message: err.message,
      ...(err.stack === undefined ? {} : { stack: err.stack }),
    };
  }
}

parentPort?.postMessage(await work());
