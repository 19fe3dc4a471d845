/**
 * Running contenders: whole processes, wall time from spawn to exit, peak RSS from GNU time's %M
 * (the largest resident set of the process or of any descendant it waited for) — or, without
 * /usr/bin/time, by polling VmHWM of the process itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { WORK } from './paths.mjs';

/**
 * A command to run.
 * @typedef {object} Command
 * @property {string} cmd
 * @property {readonly string[]} [args]
 * @property {string} [cwd]
 * @property {Record<string, string | undefined>} [env]
 * @property {number} [timeoutMs]
 */
/**
 * One finished run.
 * @typedef {object} Run
 * @property {number} wallMs
 * @property {number | undefined} [cpuMs]
 * @property {number | undefined} [rssKb]
 * @property {number} code
 * @property {NodeJS.Signals | null} [signal]
 * @property {string} [error]
 * @property {string} outFile
 * @property {string} errFile
 */
/**
 * A contender of compare().
 * @typedef {Command & {
 *   name: string,
 *   before?: (round: number) => unknown,
 *   after?: (run: Run, round: number) => unknown,
 *   validate?: (run: Run) => string | undefined | Promise<string | undefined>,
 *   okCodes?: number[],
 *   budgetMs?: number,
 *   warmupIsSpecial?: boolean,
 * }} Contender
 */
/** What compare() reports per contender: plain JSON for the results file. @typedef {Record<string, any>} Result */

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let seq = 0;

/**
 * Runs one command to completion. Returns wall ms, peak RSS in KiB (or undefined), exit code and
 * where stdout/stderr went. Never throws for a failing command.
 * @param {Command} command
 * @returns {Promise<Run>}
 */
export function runOnce({ cmd, args = [], cwd, env = {}, timeoutMs = 300_000 }) {
  mkdirSync(path.join(WORK, 'runs'), { recursive: true });
  const id = `${process.pid}-${seq++}`;
  const outFile = path.join(WORK, 'runs', `${id}.out`);
  const errFile = path.join(WORK, 'runs', `${id}.err`);
  const timeFile = path.join(WORK, 'runs', `${id}.time`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const argv =
    GNU_TIME === undefined
      ? [cmd, ...args]
      : [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, cmd, ...args];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(argv[0] ?? cmd, argv.slice(1), {
      cwd,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        TURBO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', out, err],
    });
    let hwm = 0;
    const poll =
      GNU_TIME === undefined
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m !== null) hwm = Math.max(hwm, Number(m[1]));
            } catch {
              // exited
            }
          }, 10)
        : undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      closeSync(out);
      closeSync(err);
      let rssKb = hwm || undefined;
      let cpuMs;
      if (GNU_TIME !== undefined) {
        try {
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          const [rss, user, sys] = (lines.at(-1) ?? '').split(' ').map(Number);
          rssKb = rss;
          cpuMs = ((user ?? NaN) + (sys ?? NaN)) * 1000;
          rmSync(timeFile);
        } catch {
          rssKb = undefined;
        }
      }
      resolve({
        wallMs,
        cpuMs,
        rssKb,
        code: code ?? (signal === null ? -1 : 128),
        signal,
        outFile,
        errFile,
      });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ wallMs: NaN, rssKb: undefined, code: -1, error: e.message, outFile, errFile });
    });
  });
}

/** @param {Run} run */
export const readOut = (run) => readFileSync(run.outFile, 'utf8');
/** @param {Run} run */
export const readErr = (run) => readFileSync(run.errFile, 'utf8');
/** @param {Run} run */
export const cleanRun = (run) => {
  rmSync(run.outFile, { force: true });
  rmSync(run.errFile, { force: true });
};

/**
 * @param {readonly number[]} values
 */
export function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  /** @param {number} p */
  const q = (p) => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    const at = (/** @type {number} */ k) => v[k] ?? NaN;
    return at(lo) + (at(hi) - at(lo)) * (i - lo);
  };
  return {
    n: v.length,
    median: q(0.5),
    min: v[0],
    max: v.at(-1),
    q1: q(0.25),
    q3: q(0.75),
    mean: v.reduce((a, b) => a + b, 0) / v.length,
  };
}

