#!/usr/bin/env node
// Checks that a package is fit to publish, on the tarball that would be published:
//   1. packs it with `pnpm pack` (as `changeset publish` does: `workspace:` ranges are rewritten);
//   2. our policy: the fields every public @bilateral package must have, and what the tarball may
//      and must contain (README, no tests, no build caches, no `workspace:` ranges left);
//   3. publint (strict: warnings are errors; suggestions count too);
//   4. @arethetypeswrong/cli --profile esm-only (JSON subpaths of locale packages included).
// Any finding fails the check. Usage: node scripts/check-package.mjs [package-dir ...] (default: .)
// Exit code: 0 clean, 1 findings, 2 usage error.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ATTW = path.join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
const MIN_NODE = '>=20.19';

/**
 * A package.json as read from disk or from a tarball: untrusted JSON.
 * @typedef {Record<string, any>} Manifest
 */
/** An error thrown by a promisified execFile: the child's output rides along. */
/** @typedef {Error & { stdout?: string, stderr?: string }} ExecError */

/**
 * Files that must never reach the registry (tests, build caches, repo-only config).
 * @type {ReadonlyArray<readonly [RegExp, string]>}
 */
const FORBIDDEN = [
  [/(^|\/)test\//, 'a test folder'],
  [/\.test\.[cm]?[jt]sx?$/, 'a test file'],
  [/\.tsbuildinfo$/, 'a TypeScript build cache'],
  [/(^|\/)turbo\.json$/, 'turbo configuration'],
  [/(^|\/)tsconfig[^/]*\.json$/, 'a tsconfig'],
  [/(^|\/)\.bilateral-lock\.json$/, 'a translation lock file (repository state)'],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/(^|\/)vitest\.config\./, 'vitest configuration'],
];

/**
 * The policy for public @bilateral packages, on the packed manifest and file list.
 * @param {Manifest} manifest the packed package.json
 * @param {readonly string[]} files the tarball's files
 * @param {string} repoDir the package's folder, relative to the repository
 * @returns {string[]} problems, each saying what to fix
 */
export function policyProblems(manifest, files, repoDir) {
  /** @type {string[]} */
  const p = [];
  /** @param {boolean} ok @param {string} message */
  const need = (ok, message) => {
    if (!ok) p.push(message);
  };
  need(
    manifest.private !== true,
    '"private": true — a private package cannot be published (remove it, or do not check it)',
  );
  need(manifest.type === 'module', '"type" must be "module" (the packages are ESM only)');
  need(
    typeof manifest.license === 'string' && manifest.license !== '',
    '"license" is missing (an SPDX id, e.g. "MIT")',
  );
  need(
    manifest.engines?.node === MIN_NODE,
    `"engines.node" must be "${MIN_NODE}" (is ${JSON.stringify(manifest.engines?.node)})`,
  );
  need(
    typeof manifest.sideEffects === 'boolean' || Array.isArray(manifest.sideEffects),
    '"sideEffects" is missing (false, or the list of files with side effects)',
  );
  need(
    typeof manifest.repository === 'object' && typeof manifest.repository?.url === 'string',
    '"repository" must be an object with "url" (and "directory")',
  );
  need(
    manifest.repository?.directory === repoDir,
    `"repository.directory" must be "${repoDir}" (is ${JSON.stringify(manifest.repository?.directory)})`,
  );
  need(
    manifest.publishConfig?.access === 'public',
    '"publishConfig.access" must be "public" (scoped packages are private by default)',
  );
  need(
    Array.isArray(manifest.files),
    '"files" is missing: list what to publish, so that nothing else leaks',
  );
  need(typeof manifest.exports === 'object' && manifest.exports !== null, '"exports" is missing');
  p.push(...exportsProblems(manifest.exports));
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
    'devDependencies',
  ]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      need(
        !String(range).startsWith('workspace:') &&
          !String(range).startsWith('link:') &&
          !String(range).startsWith('file:'),
        `${field}.${dep} is "${range}" in the packed manifest: publish with pnpm (\`changeset publish\`) so that it is rewritten`,
      );
    }
  }
  need(
    files.includes('README.md'),
    'README.md is not in the tarball (add one, and list it in "files")',
  );
  for (const f of files) {
    const hit = FORBIDDEN.find(([re]) => re.test(f));
    if (hit) p.push(`${f} is ${hit[1]} and must not be published: exclude it in "files"`);
  }
  return p;
}

/** @type {(value: unknown) => boolean} */
const hasTypes = (value) =>
  value !== null &&
  typeof value === 'object' &&
  Object.entries(value).some(([k, v]) => k === 'types' || hasTypes(v));

/**
 * The "exports" map: every conditions object has "types", first, so that TypeScript finds them.
 * @param {unknown} exportsField
 * @returns {string[]} problems
 */
function exportsProblems(exportsField) {
  /** @type {string[]} */
  const p = [];
  /** @type {(value: unknown, where: string) => void} */
  const walk = (value, where) => {
    if (value === null || typeof value !== 'object') return;
    const record = /** @type {Record<string, unknown>} */ (value);
    const keys = Object.keys(record);
    if (keys.some((k) => !k.startsWith('.'))) {
      if ('types' in record) {
        if (keys[0] !== 'types') p.push(`exports${where}: "types" must be the first condition`);
      } else if (!hasTypes(value)) {
        p.push(`exports${where}: no "types" condition (TypeScript users get no types)`);
      }
    }
    for (const k of keys) walk(record[k], `${where}["${k}"]`);
  };
  walk(exportsField, '');
  return p;
}

