import { markup } from './_lib/html.js';
import { context, documentHtml, footer, header } from './_lib/page.js';

/** "Page not found" in each language: /{lang}/404.html (served for missing pages below /{lang}/). */
export const data = {
  pagination: {
    data: 'bilateral.siteRoutes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes) => routes.filter((r) => r.name === 'notFound'),
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
  /** @type {import('@bilateral/i18n/eleventy').SiteRoute} */
  const { locale: lang, url } = route;
  const ctx = context(this, data, lang);
  return documentHtml(site, {
    lang,
    title: `${ctx.plain('notFound.title')} — ${ctx.plain('site.name')}`,
    description: ctx.plain('notFound.body'),
    path: url,
    alternates: route.alternates.map((/** @type {any} */ a) => ({
      hreflang: a.locale,
      path: a.url,
    })),
    xDefault: undefined,
    noindex: true,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, { current: 'other', switcher: this.bilateralSwitcher(url) }),
    body: markup`<main id="content">
${ctx.heading('h1', ctx.t('notFound.title'))}
${ctx.block(ctx.t('notFound.body'))}
<p><a href="${ctx.urls.article}">${ctx.text('notFound.home')}</a></p>
</main>`,
    footer: footer(ctx, site, url),
  });
}