/**
 * Measures contenders against each other: a warm-up round, then `runs` counted rounds; each
 * round runs every contender once, in an order rotated round by round, so that drift in machine
 * load (other processes on the 2 cores) spreads over all of them alike.
 *
 * A contender: { name, setup?(), cmd, args, cwd, env, before?(round), validate?(run) → string|undefined }
 * `before(round)` runs untimed before each run (e.g. clearing an output folder); `after(run, round)`
 * after it. `validate(run)` checks the warm-up run's output (did the tool do the work?).
 *
 * Time budget: a contender whose warm-up run takes longer than `budgetMs` is not repeated. Its
 * warm-up run is then its one measurement — or, with `warmupIsSpecial` (the warm-up does extra
 * work, e.g. recording), one more run is made and counted.
 */
/**
 * @param {Contender[]} contenders
 * @param {{ runs?: number, warmup?: number, log?: (message: string) => void }} [options]
 * @returns {Promise<Result[]>}
 */
export async function compare(contenders, { runs = 5, warmup = 1, log = () => {} } = {}) {
  /** @type {Map<string, Result>} */
  const results = new Map(
    contenders.map((c) => [
      c.name,
      { name: c.name, wall: [], cpu: [], rss: [], codes: [], notes: [] },
    ]),
  );
  for (let round = 0; round < warmup + runs; round++) {
    const order = contenders.map(
      (_, i) => /** @type {Contender} */ (contenders[(i + round) % contenders.length]),
    );
    for (const c of order) {
      const res = results.get(c.name);
      if (res === undefined || res.failed || res.done) continue;
      if (c.before !== undefined) await c.before(round);
      const run = await runOnce(c);
      const limit = c.timeoutMs ?? 300_000;
      if (run.signal === 'SIGKILL' && run.wallMs >= limit)
        run.error = `killed after ${(limit / 1000).toFixed(0)} s (time limit)`;
      const overBudget = round === 0 && c.budgetMs !== undefined && run.wallMs > c.budgetMs;
      let counted = round >= warmup;
      if (overBudget) {
        counted = !c.warmupIsSpecial;
        res.onceAfter = c.warmupIsSpecial ? 1 : 0;
        res.notes.push(
          `measured once: the warm-up run took ${(run.wallMs / 1000).toFixed(1)} s, over the ${((c.budgetMs ?? 0) / 1000).toFixed(0)} s budget for repeating it${c.warmupIsSpecial ? ' (one more run counted)' : ''}`,
        );
      }
      if (round === 0 && c.validate !== undefined && run.error === undefined) {
        const problem = await c.validate(run);
        if (problem !== undefined) res.notes.push(problem);
      }
      const okCodes = c.okCodes ?? [0];
      if (!okCodes.includes(run.code)) {
        res.failed = true;
        const err = readErr(run).trim().split('\n').slice(-12).join('\n');
        res.error =
          `${run.error ?? `exit ${run.code}`}: ${err || readOut(run).trim().split('\n').slice(-5).join('\n')}`.replace(
            /: $/,
            '',
          );
        if (run.error?.startsWith('killed')) res.killedAfterMs = limit;
        log(`  ${c.name}: FAILED ${res.error.split('\n')[0]}`);
      }
      if (c.after !== undefined) await c.after(run, round);
      cleanRun(run);
      if (counted && !res.failed) {
        res.wall.push(run.wallMs);
        if (run.cpuMs !== undefined && Number.isFinite(run.cpuMs)) res.cpu.push(run.cpuMs);
        if (run.rssKb !== undefined) res.rss.push(run.rssKb);
        res.codes.push(run.code);
      }
      if (res.onceAfter !== undefined) {
        if (res.onceAfter === 0) res.done = true;
        else res.onceAfter--;
      }
      log(
        `  ${counted ? 'run' : 'warm-up'} ${round + 1 - warmup}: ${c.name} ${run.wallMs.toFixed(0)} ms${run.rssKb ? `, ${(run.rssKb / 1024).toFixed(0)} MB` : ''}`,
      );
    }
  }
  for (const r of results.values()) {
    delete r.done;
    delete r.onceAfter;
  }
  return summarise([...results.values()]);
}

/**
 * Adds statistics and ratios between every pair of contenders.
 * @param {Result[]} results
 */
export function summarise(results) {
  for (const r of results) {
    r.wallStats = r.failed ? undefined : stats(r.wall);
    r.rssStats = r.failed ? undefined : stats(r.rss);
    r.cpuStats = r.failed ? undefined : stats(r.cpu ?? []);
  }
  for (const r of results) {
    r.ratios = {};
    for (const o of results) {
      if (o === r || r.wallStats === undefined || o.wallStats === undefined) continue;
      r.ratios[o.name] = r.wallStats.median / o.wallStats.median;
    }
  }
  return results;
}
