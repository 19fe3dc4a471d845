/**
 * The multilingual site around the documents, for any site: a home per language, the site's own
 * named pages per language (`/{lng}/timeline/`…), the root language-negotiation page, a 404 per
 * language, the sitemap with every URL's alternates and x-default, translation status per
 * document and language, and the language switcher of any of these pages. Pure functions of the
 * routes, the status report and the texts: the plugin computes them once per build.
 */
import type { DocumentKind } from '@bilateral/core';
import type { LocaleStatus, StatusReport } from '../../check/status.js';
import { firstBy, itemsBy } from '../../model/index-by.js';
import { LocaleLayout } from '../../model/layout.js';
import type { Alternate, DocumentRoute } from './routes.js';

/** A named page of the site: a URL pattern with `{lng}` (and `{id}` for one per document). */
export interface RoutePattern {
  readonly path: string;
  /** Listed in `bilateral.sitemap` (pages readers land on). Default: false. */
  readonly sitemap?: boolean;
  /** The switcher keeps the reader's #anchor (its ids are the same in every language). Default: true. */
  readonly keepAnchor?: boolean;
}

/** The site's named pages, by name: a pattern (`'/{lng}/timeline/'`) or a {@link RoutePattern}. */
export type RoutePatterns = Readonly<Record<string, string | RoutePattern>>;

/** The pages every site gets unless its `routes` option says otherwise. */
export const DEFAULT_ROUTES: Readonly<Record<string, RoutePattern>> = {
  home: { path: '/{lng}/', sitemap: true, keepAnchor: false },
  notFound: { path: '/{lng}/404.html', sitemap: false, keepAnchor: false },
};

/** The root page (language negotiation) and the root 404 page, outside any language. */
export const ROOT_URL = '/';
export const ROOT_NOT_FOUND_URL = '/404.html';

/** A named page in one language (of one document when its pattern has `{id}`). */
export interface SiteRoute {
  readonly name: string;
  readonly locale: string;
  /** The document, for a pattern with `{id}`. */
  readonly id?: string;
  readonly url: string;
  readonly alternates: readonly Alternate[];
  /** For readers whose language the site does not have (the home's is the root page). */
  readonly xDefault: string;
  readonly sitemap: boolean;
  readonly keepAnchor: boolean;
}

/** A text with the language it is in (another one where a translation falls back). */
export interface LangText {
  readonly text: string;
  readonly lang: string;
}

/**
 * How far a document is translated in a language: the counts of `bilateral status` (keys,
 * translated, missing, stale, untranslated; see {@link LocaleStatus}), for this document.
 */
export interface DocumentStatus extends Pick<
  LocaleStatus,
  'keys' | 'translated' | 'missing' | 'stale' | 'untranslated'
> {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly locale: string;
  /**
   * `source`: the language the document is written in; `translated`: every text translated and
   * current; `stale`: translated, but the source changed since; `incomplete`: texts missing or
   * not yet translated (shown from another language).
   */
  readonly state: 'source' | 'translated' | 'stale' | 'incomplete';
}

/** One document on a language's home page. */
export interface HomeEntry {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly url: string;
  readonly title: LangText;
  readonly description: LangText;
  readonly status: DocumentStatus;
}

/** A language's home: every document, with its title, description and status in that language. */
export interface HomePage extends SiteRoute {
  readonly documents: readonly HomeEntry[];
}

/** A language as the root page and the root 404 page list it. */
export interface Language {
  readonly locale: string;
  /** In its own language (`ui:language.name`). */
  readonly name: string;
  /** Its home. */
  readonly url: string;
}

/** The root page: readers go on to their language's home (a site script negotiates). */
export interface RootPage {
  readonly url: string;
  /** The root "page not found" (a host serves it outside the language folders). */
  readonly notFound: string;
  readonly defaultLocale: string;
  readonly languages: readonly Language[];
}

/** One URL of the sitemap, with every language's URL of the same page and x-default. */
export interface SitemapEntry {
  readonly url: string;
  readonly locale: string;
  /** `home`, the document kinds, or `route` (a named page of the site). */
  readonly kind: 'home' | DocumentKind | 'route';
  readonly id?: string;
  readonly name?: string;
  /** ISO 8601, when the site's `lastModified` option knows it. */
  readonly lastmod?: string;
  /** Every language's URL (`hreflang` = locale), then `x-default`. */
  readonly alternates: readonly { readonly hreflang: string; readonly url: string }[];
}

/** One link of a language switcher. */
export interface SwitcherLink {
  readonly locale: string;
  readonly name: string;
  readonly url: string;
  /** This page's own language. */
  readonly current: boolean;
  /** The link should carry the reader's #anchor (a script adds it on the page). */
  readonly keepAnchor: boolean;
}

/** Expands `{lng}` and `{id}` in a pattern. */
export function expand(pattern: string, locale: string, id?: string): string {
  return pattern.replaceAll('{lng}', locale).replaceAll('{id}', id ?? '{id}');
}

