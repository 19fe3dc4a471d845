/**
 * `@bilateral/i18n/eleventy`: the Eleventy plugin a Bilateral site uses.
 *
 * Before every build it runs the consistency checks (the same code and the same output as
 * `bilateral check`) and renders every document of the core in every locale. Then:
 * - in production (`eleventy`), any error-level finding fails the build, and so does any text that
 *   would reach a reader empty;
 * - in development (`eleventy --serve`, or `BILATERAL_MODE=development`), findings are printed and
 *   handed to the templates (for a banner on the affected pages), missing text falls back along the
 *   configured chain and is marked as such, and a change to a locale file, the config or the core
 *   rebuilds the site (and live-reloads the browser).
 *
 * Templates get global data `bilateral` and the filters `bilateralDocument`, `bilateralText`,
 * `bilateralFindings` and `bilateralLanguageName` (usable from Nunjucks, Liquid and 11ty.js).
 */
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '@bilateral/core';
import { CacheFile, defaultCacheFile } from '../../check/incremental/cache.js';
import { checkWithStatus } from '../../check/check.js';
import { formatFindings, hintText } from '../../check/report/format.js';
import type { StatusReport } from '../../check/status.js';
import type { Finding } from '../../model/finding.js';
import { loadConfig, loadCorpus } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { type ProjectConfig } from '../../model/types.js';
import { buildProject } from '../../files/project.js';
import { readResources, type KeptLocaleData } from '../../render/resources.js';
import { toolkitFingerprint } from '../../files/fingerprint.js';
import { BuildInputs, RenderCache, type CacheEntry } from '../../render/cache.js';
import {
  createRenderer,
  type RenderedDocument,
  type RenderedText,
  type Renderer,
} from '../../render/renderer.js';
import { TranslationCheckError } from '../../model/errors.js';
import { LocaleLayout } from '../../model/layout.js';

export type BilateralMode = 'production' | 'development';

export interface BilateralPluginOptions {
  /** Where to look for `bilateral.config.*` (upwards). Default: the process's working directory. */
  readonly cwd?: string;
  /** The config file to use, instead of searching for one. */
  readonly configFile?: string;
  /**
   * Default: `BILATERAL_MODE` when set, else `development` under `--serve`/`--watch` and
   * `production` for a plain build.
   */
  readonly mode?: BilateralMode;
  /**
   * Run the checks and load the core in a fresh worker thread on every build, so that an edited
   * core is picked up without restarting (Node caches imported modules). Default: in development.
   */
  readonly isolate?: boolean;
  /** Colour in the printed findings. Default: when stderr is a terminal and NO_COLOR is unset. */
  readonly color?: boolean;
  /** Where findings are printed. Default: process.stderr. */
  readonly log?: (text: string) => void;
  /** How hints name the CLI, e.g. `pnpm i18n` (default `bilateral`), as `bilateral check` does. */
  readonly command?: string;
  /**
   * Where rendered documents are kept between builds (a folder), or `false` for none. Each
   * document is re-rendered only when what it reads changed (see the README). Default:
   * `node_modules/.cache/bilateral` in the project's root (the folder of bilateral.config.json),
   * none when that root has no node_modules. Within one process (a dev server) they are always
   * kept in memory.
   */
  readonly cacheDirectory?: string | false;
}

export type { Finding };
/** Translation status per locale and section (what `bilateral status` shows). */
export type TranslationStatus = StatusReport;

/** What the checks found, computed in-process or in a worker (plain, cloneable data). */
export interface Analysis {
  readonly corpus: Corpus | undefined;
  readonly findings: readonly Finding[];
  /** `formatFindings(findings, 'pretty')`: what `bilateral check` prints. Empty when clean. */
  readonly pretty: string;
  readonly status: TranslationStatus;
}

/** Global data the plugin gives templates, as `bilateral`. */
export interface BilateralData {
  readonly mode: BilateralMode;
  readonly sourceLocale: string;
  readonly locales: readonly string[];
  /** The locale for readers whose languages the site does not have (`en` when present). */
  readonly defaultLocale: string;
  readonly fallback: Readonly<Record<string, readonly string[]>>;
  /** Document ids of the core, in order. */
  readonly documents: readonly string[];
  readonly findings: readonly Finding[];
  readonly status: TranslationStatus;
}

