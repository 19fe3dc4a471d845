import { locatorMap } from './_lib/map.js';

/**
 * The locator map of the article's infobox, drawn at build time (src/_lib/map.js): one SVG for
 * light and one for dark mode, shared by every language (the text alternative is on the page).
 */
export const data = {
  pagination: { data: 'themes', size: 1, alias: 'theme' },
  themes: ['light', 'dark'],
  // The plugin's routes `map` and `mapDark` (eleventy.config.js), of the main article.
  permalink: (/** @type {any} */ data) =>
    data.bilateral.siteRoutes.find(
      (/** @type {any} */ r) =>
        r.name === (data.theme === 'dark' ? 'mapDark' : 'map') && r.id === data.site.document,
    ).url,
  eleventyExcludeFromCollections: true,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, theme } = data;
  /** @type {import('@bilateral/i18n').RenderedDocument} */
  const doc = this.bilateralDocument(site.document, data.bilateral.sourceLocale);
  const countries = doc.infobox.parties.map((p) => site.countries[p.id]).filter(Boolean);
  return locatorMap({ highlight: countries, theme });
}