/** The site's named pages in every language (and of every document, for patterns with `{id}`). */
export function siteRoutes(
  patterns: RoutePatterns,
  locales: readonly string[],
  defaultLocale: string,
  documentIds: readonly string[],
): SiteRoute[] {
  const all = { ...DEFAULT_ROUTES, ...normalise(patterns) };
  return Object.entries(all).flatMap(([name, p]) => {
    const ids = p.path.includes('{id}') ? documentIds : [undefined];
    return ids.flatMap((id) => {
      const alternates = locales.map((locale) => ({ locale, url: expand(p.path, locale, id) }));
      const xDefault = name === 'home' ? ROOT_URL : expand(p.path, defaultLocale, id);
      return alternates.map(({ locale, url }) => ({
        name,
        locale,
        ...(id === undefined ? {} : { id }),
        url,
        alternates,
        xDefault,
        sitemap: p.sitemap ?? false,
        keepAnchor: p.keepAnchor ?? true,
      }));
    });
  });
}

function normalise(patterns: RoutePatterns): Record<string, RoutePattern> {
  return Object.fromEntries(
    Object.entries(patterns).map(([name, p]) => {
      const pattern = typeof p === 'string' ? { path: p } : p;
      if (!pattern.path.startsWith('/'))
        throw new TypeError(
          `@bilateral/i18n/eleventy: the route "${name}" must start with "/" (it is "${pattern.path}")`,
        );
      return [name, pattern];
    }),
  );
}

/** Per document and locale, its counts from the status report (its namespace's sections). */
export function documentStatus(
  status: StatusReport,
  documents: readonly { id: string; kind: DocumentKind; sourceLocale: string }[],
): DocumentStatus[] {
  // Each language's sections by namespace, once (not a pass over every section per document).
  const sectionsOf = status.locales.map((l) =>
    itemsBy(l.sections, 'namespace', (s) => s.namespace),
  );
  return documents.flatMap((d) => {
    const namespace = d.kind === 'page' ? LocaleLayout.pageNamespace(d.id) : d.id;
    return status.locales.map((l, i) => {
      const c = { keys: 0, translated: 0, missing: 0, stale: 0, untranslated: 0 };
      for (const s of (sectionsOf[i] as (ns: string) => typeof l.sections)(namespace)) {
        c.keys += s.keys;
        c.translated += s.translated;
        c.missing += s.missing;
        c.stale += s.stale;
      }
      // Sections count translated, missing and stale keys; the rest are identical to the source.
      c.untranslated = Math.max(0, c.keys - c.translated - c.missing - c.stale);
      const state =
        l.locale === d.sourceLocale
          ? 'source'
          : c.missing > 0 || c.untranslated > 0
            ? 'incomplete'
            : c.stale > 0
              ? 'stale'
              : 'translated';
      return { id: d.id, kind: d.kind, locale: l.locale, ...c, state };
    });
  });
}

/** The sitemap: every home and document in every language, then the named pages listed in it. */
export function sitemapOf(
  routes: readonly DocumentRoute[],
  site: readonly SiteRoute[],
  lastModified: (entry: Omit<SitemapEntry, 'lastmod' | 'alternates'>) => string | undefined,
): SitemapEntry[] {
  const alternatesOf = (r: { alternates: readonly Alternate[]; xDefault: string }) => [
    ...r.alternates.map((a) => ({ hreflang: a.locale, url: a.url })),
    { hreflang: 'x-default', url: r.xDefault },
  ];
  const entry = (
    e: Omit<SitemapEntry, 'lastmod' | 'alternates'>,
    alternates: SitemapEntry['alternates'],
  ) => {
    const lastmod = lastModified(e);
    return { ...e, ...(lastmod === undefined ? {} : { lastmod }), alternates };
  };
  const homes = site.filter((r) => r.name === 'home' && r.sitemap);
  const named = site.filter((r) => r.name !== 'home' && r.sitemap);
  return [
    ...homes.map((r) =>
      entry({ url: r.url, locale: r.locale, kind: 'home', name: 'home' }, alternatesOf(r)),
    ),
    ...routes.map((r) =>
      entry({ url: r.url, locale: r.locale, kind: r.kind, id: r.id }, alternatesOf(r)),
    ),
    ...named.map((r) =>
      entry(
        {
          url: r.url,
          locale: r.locale,
          kind: 'route',
          name: r.name,
          ...(r.id === undefined ? {} : { id: r.id }),
        },
        alternatesOf(r),
      ),
    ),
  ];
}

/**
 * The language switcher of the page at `url` (a document, a home or a named page): the same page
 * in every language, named in its own language. Undefined when no route has that URL.
 */
export function switcherOf(
  url: string,
  routes: readonly DocumentRoute[],
  site: readonly SiteRoute[],
  languageName: (locale: string) => string,
): SwitcherLink[] | undefined {
  const doc = firstBy(routes, 'url', (r) => r.url)(url);
  const named = doc === undefined ? firstBy(site, 'url', (r) => r.url)(url) : undefined;
  const page = doc ?? named;
  if (page === undefined) return undefined;
  // An article's ids are the core's (the same in every language); a prose page's headings are not.
  const keepAnchor = doc !== undefined ? doc.kind === 'article' : (named?.keepAnchor ?? false);
  return page.alternates.map((a) => ({
    locale: a.locale,
    name: languageName(a.locale),
    url: a.url,
    current: a.locale === page.locale,
    keepAnchor,
  }));
}