/** The part of Eleventy's config API the plugin uses (no dependency on Eleventy's types). */
export interface EleventyConfigLike {
  addGlobalData(name: string, data: unknown): unknown;
  addFilter(name: string, fn: (...args: never[]) => unknown): unknown;
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): unknown;
  on(event: string, listener: (arg: { runMode?: string }) => unknown): unknown;
}

/** Runs the checks and loads the core, in this thread. */
export async function analyse(
  config: ProjectConfig,
  options: {
    color: boolean;
    command?: string;
    /**
     * The check cache (see `bilateral check --cache-location`): the project's default one
     * (node_modules/.cache/bilateral/check.json) unless given, none with `false`. Unchanged
     * namespaces are then not checked again, build after build.
     */
    cacheFile?: string | false;
  },
): Promise<Analysis> {
  const corpus = await loadCorpus(config);
  const project = buildProject(config, corpus);
  const where =
    options.cacheFile === false ? undefined : (options.cacheFile ?? defaultCacheFile(config.root));
  const store = where === undefined ? undefined : new CacheFile(where);
  const cache = store?.load();
  const { findings, status } = checkWithStatus(project, cache === undefined ? {} : { cache });
  if (cache !== undefined) store?.save(cache);
  const command = options.command ?? 'bilateral';
  const pretty =
    findings.length === 0
      ? ''
      : formatFindings(findings, 'pretty', {
          color: options.color,
          root: config.root,
          project,
          commandName: command,
        });
  return { corpus, findings, pretty, status };
}

interface WorkerRequest {
  readonly bilateralEleventyWorker: true;
  readonly cwd: string | undefined;
  readonly configFile: string | undefined;
  readonly color: boolean;
  readonly command: string | undefined;
  /**
   * What to do with the core: `first` sends it as soon as it is loaded (before the checks run),
   * `none` leaves it out of the reply (the caller loaded it), `with` returns it in the analysis.
   */
  readonly corpus?: 'first' | 'none' | 'with';
}
type WorkerReply =
  | { readonly ok: true; readonly analysis: Analysis }
  | {
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
    };
type WorkerMessage =
  | WorkerReply
  | { readonly ready: true }
  | { readonly corpus: Corpus | undefined; readonly early: true };

/** The checks worker could not start (e.g. this module runs untranspiled, under a test runner). */
class WorkerUnavailable extends Error {}

/** The checks running in a worker thread: the core (when asked first) and the analysis. */
interface ChecksRun {
  readonly corpus: Promise<Corpus | undefined>;
  readonly analysis: Promise<Analysis>;
  stop(): void;
}

function startChecks(
  options: { cwd?: string; configFile?: string },
  color: boolean,
  command: string | undefined,
  corpusMode: 'first' | 'none' | 'with',
): ChecksRun {
  const request: WorkerRequest = {
    bilateralEleventyWorker: true,
    cwd: options.cwd,
    configFile: options.configFile,
    color,
    command,
    corpus: corpusMode,
  };
  let resolveCorpus: (c: Corpus | undefined) => void = () => {};
  let rejectCorpus: (e: unknown) => void = () => {};
  const corpus = new Promise<Corpus | undefined>((res, rej) => {
    resolveCorpus = res;
    rejectCorpus = rej;
  });
  let worker: Worker | undefined;
  const analysis = new Promise<Analysis>((resolve, reject) => {
    const fail = (e: unknown) => {
      rejectCorpus(e);
      reject(e);
    };
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: request });
    } catch (e) {
      fail(new WorkerUnavailable((e as Error).message));
      return;
    }
    const w = worker;
    let ready = false;
    let settled = false;
    w.on('message', (reply: WorkerMessage) => {
      if ('ready' in reply) {
        ready = true;
        return;
      }
      if ('early' in reply) {
        resolveCorpus(reply.corpus);
        return;
      }
      settled = true;
      if (reply.ok) {
        resolveCorpus(reply.analysis.corpus);
        resolve(reply.analysis);
      } else {
        const e =
          reply.name === 'ConfigError' ? new ConfigError(reply.message) : new Error(reply.message);
        if (reply.stack !== undefined && reply.name !== 'ConfigError') e.stack = reply.stack;
        fail(e);
      }
      void w.terminate();
    });
    w.once('error', (e) => {
      if (!settled) fail(ready ? e : new WorkerUnavailable(e.message));
      settled = true;
    });
    w.once('exit', (code) => {
      if (!settled) fail(new Error(`the bilateral checks worker stopped (exit code ${code})`));
      settled = true;
    });
  });
  // Whoever awaits them sees the rejections; these only keep an early one from being "unhandled".
  corpus.catch(() => {});
  analysis.catch(() => {});
  return { corpus, analysis, stop: () => void worker?.terminate() };
}

