import { markup } from './_lib/html.js';
import { context, documentHtml, footer } from './_lib/page.js';

/** The root "page not found" (outside any language folder): the message in every language. */
export const data = {
  permalink: (/** @type {any} */ data) => data.bilateral.root.notFound,
  eleventyExcludeFromCollections: true,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  /** @type {import('@bilateral/i18n/eleventy').RootPage} */
  const root = bilateral.root;
  const t = (/** @type {string} */ key, /** @type {string} */ l) => this.bilateralText(key, l).text;
  const home = root.defaultLocale;
  const ctx = context(this, data, home);
  // Each language's "back to the article" leads to the main article in that language.
  const languages = root.languages.map(
    (l) =>
      markup`<li lang="${l.locale}"><span>${t('notFound.title', l.locale)}</span> — <a href="${this.bilateralRoute(site.document, l.locale).url}" hreflang="${l.locale}" data-lang-choice="${l.locale}">${t('notFound.home', l.locale)}</a> (${l.name})</li>\n`,
  );
  return documentHtml(site, {
    lang: home,
    title: `${t('notFound.title', home)} — ${t('site.name', home)}`,
    description: t('notFound.body', home),
    path: root.notFound,
    alternates: [],
    xDefault: undefined,
    noindex: true,
    skip: t('nav.skipToContent', home),
    body: markup`<main id="content" class="chooser">
<h1>${t('notFound.title', home)}</h1>
<ul class="languages">
${languages}</ul>
</main>`,
    footer: footer(ctx, site, root.notFound),
  });
}
