import path from 'node:path';
import type { OutputFormat } from '../../check/report/format.js';
import type { CheckSession, CheckSessionOptions, CheckSessionResult } from '../../check/session.js';
import { loadConfig } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { LocaleLayout } from '../../model/layout.js';
import type { Finding } from '../../model/finding.js';
import type { ProjectConfig } from '../../model/types.js';
import {
  commandName,
  configOptions,
  exitAfter,
  useColor,
  writeParts,
  type GlobalOptions,
} from './shared.js';

export interface CheckCommandOptions {
  readonly format: OutputFormat;
  readonly watch: boolean;
  /** `--strict`: stale translations are errors (see `strictConfig`). */
  readonly strict?: boolean;
  /** `--no-cache`: check everything, read and write no cache. */
  readonly cache: boolean;
  /** `--cache-location <file>`. */
  readonly cacheLocation?: string;
  /** `--jobs <n>`: threads (default: one per core on large projects, see `defaultJobs`). */
  readonly jobs?: number;
  readonly rule?: readonly string[];
  readonly locale?: readonly string[];
  /** `--shard k/n`: check only this shard's namespaces (see check/shard.ts and `bilateral merge`). */
  readonly shard?: string;
}

/**
 * The check's modules (the engine, every rule, the reporters), loaded once the configuration is
 * known: a mistake in it is reported without loading them (`bilateral check` in a folder without
 * locale files answers at once).
 */
const engine = async () => {
  const [session, format, stale] = await Promise.all([
    import('../../check/session.js'),
    import('../../check/report/format.js'),
    import('../../check/rules/stale.js'),
  ]);
  return {
    openCheckSession: session.openCheckSession,
    formatFindingsInParts: format.formatFindingsInParts,
    strictConfig: stale.strictConfig,
  };
};
type Engine = Awaited<ReturnType<typeof engine>>;

/** `bilateral check`: options → check session → report → exit code (1 when there is an error). */
export async function checkCommand(opts: CheckCommandOptions, g: GlobalOptions): Promise<number> {
  const loaded = await loadConfig(configOptions(g));
  requireLocales(loaded, opts);
  const e = await engine();
  const config = opts.strict === true ? e.strictConfig(loaded) : loaded;
  if (opts.shard !== undefined) return shardCommand(config, opts.shard, opts, g, e);
  const session = e.openCheckSession(config, sessionOptions(opts));
  const { output, findings } = report(await session.result(), shown(opts, g), e);
  if (!opts.watch) return exitAfter(findings, output);
  await writeParts(output);
  await watchLoop(session, opts, g, e);
  session.stop();
  return 0;
}

function sessionOptions(opts: CheckCommandOptions): CheckSessionOptions {
  const chosen = opts.cacheLocation === undefined ? undefined : path.resolve(opts.cacheLocation);
  return {
    ...(!opts.cache ? { cache: false } : chosen === undefined ? {} : { cache: chosen }),
    ...(opts.jobs === undefined ? {} : { jobs: opts.jobs }),
    ...(opts.rule === undefined ? {} : { rules: opts.rule }),
    // Only a location the user chose is worth a word: the default one is best effort.
    ...(chosen === undefined
      ? {}
      : {
          onCacheError: (e: Error) =>
            process.stderr.write(
              `warning: could not write the check cache ${chosen}: ${e.message} (the results are not affected)\n`,
            ),
        }),
  };
}

/**
 * `check --shard k/n`: one shard's namespaces, without a cache. In `json` and `sarif`, the report
 * also carries what `bilateral merge` needs (the shard, its namespaces and what their passes
 * collected); the lock files and `$t(…)` cycles are checked by the merge, over every shard.
 */
async function shardCommand(
  config: ProjectConfig,
  text: string,
  opts: CheckCommandOptions,
  g: GlobalOptions,
  { formatFindingsInParts }: Engine,
): Promise<number> {
  const { parseShard, checkShard } = await import('../../check/shard.js');
  const shard = parseShard(text);
  if (opts.watch) throw new ConfigError('--shard checks once: it cannot be combined with --watch');
  if (opts.locale !== undefined)
    throw new ConfigError(
      '--shard reports every language (the merge needs them all): leave out --locale',
    );
  const result = await checkShard(config, shard, {
    ...(opts.rule === undefined ? {} : { rules: opts.rule }),
    ...(opts.jobs === undefined ? {} : { jobs: opts.jobs }),
  });
  const findings = result.findings;
  const { shardReport } = await import('./merge.js');
  return exitAfter(
    findings,
    opts.format === 'json' || opts.format === 'sarif'
      ? shardReport(result, opts.format, config.root)
      : formatFindingsInParts(findings, opts.format, {
          color: opts.format === 'pretty' && useColor(g),
          root: config.root,
          commandName: commandName(),
        }),
  );
}

/** `--locale` names languages of the project. */
function requireLocales(config: ProjectConfig, opts: CheckCommandOptions): void {
  for (const l of opts.locale ?? []) {
    if (!config.locales.includes(l))
      throw new ConfigError(`unknown locale "${l}": this project has ${config.locales.join(', ')}`);
  }
}

/** How a report is shown: its format and languages, colours, the command to suggest. */
interface Shown {
  readonly format: OutputFormat;
  readonly locale?: readonly string[] | undefined;
  readonly color: boolean;
  readonly commandName: string;
}

const shown = (opts: CheckCommandOptions, g: GlobalOptions): Shown => ({
  format: opts.format,
  locale: opts.locale,
  color: opts.format === 'pretty' && useColor(g),
  commandName: commandName(),
});

