/**
 * Edit loop: one string changed in one locale file → the time until the affected page carries
 * the new text. Measured with the dev server (`eleventy --serve` with the plugin, output file
 * polled every 10 ms) on a copy of this repository and on a generated project, and with
 * `pnpm build` (turbo, cache warm) on the copy of the repository.
 *
 * Everything happens in scratch copies: the repository's own files are never edited.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOut, readErr, runOnce, cleanRun, stats } from './measure.mjs';
import { REPO, WORK } from './paths.mjs';
import { siteAvailable, siteCopyForBench, siteCorpus, siteEleventyBin } from './site.mjs';

/** Plain JSON (locale files, results). @typedef {Record<string, any>} Json */
/** @typedef {(message: string) => void} Log */

/**
 * Replaces the first latin word (outside `{{…}}` and tags) of a string by a token.
 * @param {string} text
 * @param {string} token
 */
function withToken(text, token) {
  const parts = text.split(/(\{\{.*?\}\}|<[^>]*>)/);
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i] ?? '';
    if (/[A-Za-z]{4,}/.test(part)) {
      parts[i] = part.replace(/[A-Za-z]{4,}/, token);
      return parts.join('');
    }
  }
  return `${token} ${text}`;
}

/**
 * Writes one edit (atomically: temp file + rename, as editors and our CLI do).
 * @param {string} file
 * @param {string} keyPath
 * @param {Json} original
 * @param {string} token
 */
function applyEdit(file, keyPath, original, token) {
  /** @type {Json} */
  const data = JSON.parse(JSON.stringify(original));
  let o = data;
  const keys = keyPath.split('.');
  for (const k of keys.slice(0, -1)) o = o[k];
  const leaf = keys.at(-1) ?? '';
  o[leaf] = withToken(o[leaf], token);
  const tmp = `${file}.bench-tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, file);
}

/**
 * Polls `predicate` until it holds or `timeoutMs` pass; the time it took, or undefined.
 * @param {() => boolean} predicate
 * @param {number} timeoutMs
 */
async function waitFor(predicate, timeoutMs, everyMs = 10) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (predicate()) return performance.now() - t0;
    await sleep(everyMs);
  }
  return undefined;
}

/** @type {(file: string, token: string) => boolean} */
const contains = (file, token) => {
  try {
    return readFileSync(file, 'utf8').includes(token);
  } catch {
    return false;
  }
};

/**
 * Waits until a file has not changed for `quietMs` (the server finished its rebuild).
 * @param {string} file
 */
async function settle(file, quietMs = 700, maxMs = 30_000) {
  const t0 = performance.now();
  let last = -1;
  let since = performance.now();
  while (performance.now() - t0 < maxMs) {
    let m = -1;
    try {
      m = statSync(file).mtimeMs;
    } catch {
      // being rewritten
    }
    if (m !== last) {
      last = m;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
    await sleep(50);
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts `eleventy --serve` in `cwd`, waits for the first build, then edits `file` `warmup + runs`
 * times and measures each time until `page` contains the new text.
 * @param {{ name: string, cwd: string, env: Record<string, string>, file: string, keyPath: string, page: string, out: string, runs: number, log: Log }} options
 * @returns {Promise<Json>}
 */
async function devServerLoop({ name, cwd, env, file, keyPath, page, out, runs, log }) {
  const original = JSON.parse(readFileSync(file, 'utf8'));
  const port = await freePort();
  rmSync(out, { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    [siteEleventyBin(), '--serve', `--port=${port}`, `--output=${out}`],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let hwm = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m !== null) hwm = Math.max(hwm, Number(m[1]));
    } catch {
      // exited
    }
  }, 50);
  /** @type {Json} */
  const result = { name, wall: [], cpu: [], rss: [], notes: [], ratios: {} };
  try {
    const t0 = performance.now();
    // Edits only once Eleventy watches: it says "Watching…" after the first build has written
    // every page (an edit before that is never seen, however long the page has been there).
    const started = await waitFor(
      () => (existsSync(page) && /Watching/.test(output)) || child.exitCode !== null,
      300_000,
      50,
    );
    if (started === undefined || child.exitCode !== null) {
      result.failed = true;
      result.error = `the dev server did not produce ${path.basename(page)}: ${output.trim().split('\n').slice(-8).join('\n')}`;
      return result;
    }
    await settle(page);
    result.notes.push(`first build ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (let k = 0; k < runs + 1; k++) {
      const token = `Benchedit${Date.now().toString(36)}${k}`;
      const cpu0 = cpuOf(child.pid);
      applyEdit(file, keyPath, original, token);
      const dt = await waitFor(() => contains(page, token), 60_000);
      const cpu1 = cpuOf(child.pid);
      if (dt === undefined) {
        result.failed = true;
        result.error = `the page did not show the edit within 60 s: ${output.trim().split('\n').slice(-8).join('\n')}`;
        break;
      }
      log(`  ${k === 0 ? 'warm-up' : `run ${k}`}: ${name} ${dt.toFixed(0)} ms`);
      if (k > 0) {
        result.wall.push(dt);
        if (cpu0 !== undefined && cpu1 !== undefined) result.cpu.push(cpu1 - cpu0);
      }
      await settle(page);
    }
    result.rss.push(hwm);
    if (/error/i.test(output) && result.failed)
      result.notes.push(output.trim().split('\n').slice(-3).join(' '));
  } finally {
    clearInterval(poll);
    child.kill('SIGTERM');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, 5000, 50);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    writeFileSync(file, JSON.stringify(original, null, 2) + '\n');
  }
  result.wallStats = stats(result.wall);
  if (result.cpu.length > 0) result.cpuStats = stats(result.cpu);
  result.rssStats = stats(result.rss);
  return result;
}

