import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Corpus } from '@bilateral/core';
import { defaultCacheFile } from '../../check/incremental/cache.js';
import { hintText } from '../../check/report/format.js';
import { openCheckSession } from '../../check/session.js';
import type { StatusReport } from '../../check/status.js';
import { strictConfig } from '../../check/rules/stale.js';
import { loadConfig } from '../../files/config.js';
import { readLock } from '../../files/lock.js';
import { lockStates, type TextState } from '../../files/lock-state.js';
import { toolkitFingerprint } from '../../files/fingerprint.js';
import type { Finding } from '../../model/finding.js';
import { LocaleLayout } from '../../model/layout.js';
import type { ProjectConfig } from '../../model/types.js';
import { BuildInputs, RenderCache, type CacheEntry } from '../../render/cache.js';
import { createRenderer, type RenderedDocument, type Renderer } from '../../render/renderer.js';
import { readResources, type KeptLocaleData } from '../../render/resources.js';
import { listLocaleFiles } from '../../files/list.js';
import { listPageFiles } from '../../files/pages.js';
import { assertRendererKeysDeclared } from './ui-keys.js';
import { anchorFindings, unreadableFiles, type PageFinding } from './anchors.js';
import { enforce, type BilateralMode, type Output } from './policy.js';

/**
 * One build of the site: the checks (a check session, on another thread) while every document
 * of the core is rendered in every locale (through the render cache), then the mode's rules
 * (policy.ts). The result is what the templates read until the next build.
 */
export interface BuildState {
  readonly mode: BilateralMode;
  /** Stale translations and fallbacks fail a production build (`strict` / BILATERAL_STRICT). */
  readonly strict: boolean;
  readonly command: string;
  readonly log: (text: string) => void;
  readonly config: ProjectConfig;
  readonly corpus: Corpus;
  readonly status: StatusReport;
  /** The checks' findings and the rendering's, with hints naming the CLI as the user runs it. */
  readonly findings: readonly PageFinding[];
  readonly renderers: ReadonlyMap<string, Renderer>;
  /** By `<document id>\0<locale>`. */
  readonly documents: ReadonlyMap<string, RenderedDocument>;
  /** Locale files that exist but cannot be read (their texts fall back, in development). */
  readonly unreadable: readonly { locale: string; file: string }[];
}

export interface BuildContext extends Output {
  readonly where: { readonly cwd?: string; readonly configFile?: string };
  readonly mode: BilateralMode;
  readonly strict: boolean;
  /** Load the core and check in a fresh worker (an edited core is picked up). */
  readonly isolate: boolean;
  readonly cache: RenderCache;
  /** Parsed locale files kept between a dev server's builds. */
  readonly parsedFiles: KeptLocaleData;
}

export async function build(ctx: BuildContext): Promise<BuildState> {
  const config = await loadConfig(ctx.where);
  try {
    assertRendererKeysDeclared(config);
  } catch (e) {
    if (ctx.mode === 'production' || !(e instanceof Error)) throw e;
    ctx.log(`bilateral (development): ${e.message}\n`);
  }
  // The checks run on another thread while this one renders (2 cores: one each). Isolated, that
  // thread also loads the core and sends it first; otherwise this thread loads it.
  const session = openCheckSession(ctx.strict ? strictConfig(config) : config, {
    background: true,
    isolate: ctx.isolate,
    status: true,
  });
  let corpus: Corpus | undefined;
  try {
    // Without a core (none named in the config), the documents are the prose pages on disk.
    corpus = (await session.corpus()) ?? pagesCorpus(config);
  } catch (e) {
    session.stop();
    throw e;
  }
  const site = renderSite(config, corpus, ctx);
  const checks = await session.result();
  enforce(
    ctx.mode,
    { checks: checks.findings, project: checks.project, rendered: site.problems },
    ctx,
    ctx.strict,
  );
  const findings = anchorFindings(
    config,
    corpus,
    [...checks.findings, ...site.problems].map((f) => ({ ...f, hint: hintText(f, ctx.command) })),
  );
  const { mode, command, strict, log } = ctx;
  return { mode, strict, command, log, config, corpus, status: checks.status, findings, ...site };
}

