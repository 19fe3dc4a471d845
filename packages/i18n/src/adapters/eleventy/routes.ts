/**
 * Multilingual routing for every document of the core (articles and prose pages): one URL per
 * document and language, the same document in the other languages (for a language switcher,
 * hreflang and the sitemap), x-default, and the prose pages' text (front matter and Markdown body)
 * with the language it is in. A site renders them with its own templates.
 */
import type { Corpus, DocumentKind } from '@bilateral/core';
import { listPageFiles, pageContent, readPageFile } from '../../files/pages.js';
import { firstBy } from '../../model/index-by.js';
import type { ProjectConfig } from '../../model/types.js';
import type { BilateralMode } from './policy.js';

/** Where a document lives in a language: `/{lng}/{id}/` unless the site says otherwise. */
export type Permalink = (locale: string, id: string, kind: DocumentKind) => string;

export const defaultPermalink: Permalink = (locale, id) => `/${locale}/${id}/`;

export interface Alternate {
  readonly locale: string;
  readonly url: string;
}

/** One document in one language. */
export interface DocumentRoute {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly locale: string;
  readonly url: string;
  /** The same document in every language (this one included), for hreflang and the switcher. */
  readonly alternates: readonly Alternate[];
  /** For readers whose language the site does not have. */
  readonly xDefault: string;
}

/** A prose page in a language: its front matter's texts and its Markdown body. */
export interface PageText {
  readonly id: string;
  /** The language the text is in (another one in development, when the page is not translated). */
  readonly lang: string;
  readonly fallback: boolean;
  readonly data: Readonly<Record<string, string>>;
  readonly markdown: string;
}

export function documentRoutes(
  config: ProjectConfig,
  corpus: Corpus,
  defaultLocale: string,
  permalink: Permalink,
): DocumentRoute[] {
  return documentsOf(corpus).flatMap((d) => {
    const alternates = config.locales.map((locale) => ({
      locale,
      url: permalink(locale, d.id, d.kind),
    }));
    const xDefault = permalink(defaultLocale, d.id, d.kind);
    return alternates.map(({ locale, url }) => ({
      id: d.id,
      kind: d.kind,
      locale,
      url,
      alternates,
      xDefault,
    }));
  });
}

/**
 * Every document, articles first (in order), then prose pages: what the core's `documentsOf`
 * lists, read from the corpus here so that a site without the core (whose corpus is its pages on
 * disk, see build.ts) never loads it.
 */
export function documentsOf(
  corpus: Corpus,
): { id: string; kind: DocumentKind; sourceLocale: string }[] {
  const entry = (d: { id: string; sourceLocale: string }, kind: DocumentKind) => ({
    id: d.id,
    kind,
    sourceLocale: d.sourceLocale,
  });
  return [
    ...Object.values(corpus.documents).map((d) => entry(d, 'article')),
    ...Object.values(corpus.pages ?? {}).map((p) => entry(p, 'page')),
  ];
}

/**
 * The prose pages of the core in every locale, read from their files (`pages` in the config). In
 * development a page missing in a locale falls back along the chain (marked); in production the
 * checks have already refused a missing page.
 */
export function readPages(
  config: ProjectConfig,
  corpus: Corpus,
  mode: BilateralMode,
): Map<string, PageText> {
  const byLocale = new Map<string, PageText>();
  for (const ref of listPageFiles(config)) {
    if (corpus.pages?.[ref.id] === undefined) continue;
    const content = pageContent(readPageFile(config.root, ref));
    if (content === undefined) continue;
    byLocale.set(`${ref.id}\u0000${ref.locale}`, {
      id: ref.id,
      lang: ref.locale,
      fallback: false,
      data: content.data,
      markdown: content.body,
    });
  }
  const out = new Map<string, PageText>();
  for (const id of Object.keys(corpus.pages ?? {})) {
    for (const locale of config.locales) {
      const chain = [locale, ...(mode === 'development' ? (config.fallback[locale] ?? []) : [])];
      const found = chain.map((l) => byLocale.get(`${id}\u0000${l}`)).find((p) => p !== undefined);
      if (found !== undefined)
        out.set(`${id}\u0000${locale}`, { ...found, fallback: found.lang !== locale });
    }
  }
  return out;
}

/**
 * Resolves a site-internal link of a page (`/{lng}/{id}/`, `/{lng}/{id}/#section`, `/{lng}/`) to
 * the document's URL, as the pages rule checks them; any other link is returned as it is.
 */
/** The route of a document in a locale (as `routes.find` would give it), by an index. */
export function routeOf(
  routes: readonly DocumentRoute[],
  id: string,
  locale: string,
): DocumentRoute | undefined {
  return firstBy(routes, 'id+locale', (r) => `${r.id}\u0000${r.locale}`)(`${id}\u0000${locale}`);
}

export function resolveLink(routes: readonly DocumentRoute[], href: string): string {
  const m = /^\/([A-Za-z-]+)\/([a-z0-9-]+)\/(#.*)?$/.exec(href);
  if (m === null) return href;
  const route = routeOf(routes, m[2] as string, m[1] as string);
  return route === undefined ? href : `${route.url}${m[3] ?? ''}`;
}
