/**
 * Checks: `bilateral check` (whole process) against @lingual/i18n-check and i18next-cli on the
 * same locale files, at the repository's size and at 1k / 10k / 100k keys per locale.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  generateCorpus,
  injectDefects,
  writeProject,
  writeRepoTree,
  inputsHash,
  LOCALES,
  SOURCE,
} from './corpus.mjs';
import { compare, readOut } from './measure.mjs';
import { BENCH, BILATERAL_CLI, REPO, WORK } from './paths.mjs';
import { LARGE_KEYS, writeLargeFileTrees } from './large-file.mjs';
import { I18N_CHECK_BIN, bilateralCheckAvailable, prepareI18nextCli } from './tools.mjs';
import { growth } from './site.mjs';
import { PARALLEL_MIN_FILES } from '@bilateral/i18n';

/** Plain JSON data (corpus metadata, findings, results). @typedef {Record<string, any>} Json */
/** @typedef {(message: string) => void} Log */

const SEED = 20261125;
const FLOOR_SCRIPT = path.join(BENCH, 'src', 'floor.mjs');
/** The floor contenders' names (report.mjs gives every check figure as a ratio to them). */
export const FLOOR = 'floor (read + parse + visit)';
export const STAT_FLOOR = 'floor (stat every file)';

/**
 * The floor of a check on the files in `dir` (see floor.mjs): reading, parsing and visiting every
 * string, or stating every file.
 * @param {'read' | 'stat'} mode
 * @param {string} dir
 * @returns {import('./measure.mjs').Contender}
 */
const floor = (mode, dir) => ({
  name: mode === 'read' ? FLOOR : STAT_FLOOR,
  cmd: process.execPath,
  args: [FLOOR_SCRIPT, mode, dir],
  cwd: dir,
  validate: (run) => readOut(run).trim(),
});
/** A run over the budget is not repeated (measured once); one over the timeout is killed. */
const LIMITS = { budgetMs: 8_000, timeoutMs: 60_000 };

/**
 * Generates (or reuses) the corpus for a key count.
 * @param {number} keys
 * @param {Log} log
 * @returns {Json}
 */
function corpusForKeys(keys, log) {
  const dir = path.join(WORK, 'corpora', `checks-${keys}-s${SEED}-${inputsHash()}`);
  const metaFile = path.join(dir, '.bench-meta.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8'));
  log(`  generating ${keys.toLocaleString('en')} keys × ${LOCALES.length} locales …`);
  const t0 = performance.now();
  const gen = generateCorpus({ seed: SEED, keys });
  const defects = injectDefects(gen);
  const { plain } = writeProject(dir, gen);
  const meta = {
    dir,
    plain,
    keysPerLocale: gen.keysPerLocale,
    documents: Object.keys(gen.corpus.documents).length,
    files: LOCALES.length * Object.keys(gen.resources[SOURCE] ?? {}).length,
    defects,
    generatedMs: performance.now() - t0,
  };
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return meta;
}

/** @returns {Json} */
function repoCorpus() {
  const dir = path.join(WORK, 'corpora', 'checks-repo');
  writeRepoTree(dir);
  let keys = 0;
  /** @type {(o: object) => number} */
  const count = (o) =>
    Object.values(o).reduce((n, v) => n + (v !== null && typeof v === 'object' ? count(v) : 1), 0);
  for (const f of readdirSync(path.join(dir, 'locales', 'ja')))
    keys += count(JSON.parse(readFileSync(path.join(dir, 'locales', 'ja', f), 'utf8')));
  return {
    dir,
    plain: dir,
    keysPerLocale: keys,
    documents: 1,
    files: LOCALES.length * 3,
    defects: [],
    repo: true,
  };
}

/**
 * An edit between runs of the cached contender: the first letter of a document title in one
 * English file changes case (the findings stay the same); `restore` puts the file back.
 * @param {Json} meta
 */
function toggleEdit(meta) {
  const ns = `doc-${String(Math.floor(meta.documents / 2)).padStart(5, '0')}`;
  const file = path.join(meta.dir, 'locales', 'en', `${ns}.json`);
  const original = readFileSync(file, 'utf8');
  return {
    apply: () => {
      const text = readFileSync(file, 'utf8');
      const next = text.replace(
        /("title": ")(\p{L})/u,
        (_, head, c) => head + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()),
      );
      if (next === text) throw new Error(`bench: no title to edit in ${file}`);
      writeFileSync(file, next);
    },
    restore: () => {
      writeFileSync(file, original);
    },
  };
}

