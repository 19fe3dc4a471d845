#!/usr/bin/env node
/**
 * `pnpm bench --real-world` (or `node bench/src/real-world.mjs`) — `bilateral check` and
 * @lingual/i18n-check on real open-source i18next projects (bench/real-world/manifest.json).
 *
 * The corpora are prepared from local mirrors of the repositories (bare git directories, e.g.
 * made with `git clone --mirror https://github.com/outline/outline <mirrors>/outline+outline/repo`):
 * only the locale folders are extracted, at the manifest's commit, into the corpora folder,
 * outside this repository. A project without a mirror (or without that commit) is skipped, with
 * the reason. Per project it prints keys × languages, wall time, CPU and peak memory of both
 * tools (measured in the same run, alternating, 1 warm-up and 3 counted runs, median; i18n-check
 * with its default reporter, which lists every finding as bilateral's JSON does, and with its
 * summary reporter, which prints counts), and the findings per rule; then writes
 * bench/results/real-world.json and the "Real-world projects" section of BENCHMARKS.md.
 *
 *   --only outline,heroic    some projects
 *   --runs N                 counted runs (default 3)
 *   --sample N --seed S      also print N seeded random error findings per project, with the
 *                            source and target text side by side (for judging precision)
 *   --compare                also match i18n-check's missing keys, placeholder and tag
 *                            mismatches with bilateral's findings, by file and key
 *                            (bench/src/real-world-compare.mjs), and print what bilateral does
 *                            not report
 *   --misses N               with --compare: misses printed per class (default 10; all: 0)
 *   --no-write               print only
 *   --mirrors DIR            where mirrors are (default $BILATERAL_MIRRORS or /work/.mirror),
 *                            as DIR/<owner>+<name>/repo or DIR/<owner>+<name>
 *   --corpora DIR            where corpora go (default $BILATERAL_CORPORA or <bench work>/real-world)
 *
 * BILATERAL_BENCH_CLI=<path to cli.js> measures another build of bilateral (an earlier commit
 * built elsewhere) instead of this repository's, for a before-and-after in the same conditions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compare, readErr, readOut, runOnce, cleanRun } from './measure.mjs';
import { BENCH, BILATERAL_CLI, REPO, WORK } from './paths.mjs';
import { I18N_CHECK_BIN, I18N_CHECK_VERSION } from './tools.mjs';
import { inventory, parseI18nCheck, rulesOf, sampleFindings } from './real-world-data.mjs';
import { renderRealWorld, updateBenchmarks } from './real-world-report.mjs';
import {
  compareFindings,
  comparisonSummary,
  i18nCheckFindings,
  renderComparison,
} from './real-world-compare.mjs';

/** @typedef {{ name: string, repository: string, commit: string, paths: string[], files: string, layout: string, source: string, settings: string[], why: string }} Project */

