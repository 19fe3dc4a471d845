#!/usr/bin/env node
/**
 * `pnpm bench` — Bilateral against the tools people would use instead, on the same input, in the
 * same run. See BENCHMARKS.md (written by this script) for the method.
 *
 *   pnpm bench                 full run (~10 min): checks, site, edit loop; writes
 *                              bench/results/latest.json and BENCHMARKS.md
 *   pnpm bench --quick         checks and site at the smaller sizes (< 1 min; no edit loop unless
 *                              --only edit); writes bench/results/quick.json only
 *   --only checks,site,edit    run some suites
 *   --runs N                   counted runs per measurement (default 5, after 1 warm-up)
 *   --check-sizes repo,1000    key counts for the checks; --site-sizes 10,100 documents for
 *   --edit-docs 100            the site; documents for the edit loop (any of these: results
 *                              go to quick.json, BENCHMARKS.md is left alone)
 *   --large-file               with --quick: also the case of one file at the key-count limit
 *                              (300,000 keys; part of every full run)
 *   --no-write                 print the table only
 *   --report                   no measuring: re-render BENCHMARKS.md (and the table) from
 *                              bench/results/latest.json, e.g. after editing bench/analysis.md
 *   --real-world [options]     only the real-world suite (bench/src/real-world.mjs: real i18next
 *                              projects from local mirrors; its options are listed there)
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSuite } from './checks.mjs';
import { siteSuite } from './site.mjs';
import { editSuite } from './edit.mjs';
import { BENCH, REPO, WORK } from './paths.mjs';
import { GNU_TIME } from './measure.mjs';
import { ELEVENTY_VERSION, I18N_CHECK_VERSION, hugoVersion } from './tools.mjs';
import { renderMarkdown, renderTable } from './report.mjs';

if (process.argv.includes('--real-world')) {
  const { main } = await import('./real-world.mjs');
  process.exit(await main(process.argv.slice(2)));
}

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
    'check-sizes': { type: 'string' },
    'site-sizes': { type: 'string' },
    'edit-docs': { type: 'string' },
    report: { type: 'boolean', default: false },
    'large-file': { type: 'boolean' },
  },
  allowPositionals: true,
});

// --quick leaves out the edit loop (a dev server start and several rebuilds) to stay under a minute.
if (opts.report) {
  const results = JSON.parse(readFileSync(path.join(BENCH, 'results', 'latest.json'), 'utf8'));
  const { growth } = await import('./site.mjs');
  if (results.suites.checks !== undefined)
    results.suites.checks.growth = growth(
      results.suites.checks.cases.filter(
        (/** @type {any} */ c) => !c.size.startsWith('this') && c.largeFile !== true,
      ),
      (/** @type {any} */ c) => c.keysPerLocale,
    );
  if (results.suites.site !== undefined)
    results.suites.site.growth = growth(
      results.suites.site.cases,
      (/** @type {any} */ c) => c.documents,
    );
  process.stdout.write(renderTable(results));
  const analysisFile = path.join(BENCH, 'analysis.md');
  await writeAtomic(
    path.join(REPO, 'BENCHMARKS.md'),
    renderMarkdown(results, existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : ''),
  );
  process.stderr.write('wrote BENCHMARKS.md from bench/results/latest.json\n');
  process.exit(0);
}

const suites = new Set(
  (opts.only ?? (opts.quick ? 'checks,site' : 'checks,site,edit')).split(',').map((s) => s.trim()),
);
const runs = Math.max(1, Number(opts.runs));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
/** @param {string} msg */
const log = (msg) => process.stderr.write(`[${elapsed().padStart(5)}] ${msg}\n`);

/** @typedef {Array<number | 'repo'>} Sizes */
/** @type {{ checks: Sizes, site: Sizes, edit: { docs: number, edits: number, repo: boolean } }} */
const plan = opts.quick
  ? { checks: ['repo', 1_000], site: [10], edit: { docs: 10, edits: runs, repo: false } }
  : {
      checks: ['repo', 1_000, 10_000, 100_000],
      site: [10, 100, 1_000],
      edit: { docs: 100, edits: runs, repo: true },
    };

/** @param {string} v */
const sizeList = (v) =>
  v.split(',').map((x) => (x.trim() === 'repo' ? /** @type {const} */ ('repo') : Number(x)));
if (opts['check-sizes'] !== undefined) plan.checks = sizeList(opts['check-sizes']);
if (opts['site-sizes'] !== undefined) plan.site = sizeList(opts['site-sizes']);
if (opts['edit-docs'] !== undefined) plan.edit.docs = Number(opts['edit-docs']);

/** The results file (bench/results/*.json): plain JSON, read back by report.mjs. @type {Record<string, any>} */
const results = {
  generatedAt: new Date().toISOString(),
  quick: opts.quick,
  runs,
  warmup: 1,
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    rssSource:
      GNU_TIME === undefined
        ? 'VmHWM of the top process (/proc polling)'
        : 'GNU time %M (largest process of the tree)',
  },
  versions: {
    eleventy: ELEVENTY_VERSION,
    'i18n-check': I18N_CHECK_VERSION,
    hugo: await hugoVersion(),
    bilateral: JSON.parse(readFileSync(path.join(REPO, 'packages', 'i18n', 'package.json'), 'utf8'))
      .version,
  },
  suites: {},
};

log(`bench ${opts.quick ? '--quick ' : ''}— scratch folder ${WORK}`);
try {
  if (suites.has('checks')) {
    log('== checks');
    results.suites.checks = await checkSuite({
      sizes: plan.checks,
      runs,
      log,
      largeFile: opts['large-file'] ?? !opts.quick,
    });
  }
  if (suites.has('site')) {
    log('== site');
    results.suites.site = await siteSuite({ sizes: plan.site, runs, log });
  }
  if (suites.has('edit')) {
    log('== edit loop');
    results.suites.edit = await editSuite({ ...plan.edit, log });
  }
} finally {
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
  results.totalSeconds = Math.round((performance.now() - started) / 1000);
}

process.stdout.write(renderTable(results));
if (!opts['no-write']) {
  const dir = path.join(BENCH, 'results');
  mkdirSync(dir, { recursive: true });
  const partial =
    opts.quick ||
    opts.only !== undefined ||
    opts['check-sizes'] !== undefined ||
    opts['site-sizes'] !== undefined ||
    opts['edit-docs'] !== undefined;
  const file = path.join(dir, partial ? 'quick.json' : 'latest.json');
  await writeAtomic(file, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${path.relative(REPO, file)}`);
  if (!partial) {
    const analysisFile = path.join(BENCH, 'analysis.md');
    const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '';
    await writeAtomic(path.join(REPO, 'BENCHMARKS.md'), renderMarkdown(results, analysis));
    log('wrote BENCHMARKS.md');
  }
}
log(`done in ${elapsed()}`);

/**
 * Writes a file atomically (temp + rename), formatted as the repository's Prettier config says.
 * @param {string} file
 * @param {string} text
 */
async function writeAtomic(file, text) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(text, { ...options, filepath: file });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatted);
  renameSync(tmp, file);
}
