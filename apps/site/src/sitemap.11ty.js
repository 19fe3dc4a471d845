import { markup } from './_lib/html.js';
import { paths } from './_lib/page.js';

/**
 * sitemap.xml: every page a reader lands on, with its language alternates (xhtml:link) and when
 * its content last changed (lastmod: the document's date in that language).
 */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  const locales = /** @type {string[]} */ (bilateral.locales);
  const abs = (/** @type {string} */ p) => site.url + p;
  /** @type {{ path: string, lastmod: string | undefined, alternates: { hreflang: string, path: string }[] }[]} */
  const entries = [];
  for (const [kind, xDefault] of /** @type {const} */ ([
    ['article', paths.root()],
    ['timeline', paths.timeline(bilateral.defaultLocale)],
  ])) {
    const alternates = [
      ...locales.map((l) => ({ hreflang: l, path: paths[kind](l) })),
      { hreflang: 'x-default', path: xDefault },
    ];
    for (const l of locales) {
      /** @type {import('@bilateral/i18n').RenderedDocument} */
      const doc = this.bilateralDocument(site.document, l);
      const { iso } = site.updated(
        site.document,
        l,
        doc.events.map((e) => e.iso),
      );
      entries.push({ path: paths[kind](l), lastmod: iso, alternates });
    }
  }
  // Every prose page (About this edition) in every language, with its alternates.
  for (const r of /** @type {any[]} */ (data.bilateral.routes)) {
    if (r.kind !== 'page') continue;
    const alternates = [
      ...r.alternates.map((/** @type {any} */ a) => ({ hreflang: a.locale, path: a.url })),
      { hreflang: 'x-default', path: r.xDefault },
    ];
    entries.push({ path: r.url, lastmod: undefined, alternates });
  }
  const urls = entries.map(
    (e) => markup`<url>
<loc>${abs(e.path)}</loc>
${e.lastmod === undefined ? '' : markup`<lastmod>${e.lastmod}</lastmod>\n`}${e.alternates.map((a) => markup`<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${abs(a.path)}"/>\n`)}</url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('')}</urlset>
`;
}
