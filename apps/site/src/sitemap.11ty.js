import { markup } from './_lib/html.js';
import { paths } from './_lib/page.js';

/** sitemap.xml: every page a reader lands on, with its language alternates (xhtml:link). */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

/** @param {any} data */
export function render(data) {
  const { site, bilateral } = data;
  const locales = /** @type {string[]} */ (bilateral.locales);
  const abs = (/** @type {string} */ p) => site.url + p;
  /** @type {{ path: string, alternates: { hreflang: string, path: string }[] }[]} */
  const entries = [];
  for (const [kind, xDefault] of /** @type {const} */ ([
    ['article', paths.root()],
    ['timeline', paths.timeline(bilateral.defaultLocale)],
  ])) {
    const alternates = [
      ...locales.map((l) => ({ hreflang: l, path: paths[kind](l) })),
      { hreflang: 'x-default', path: xDefault },
    ];
    for (const l of locales) entries.push({ path: paths[kind](l), alternates });
  }
  entries.push({ path: paths.translations(), alternates: [] });
  const urls = entries.map(
    (e) => markup`<url>
<loc>${abs(e.path)}</loc>
${e.alternates.map((a) => markup`<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${abs(a.path)}"/>\n`)}</url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('')}</urlset>
`;
}
