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
 * Templates get global data `bilateral` (with the routing of the whole multilingual site: a home
 * per language, the site's named pages, the root page, the 404 pages, the sitemap and translation
 * status per document) and the filters `bilateralDocument`, `bilateralText`, `bilateralFindings`,
 * `bilateralAnchor`, `bilateralUnreadable`, `bilateralLanguageName`, `bilateralRoute`,
 * `bilateralPage`, `bilateralLink`, `bilateralUrl` and `bilateralSwitcher` (usable from Nunjucks,
 * Liquid and 11ty.js).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../files/config.js';
import { listLocaleFiles } from '../../files/list.js';
import { TranslationCheckError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import type { ProjectConfig } from '../../model/types.js';
import type { StatusReport } from '../../check/status.js';
import type { RenderedDocument, RenderedText } from '../../render/renderer.js';
import type { KeptLocaleData } from '../../render/resources.js';
import { textAnchor, type PageFinding } from './anchors.js';
import { declaredUiKeys, undeclaredUiKey } from './ui-keys.js';
import {
  defaultPermalink,
  documentRoutes,
  documentsOf,
  readPages,
  resolveLink,
  routeOf,
  type DocumentRoute,
  type PageText,
  type Permalink,
} from './routes.js';
import { firstBy, itemsBy } from '../../model/index-by.js';
import { LocaleLayout } from '../../model/layout.js';
import {
  documentStatus,
  expand,
  ROOT_NOT_FOUND_URL,
  ROOT_URL,
  siteRoutes,
  sitemapOf,
  switcherOf,
  type DocumentStatus,
  type HomePage,
  type Language,
  type RootPage,
  type RoutePatterns,
  type SiteRoute,
  type SitemapEntry,
  type SwitcherLink,
} from './site.js';
import { DEFAULT_PAGE_BUDGET, enforceWeight, measure, type WrittenPage } from './weight.js';
import {
  build,
  localeFile,
  renderCache,
  watchTargets,
  type BuildState,
  type WatchState,
} from './build.js';
import { resolveIncremental, resolveMode, resolveStrict, type BilateralMode } from './policy.js';

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
   * A production build fails on stale translations and on text missing in a page's language
   * (by default they are published with a notice, the missing text from the fallback language).
   * Default: `BILATERAL_STRICT` (`1` or `0`), else false.
   */
  readonly strict?: boolean;
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
  /**
   * The most HTML a page may have, in bytes (default 200 KB, 204,800 bytes), or `false` for no
   * limit. After a build the plugin prints the page weight (total and largest page); a production
   * build with a page over budget fails, naming the page.
   */
  readonly pageBudget?: number | false;
  /**
   * The URL of a document in a language (`(locale, id, kind) => string`), for `bilateral.routes`
   * and the filters `bilateralRoute` and `bilateralLink`. Default: `/{lng}/{id}/`.
   */
  readonly permalink?: Permalink;
  /**
   * The site's named pages, by name: a URL pattern with `{lng}` (`'/{lng}/timeline/'`), and `{id}`
   * for one per document, or `{ path, sitemap, keepAnchor }` (`sitemap`: listed in
   * `bilateral.sitemap`, default false; `keepAnchor`: the switcher keeps the #anchor, default
   * true). Every site also has `home` (`/{lng}/`, in the sitemap) and `notFound`
   * (`/{lng}/404.html`), which this option may move. For `bilateral.siteRoutes`, the filters
   * `bilateralUrl` and `bilateralSwitcher`, and the sitemap.
   */
  readonly routes?: RoutePatterns;
  /**
   * When a page of the sitemap last changed (ISO 8601), or undefined when unknown: called for
   * every entry (its kind, locale, id or name) with `document(id)`, a rendered document of the
   * core in the entry's locale (for its events' dates).
   */
  readonly lastModified?: (
    entry: Omit<SitemapEntry, 'lastmod' | 'alternates'>,
    document: (id: string) => RenderedDocument | undefined,
  ) => string | undefined;
  /**
   * A dev server's rebuild after edits to locale files only does only what they change: the
   * documents whose inputs changed are rendered again, the namespaces whose inputs changed are
   * checked again (on Eleventy's thread, with the core already loaded), and `bilateral.changed`
   * names the pages that may differ. `false`: every rebuild as the first. Default:
   * `BILATERAL_INCREMENTAL` (`1` or `0`), else true.
   */
  readonly incremental?: boolean;
}

