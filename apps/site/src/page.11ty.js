import { markup, raw } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header } from './_lib/page.js';
import { proseHtml } from './_lib/prose.js';

/**
 * Prose pages (the core's `pages`, e.g. About this edition): one per page and language, at the
 * URL the plugin's routing gives it (/{lang}/{id}/), rendered from its Markdown.
 */
export const data = {
  pagination: {
    data: 'bilateral.routes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes) => routes.filter((r) => r.kind === 'page'),
  },
  permalink: (/** @type {any} */ data) => data.route.url,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { route, site } = data;
  const lang = route.locale;
  const ctx = context(this, data, lang);
  /** @type {import('@bilateral/i18n/eleventy').PageText} */
  const page = this.bilateralPage(route.id, lang);
  const other = page.lang === lang ? undefined : page.lang;
  const title = page.data['title'] ?? route.id;
  const body = proseHtml(page.markdown, (href) => this.bilateralLink(href));
  const main = markup`<main id="content">
<article class="prose"${other === undefined ? '' : markup` lang="${other}"`}>
${page.fallback ? markup`<p class="untranslated-note" role="note" lang="${lang}">${ctx.plain('article.notTranslated')}</p>\n` : ''}<h1>${title}</h1>
${raw(body)}</article>
</main>`;
  return documentHtml(site, {
    lang,
    title: `${title} — ${ctx.plain('site.name')}`,
    description: page.data['description'] ?? '',
    path: route.url,
    alternates: route.alternates.map((/** @type {any} */ a) => ({
      hreflang: a.locale,
      path: a.url,
    })),
    xDefault: route.xDefault,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, { current: 'other', switcher: this.bilateralSwitcher(route.url) }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
${main}`,
    footer: footer(ctx, site, route.url),
  });
}
