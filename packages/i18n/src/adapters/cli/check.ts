import path from 'node:path';
import { CacheFile, CheckCache, defaultCacheFile } from '../../check/incremental/cache.js';
import { digestCore, type CoreDigest } from '../../check/incremental/core-digest.js';
import { check } from '../../check/check.js';
import { CoreNeeded } from '../../model/errors.js';
import {
  checkInWorkers,
  defaultJobs,
  startCoreSession,
  type CoreSession,
} from '../../check/threads/parallel.js';
import { formatFindings, type OutputFormat } from '../../check/report/format.js';
import type { Finding } from '../../model/finding.js';
import { loadConfig, loadCorpus } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { type ProjectConfig } from '../../model/types.js';
import { buildProject } from '../../files/project.js';
import { type Project } from '../../model/types.js';
import { commandName, configOptions, useColor, type GlobalOptions } from './shared.js';
import { LocaleLayout } from '../../model/layout.js';

export interface CheckCommandOptions {
  readonly format: OutputFormat;
  readonly watch: boolean;
  /** `--no-cache`: check everything, read and write no cache. */
  readonly cache: boolean;
  /** `--cache-location <file>`. */
  readonly cacheLocation?: string;
  /** `--jobs <n>`: threads (default: one per core on large projects, see `defaultJobs`). */
  readonly jobs?: number;
  readonly rule?: readonly string[];
  readonly locale?: readonly string[];
}

/** Runs the checks once (on worker threads when `jobs` > 1) and renders the result. */
export async function runChecks(
  project: Project,
  opts: CheckCommandOptions,
  g: GlobalOptions,
  cache?: CheckCache,
  jobs = 1,
  core?: CoreDigest,
): Promise<{ output: string; findings: Finding[] }> {
  for (const l of opts.locale ?? []) {
    if (!project.locales.includes(l))
      throw new ConfigError(
        `unknown locale "${l}": this project has ${project.locales.join(', ')}`,
      );
  }
  const options = {
    ...(opts.rule === undefined ? {} : { rules: opts.rule }),
    ...(cache === undefined ? {} : { cache }),
    ...(core === undefined ? {} : { core }),
  };
  let findings =
    jobs > 1 ? await checkInWorkers(project, { ...options, jobs }) : check(project, options);
  if (opts.locale !== undefined) findings = findings.filter((f) => opts.locale?.includes(f.locale));
  const output = formatFindings(findings, opts.format, {
    color: opts.format === 'pretty' && useColor(g),
    root: project.root,
    project,
    commandName: commandName(),
  });
  return { output, findings };
}

/**
 * The project to check, and on how many threads.
 *
 * - Checked afresh (no cache, or one holding less than half the namespaces, or most of them
 *   changed): one thread per core on a large project; each worker loads the core, this thread
 *   does not.
 * - With a cache: a worker loads the core and digests it while this thread reads the project
 *   and the cache. Nothing changed: the worker stops, and the core was never loaded here. A few
 *   namespaces changed: the worker checks them with the core it has loaded, and everything else
 *   comes from the cache.
 */
async function load(
  config: ProjectConfig,
  opts: CheckCommandOptions,
  cache: CheckCache | undefined,
  session: CoreSession | undefined,
): Promise<{ project: Project; jobs: number; core?: CoreDigest }> {
  const bare = buildProject(config, undefined);
  const fresh = async () => {
    session?.stop();
    const jobs = opts.jobs ?? defaultJobs(bare.files.length);
    if (jobs > 1 || config.core === undefined) return { project: bare, jobs };
    return { project: buildProject(config, await loadCorpus(config)), jobs: 1 };
  };
  if (cache === undefined || session === undefined || cache.size < bare.namespaces.length / 2)
    return fresh();
  cache.prefetch(bare); // meanwhile, the core loads on the other thread
  const core = await session.digest;
  const pending = cache.pending(bare, core, opts.rule);
  // Much to check again (a new toolkit version, a changed config): as if afresh.
  if (pending.length > bare.namespaces.length / 2) return fresh();
  // A few: checked where the core is loaded already; then all of them come from the cache.
  if (pending.length > 0) await session.check(pending, opts.rule, cache);
  else session.stop();
  return { project: bare, jobs: 1, core };
}

export async function checkCommand(opts: CheckCommandOptions, g: GlobalOptions): Promise<number> {
  const config = await loadConfig(configOptions(g));
  const store = cacheStore(config, opts);
  // With a cache file, the core starts loading on another thread at once (see `load`).
  const session =
    store !== undefined && opts.jobs === undefined && config.core !== undefined && store.exists()
      ? startCoreSession(config)
      : undefined;
  const cache = store?.load();
  let loaded = await load(config, opts, cache, session);
  let result: { output: string; findings: Finding[] };
  try {
    result = await runChecks(loaded.project, opts, g, cache, loaded.jobs, loaded.core);
  } catch (e) {
    // A file changed between the look at the cache and the check: load the core after all.
    if (!(e instanceof CoreNeeded)) throw e;
    loaded = { project: buildProject(config, await loadCorpus(config)), jobs: 1 };
    result = await runChecks(loaded.project, opts, g, cache, 1);
  }
  if (cache !== undefined) store?.save(cache);
  process.stdout.write(result.output);
  if (!opts.watch) return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
  await watchLoop(config, opts, g, store, cache ?? new CheckCache());
  return 0;
}

/** Where the check cache lives on disk: `--cache-location`, or the project's node_modules/.cache. */
export function cachePath(config: ProjectConfig, opts: CheckCommandOptions): string | undefined {
  if (!opts.cache) return undefined;
  if (opts.cacheLocation !== undefined) return path.resolve(opts.cacheLocation);
  return defaultCacheFile(config.root);
}

function cacheStore(config: ProjectConfig, opts: CheckCommandOptions): CacheFile | undefined {
  const file = cachePath(config, opts);
  if (file === undefined) return undefined;
  return new CacheFile(file, (e) => {
    // Only a location the user chose is worth a word: the default one is best effort.
    if (opts.cacheLocation !== undefined)
      process.stderr.write(
        `warning: could not write the check cache ${file}: ${e.message} (the results are not affected)\n`,
      );
  });
}

/** Re-checks on every change to a locale file, lock file or the config, until interrupted. */
async function watchLoop(
  initial: ProjectConfig,
  opts: CheckCommandOptions,
  g: GlobalOptions,
  store: CacheFile | undefined,
  cache: CheckCache,
): Promise<void> {
  const { watch } = await import('chokidar');
  let config = initial;
  let corpus = await loadCorpus(config);
  // Digested once per core (not per re-check): only the locale files change between re-checks.
  let core = digestCore(corpus);
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
  status();
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const rerun = async () => {
    const started = performance.now();
    try {
      if (config.configFile !== undefined && changed.has(config.configFile)) {
        config = await loadConfig(configOptions(g));
        corpus = await loadCorpus(config);
        core = digestCore(corpus);
      }
      const project = buildProject(config, corpus);
      // Only the namespaces whose files changed are checked again.
      const { output } = await runChecks(project, opts, g, cache, 1, core);
      store?.save(cache);
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
