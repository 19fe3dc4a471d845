/** robots.txt: everything may be crawled; the sitemap lists the pages and their languages. */
export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  return `User-agent: *\nAllow: /\n\nSitemap: ${data.site.url}/sitemap.xml\n`;
}
