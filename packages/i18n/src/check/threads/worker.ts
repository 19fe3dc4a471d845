import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../../model/errors.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';

/**
 * The one worker entry of the checks (protocol.ts says what it is asked and answers). It imports
 * almost nothing itself, so that it starts fast: a `core` task must send its digest while the
 * main thread is still reading the project. Only `new Worker` runs this module; nothing imports
 * it (package.json lists it under "sideEffects").
 */
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
post({ kind: 'ready' });
try {
  const { runTask } = await import('./tasks.js');
  await runTask(workerData as WorkerTask, post, (listener) =>
    parentPort?.once('message', listener),
  );
} catch (e) {
  post({ kind: 'error', error: serializeError(e) });
}
