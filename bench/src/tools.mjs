/** Finding and preparing the contenders' programs. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BENCH, BILATERAL_CLI, REPO, WORK } from './paths.mjs';
import { readErr, readOut, runOnce, cleanRun } from './measure.mjs';

const require = createRequire(path.join(BENCH, 'package.json'));

/** A dependency's folder (found through node_modules, whatever its `exports` allow). */
/** @param {string} name */
const pkgDir = (name) => {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`bench: ${name} is not installed (run pnpm install)`);
};
/**
 * @param {string} name
 * @returns {string}
 */
const version = (name) =>
  JSON.parse(readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')).version;

export const I18N_CHECK_BIN = path.join(pkgDir('@lingual/i18n-check'), 'dist', 'bin', 'index.js');
export const I18N_CHECK_VERSION = version('@lingual/i18n-check');
export const ELEVENTY_BIN = path.join(pkgDir('@11ty/eleventy'), 'cmd.cjs');
export const ELEVENTY_VERSION = version('@11ty/eleventy');
export const HUGO = ['/usr/bin/hugo', '/usr/local/bin/hugo'].find((p) => existsSync(p));

/** `bilateral check` exists once the CLI knows the command. */
export async function bilateralCheckAvailable() {
  if (!existsSync(BILATERAL_CLI))
    return { ok: false, why: `${path.relative(REPO, BILATERAL_CLI)} is not built` };
  const run = await runOnce({
    cmd: process.execPath,
    args: [BILATERAL_CLI, 'check', '--help'],
    cwd: REPO,
  });
  const out = readOut(run) + readErr(run);
  cleanRun(run);
  // (`check --help` on a CLI without the command prints the global help and exits 0.)
  if (run.code !== 0 || !/Usage: bilateral check/.test(out)) {
    return {
      ok: false,
      why: '`bilateral check` is not available yet: the built CLI has no `check` command',
    };
  }
  return { ok: true, help: out };
}

export async function hugoVersion() {
  if (HUGO === undefined) return undefined;
  const run = await runOnce({ cmd: HUGO, args: ['version'] });
  const v = readOut(run).trim();
  cleanRun(run);
  return v;
}

/**
 * i18next-cli: the newest release declares `engines: node >=22`. We install it into a scratch
 * folder with `--engine-strict=false` and record what happens on this Node; npm's own pick for an
 * unpinned install (the newest release whose engines accept this Node) is the one we can measure.
 * Installed once and cached under WORK/tools.
 */
/**
 * @param {(message: string) => void} [log]
 * @returns {Promise<Record<string, any>>} what was installed and whether it runs (JSON, cached)
 */
export async function prepareI18nextCli(log) {
  const meta = path.join(WORK, 'tools', 'i18next-cli.json');
  if (existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8'));
    if (m.usable === undefined || existsSync(m.usable.bin)) return m;
  }
  /** @type {Record<string, any>} */
  const result = { node: process.version };
  /**
   * @param {string} dir
   * @param {string} spec
   */
  const install = async (dir, spec) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
    const npm = path.join(path.dirname(process.execPath), 'npm');
    const args = [
      'i',
      '--engine-strict=false',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      spec,
    ];
    const run = await runOnce({
      cmd: existsSync(npm) ? npm : 'npm',
      args,
      cwd: dir,
      timeoutMs: 240_000,
    });
    const out = (readOut(run) + readErr(run)).trim();
    cleanRun(run);
    const pkg = path.join(dir, 'node_modules', 'i18next-cli', 'package.json');
    if (run.code !== 0 || !existsSync(pkg))
      return { spec, installed: false, error: out.split('\n').slice(-8).join('\n') };
    const p = JSON.parse(readFileSync(pkg, 'utf8'));
    const bin = path.join(
      dir,
      'node_modules',
      'i18next-cli',
      typeof p.bin === 'string' ? p.bin : p.bin['i18next-cli'],
    );
    const help = await runOnce({ cmd: process.execPath, args: [bin, '--help'], cwd: dir });
    const helpOut = (readOut(help) + readErr(help)).trim();
    cleanRun(help);
    return {
      spec,
      installed: true,
      version: p.version,
      engines: p.engines?.node ?? '(none declared)',
      bin,
      runs: help.code === 0,
      error:
        help.code === 0
          ? undefined
          : helpOut
              .split('\n')
              .filter((l) => l.trim() !== '')
              .slice(0, 6)
              .join('\n'),
    };
  };
  log?.('  installing i18next-cli (latest) into a scratch folder …');
  result.latest = await install(
    path.join(WORK, 'tools', 'i18next-cli-latest'),
    'i18next-cli@latest',
  );
  log?.(
    `  i18next-cli ${result.latest.version ?? '?'}: ${result.latest.runs ? 'runs' : 'does not run'} on ${process.version}`,
  );
  log?.('  installing i18next-cli (npm picks the newest whose engines accept this Node) …');
  result.compatible = await install(
    path.join(WORK, 'tools', 'i18next-cli-compatible'),
    'i18next-cli',
  );
  log?.(
    `  i18next-cli ${result.compatible.version ?? '?'}: ${result.compatible.runs ? 'runs' : 'does not run'}`,
  );
  result.usable = [result.latest, result.compatible].find((r) => r.runs === true);
  mkdirSync(path.dirname(meta), { recursive: true });
  writeFileSync(meta, JSON.stringify(result, null, 2));
  return result;
}