/**
 * The CPU time (user + system, every thread) a process has used so far, in ms; undefined where
 * /proc is not available. The server's own work for one edit, until the page shows it: steadier
 * than the wall time on a loaded machine.
 * @param {number | undefined} pid
 */
function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

/**
 * The dev servers measured, one after the other: every rebuild as the first (the plugin renders
 * from its cache but checks in a fresh worker, and every page is written), and the default, where
 * a rebuild after an edit to a locale file checks and writes only what it changes.
 * @type {Array<[string, Record<string, string>]>}
 */
const DEV_SERVERS = [
  ['dev server, every page (BILATERAL_INCREMENTAL=0)', { BILATERAL_INCREMENTAL: '0' }],
  ['dev server (eleventy --serve)', {}],
];

/** A scratch copy of the repository (sources only; node_modules linked), built once by turbo. */
function repoCopy() {
  const dir = path.join(WORK, 'edit', 'repo');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const skip = new Set([
    'node_modules',
    '.git',
    '.turbo',
    '_site',
    'bench',
    'test-artifacts',
    'coverage',
  ]);
  /** @type {(from: string, to: string) => void} */
  const copy = (from, to) => {
    cpSync(from, to, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) =>
        !(skip.has(path.basename(src)) && path.dirname(src) === REPO) &&
        !src.endsWith('/_site') &&
        !src.includes('/.turbo') &&
        !src.includes('/test-artifacts'),
    });
  };
  copy(REPO, dir);
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  // Turbo's local cache, so that the first build replays what the repository already built.
  if (existsSync(path.join(REPO, '.turbo', 'cache')))
    cpSync(path.join(REPO, '.turbo', 'cache'), path.join(dir, '.turbo', 'cache'), {
      recursive: true,
    });
  // A scratch git repository, so that turbo hashes inputs as in the real one (respecting .gitignore).
  /** @param {...string} args */
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.email=bench@localhost', '-c', 'user.name=bench', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'bench snapshot');
  return { dir };
}

/**
 * Fills turbo's cache in the copy (a cold, untimed build).
 * @param {string} dir
 * @param {Log} log
 */
async function coldBuild(dir, log) {
  log('  building the scratch copy of the repository once (turbo, cold, untimed) …');
  const run = await runOnce({ cmd: 'pnpm', args: ['build'], cwd: dir, timeoutMs: 600_000 });
  const out = readOut(run) + readErr(run);
  cleanRun(run);
  if (run.code !== 0)
    return `pnpm build fails in a copy of the repository (exit ${run.code}): ${out.trim().split('\n').slice(-10).join('\n')}`;
  return undefined;
}

/**
 * @param {{ dir: string, file: string, keyPath: string, page: string, runs: number, log: Log }} options
 * @returns {Promise<Json>}
 */
