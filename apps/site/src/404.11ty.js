import { markup } from './_lib/html.js';
import { context, documentHtml, footer, paths } from './_lib/page.js';

/** The root "page not found" (outside any language folder): the message in every language. */
export const data = { permalink: '/404.html', eleventyExcludeFromCollections: true };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  const locales = /** @type {string[]} */ (bilateral.locales);
  const t = (/** @type {string} */ key, /** @type {string} */ l) => this.bilateralText(key, l).text;
  const home = bilateral.defaultLocale;
  const ctx = context(this, data, home);
  const languages = locales.map(
    (l) =>
      markup`<li lang="${l}"><span>${t('notFound.title', l)}</span> — <a href="${paths.article(l)}" hreflang="${l}" data-lang-choice="${l}">${t('notFound.home', l)}</a> (${this.bilateralLanguageName(l)})</li>\n`,
  );
  return documentHtml(site, {
    lang: home,
    title: `${t('notFound.title', home)} — ${t('site.name', home)}`,
    description: t('notFound.body', home),
    path: '/404.html',
    alternates: [],
    xDefault: undefined,
    noindex: true,
    skip: t('nav.skipToContent', home),
    body: markup`<main id="content" class="chooser">
<h1>${t('notFound.title', home)}</h1>
<ul class="languages">
${languages}</ul>
</main>`,
    footer: footer(ctx, site, '/404.html'),
  });
}
