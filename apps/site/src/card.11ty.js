/**
 * The social card of each language's article (/{lang}/card.png, og:image): this template writes
 * the card's description, and the transform in eleventy.config.js draws it (src/_lib/card.js).
 */
export const data = {
  pagination: {
    data: 'bilateral.siteRoutes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes) => routes.filter((r) => r.name === 'card'),
  },
  permalink: (/** @type {any} */ data) => data.route.url,
  eleventyExcludeFromCollections: true,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { route, site } = data;
  const lang = /** @type {string} */ (route.locale);
  /** @type {import('@bilateral/i18n').RenderedDocument} */
  const doc = this.bilateralDocument(site.document, lang);
  const text = (/** @type {string} */ key, /** @type {Record<string, unknown>} */ values = {}) =>
    this.bilateralText(key, lang, values).text;
  const updated = site.updated(
    site.document,
    lang,
    doc.events.map((e) => e.iso),
  );
  const [y, m, d] = updated.date.split('-').map(Number);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  const parties = doc.infobox.parties.map((p) => p.id);
  return JSON.stringify({
    lang,
    siteName: text('site.name'),
    tagline: text('site.tagline'),
    title: doc.title.text,
    updated: text('article.lastUpdated', { date }),
    flags: parties.map((id) => site.flags[id]).filter(Boolean),
    countries: parties.map((id) => site.countries[id]).filter(Boolean),
  });
}
