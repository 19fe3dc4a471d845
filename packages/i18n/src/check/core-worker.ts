import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus, type ProjectConfig } from '../project/config.js';
import { digestCore } from './core-digest.js';

/** A worker thread that loads a project's core and sends back its digest (see `digestCoreInWorker`). */
const config = (workerData as { config: ProjectConfig }).config;
try {
  const d = digestCore(await loadCorpus(config));
  parentPort?.postMessage({
    ok: true,
    digest: { present: d.present, registry: d.registry, documents: [...d.documents] },
  });
} catch (e) {
  const err = e as Error;
  parentPort?.postMessage({ ok: false, name: err.name, message: err.message });
}