export async function main(argv = process.argv.slice(2)) {
  const { values: opts } = parseArgs({
    args: argv,
    options: {
      'real-world': { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string', default: '3' },
      sample: { type: 'string' },
      seed: { type: 'string', default: '42' },
      compare: { type: 'boolean', default: false },
      misses: { type: 'string', default: '10' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      mirrors: { type: 'string', default: process.env.BILATERAL_MIRRORS ?? '/work/.mirror' },
      corpora: {
        type: 'string',
        default: process.env.BILATERAL_CORPORA ?? path.join(WORK, 'real-world'),
      },
    },
  });
  if (opts.help) {
    const doc = readFileSync(new URL(import.meta.url), 'utf8');
    process.stdout.write(
      (/\/\*\*\n([\s\S]*?)\*\//.exec(doc)?.[1] ?? '').replace(/^ \* ?/gm, '') + '\n',
    );
    return 0;
  }
  const manifest = JSON.parse(
    readFileSync(path.join(BENCH, 'real-world', 'manifest.json'), 'utf8'),
  );
  /** @type {Project[]} */
  const projects = manifest.projects.filter(
    (/** @type {Project} */ p) => opts.only === undefined || opts.only.split(',').includes(p.name),
  );
  if (!existsSync(BILATERAL_CLI)) {
    process.stderr.write(`${BILATERAL_CLI} is not built: run pnpm build first\n`);
    return 2;
  }
  const runs = Math.max(1, Number(opts.runs));
  const log = (/** @type {string} */ m) => process.stderr.write(`${m}\n`);
  const results = [];
  const loadStart = os.loadavg()[0];
  for (const project of projects) {
    const dir = path.join(opts.corpora, project.name);
    const skipped = prepare(project, opts.mirrors, dir);
    if (skipped !== undefined) {
      log(`${project.name}: skipped: ${skipped}`);
      results.push({ name: project.name, repository: project.repository, skipped });
      continue;
    }
    log(`${project.name}: ${project.files} (${project.commit.slice(0, 8)})`);
    const result = await measureProject(project, dir, runs, log);
    const { findings, ...kept } = result;
    if (opts.compare) {
      const c = compareFindings(await i18nCheckFindings(dir, project), findings);
      Object.assign(kept, { comparison: comparisonSummary(c) });
      process.stdout.write(renderComparison(project.name, c, Number(opts.misses)));
    }
    results.push(kept);
    process.stdout.write(renderRealWorld([kept], { header: false }));
    if (opts.sample !== undefined)
      process.stdout.write(
        await sampleFindings(findings, dir, project, Number(opts.sample), Number(opts.seed)),
      );
  }
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    i18nCheck: I18N_CHECK_VERSION,
    runs,
    cpus: os.cpus().length,
    loadavg: { start: loadStart, end: os.loadavg()[0] },
    projects: results,
  };
  if (!opts['no-write'] && results.some((r) => !('skipped' in r))) {
    mkdirSync(path.join(BENCH, 'results'), { recursive: true });
    writeFileSync(
      path.join(BENCH, 'results', 'real-world.json'),
      JSON.stringify(out, null, 2) + '\n',
    );
    await updateBenchmarks(path.join(REPO, 'BENCHMARKS.md'), renderRealWorld(results, out));
    log(
      'wrote bench/results/real-world.json and the "Real-world projects" section of BENCHMARKS.md',
    );
  }
  return 0;
}

/**
 * Extracts a project's locale folders from its mirror into `dir` (once per commit). Returns why
 * it was skipped, or undefined.
 * @param {Project} project
 * @param {string} mirrors
 * @param {string} dir
 */
function prepare(project, mirrors, dir) {
  const stamp = path.join(dir, '.bilateral-corpus');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === project.commit) return undefined;
  const slug = project.repository.replace(/^github:/, '').replace('/', '+');
  const gitDir = [path.join(mirrors, slug, 'repo'), path.join(mirrors, slug)].find((d) =>
    existsSync(path.join(d, 'HEAD')),
  );
  if (gitDir === undefined)
    return `no mirror of ${project.repository} in ${mirrors} (expected ${path.join(mirrors, slug, 'repo')}; clone it there with git clone --mirror, or pass --mirrors)`;
  const git = (/** @type {string[]} */ args) =>
    spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' });
  if (git(['cat-file', '-e', `${project.commit}^{commit}`]).status !== 0)
    return `the mirror ${gitDir} lacks commit ${project.commit}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const p of project.paths) {
    const tar = path.join(dir, '.extract.tar');
    const a = git([
      'archive',
      '--format=tar',
      '-o',
      tar,
      `--prefix=${p}/`,
      `${project.commit}:${p}`,
    ]);
    if (a.status !== 0) return `git archive ${p} failed: ${a.stderr.trim()}`;
    const t = spawnSync('tar', ['-xf', tar, '-C', dir], { encoding: 'utf8' });
    rmSync(tar, { force: true });
    if (t.status !== 0) return `tar failed: ${t.stderr.trim()}`;
  }
  writeFileSync(stamp, `${project.commit}\n`);
  return undefined;
}

/**
 * @param {Project} project
 * @param {string} dir
 * @param {number} runs
 * @param {(m: string) => void} log
 */
async function measureProject(project, dir, runs, log) {
  const base = ['--locales', project.files, '--source', project.source, ...project.settings];
  // What detection finds with no flags at all (untimed), to compare with the manifest.
  const detect = await runOnce({
    cmd: process.execPath,
    args: [BILATERAL_CLI, 'status'],
    cwd: dir,
  });
  const detected =
    /^(?:Detected|Read): (.*)$/m.exec(readErr(detect))?.[1] ?? readErr(detect).trim();
  cleanRun(detect);
  const localesRoot = project.files.slice(0, project.files.indexOf('{')).replace(/\/$/, '');
  /** @type {any[]} */
  let findings = [];
  let i18nCheckOut = '';
  const contenders = [
    {
      name: 'bilateral',
      cmd: process.execPath,
      args: [BILATERAL_CLI, 'check', ...base, '--format', 'json', '--no-cache'],
      cwd: dir,
      okCodes: [0, 1],
      after: (/** @type {any} */ run) => {
        findings = JSON.parse(readOut(run));
      },
    },
    // i18n-check's default (standard) reporter lists every missing and invalid key, as
    // bilateral's JSON lists every finding: the like-for-like comparison. Its summary reporter
    // (counts only) is timed too, and gives the counts.
    {
      name: 'i18n-check',
      cmd: process.execPath,
      args: [I18N_CHECK_BIN, '-l', localesRoot, '-s', project.source, '-f', 'i18next'],
      cwd: dir,
      okCodes: [0, 1],
    },
    {
      name: 'i18n-check summary',
      cmd: process.execPath,
      args: [
        I18N_CHECK_BIN,
        '-l',
        localesRoot,
        '-s',
        project.source,
        '-f',
        'i18next',
        '-r',
        'summary',
      ],
      cwd: dir,
      okCodes: [0, 1],
      after: (/** @type {any} */ run) => {
        i18nCheckOut = readOut(run);
      },
    },
  ];
  const measured = await compare(contenders, { runs, warmup: 1, log });
  const inv = await inventory(dir, project);
  const tool = (/** @type {string} */ name) => {
    const r = measured.find((m) => m.name === name);
    return {
      wallMs: r?.wallStats?.median,
      cpuMs: r?.cpuStats?.median,
      rssMb: r?.rssStats === undefined ? undefined : r.rssStats.median / 1024,
      codes: r?.codes,
      ...(r?.error === undefined ? {} : { error: r.error }),
    };
  };
  // Each round runs both tools one after the other: the ratio within a round shares its load.
  /** @type {(name: string) => number[]} */
  const wallOf = (name) => measured.find((m) => m.name === name)?.wall ?? [];
  const ours = wallOf('bilateral');
  const theirs = wallOf('i18n-check');
  const rounds =
    ours.length === theirs.length && ours.length > 0
      ? ours.map((w, k) => w / /** @type {number} */ (theirs[k]))
      : undefined;
  return {
    name: project.name,
    repository: project.repository,
    commit: project.commit,
    files: project.files,
    layout: project.layout,
    source: project.source,
    settings: project.settings.join(' '),
    detected,
    ...inv,
    bilateral: {
      ...tool('bilateral'),
      rules: rulesOf(findings),
      ...(rounds === undefined ? {} : { roundRatios: rounds }),
    },
    i18nCheck: { ...tool('i18n-check'), ...parseI18nCheck(i18nCheckOut) },
    i18nCheckSummary: tool('i18n-check summary'),
    findings,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