/**
 * tsc -b never deletes: a module removed from src/ would still ship from dist/. (dist/bundle/ is
 * not tsc's: a bundler rewrites that folder whole on every build.)
 * @param {string} dir the package's folder
 * @param {readonly string[]} files the tarball's files
 * @returns {string[]} problems
 */
function staleBuildOutputs(dir, files) {
  if (!existsSync(path.join(dir, 'src'))) return [];
  return files
    .filter((f) => /^dist\/.+\.js$/.test(f) && !f.startsWith('dist/bundle/'))
    .filter((f) => {
      const base = path.join(dir, 'src', f.slice('dist/'.length, -'.js'.length));
      return !['.ts', '.tsx', '.mts', '.js'].some((ext) => existsSync(base + ext));
    })
    .map(
      (f) =>
        `policy: ${f} has no source in src/ (left over from an earlier build): rm -rf dist && pnpm build`,
    );
}

/**
 * @arethetypeswrong/cli --profile esm-only on a tarball.
 * @param {string} tarball
 * @param {readonly string[]} include entry points attw cannot discover by itself
 * @returns {Promise<string[]>} problems
 */
async function attwProblems(tarball, include) {
  const args = [
    ATTW,
    tarball,
    '--profile',
    'esm-only',
    '--no-definitely-typed',
    '--format',
    'ascii',
    '--no-color',
    '--no-emoji',
  ];
  if (include.length > 0) args.push('--include-entrypoints', ...include);
  try {
    await run(process.execPath, args, { maxBuffer: 64 << 20 });
    return [];
  } catch (caught) {
    const e = /** @type {ExecError} */ (caught);
    return [
      `attw --profile esm-only:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().replace(/^/gm, '    ')}`,
    ];
  }
}

/**
 * Entry points attw cannot discover by itself: files matched by wildcard subpaths (e.g. "./*.json").
 * @param {Manifest} manifest
 * @param {readonly string[]} files
 */
function wildcardEntrypoints(manifest, files) {
  /** @type {string[]} */
  const out = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (!subpath.includes('*') || typeof target !== 'string') continue;
    const [pre = '', post = ''] = target.replace(/^\.\//, '').split('*');
    for (const f of files) {
      if (f === 'package.json' || !f.startsWith(pre) || !f.endsWith(post)) continue;
      out.push(subpath.replace('*', f.slice(pre.length, f.length - post.length)));
    }
  }
  return out;
}

/**
 * Packs one package and runs every check on the tarball.
 * @param {string} dir the package's folder
 * @returns {Promise<{ name: string, problems: string[], files?: number, entrypoints?: number }>}
 */
async function checkPackage(dir) {
  /** @type {string[]} */
  const problems = [];
  const manifestPath = path.join(dir, 'package.json');
  if (!existsSync(manifestPath))
    return { name: dir, problems: [`${manifestPath}: no package.json`] };
  const source = /** @type {Manifest} */ (JSON.parse(readFileSync(manifestPath, 'utf8')));
  const name = typeof source.name === 'string' ? source.name : dir;
  const tmp = mkdtempSync(path.join(tmpdir(), 'bilateral-pack-'));
  try {
    /** @type {{ filename: string, files: Array<{ path: string }> }} */
    let packed;
    try {
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', tmp], {
        cwd: dir,
        maxBuffer: 64 << 20,
      });
      packed = JSON.parse(stdout);
    } catch (caught) {
      const e = /** @type {ExecError} */ (caught);
      const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
      let message = out;
      try {
        const parsed = JSON.parse(e.stdout ?? '').error?.message;
        if (typeof parsed === 'string') message = parsed;
      } catch {
        // not JSON: keep the raw output
      }
      return { name, problems: [`pnpm pack failed: ${message || e.message}`] };
    }
    const tarball = packed.filename;
    const files = packed.files.map((f) => f.path).sort();
    const { stdout: manifestText } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    const manifest = /** @type {Manifest} */ (JSON.parse(manifestText));
    const repoDir = path.relative(ROOT, path.resolve(dir)).split(path.sep).join('/');
    problems.push(...policyProblems(manifest, files, repoDir).map((m) => `policy: ${m}`));
    problems.push(...staleBuildOutputs(dir, files));
    const { messages, pkg } = await publint({
      pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
      strict: true,
    });
    for (const m of messages)
      problems.push(`publint ${m.type}: ${formatMessage(m, pkg, { color: false })}`);

    const include = wildcardEntrypoints(manifest, files);
    problems.push(...(await attwProblems(tarball, include)));
    return { name, problems, files: files.length, entrypoints: include.length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dirs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (process.argv.slice(2).some((a) => a === '-h' || a === '--help')) {
    process.stdout.write('usage: node scripts/check-package.mjs [package-dir ...]\n');
    process.exit(0);
  }
  let failed = false;
  for (const dir of dirs.length > 0 ? dirs : ['.']) {
    const started = Date.now();
    const result = await checkPackage(path.resolve(dir));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.problems.length === 0) {
      process.stdout.write(
        `ok ${result.name}: policy, publint, attw --profile esm-only (${result.files} files${result.entrypoints ? `, +${result.entrypoints} wildcard entry points` : ''}, ${secs}s)\n`,
      );
    } else {
      failed = true;
      process.stderr.write(`FAIL ${result.name} (${dir}): ${result.problems.length} problem(s)\n`);
      for (const m of result.problems) process.stderr.write(`  - ${m}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