async function turboLoop({ dir, file, keyPath, page, runs, log }) {
  const original = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Json} */
  const result = {
    name: 'pnpm build (turbo, cache warm)',
    wall: [],
    cpu: [],
    rss: [],
    notes: [],
    ratios: {},
  };
  const cold = await coldBuild(dir, log);
  if (cold !== undefined) return { ...result, failed: true, error: cold };
  try {
    for (let k = 0; k < runs + 1; k++) {
      const token = `Benchedit${Date.now().toString(36)}${k}`;
      applyEdit(file, keyPath, original, token);
      const run = await runOnce({ cmd: 'pnpm', args: ['build'], cwd: dir, timeoutMs: 600_000 });
      const out = readOut(run);
      cleanRun(run);
      if (run.code !== 0 || !contains(page, token)) {
        result.failed = true;
        result.error = `exit ${run.code}, page ${contains(page, token) ? 'updated' : 'not updated'}: ${out.trim().split('\n').slice(-6).join('\n')}`;
        break;
      }
      log(`  ${k === 0 ? 'warm-up' : `run ${k}`}: pnpm build ${run.wallMs.toFixed(0)} ms`);
      if (k === 0) {
        const missed = [...out.matchAll(/^(\S+):build: cache miss/gm)].map((m) => m[1]);
        const cached = /Cached:\s+(.*)$/m.exec(out)?.[1]?.trim();
        result.notes.push(`turbo: ${cached ?? '?'}; rebuilt: ${missed.join(', ')}`);
      }
      if (k > 0) {
        result.wall.push(run.wallMs);
        if (run.cpuMs !== undefined) result.cpu.push(run.cpuMs);
        if (run.rssKb !== undefined) result.rss.push(run.rssKb);
      }
    }
  } finally {
    writeFileSync(file, JSON.stringify(original, null, 2) + '\n');
  }
  result.wallStats = stats(result.wall);
  result.cpuStats = stats(result.cpu);
  result.rssStats = stats(result.rss);
  return result;
}

/**
 * @param {{ docs: number, edits: number, repo: boolean, log: Log }} options
 */
export async function editSuite({ docs, edits, repo: repoToo, log }) {
  const available = siteAvailable();
  if (!available.ok)
    return { unavailableReason: `The site is not available yet: ${available.why}.`, cases: [] };
  const cases = [];
  /** @type {string[]} */
  const notes = [];
  // 1. This repository: dev server and pnpm build in a scratch copy (not in --quick).
  if (repoToo) {
    const repo = repoCopy();
    const siteDir = path.join(repo.dir, 'apps', 'site');
    // The site's main article (apps/site/src/_lib/settings.js), at /en/<id>/.
    const { MAIN } = await import(
      pathToFileURL(path.join(REPO, 'apps', 'site', 'src', '_lib', 'settings.js')).href
    );
    const file = path.join(repo.dir, 'locales', 'en', `${MAIN}.json`);
    const keyPath = 'sections.lead.p1';
    log('edit loop — this repository');
    const results = [];
    for (const [name, env] of DEV_SERVERS)
      results.push(
        await devServerLoop({
          name,
          cwd: siteDir,
          env,
          file,
          keyPath,
          page: path.join(WORK, 'out', 'dev-repo', 'en', MAIN, 'index.html'),
          out: path.join(WORK, 'out', 'dev-repo'),
          runs: edits,
          log,
        }),
      );
    results.push(
      await turboLoop({
        dir: repo.dir,
        file,
        keyPath,
        page: path.join(siteDir, '_site', 'en', MAIN, 'index.html'),
        runs: edits,
        log,
      }),
    );
    cases.push({ size: 'this repository (1 document × 4 languages)', results });
  }
  // 2. A generated project of N documents: the real site (scratch copy, all documents) in dev mode.
  const meta = siteCorpus(docs, log);
  const project = path.join(WORK, 'edit', `site-${docs}`);
  rmSync(project, { recursive: true, force: true });
  cpSync(meta.dir, project, { recursive: true });
  // No caches from the site suite's builds: the dev server's first (untimed) build makes its own.
  rmSync(path.join(project, 'node_modules', '.cache'), { recursive: true, force: true });
  const documents = Object.keys(
    JSON.parse(readFileSync(path.join(project, 'core', 'corpus.json'), 'utf8')).documents,
  );
  const first = documents[0];
  const siteDir = siteCopyForBench(path.join(WORK, 'sites', `dev-${docs}`), documents);
  log(`edit loop — ${docs} documents`);
  const results = [];
  for (const [name, env] of DEV_SERVERS)
    results.push(
      await devServerLoop({
        name,
        cwd: siteDir,
        env: { ...env, BILATERAL_CONFIG: path.join(project, 'bilateral.config.json') },
        file: path.join(project, 'locales', 'en', `${first}.json`),
        keyPath: 'sections.lead.p1',
        page: path.join(WORK, 'out', `dev-${docs}`, 'en', first ?? '', 'index.html'),
        out: path.join(WORK, 'out', `dev-${docs}`),
        runs: edits,
        log,
      }),
    );
  cases.push({ size: `${docs} documents × 4 languages`, results });
  return { notes, cases };
}