/** The findings of the languages asked for, and them in the chosen format (in parts, to write). */
function report(
  result: CheckSessionResult,
  how: Shown,
  { formatFindingsInParts }: Engine,
): { output: Iterable<string>; findings: readonly Finding[] } {
  const wanted = how.locale;
  const findings =
    wanted === undefined
      ? result.findings
      : result.findings.filter((f) => wanted.includes(f.locale));
  const output = formatFindingsInParts(findings, how.format, {
    color: how.format === 'pretty' && how.color,
    root: result.project.root,
    project: result.project,
    commandName: how.commandName,
  });
  return { output, findings };
}

/**
 * Re-checks on every change to a locale file, lock file or the config, until interrupted. Says
 * "Watching …" on stderr once the watcher is ready (an edit from then on is seen), and again
 * after every re-check.
 */
async function watchLoop(
  session: CheckSession,
  opts: CheckCommandOptions,
  g: GlobalOptions,
  e: Engine,
): Promise<void> {
  const { watch } = await import('chokidar');
  const config = session.config;
  const layout = LocaleLayout.of(config);
  // The languages' folder (a new language appears there) and every locale and lock folder.
  const paths = [
    ...new Set([
      layout.languagesFolder(),
      ...layout.watchFolders(config.locales),
      ...(config.configFile === undefined ? [] : [config.configFile]),
    ]),
  ];
  const watcher = watch(paths, {
    ignoreInitial: true,
    ignored: (p: string) => /(^|[/\\])(node_modules|\.git|dist)([/\\]|$)/.test(p),
  });
  const status = () =>
    process.stderr.write(
      `\nWatching ${paths.map((p) => path.relative(config.root, p) || '.').join(', ')} for changes… (Ctrl-C to stop)\n`,
    );
  watcher.once('ready', status);
  // One check at a time: a re-check after an edit, or the answer to a `bilateral check` run in
  // this folder meanwhile (serve.ts), which this process gives from what it keeps in memory.
  let busy: Promise<unknown> = Promise.resolve();
  /** The last check asked for, and when it started (Infinity while it waits its turn). */
  let latest: { startedAt: number; readonly result: Promise<CheckSessionResult> } | undefined;
  const checkAgain = (next?: ProjectConfig): Promise<CheckSessionResult> => {
    const entry: { startedAt: number; result: Promise<CheckSessionResult> } = {
      startedAt: Number.POSITIVE_INFINITY,
      result: busy.then(() => {
        // The wall clock, as the asking process's start is (see `answer`).
        entry.startedAt = Date.now();
        return session.again(next);
      }),
    };
    busy = entry.result.catch(() => undefined);
    latest = entry;
    return entry.result;
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const rerun = async () => {
    timer = undefined;
    const started = performance.now();
    try {
      const reloaded =
        config.configFile !== undefined && changed.has(config.configFile)
          ? await loadConfig(configOptions(g))
          : undefined;
      const next =
        reloaded !== undefined && opts.strict === true ? e.strictConfig(reloaded) : reloaded;
      if (next !== undefined) requireLocales(next, opts);
      // Only the namespaces whose files changed are checked again.
      const { output } = report(await checkAgain(next), shown(opts, g), e);
      if (next !== undefined) server?.reloaded();
      const names = [...changed].map((p) => path.relative(config.root, p)).join(', ');
      changed.clear();
      const ms = Math.round(performance.now() - started);
      if (opts.format === 'pretty' && process.stdout.isTTY) process.stdout.write('\x1Bc');
      process.stderr.write(
        `[${new Date().toLocaleTimeString()}] ${names} changed, re-checked in ${ms} ms\n`,
      );
      await writeParts(output);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      process.stderr.write(`error ${e.message}\n`);
    }
    status();
  };
  const { serveChecks } = await import('./serve.js');
  // BILATERAL_SERVED=0 here too: a watcher that answers no one.
  const server =
    process.env['BILATERAL_SERVED'] === '0'
      ? undefined
      : await serveChecks({
          argv: process.argv.slice(2),
          cwd: process.cwd(),
          config: () => session.config,
          answer: async (asked) => {
            // An edit seen and not yet re-checked: re-checked now, for this terminal and that one.
            if (timer !== undefined) {
              clearTimeout(timer);
              await rerun();
            }
            // A check that started after the asking command did looked at every file as the user left
            // them: its result is the answer (a re-check after the edit just made, say). Otherwise a
            // check of its own, after any under way.
            const last = latest;
            const result =
              last !== undefined && last.startedAt > asked.startedAt ? last.result : checkAgain();
            const { output, findings } = report(
              await result,
              {
                format: asked.format as OutputFormat,
                locale: asked.locale,
                color: asked.color,
                commandName: asked.commandName,
              },
              e,
            );
            return {
              output: [...output].join(''),
              code: findings.some((f) => f.severity === 'error') ? 1 : 0,
            };
          },
          onRefused: (reason) =>
            process.stderr.write(
              `[${new Date().toLocaleTimeString()}] \`${commandName()} check\` in another terminal checked by itself: ${reason}\n`,
            ),
          onAnswer: (ms) =>
            process.stderr.write(
              `[${new Date().toLocaleTimeString()}] answered \`${commandName()} check\` from another terminal in ${Math.round(ms)} ms\n`,
            ),
        });
  // The first answer need not wait for the core to load on this thread (the first run may have
  // checked on workers): loaded now, while the terminal shows the report.
  if (server !== undefined) void checkAgain().catch(() => undefined);
  watcher.on('all', (_event: string, file: string) => {
    if (!file.endsWith('.json') && !/bilateral\.config\.[cm]?[jt]s$/.test(file)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), 40);
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      void Promise.all([watcher.close(), server?.close()]).then(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