/** Runs {@link analyse} in a fresh worker thread: a fresh module graph, so the current core. */
export function analyseIsolated(
  options: { cwd?: string; configFile?: string },
  color: boolean,
  command?: string,
): Promise<Analysis> {
  return startChecks(options, color, command, 'with').analysis;
}

if (
  !isMainThread &&
  (workerData as Partial<WorkerRequest> | null)?.bilateralEleventyWorker === true
) {
  const request = workerData as WorkerRequest;
  parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
  const reply = async (): Promise<WorkerReply> => {
    try {
      const config = await loadConfig({
        ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
        ...(request.configFile === undefined ? {} : { configFile: request.configFile }),
      });
      if (request.corpus === 'first') {
        const corpus = await loadCorpus(config);
        parentPort?.postMessage({ corpus, early: true } satisfies WorkerMessage);
      }
      const opts =
        request.command === undefined
          ? { color: request.color }
          : { color: request.color, command: request.command };
      const analysis = await analyse(config, opts);
      return {
        ok: true,
        analysis: request.corpus === 'with' ? analysis : { ...analysis, corpus: undefined },
      };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return {
        ok: false,
        name: err.name,
        message: err.message,
        ...(err.stack === undefined ? {} : { stack: err.stack }),
      };
    }
  };
  void reply().then((r) => parentPort?.postMessage(r));
}

/** The path of a locale file, relative to the project root (for messages). */
function localeFile(config: ProjectConfig, locale: string, namespace: string): string {
  return LocaleLayout.of(config).relative(locale, namespace);
}

/** Findings for text a page cannot show: a key missing in the whole fallback chain, an unknown reference. */
function renderFindings(
  config: ProjectConfig,
  locale: string,
  docs: readonly RenderedDocument[],
): Finding[] {
  const out: Finding[] = [];
  for (const doc of docs) {
    for (const p of doc.problems) {
      const colon = p.key.indexOf(':');
      const ns = colon === -1 ? doc.id : p.key.slice(0, colon);
      const key = colon === -1 ? p.key : p.key.slice(colon + 1);
      const source = config.sourceLocale;
      out.push({
        rule: 'render',
        severity: 'error',
        locale,
        file: localeFile(config, locale, ns),
        line: 1,
        column: 1,
        key,
        message: `the ${locale} pages cannot show "${key}": ${p.message}`,
        hint:
          locale === source
            ? `add "${key}" to ${localeFile(config, source, ns)}`
            : `translate "${key}" from ${localeFile(config, source, ns)} into ${localeFile(config, locale, ns)}`,
      });
    }
  }
  return out;
}

/** A plain listing of the findings about text that would render empty (not from the checks). */
function plainFindings(findings: readonly Finding[]): string {
  return (
    findings
      .map(
        (f) =>
          `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.key}  ${f.message} (${f.rule})\n  hint: ${f.hint}`,
      )
      .join('\n') + '\n'
  );
}

/** Resolves the mode from the option, `BILATERAL_MODE`, or how Eleventy runs. */
export function resolveMode(
  option: BilateralMode | undefined,
  runMode: string | undefined,
): BilateralMode {
  if (option !== undefined) return option;
  const env = process.env['BILATERAL_MODE'];
  if (env !== undefined && env !== '') {
    if (env !== 'production' && env !== 'development') {
      throw new ConfigError(`BILATERAL_MODE must be "production" or "development", not "${env}"`);
    }
    return env;
  }
  return runMode === 'serve' || runMode === 'watch' ? 'development' : 'production';
}

/** Directories and files whose change should rebuild the site. */
function watchTargets(config: ProjectConfig): { paths: string[]; reset: string[] } {
  const paths = new Set<string>();
  for (const dir of LocaleLayout.of(config).watchFolders(config.locales)) paths.add(dir);
  if (config.core !== undefined) {
    try {
      const entry = config.core.startsWith('.')
        ? path.resolve(config.root, config.core)
        : createRequire(path.join(config.root, 'x.js')).resolve(config.core);
      // The built core: its entry's folder (e.g. packages/core/dist), through the workspace link.
      paths.add(path.dirname(realpathSync(entry)));
    } catch {
      // Reported when the build loads the core.
    }
  }
  const reset = config.configFile === undefined ? [] : [config.configFile];
  return { paths: [...paths].filter((p) => existsSync(p)), reset };
}