/** The contender answered by a running `bilateral check --watch`. */
export const SERVED = 'bilateral check (answered by check --watch, 1 file edited)';

/**
 * Starts `bilateral check --watch` in a project and waits until it watches and has loaded its core
 * (its first answer would otherwise include that). Its output is not kept.
 * @param {string} dir
 * @param {Log} log
 */
async function startWatching(dir, log) {
  const child = spawn(process.execPath, [BILATERAL_CLI, 'check', '--format', 'json', '--watch'], {
    cwd: dir,
    env: { ...process.env, CI: '', BILATERAL_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  child.stderr.on('data', (/** @type {Buffer} */ d) => (said += d.toString()));
  const t0 = performance.now();
  while (!said.includes('Watching')) {
    if (child.exitCode !== null) throw new Error(`bench: check --watch stopped: ${said}`);
    if (performance.now() - t0 > 120_000)
      throw new Error(`bench: check --watch never watched: ${said}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // The core loads right after the first report; one answer makes sure it has.
  spawnSync(process.execPath, [BILATERAL_CLI, 'check', '--format', 'json'], {
    cwd: dir,
    env: { ...process.env, CI: '', BILATERAL_CACHE: '1' },
    stdio: 'ignore',
  });
  log(`  check --watch ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  /** The watching process's peak resident set (VmHWM), read before it stops. */
  let peakKb = 0;
  const peak = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // not Linux, or gone
    }
  };
  return {
    peak: () =>
      peakKb > 0
        ? `peak RSS ${(peakKb / 1024).toFixed(0)} MB, not counted in the row`
        : 'peak RSS not read',
    stop: async () => {
      peak();
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('close', r));
    },
  };
}

// ------------------------------------------------------------------ validation of outputs
/**
 * Parses `bilateral check --format json` (an array of findings, or an object holding one).
 * @param {string} text
 * @returns {Json[] | undefined}
 */
function parseFindings(text) {
  try {
    const data = JSON.parse(text);
    if (Array.isArray(data)) return data;
    if (Array.isArray(data?.findings)) return data.findings;
  } catch {
    // not JSON
  }
  return undefined;
}

/**
 * @param {Json} meta
 * @returns {(run: import('./measure.mjs').Run) => string}
 */
function validateBilateral(meta) {
  return (run) => {
    const findings = parseFindings(readOut(run));
    if (findings === undefined) return `output is not a JSON array of findings (exit ${run.code})`;
    /** @type {Record<string, number>} */
    const byRule = {};
    for (const f of findings)
      byRule[`${f.severity ?? '?'}:${f.rule ?? '?'}`] =
        (byRule[`${f.severity ?? '?'}:${f.rule ?? '?'}`] ?? 0) + 1;
    const found = meta.defects.filter((/** @type {Json} */ d) =>
      findings.some(
        (f) =>
          f.locale === d.locale &&
          String(f.key ?? '').includes(d.key) &&
          (String(f.file ?? '').includes(d.ns) || String(f.key ?? '').includes(d.ns)),
      ),
    ).length;
    const head =
      meta.defects.length === 0
        ? 'no defects injected'
        : `found ${found}/${meta.defects.length} injected defects`;
    return `${head}; ${findings.length} findings (${Object.entries(byRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`;
  };
}

/**
 * @param {Json} meta
 * @returns {(run: import('./measure.mjs').Run) => string}
 */
function validateI18nCheck(meta) {
  return (run) => {
    const text = readOut(run);
    /** @type {Array<{ file: string | undefined, key: string | undefined }>} */
    const pairs = [];
    /** @type {string | undefined} */
    let file;
    for (const line of text.split('\n')) {
      // Missing keys: a table of `│ file │ key │` rows; invalid keys: `│ file │ … │`, `│ key │ … │` rows.
      const row = /│\s*(\S+\.json)\s*│\s*(\S+)\s*│/.exec(line);
      if (row !== null) {
        pairs.push({ file: row[1], key: row[2] });
        continue;
      }
      const m = /│\s*(file|key)\s*│\s*(.*?)\s*│/.exec(line);
      if (m === null) continue;
      if (m[1] === 'file') file = m[2];
      else pairs.push({ file, key: m[2] });
    }
    const found = meta.defects.filter((/** @type {Json} */ d) =>
      pairs.some((p) => p.file?.includes(`${d.locale}/${d.ns}.json`) && p.key === d.key),
    ).length;
    const head =
      meta.defects.length === 0
        ? 'no defects injected'
        : `found ${found}/${meta.defects.length} injected defects`;
    return `${head}; ${pairs.length} entries reported`;
  };
}

/**
 * @param {Json} meta
 * @returns {(run: import('./measure.mjs').Run) => string}
 */
function validateI18nextCli(meta) {
  return (run) => {
    const text = readOut(run);
    const lines = text.split('\n').filter((l) => /^\s*- \w+: \[/.test(l) || /Keys Found/.test(l));
    return `${lines
      .map((l) =>
        l
          .replace(/\[[^\]]*\]\s*/, '')
          .replace(/^[^\w-]+/u, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join(
        '; ',
      )} (injected: ${meta.defects.filter((/** @type {Json} */ d) => d.kind === 'missing').length} missing keys; it reports counts only)`;
  };
}

// ------------------------------------------------------------------ suite
/**
 * One file at the key-count limit (large-file.mjs): a translation of 300,000 keys, and a hostile
 * file of 300,000 keys the source does not have; against the floor of reading that file.
 * @param {number} runs
 * @param {Log} log
 */
async function largeFileCase(runs, log) {
  log(`  writing one file of ${LARGE_KEYS.toLocaleString('en')} keys …`);
  const trees = writeLargeFileTrees(WORK);
  log(`checks — one file at the key-count limit: ${LARGE_KEYS.toLocaleString('en')} keys`);
  const args = ['--source', 'ja', '--locales', 'locales/{lng}/{ns}.json', 'check', '--no-cache'];
  /** @type {(run: import('./measure.mjs').Run) => string} */
  const summary = (run) => {
    const out = readOut(run);
    const last =
      out
        .trim()
        .split('\n')
        .find((l) => /\d+ errors?, \d+ warnings?/.test(l)) ?? '';
    const capped = /… and ([\d,]+) more (\w+) findings in this file/.exec(out);
    return `${out.split('\n').length.toLocaleString('en')} lines of output: ${last.replace(/^\W+/, '')}${capped === null ? '' : ` (${capped[1]} more ${capped[2]} findings counted in one)`}`;
  };
  /** @type {import('./measure.mjs').Contender[]} */
  const contenders = [
    floor('read', trees.translation),
    {
      name: 'bilateral check (a translation)',
      cmd: process.execPath,
      args: [BILATERAL_CLI, ...args],
      cwd: trees.translation,
      okCodes: [0, 1],
      // Repeated even when slow (its target is 3 s; the machine's load can triple it).
      budgetMs: 60_000,
      timeoutMs: 120_000,
      validate: summary,
    },
    {
      name: 'bilateral check (hostile: keys the source lacks)',
      cmd: process.execPath,
      args: [BILATERAL_CLI, ...args],
      cwd: trees.hostile,
      okCodes: [0, 1],
      budgetMs: 60_000,
      timeoutMs: 120_000,
      validate: summary,
    },
  ];
  return {
    size: 'one file at the key-count limit',
    largeFile: true,
    keysPerLocale: LARGE_KEYS,
    locales: 2,
    documents: 0,
    files: 2,
    defects: 0,
    results: await compare(contenders, { runs, log }),
  };
}

/**
 * @param {{ sizes: Array<number | 'repo'>, runs: number, log: Log, largeFile?: boolean }} options
 */
export async function checkSuite({ sizes, runs, log, largeFile = false }) {
  const available = await bilateralCheckAvailable();
  log(available.ok ? '  bilateral check: available' : `  bilateral check: ${available.why}`);
  const cli = await prepareI18nextCli(log);
  const cases = [];
  for (const size of sizes) {
    const meta = size === 'repo' ? repoCorpus() : corpusForKeys(size, log);
    const label = size === 'repo' ? 'this repository' : `${size.toLocaleString('en')} keys`;
    log(
      `checks — ${label}: ${meta.keysPerLocale.toLocaleString('en')} keys/locale, ${meta.files} files`,
    );
    /** @type {import('./measure.mjs').Contender[]} */
    const contenders = [floor('read', meta.dir)];
    let restore = () => {};
    /** @type {Awaited<ReturnType<typeof startWatching>> | undefined} */
    let watching;
    const stopWatching = async () => {
      await watching?.stop();
    };
    if (available.ok) {
      /** A `bilateral` run: the CLI with these arguments, validated against the injected defects. */
      /**
       * @param {string} name
       * @param {string[]} args
       * @param {string} cwd
       * @param {Partial<import('./measure.mjs').Contender>} [extra]
       * @returns {import('./measure.mjs').Contender}
       */
      const bilateral = (name, args, cwd, extra = {}) => ({
        name,
        cmd: process.execPath,
        args: [BILATERAL_CLI, ...args],
        cwd,
        okCodes: [0, 1],
        ...LIMITS,
        validate: validateBilateral(meta),
        ...extra,
      });
      const check = ['check', '--format', 'json'];
      // Cold: every namespace checked, on the default threads (one per core from 2,000 files).
      contenders.push(
        bilateral('bilateral check', [...check, '--no-cache'], size === 'repo' ? REPO : meta.dir),
      );
      // One thread is the default below PARALLEL_MIN_FILES: measured apart only above it.
      if (size !== 'repo' && meta.files >= PARALLEL_MIN_FILES) {
        contenders.push(
          bilateral(
            'bilateral check (1 thread)',
            [...check, '--no-cache', '--jobs', '1'],
            meta.dir,
          ),
        );
      }
      if (size !== 'repo') {
        // What a translator runs while editing: the cache of the previous run, one file changed
        // since (a title's first letter toggled before every run, untimed).
        const edit = toggleEdit(meta);
        restore = edit.restore;
        contenders.push(floor('stat', meta.dir));
        const cacheFile = path.join(WORK, 'runs', `check-cache-${size}.json`);
        rmSync(cacheFile, { force: true });
        contenders.push(
          bilateral(
            'bilateral check (cached, 1 file edited)',
            [...check, '--cache-location', cacheFile],
            meta.dir,
            {
              before: edit.apply,
              // A new process every time: never answered by the watching process of the contender
              // below, which runs in the same folder.
              env: { BILATERAL_SERVED: '0' },
              // Its warm-up run fills the cache (a cold run); the counted runs are the cached
              // ones, so a slow warm-up must not stop them from being made.
              budgetMs: Number.POSITIVE_INFINITY,
            },
          ),
        );
      }
      // The same command while a `bilateral check --watch` runs in the folder: it answers from
      // what it keeps in memory (the command's stderr says so; validated on the warm-up run).
      if (size !== 'repo') {
        watching = await startWatching(meta.dir, log);
        const edit = toggleEdit(meta);
        contenders.push(
          bilateral(SERVED, check, meta.dir, {
            before: edit.apply,
            env: { CI: '', BILATERAL_CACHE: '1' },
            validate: (/** @type {import('./measure.mjs').Run} */ run) => {
              const problem = validateBilateral(meta)(run);
              const said = readFileSync(run.errFile, 'utf8');
              const note = said.includes('answered by the `bilateral check --watch`')
                ? undefined
                : `not answered by the watching process: ${said.trim().split('\n')[0]}`;
              return [problem, note].filter(Boolean).join('; ') || undefined;
            },
          }),
        );
      }
      // Without a core, at every generated size but the largest (to keep the whole run near 10 minutes).
      if (size !== 'repo' && size !== sizes.at(-1)) {
        contenders.push(
          bilateral(
            'bilateral check (no core)',
            ['--source', 'ja', '--locales', 'locales/{lng}/{ns}.json', ...check],
            meta.plain,
          ),
        );
      }
    }
    contenders.push({
      name: 'i18n-check',
      cmd: process.execPath,
      args: [I18N_CHECK_BIN, '--locales', 'locales', '--source', 'ja', '--format', 'i18next'],
      cwd: meta.dir,
      okCodes: [0, 1],
      validate: validateI18nCheck(meta),
    });
    if (cli.usable !== undefined) {
      contenders.push({
        name: 'i18next-cli status',
        cmd: process.execPath,
        args: [cli.usable.bin, 'status'],
        cwd: meta.dir,
        okCodes: [0, 1],
        ...LIMITS,
        validate: validateI18nextCli(meta),
      });
    }
    const results = await compare(contenders, { runs, log }).finally(async () => {
      restore();
      await stopWatching();
    });
    if (watching !== undefined) {
      const r = results.find((/** @type {Json} */ x) => x.name === SERVED);
      if (r !== undefined) r.notes.push(`the watching process: ${watching.peak()}`);
    }
    cases.push({
      size: label,
      largeFile: false,
      keysPerLocale: meta.keysPerLocale,
      locales: LOCALES.length,
      documents: meta.documents,
      files: meta.files,
      defects: meta.defects.length,
      results,
    });
  }
  if (largeFile && available.ok) cases.push(await largeFileCase(runs, log));
  const generated = cases.filter((c) => !c.size.startsWith('this') && !c.largeFile);
  return {
    available: available.ok,
    unavailableReason: available.ok ? undefined : available.why,
    i18nextCli: cli,
    cases,
    growth: growth(generated, (/** @type {Json} */ c) => c.keysPerLocale),
  };
}