export type { Finding, PageFinding, DocumentRoute, PageText, Permalink };
export type {
  DocumentStatus,
  HomePage,
  HomeEntry,
  LangText,
  Language,
  RootPage,
  RoutePattern,
  RoutePatterns,
  SiteRoute,
  SitemapEntry,
  SwitcherLink,
} from './site.js';
/** Translation status per locale and section (what `bilateral status` shows). */
export type TranslationStatus = StatusReport;

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
  readonly findings: readonly PageFinding[];
  readonly status: TranslationStatus;
  /** Every document (articles and prose pages) in every locale, with its URL and alternates. */
  readonly routes: readonly DocumentRoute[];
  /** The site's named pages (`home`, `notFound` and the `routes` option's) in every locale. */
  readonly siteRoutes: readonly SiteRoute[];
  /** Each locale's home: every document with its title, description and status there. */
  readonly home: readonly HomePage[];
  /** The root page (language negotiation) and the root 404 page. */
  readonly root: RootPage;
  /** Every URL readers land on, with its alternates, x-default and (when known) lastmod. */
  readonly sitemap: readonly SitemapEntry[];
  /** Translation status per document and locale (`source`, `translated`, `stale`, `incomplete`). */
  readonly documentStatus: readonly DocumentStatus[];
  /**
   * After a dev server's rebuild that only edits to locale files started: the documents whose
   * pages may differ from the previous build's, as `<locale>/<document id>` (findings, status
   * and every other text unchanged); `null` after any other build, when every page may. A
   * template that makes one page per document can leave the others as they are on disk, e.g.
   * `pagination.before: (items, data) => data.bilateral.changed === null ? items :
   * items.filter(…)`: Eleventy then renders and writes only those.
   */
  readonly changed: readonly string[] | null;
}