/**
 * A site's documents without the core: no articles, and a prose page for every page the source
 * locale has on disk (`pages` in the config), in the corpus's shape so that routes, alternates and
 * `bilateralPage` treat them as they treat the core's pages.
 */
export function pagesCorpus(config: ProjectConfig): Corpus {
  const ids = listPageFiles(config)
    .filter((p) => p.locale === config.sourceLocale)
    .map((p) => p.id);
  return {
    entities: {},
    units: {},
    works: {},
    documents: {},
    pages: Object.fromEntries(
      ids.map((id) => [id, { kind: 'page' as const, id, sourceLocale: config.sourceLocale }]),
    ),
  };
}

/** Every document in every locale, from the render cache where its inputs are unchanged. */
function renderSite(config: ProjectConfig, corpus: Corpus, ctx: BuildContext) {
  const { mode, cache } = ctx;
  const resources = readResources(config, ctx.parsedFiles);
  // What each lock file says about the texts (stale, copied), marked on the pages.
  const states = new Map(
    config.locales.map((l) => [
      l,
      l === config.sourceLocale
        ? new Map<string, TextState>()
        : lockStates(readLock(config, l), resources, config.sourceLocale),
    ]),
  );
  const marks = [...states].map(([l, m]) => [l, [...m]]);
  const inputs = new BuildInputs(
    corpus,
    resources,
    JSON.stringify([mode, toolkitFingerprint(), marks]),
  );
  cache.begin();
  const kept = new Map<string, CacheEntry>();
  const renderers = new Map<string, Renderer>();
  const documents = new Map<string, RenderedDocument>();
  const problems: Finding[] = [];
  for (const locale of config.locales) {
    // Missing text falls back along the chain, marked, in production too (a strict build fails).
    const fallback = config.fallback[locale] ?? [];
    const renderer = createRenderer({
      corpus,
      resources,
      locale,
      fallback,
      sourceLocale: config.sourceLocale,
      states: states.get(locale) ?? new Map<string, TextState>(),
    });
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
    problems.push(...renderFindings(config, locale, docs));
  }
  cache.end(kept);
  const unreadable = unreadableFiles(config, listLocaleFiles(config), resources);
  return { renderers, documents, problems, unreadable };
}

/** The path of a locale file, relative to the project root (for messages). */
export function localeFile(config: ProjectConfig, locale: string, namespace: string): string {
  return LocaleLayout.of(config).relative(locale, namespace);
}

/** Findings for text a page cannot show: a key missing in the whole fallback chain, an unknown reference. */
function renderFindings(
  config: ProjectConfig,
  locale: string,
  docs: readonly RenderedDocument[],
): Finding[] {
  const source = config.sourceLocale;
  return docs.flatMap((doc) =>
    doc.problems.map((p): Finding => {
      const colon = p.key.indexOf(':');
      const ns = colon === -1 ? doc.id : p.key.slice(0, colon);
      const key = colon === -1 ? p.key : p.key.slice(colon + 1);
      return {
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
      };
    }),
  );
}

/**
 * The render cache: in memory for the plugin's life, and on disk (unless `false`) by default next
 * to the check cache: node_modules/.cache/bilateral in the project's root, none on disk for a
 * project without node_modules (no folder it did not ask for).
 */
export function renderCache(config: ProjectConfig, directory: string | false | undefined) {
  const defaultCache = defaultCacheFile(config.root);
  const folder = directory ?? (defaultCache === undefined ? false : path.dirname(defaultCache));
  if (folder === false) return new RenderCache(undefined);
  const name = createHash('sha256')
    .update(config.configFile ?? config.root)
    .digest('hex')
    .slice(0, 16);
  return new RenderCache(path.join(path.resolve(config.root, folder), `render-${name}.json`));
}

/** Directories and files whose change should rebuild the site (the config: with a new config). */
export function watchTargets(config: ProjectConfig): { paths: string[]; reset: string[] } {
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
