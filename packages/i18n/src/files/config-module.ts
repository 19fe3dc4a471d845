import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../model/errors.js';

/**
 * Importing configuration modules. A config in JS or TS is code, and runs (SECURITY.md:
 * configuration is code). Bilateral's own config is imported in this process; a project's
 * i18next config (`i18next.config.ts`, `next-i18next.config.js`) often imports React, plugins or
 * tools that are not installed where the check runs, so it is imported on a worker thread with a
 * time, memory and size limit, and only its JSON-like data comes back.
 */

/** Limits for a project's i18next config module. */
export const MODULE_LIMITS = { bytes: 256 * 1024, ms: 5_000, heapMb: 256 } as const;

/**
 * Imports a JS or TS config module in this process. Node 20 cannot import TypeScript itself: a
 * `.ts` config is transpiled with the project's own `typescript` (it has one if it writes its
 * config in TS) into a temporary module next to it, so that its relative imports still resolve.
 */
export async function importConfigModule(file: string): Promise<Record<string, unknown>> {
  const temp = file.endsWith('.ts') ? transpile(file) : undefined;
  try {
    const mod = (await import(pathToFileURL(temp ?? file).href)) as { default?: unknown };
    return (mod.default ?? {}) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`${file}: cannot load the config: ${firstLine(e)}`);
  } finally {
    if (temp !== undefined) rmSync(temp, { force: true });
  }
}

/**
 * A project's config module, imported on a worker thread that is stopped after
 * {@link MODULE_LIMITS.ms}: its default export (or `module.exports`) as JSON-like data. Functions
 * are dropped, except that a function or object with a string `type` (an i18next plugin in a
 * `use` list) is kept as `{ "$plugin": type, "name": … }`. Any failure is a {@link ConfigError}
 * that names the file and ends with `hint`.
 */
export async function importDataModule(file: string, hint: string): Promise<unknown> {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > MODULE_LIMITS.bytes)
    throw new ConfigError(
      `${file}: larger than ${MODULE_LIMITS.bytes / 1024} KB; not read. ${hint}`,
    );
  let temp: string | undefined;
  try {
    temp = file.endsWith('.ts') ? transpile(file) : undefined;
    const text = await inWorker(pathToFileURL(temp ?? file).href);
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof ConfigError ? e.message : firstLine(e);
    throw new ConfigError(`${file}: cannot be read (${why}). ${hint}`);
  } finally {
    if (temp !== undefined) rmSync(temp, { force: true });
  }
}

/** The worker: imports the module and posts its data as JSON. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const data = (v, depth) => {
  if (depth > 8) return undefined;
  if (typeof v === 'function' || (v !== null && typeof v === 'object' && typeof v.type === 'string' && typeof v.init === 'function')) {
    const type = typeof v.type === 'string' ? v.type : typeof v.prototype?.type === 'string' ? v.prototype.type : undefined;
    return type === undefined ? undefined : { $plugin: type, name: String(v.name ?? v.constructor?.name ?? '') };
  }
  if (Array.isArray(v)) return v.slice(0, 1000).map((x) => data(x, depth + 1) ?? null);
  if (v !== null && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).slice(0, 1000)) { const x = data(v[k], depth + 1); if (x !== undefined) out[k] = x; }
    return out;
  }
  return typeof v === 'bigint' || typeof v === 'symbol' ? undefined : v;
};
import(workerData.url).then(
  (mod) => parentPort.postMessage({ ok: true, json: JSON.stringify(data(mod.default ?? mod, 0) ?? null) }),
  (e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e).split('\\n')[0] }),
);
`;

function inWorker(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { url },
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: MODULE_LIMITS.heapMb },
    });
    // What the module prints is not ours to show (it would corrupt `--format json`).
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ConfigError(`it did not finish loading within ${MODULE_LIMITS.ms / 1000} s`));
    }, MODULE_LIMITS.ms);
    const done = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (m: { ok: boolean; json?: string; message?: string }) => {
      done();
      if (m.ok) resolve(m.json ?? 'null');
      else reject(new ConfigError(m.message ?? 'it failed to load'));
    });
    worker.once('error', (e) => {
      done();
      reject(e);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      reject(new ConfigError('it stopped before exporting anything'));
    });
  });
}

/** Transpiles a `.ts` module with the project's `typescript` into a temporary `.mjs` next to it. */
function transpile(file: string): string {
  let ts: { transpileModule(input: string, o: object): { outputText: string } };
  try {
    const req = createRequire(file);
    ts = req(req.resolve('typescript')) as typeof ts;
  } catch {
    throw new ConfigError(
      `${file}: a TypeScript config needs the "typescript" package in the project; or use bilateral.config.json`,
    );
  }
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: 99 /* ESNext */, target: 10 /* ES2023 */ },
    fileName: file,
  }).outputText;
  const temp = path.join(path.dirname(file), `.bilateral.config.${process.pid}.${Date.now()}.mjs`);
  writeFileSync(temp, out);
  return temp;
}

const firstLine = (e: unknown): string =>
  ((e as Error | undefined)?.message ?? String(e)).split('\n')[0] ?? '';