/** The part of Eleventy's config API the plugin uses (no dependency on Eleventy's types). */
export interface EleventyConfigLike {
  addGlobalData(name: string, data: unknown): unknown;
  addFilter(name: string, fn: (...args: never[]) => unknown): unknown;
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): unknown;
  /** `eleventy.beforeWatch` passes the changed files instead (its listener takes `unknown`). */
  on(
    event: string,
    listener: (arg: { runMode?: string; results?: readonly WrittenPage[] }) => unknown,
  ): unknown;
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
  const command = options.command ?? 'bilateral';

  const targets = watchTargets(initial);
  for (const p of targets.paths) eleventyConfig.addWatchTarget(p);
  for (const p of targets.reset) eleventyConfig.addWatchTarget(p, { resetConfig: true });

  const cache = renderCache(initial, options.cacheDirectory);
  const parsedFiles: KeptLocaleData = new Map();
  const watch: WatchState = {};
  const incremental = resolveIncremental(options.incremental);
  /** The files whose change started the next rebuild (Eleventy says before it starts). */
  let queued: readonly string[] | undefined;
  let state: BuildState | undefined;
  const current = (): BuildState => {
    if (state === undefined)
      throw new Error('@bilateral/i18n/eleventy: used before the build started');
    return state;
  };

  // Before a dev server's rebuild: the changed files (paths relative to Eleventy's directory).
  eleventyConfig.on('eleventy.beforeWatch', (queue: unknown) => {
    queued = Array.isArray(queue)
      ? queue.filter((f): f is string => typeof f === 'string').map((f) => path.resolve(f))
      : undefined;
  });

  let runMode: string | undefined;
  eleventyConfig.on('eleventy.before', async (event: { runMode?: string }) => {
    runMode = event.runMode;
    const mode = resolveMode(options.mode, event.runMode);
    const isolate = options.isolate ?? mode === 'development';
    const strict = resolveStrict(options.strict);
    const changedFiles = queued;
    queued = undefined;
    const last = state;
    // Only locale files changed since a good build of the same mode: that build's core, and
    // only what the edit changes. Anything else (a template, data, the core): all again.
    const previous =
      incremental &&
      last !== undefined &&
      last.mode === mode &&
      last.strict === strict &&
      changedFiles !== undefined &&
      onlyLocaleFiles(last.config, changedFiles)
        ? last
        : undefined;
    state = undefined; // a build that fails leaves none to build on
    const t0 = performance.now();
    state = await build({
      where,
      mode,
      strict,
      isolate,
      cache,
      parsedFiles,
      log,
      color,
      command,
      watch,
      ...(previous === undefined ? {} : { previous }),
    });
    if (previous !== undefined && changedFiles !== undefined)
      log(
        `bilateral (development): ${changedFiles.map((f) => path.relative(state!.config.root, f)).join(', ')} changed: ${state.rendered} of ${state.documents.size} documents rendered again, ${state.changed === null ? 'every page' : `${state.changed.length} pages`} to write (${Math.round(performance.now() - t0)} ms)\n`,
      );
  });

  // Written once the pages are, by a build (not a dev server, whose memory keeps them: writing
  // after every rebuild would only delay the next one): the next build starts from it.
  eleventyConfig.on('eleventy.after', (event: { results?: readonly WrittenPage[] }) => {
    if (runMode !== 'serve' && runMode !== 'watch') cache.save();
    const budget = options.pageBudget ?? DEFAULT_PAGE_BUDGET;
    enforceWeight(current().mode, measure(event.results ?? [], budget), budget, log);
  });

  const site: SiteOptions = {
    permalink: options.permalink ?? defaultPermalink,
    routes: options.routes ?? {},
    lastModified: options.lastModified ?? (() => undefined),
  };
  templateApi(eleventyConfig, current, site);
  findingsApi(eleventyConfig, current);
  routingApi(eleventyConfig, current, site);
}

/** The findings filters (development banners and markers). */
function findingsApi(eleventyConfig: EleventyConfigLike, current: () => BuildState): void {
  /**
   * Errors and warnings about a locale (of every locale without one), for a banner. A finding
   * about a document's text carries `anchor`: the id {@link textAnchor} gives that text's marker.
   */
  eleventyConfig.addFilter('bilateralFindings', (locale?: string): readonly PageFinding[] => {
    const all = current().findings.filter((f) => f.severity !== 'info');
    return locale === undefined ? all : all.filter((f) => f.locale === locale);
  });

  /** The id of the marker next to a document's text (`sections.trade.p1` → `i18n-sections-trade-p1`). */
  eleventyConfig.addFilter('bilateralAnchor', (key: string): string => textAnchor(key));

  /**
   * Locale files of a locale that exist but cannot be read (a syntax error), relative to the
   * project root: their texts fall back to other languages, which a page should say.
   */
  eleventyConfig.addFilter('bilateralUnreadable', (locale: string): readonly string[] =>
    current()
      .unreadable.filter((u) => u.locale === locale)
      .map((u) => u.file),
  );
}

interface SiteOptions {
  readonly permalink: Permalink;
  readonly routes: RoutePatterns;
  readonly lastModified: NonNullable<BilateralPluginOptions['lastModified']>;
}

interface Routing {
  readonly routes: DocumentRoute[];
  readonly pages: Map<string, PageText>;
  readonly siteRoutes: SiteRoute[];
  readonly home: HomePage[];
  readonly root: RootPage;
  readonly sitemap: SitemapEntry[];
  readonly documentStatus: DocumentStatus[];
}

const defaultLocaleOf = (s: BuildState) =>
  s.config.locales.includes('en') ? 'en' : s.config.sourceLocale;

