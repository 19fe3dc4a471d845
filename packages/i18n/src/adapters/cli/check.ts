import path from 'node:path';
import type { OutputFormat } from '../../check/report/format.js';
import type { CheckSession, CheckSessionOptions, CheckSessionResult } from '../../check/session.js';
import { loadConfig } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { LocaleLayout } from '../../model/layout.js';
import type { Finding } from '../../model/finding.js';
import type { ProjectConfig } from '../../model/types.js';
import { commandName, configOptions, useColor, type GlobalOptions } from './shared.js';

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
    formatFindings: format.formatFindings,
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
  const { output, findings } = report(await session.result(), opts, g, e);
  process.stdout.write(output);
  if (!opts.watch) return findings.some((f) => f.severity === 'error') ? 1 : 0;
  await watchLoop(session, opts, g, e);
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
  { formatFindings }: Engine,
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
  process.stdout.write(
    opts.format === 'json' || opts.format === 'sarif'
      ? shardReport(result, opts.format, config.root)
      : formatFindings(findings, opts.format, {
          color: opts.format === 'pretty' && useColor(g),
          root: config.root,
          commandName: commandName(),
        }),
  );
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `--locale` names languages of the project. */
function requireLocales(config: ProjectConfig, opts: CheckCommandOptions): void {
  for (const l of opts.locale ?? []) {
    if (!config.locales.includes(l))
      throw new ConfigError(`unknown locale "${l}": this project has ${config.locales.join(', ')}`);
  }
}

/** The findings of the languages asked for, and them in the chosen format. */
function report(
  result: CheckSessionResult,
  opts: CheckCommandOptions,
  g: GlobalOptions,
  { formatFindings }: Engine,
): { output: string; findings: readonly Finding[] } {
  const wanted = opts.locale;
  const findings =
    wanted === undefined
      ? result.findings
      : result.findings.filter((f) => wanted.includes(f.locale));
  const output = formatFindings(findings, opts.format, {
    color: opts.format === 'pretty' && useColor(g),
    root: result.project.root,
    project: result.project,
    commandName: commandName(),
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
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const rerun = async () => {
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
      const { output } = report(await session.again(next), opts, g, e);
      const names = [...changed].map((p) => path.relative(config.root, p)).join(', ');
      changed.clear();
      const ms = Math.round(performance.now() - started);
      if (opts.format === 'pretty' && process.stdout.isTTY) process.stdout.write('\x1Bc');
      process.stderr.write(
        `[${new Date().toLocaleTimeString()}] ${names} changed, re-checked in ${ms} ms\n`,
      );
      process.stdout.write(output);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      process.stderr.write(`error ${e.message}\n`);
    }
    status();
  };
  watcher.on('all', (_event: string, file: string) => {
    if (!file.endsWith('.json') && !/bilateral\.config\.[cm]?[jt]s$/.test(file)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), 40);
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      void watcher.close().then(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
