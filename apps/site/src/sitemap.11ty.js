import { markup } from './_lib/html.js';

/**
 * sitemap.xml: the plugin's `bilateral.sitemap`: each language's home, every document in every
 * language, and the site's pages listed in it (the timeline), each with its language alternates
 * and x-default (xhtml:link) and, where known, when its content last changed (lastmod: the
 * `lastModified` option in eleventy.config.js).
 */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  const abs = (/** @type {string} */ p) => site.url + p;
  const entries = /** @type {import('@bilateral/i18n/eleventy').SitemapEntry[]} */ (
    bilateral.sitemap
  );
  const urls = entries.map(
    (e) => markup`<url>
<loc>${abs(e.url)}</loc>
${e.lastmod === undefined ? '' : markup`<lastmod>${e.lastmod}</lastmod>\n`}${e.alternates.map((a) => markup`<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${abs(a.url)}"/>\n`)}</url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('')}</urlset>
`;
}
