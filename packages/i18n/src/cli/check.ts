import path from 'node:path';
import { check } from '../check/check.js';
import { formatFindings, type OutputFormat } from '../check/format.js';
import type { Finding } from '../check/types.js';
import { ConfigError, loadConfig, loadCorpus, type ProjectConfig } from '../project/config.js';
import { buildProject, type Project } from '../project/project.js';
import {
  commandName,
  configOptions,
  localiseCommand,
  useColor,
  type GlobalOptions,
} from './shared.js';

export interface CheckCommandOptions {
  readonly format: OutputFormat;
  readonly watch: boolean;
  readonly rule?: readonly string[];
  readonly locale?: readonly string[];
}

/** Runs the checks once and renders the result. */
export function runChecks(
  project: Project,
  opts: CheckCommandOptions,
  g: GlobalOptions,
): { output: string; findings: Finding[] } {
  for (const l of opts.locale ?? []) {
    if (!project.locales.includes(l))
      throw new ConfigError(
        `unknown locale "${l}": this project has ${project.locales.join(', ')}`,
      );
  }
  let findings = check(project, opts.rule === undefined ? {} : { rules: opts.rule });
  if (opts.locale !== undefined) findings = findings.filter((f) => opts.locale?.includes(f.locale));
  const cmd = commandName();
  const output = formatFindings(findings, opts.format, {
    color: opts.format === 'pretty' && useColor(g),
    root: project.root,
    project,
    command: cmd,
  });
  return { output: opts.format === 'pretty' ? localiseCommand(output, cmd) : output, findings };
}

export async function checkCommand(opts: CheckCommandOptions, g: GlobalOptions): Promise<number> {
  const config = await loadConfig(configOptions(g));
  const corpus = await loadCorpus(config);
  const project = buildProject(config, corpus);
  const { output, findings } = runChecks(project, opts, g);
  process.stdout.write(output);
  if (!opts.watch) return findings.some((f) => f.severity === 'error') ? 1 : 0;
  await watchLoop(config, opts, g);
  return 0;
}

/** Re-checks on every change to a locale file, lock file or the config, until interrupted. */
async function watchLoop(
  initial: ProjectConfig,
  opts: CheckCommandOptions,
  g: GlobalOptions,
): Promise<void> {
  const { watch } = await import('chokidar');
  let config = initial;
  let corpus = await loadCorpus(config);
  const before = config.files.split('{lng}')[0] ?? '';
  const dir = path.resolve(
    config.root,
    before.endsWith('/') || before === '' ? before || '.' : path.dirname(before),
  );
  const lockDir = path.resolve(config.root, path.dirname(config.lockFile.split('{lng}')[0] + 'x'));
  const paths = [
    ...new Set([dir, lockDir, ...(config.configFile === undefined ? [] : [config.configFile])]),
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
      }
      const project = buildProject(config, corpus);
      const { output } = runChecks(project, opts, g);
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