interface BuildState {
  readonly mode: BilateralMode;
  readonly command: string;
  readonly config: ProjectConfig;
  readonly corpus: Corpus;
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly renderers: ReadonlyMap<string, Renderer>;
  readonly documents: ReadonlyMap<string, RenderedDocument>;
}

/**
 * The plugin. Register it with `eleventyConfig.addPlugin(bilateral, options)`; it is asynchronous
 * (it reads the project config), which Eleventy 3 supports.
 */
export default async function bilateral(
  eleventyConfig: EleventyConfigLike,
  options: BilateralPluginOptions = {},
): Promise<void> {
  const where = {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
  };
  const initial = await loadConfig(where);
  const log = options.log ?? ((text: string) => void process.stderr.write(text));
  const color = options.color ?? (process.stderr.isTTY === true && !('NO_COLOR' in process.env));

  const targets = watchTargets(initial);
  for (const p of targets.paths) eleventyConfig.addWatchTarget(p);
  for (const p of targets.reset) eleventyConfig.addWatchTarget(p, { resetConfig: true });

  let state: BuildState | undefined;
  const current = (): BuildState => {
    if (state === undefined)
      throw new Error('@bilateral/i18n/eleventy: used before the build started');
    return state;
  };

  // By default next to the check cache: node_modules/.cache/bilateral in the project's root, and
  // none on disk for a project without node_modules (no folder it did not ask for).
  const defaultCache = defaultCacheFile(initial.root);
  const cacheDirectory =
    options.cacheDirectory ?? (defaultCache === undefined ? false : path.dirname(defaultCache));
  const cache = new RenderCache(
    cacheDirectory === false
      ? undefined
      : path.join(
          path.resolve(initial.root, cacheDirectory),
          `render-${createHash('sha256')
            .update(initial.configFile ?? initial.root)
            .digest('hex')
            .slice(0, 16)}.json`,
        ),
  );

  const parsedFiles: KeptLocaleData = new Map();

  let runMode: string | undefined;
  eleventyConfig.on('eleventy.before', async (event: { runMode?: string }) => {
    runMode = event.runMode;
    const mode = resolveMode(options.mode, event.runMode);
    const isolate = options.isolate ?? mode === 'development';
    const config = await loadConfig(where);
    const command = options.command ?? 'bilateral';

    // The checks run in a worker thread while this one renders (2 cores: one each). Isolated, the
    // worker also loads the core (fresh, so an edited core is picked up) and sends it first;
    // otherwise this thread loads it. Where no worker can start, the checks run here, after.
    const checks = startChecks(where, color, command, isolate ? 'first' : 'none');
    let local: Promise<Analysis> | undefined;
    const inThisThread = () => (local ??= analyse(config, { color, command }));
    let corpus: Corpus | undefined;
    try {
      corpus = isolate ? await checks.corpus : await loadCorpus(config);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) {
        checks.stop();
        throw e;
      }
      corpus = (await inThisThread()).corpus;
    }
    if (corpus === undefined) {
      checks.stop();
      throw new ConfigError(
        'the site needs a core: set "core" in bilateral.config.json (a module exporting `corpus`)',
      );
    }
    const resources = readResources(config, parsedFiles);
    const inputs = new BuildInputs(corpus, resources, JSON.stringify([mode, toolkitFingerprint()]));
    cache.begin();
    const kept = new Map<string, CacheEntry>();
    const renderers = new Map<string, Renderer>();
    const documents = new Map<string, RenderedDocument>();
    const extra: Finding[] = [];
    for (const locale of config.locales) {
      const fallback = mode === 'development' ? (config.fallback[locale] ?? []) : [];
      const renderer = createRenderer({ corpus, resources, locale, fallback });
      renderers.set(locale, renderer);
      const chain = [locale, ...fallback.filter((l) => l !== locale)];
      const docs = Object.entries(corpus.documents).map(([id, model]) => {
        const at = `${id}\u0000${locale}`;
        const hash = inputs.key(id, model.namespace, chain);
        const d = cache.get(at, hash) ?? renderer.renderDocument(id);
        kept.set(at, { hash, document: d });
        documents.set(at, d);
        return d;
      });
      extra.push(...renderFindings(config, locale, docs));
    }
    cache.end(kept);

    let analysis: Analysis;
    try {
      analysis = await checks.analysis;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      analysis = await inThisThread();
    }

    const errors = analysis.findings.filter((f) => f.severity === 'error');
    if (mode === 'production') {
      if (errors.length > 0) {
        log(analysis.pretty);
        throw new TranslationCheckError(
          `${errors.length} translation error${errors.length === 1 ? '' : 's'} (listed above): the build refuses inconsistent translations. Fix them and run \`${command} check\`.`,
        );
      }
      const empty = extra.filter((f) => f.severity === 'error');
      if (empty.length > 0) {
        log(plainFindings(empty));
        throw new TranslationCheckError(
          `${empty.length} text${empty.length === 1 ? '' : 's'} cannot be shown (listed above). Add the missing keys and run \`${command} check\`.`,
        );
      }
      const warnings = analysis.findings.length;
      if (warnings > 0) {
        log(
          `bilateral: ${warnings} translation warning${warnings === 1 ? '' : 's'} (not blocking); run \`${command} check\` to see ${warnings === 1 ? 'it' : 'them'}.\n`,
        );
      }
    } else {
      if (analysis.pretty !== '') log(analysis.pretty);
      if (extra.length > 0) log(plainFindings(extra));
      const count = analysis.findings.length + extra.length;
      if (count > 0) {
        log(
          `bilateral (development): ${count} finding${count === 1 ? '' : 's'}; the site keeps serving, with banners on the affected pages.\n`,
        );
      }
    }
    const findings = [...analysis.findings, ...extra].map((f) => ({
      ...f,
      hint: hintText(f, command),
    }));
    state = { mode, command, config, corpus, analysis, findings, renderers, documents };
  });

  // Written once the pages are, by a build (not a dev server, whose memory keeps them: writing
  // after every rebuild would only delay the next one): the next build starts from it.
  eleventyConfig.on('eleventy.after', () => {
    if (runMode !== 'serve' && runMode !== 'watch') cache.save();
  });

  eleventyConfig.addGlobalData('bilateral', (): BilateralData => {
    const s = current();
    const { config } = s;
    return {
      mode: s.mode,
      sourceLocale: config.sourceLocale,
      locales: config.locales,
      defaultLocale: config.locales.includes('en') ? 'en' : config.sourceLocale,
      fallback: config.fallback,
      documents: Object.keys(s.corpus.documents),
      findings: s.findings,
      status: s.analysis.status,
    };
  });

  /** The rendered document in a locale (with fallbacks marked, in development). */
  eleventyConfig.addFilter(
    'bilateralDocument',
    (documentId: string, locale: string): RenderedDocument => {
      const d = current().documents.get(`${documentId}\u0000${locale}`);
      if (d === undefined)
        throw new Error(`bilateralDocument: no document "${documentId}" in locale "${locale}"`);
      return d;
    },
  );

  /**
   * A UI string (namespace `ui`) in a locale, with interpolation values. In production a string
   * missing from every language fails the build, naming the key.
   */
  eleventyConfig.addFilter(
    'bilateralText',
    (key: string, locale: string, values?: Record<string, unknown>): RenderedText => {
      const s = current();
      const renderer = s.renderers.get(locale);
      if (renderer === undefined)
        throw new Error(
          `bilateralText: unknown locale "${locale}" (the project has ${[...s.renderers.keys()].join(', ')})`,
        );
      const t = renderer.ui(key, values ?? {});
      if (s.mode === 'production' && (t.missing || t.fallback)) {
        throw new TranslationCheckError(
          `the site uses ui:${key}, which ${localeFile(s.config, locale, 'ui')} does not have. Add it (and to the other locales), then run \`${s.command} check\`.`,
        );
      }
      return t;
    },
  );

  /** Errors and warnings about a locale (of every locale without one), for a banner. */
  eleventyConfig.addFilter('bilateralFindings', (locale?: string): readonly Finding[] => {
    const all = current().findings.filter((f) => f.severity !== 'info');
    return locale === undefined ? all : all.filter((f) => f.locale === locale);
  });

  /** A language's name in its own language (`uk` → Українська), from `ui:language.name`. */
  eleventyConfig.addFilter('bilateralLanguageName', (locale: string): string => {
    const t = current().renderers.get(locale)?.ui('language.name');
    if (t !== undefined && !t.missing && t.lang === locale) return t.text;
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    } catch {
      return locale;
    }
  });
}