/** A language's name in its own language (`uk` → Українська), from `ui:language.name`. */
function languageName(s: BuildState, locale: string): string {
  const t = s.renderers.get(locale)?.ui('language.name');
  if (t !== undefined && !t.missing && t.lang === locale) return t.text;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The routing of the whole site, computed once per build. */
const routing = new WeakMap<BuildState, Routing>();
function routesOf(s: BuildState, site: SiteOptions): Routing {
  let r = routing.get(s);
  if (r !== undefined) return r;
  const defaultLocale = defaultLocaleOf(s);
  const { locales } = s.config;
  const documents = documentsOf(s.corpus);
  const routes = documentRoutes(s.config, s.corpus, defaultLocale, site.permalink);
  const pages = readPages(s.config, s.corpus, s.mode);
  const named = siteRoutes(
    site.routes,
    locales,
    defaultLocale,
    documents.map((d) => d.id),
  );
  const statuses = documentStatus(s.status, documents);
  const statusOf = firstBy(statuses, 'id+locale', (x) => `${x.id}\u0000${x.locale}`);
  const text = (id: string, kind: string, locale: string, field: 'title' | 'description') => {
    if (kind === 'page') {
      const p = pages.get(`${id}\u0000${locale}`);
      return { text: p?.data[field] ?? (field === 'title' ? id : ''), lang: p?.lang ?? locale };
    }
    const t = s.documents.get(`${id}\u0000${locale}`)?.[field];
    return t === undefined || t.missing
      ? { text: field === 'title' ? id : '', lang: locale }
      : { text: t.text, lang: t.lang };
  };
  const home = named
    .filter((n) => n.name === 'home')
    .map((h) => ({
      ...h,
      documents: itemsBy(
        routes,
        'locale',
        (d) => d.locale,
      )(h.locale).map((d) => ({
        id: d.id,
        kind: d.kind,
        url: d.url,
        title: text(d.id, d.kind, h.locale, 'title'),
        description: text(d.id, d.kind, h.locale, 'description'),
        status: statusOf(`${d.id}\u0000${h.locale}`)!,
      })),
    }));
  const languages: Language[] = locales.map((locale) => ({
    locale,
    name: languageName(s, locale),
    url: home.find((h) => h.locale === locale)?.url ?? expand('/{lng}/', locale),
  }));
  const sitemap = sitemapOf(routes, named, (e) =>
    site.lastModified(e, (id) => s.documents.get(`${id}\u0000${e.locale}`)),
  );
  r = {
    routes,
    pages,
    siteRoutes: named,
    home,
    root: { url: ROOT_URL, notFound: ROOT_NOT_FOUND_URL, defaultLocale, languages },
    sitemap,
    documentStatus: statuses,
  };
  routing.set(s, r);
  return r;
}

/** The routing filters: a document's route, a prose page's text, a page's internal link. */
function routingApi(
  eleventyConfig: EleventyConfigLike,
  current: () => BuildState,
  site: SiteOptions,
): void {
  eleventyConfig.addFilter('bilateralRoute', (id: string, locale: string): DocumentRoute => {
    const r = routeOf(routesOf(current(), site).routes, id, locale);
    if (r === undefined)
      throw new Error(`bilateralRoute: no document "${id}" in locale "${locale}"`);
    return r;
  });
  /** A prose page's front matter and Markdown body in a locale (development: with fallbacks). */
  eleventyConfig.addFilter('bilateralPage', (id: string, locale: string): PageText => {
    const p = routesOf(current(), site).pages.get(`${id}\u0000${locale}`);
    if (p === undefined)
      throw new TranslationCheckError(
        `the page "${id}" has no text in ${locale}: add ${LocaleLayout.of(current().config).pageRelative(locale, id)} and run \`${current().command} check\``,
      );
    return p;
  });
  eleventyConfig.addFilter('bilateralLink', (href: string): string =>
    resolveLink(routesOf(current(), site).routes, href),
  );
  /**
   * The URL of a named page (`home`, `notFound`, a `routes` option's name) in a locale, of a
   * document for a pattern with `{id}`.
   */
  eleventyConfig.addFilter('bilateralUrl', (name: string, locale: string, id?: string): string => {
    const named = itemsBy(
      routesOf(current(), site).siteRoutes,
      'name+locale',
      (x) => `${x.name}\u0000${x.locale}`,
    );
    const r = named(`${name}\u0000${locale}`).find((x) => x.id === undefined || x.id === id);
    if (r === undefined) {
      const names = [...new Set(routesOf(current(), site).siteRoutes.map((x) => x.name))];
      throw new Error(
        `bilateralUrl: no page "${name}"${id === undefined ? '' : ` of "${id}"`} in locale "${locale}" (the site has ${names.join(', ')}; add others with the plugin's \`routes\` option)`,
      );
    }
    return r.url;
  });
  /**
   * The language switcher of the page at `url` (a document, a home, a named page): the same page
   * in every locale, named in its own language, with `keepAnchor` where its #anchors are the same
   * in every language.
   */
  eleventyConfig.addFilter('bilateralSwitcher', (url: string): readonly SwitcherLink[] => {
    const s = current();
    const r = routesOf(s, site);
    const links = switcherOf(url, r.routes, r.siteRoutes, (l) => languageName(s, l));
    if (links === undefined)
      throw new Error(
        `bilateralSwitcher: no document or page has the URL "${url}" (use a URL of bilateral.routes or bilateral.siteRoutes)`,
      );
    return links;
  });
}

/** What templates get: global data `bilateral` and the filters, all reading the last build. */
function templateApi(
  eleventyConfig: EleventyConfigLike,
  current: () => BuildState,
  site: SiteOptions,
): void {
  const warned = new Set<string>();
  eleventyConfig.addGlobalData('bilateral', (): BilateralData => {
    const s = current();
    const { config } = s;
    const r = routesOf(s, site);
    return {
      mode: s.mode,
      sourceLocale: config.sourceLocale,
      locales: config.locales,
      defaultLocale: defaultLocaleOf(s),
      fallback: config.fallback,
      documents: Object.keys(s.corpus.documents),
      findings: s.findings,
      status: s.status,
      routes: r.routes,
      siteRoutes: r.siteRoutes,
      home: r.home,
      root: r.root,
      sitemap: r.sitemap,
      documentStatus: r.documentStatus,
      changed: s.changed,
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
   * missing from every language fails the build, naming the key (in a strict build, one missing
   * from the locale itself too), and so does a key the project does not list in
   * `rules.missing.require.ui` when it lists its UI keys (ui-keys.ts).
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
      const declared = declaredUiKeys(s.config);
      if (declared !== undefined && !declared.has(key)) {
        const error = undeclaredUiKey(s.config, key, s.command);
        if (s.mode === 'production') throw error;
        if (!warned.has(key)) s.log(`bilateral (development): ${error.message}\n`);
        warned.add(key);
      }
      const t = renderer.ui(key, values ?? {});
      if (s.mode === 'production' && (t.missing || (t.fallback && s.strict))) {
        throw new TranslationCheckError(
          `the site uses ui:${key}, which ${localeFile(s.config, locale, 'ui')} does not have. Add it (and to the other locales), then run \`${s.command} check\`.`,
        );
      }
      return t;
    },
  );

  /** A language's name in its own language (`uk` → Українська), from `ui:language.name`. */
  eleventyConfig.addFilter('bilateralLanguageName', (locale: string): string =>
    languageName(current(), locale),
  );
}

/** Whether every changed file is one of the project's locale files (as listed now). */
function onlyLocaleFiles(config: ProjectConfig, changed: readonly string[]): boolean {
  if (changed.length === 0) return false;
  const real = (f: string) => {
    try {
      return realpathSync(f);
    } catch {
      return path.resolve(f); // deleted: not listed either
    }
  };
  const listed = new Set(listLocaleFiles(config).map((r) => real(r.file)));
  return changed.every((f) => listed.has(real(f)));
}
