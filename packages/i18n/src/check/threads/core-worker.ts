import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../../files/config.js';
import { type ProjectConfig } from '../../model/types.js';
import { digestCore } from '../incremental/core-digest.js';
import type { CacheShare } from '../incremental/cache.js';

/**
 * The thread of a `startCoreSession`: loads the project's core and sends its digest at once
 * (this module imports little, so that it starts fast); then, if asked, checks some namespaces
 * with that core — so that a run which must check a few namespaces again loads the core once,
 * here, and not also on the main thread.
 */
const config = (workerData as { config: ProjectConfig }).config;

export type SessionRequest =
  | { readonly stop: true }
  | {
      readonly namespaces: readonly string[];
      readonly rules: readonly string[] | undefined;
      readonly share: CacheShare;
    };

const fail = (e: unknown) => {
  const err = e as Error;
  parentPort?.postMessage({ ok: false, name: err.name, message: err.message, stack: err.stack });
};

try {
  const corpus = await loadCorpus(config);
  const d = digestCore(corpus);
  // While the main thread decides (it stats the files), get ready to check: the rules' modules
  // and the project's file list. Wasted when nothing changed, but on this otherwise idle thread.
  const ready = (async () => {
    const [{ buildProject }, { CheckCache }, { checkNamespaces, selectRules }] = await Promise.all([
      import('../../files/project.js'),
      import('../incremental/cache.js'),
      import('../check.js'),
    ]);
    return { project: buildProject(config, corpus), CheckCache, checkNamespaces, selectRules };
  })();
  ready.catch(() => undefined); // reported when a check is asked for
  parentPort?.once('message', (request: SessionRequest) => {
    if ('stop' in request) {
      parentPort?.close();
      return;
    }
    void (async () => {
      try {
        const { project, CheckCache, checkNamespaces, selectRules } = await ready;
        const cache = CheckCache.fromShare(request.share);
        const units = checkNamespaces(
          project,
          request.namespaces,
          selectRules(config, request.rules, corpus !== undefined),
          {
            cache,
            core: d,
            ...(request.rules === undefined ? {} : { rules: request.rules }),
          },
        );
        parentPort?.postMessage({ ok: true, units, share: cache.share(request.namespaces) });
      } catch (e) {
        fail(e);
      }
    })();
  });
  parentPort?.postMessage({
    ok: true,
    digest: { present: d.present, registry: d.registry, documents: [...d.documents] },
  });
} catch (e) {
  fail(e);
}
