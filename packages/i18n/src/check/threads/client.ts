import { Worker } from 'node:worker_threads';
import { deserializeError } from '../../model/errors.js';
import type {
  CheckRequest,
  MessageKind,
  MessageOf,
  WorkerMessage,
  WorkerTask,
} from './protocol.js';

/**
 * A worker that could not start at all: its entry never ran (e.g. this package runs from its
 * TypeScript sources, under a test runner, where there is no worker.js). The session then does
 * the work on this thread. Never reaches a user.
 */
export class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

/** The main thread's side of one worker, running one task (see protocol.ts). */
export interface WorkerHandle {
  /**
   * The task's reply of this kind, when it comes. Rejects with the task's error (rebuilt with
   * its class), with {@link WorkerUnavailable}, or when the worker stops before sending it.
   */
  next<K extends MessageKind>(kind: K): Promise<MessageOf<K>>;
  /** Sends a `core` worker its follow-up. */
  post(request: CheckRequest): void;
  /** Ends the worker (whatever it was doing). */
  stop(): void;
}

const ENTRY = new URL('./worker.js', import.meta.url);

export function startWorker(task: WorkerTask): WorkerHandle {
  const inbox = new Map<MessageKind, WorkerMessage>();
  const waiting = new Map<
    MessageKind,
    { resolve(m: WorkerMessage): void; reject(e: Error): void }
  >();
  let failure: Error | undefined;
  let ready = false;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(ENTRY, { workerData: task });
  } catch (e) {
    fail(new WorkerUnavailable((e as Error).message));
  }
  worker?.on('message', (m: WorkerMessage) => {
    if (m.kind === 'ready') ready = true;
    else if (m.kind === 'error') fail(deserializeError(m.error));
    else {
      inbox.set(m.kind, m);
      waiting.get(m.kind)?.resolve(m);
      waiting.delete(m.kind);
    }
  });
  worker?.once('error', (e) => fail(ready ? e : new WorkerUnavailable(e.message)));
  worker?.once('exit', (code) =>
    fail(new Error(`the check worker (${task.kind}) stopped (exit code ${code}) before replying`)),
  );
  return {
    next<K extends MessageKind>(kind: K): Promise<MessageOf<K>> {
      const got = inbox.get(kind);
      if (got !== undefined) return Promise.resolve(got as MessageOf<K>);
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.set(kind, { resolve: (m) => resolve(m as MessageOf<K>), reject });
      });
    },
    post(request) {
      worker?.postMessage(request);
    },
    stop() {
      void worker?.terminate();
    },
  };
}
