// What every phase of the publish test (scripts/test-publish.mjs) uses: paths, running commands,
// failing with a message, and reading the workspace.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A package.json: untrusted JSON. @typedef {Record<string, any>} Manifest */
/** @typedef {{ dir: string, rel: string, manifest: Manifest }} WorkspacePackage */
/** @typedef {{ code: number, stdout: string, stderr: string, output: string }} Result */
/** @typedef {{ cwd?: string, env?: NodeJS.ProcessEnv, timeout?: number }} RunOptions */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'node_modules', '.bin');
export const TYPESCRIPT = path.join(ROOT, 'node_modules', 'typescript', 'lib', 'typescript.js');
export const DOCUMENT = 'north-korea-ukraine-relations';
export const SAMPLE_NOTE = 'Publish test: a sample change that is never committed.';

const started = Date.now();
export const secs = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
/** @param {string} message */
export const step = (message) => {
  process.stdout.write(`[${secs()}s] ${message}\n`);
};

/** A check that failed: its message says what and why; no stack trace is shown for it. */
export class Failure extends Error {}
/**
 * @param {string} message
 * @returns {never}
 */
export const fail = (message) => {
  throw new Failure(message);
};
/**
 * @param {boolean} ok
 * @param {string} message
 * @returns {asserts ok}
 */
export function check(ok, message) {
  if (!ok) fail(message);
}

/** @param {string} text */
export const indent = (text) => text.replace(/^/gm, '    ');
/**
 * @param {string} file
 * @returns {any} parsed JSON
 */
export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
/**
 * @param {string} file
 * @param {unknown} value
 */
export const writeJson = (file, value) =>
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

/**
 * Runs a command without blocking this process (Verdaccio answers from this event loop).
 * @param {string} command
 * @param {readonly string[]} argv
 * @param {RunOptions} [options]
 * @returns {Promise<Result>}
 */
export function sh(command, argv, options = {}) {
  return new Promise((resolve) => {
    execFile(
      command,
      argv,
      {
        cwd: options.cwd ?? ROOT,
        env: options.env ?? process.env,
        maxBuffer: 64 << 20,
        timeout: options.timeout ?? 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr),
          output: `${stdout}${stderr}`.trim(),
        });
      },
    );
  });
}

/**
 * Like sh, but a non-zero exit is a failure with the command's output.
 * @param {string} what
 * @param {string} command
 * @param {readonly string[]} argv
 * @param {RunOptions} [options]
 */
export async function must(what, command, argv, options) {
  const r = await sh(command, argv, options);
  if (r.code !== 0) fail(`${what} failed (exit ${r.code}):\n${indent(r.output)}`);
  return r;
}

/**
 * An environment without npm/pnpm settings inherited from `pnpm run` or the developer's shell.
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(k)) continue;
    env[k] = v;
  }
  env.PATH = `${BIN}${path.delimiter}${process.env.PATH ?? ''}`;
  env.TURBO_TELEMETRY_DISABLED = '1';
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  return { ...env, ...extra };
}

/**
 * Workspace packages of a repository folder (the `dir/*` globs of pnpm-workspace.yaml).
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function workspacePackages(root) {
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const groups = [...yaml.matchAll(/^\s*-\s*['"]?([\w./-]+)\/\*['"]?\s*$/gm)].map(
    (m) => m[1] ?? '',
  );
  /** @type {WorkspacePackage[]} */
  const out = [];
  for (const group of groups) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const file = path.join(base, name, 'package.json');
      if (!existsSync(file)) continue;
      out.push({
        dir: path.join(base, name),
        rel: `${group}/${name}`,
        manifest: /** @type {Manifest} */ (readJson(file)),
      });
    }
  }
  return out;
}

/**
 * ```js and ```ts blocks of a README, in order.
 * @param {string} file
 * @param {string} lang
 */
export function codeBlocks(file, lang) {
  const text = readFileSync(file, 'utf8');
  const re = new RegExp('^```' + lang + '(?:[ \\t][^\\n]*)?\\n([\\s\\S]*?)^```', 'gm');
  return [...text.matchAll(re)].map((m) => m[1] ?? '');
}

/** The dependency fields of a manifest. */
export const DEPENDENCY_FIELDS = /** @type {const} */ ([
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
]);
