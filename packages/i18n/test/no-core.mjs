/* global process */
/**
 * Test-only: a Node process in which `@bilateral/core` is not installed. Loaded with
 * `node --import <this file>` by core-optional.test.ts (and the site's generic-site test), never by
 * the package. It makes the package unresolvable for `import` (a resolve hook) and for `require`,
 * `require.resolve` and `createRequire(…).resolve` (Module._resolveFilename), and refuses to load
 * any file of packages/core by path (a load hook), in this thread and in every worker thread (which
 * run their own `--import`). BILATERAL_TEST_CORE_LOG, when set, names a file that gets one line
 * per refused attempt (`import`, `require`, `load`, or `resolve` for a `require.resolve` that only
 * looks whether the core is there), so that a test can tell the core was never loaded.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const NAME = '@bilateral/core';
const log = process.env.BILATERAL_TEST_CORE_LOG;
const note = (what) => {
  if (log) appendFileSync(log, `${what}\n`);
};

const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === NAME || request.startsWith(`${NAME}/`)) {
    // `require.resolve` only looks (the caches' fingerprint asks whether the core is there).
    // (`Function.resolve` on Node 20; `require.resolve`, a few frames down, on Node 24.)
    const looks = /at (?:Function\.|require\.)?resolve \(node:internal\/modules\/helpers/.test(
      new Error().stack ?? '',
    );
    note(`${looks ? 'resolve' : 'require'} ${request}`);
    const e = new Error(`Cannot find module '${NAME}'`);
    e.code = 'MODULE_NOT_FOUND';
    throw e;
  }
  return original.call(this, request, ...rest);
};

const hooks = `
import { appendFileSync } from 'node:fs';
const log = ${JSON.stringify(log ?? '')};
const note = (what) => { if (log) appendFileSync(log, what + '\\n'); };
export async function resolve(specifier, context, next) {
  if (specifier === '${NAME}' || specifier.startsWith('${NAME}/')) {
    note('import ' + specifier);
    const e = new Error("Cannot find package '${NAME}' imported from " + context.parentURL);
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (/\\/packages\\/core\\//.test(url)) {
    note('load ' + url);
    const e = new Error("Cannot find module '" + url + "' (${NAME} is not installed)");
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(url, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
