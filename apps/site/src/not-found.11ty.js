import { markup } from './_lib/html.js';
import { context, documentHtml, footer, header, paths } from './_lib/page.js';

/** "Page not found" in each language: /{lang}/404.html (served for missing pages below /{lang}/). */
export const data = {
  pagination: { data: 'bilateral.locales', size: 1, alias: 'lang' },
  permalink: (/** @type {any} */ data) => paths.notFound(data.lang),
  eleventyExcludeFromCollections: true,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { lang, site, bilateral } = data;
  const ctx = context(this, data, lang);
  return documentHtml(site, {
    lang,
    title: `${ctx.plain('notFound.title')} — ${ctx.plain('site.name')}`,
    description: ctx.plain('notFound.body'),
    path: paths.notFound(lang),
    alternates: bilateral.locales.map((/** @type {string} */ l) => ({
      hreflang: l,
      path: paths.notFound(l),
    })),
    xDefault: undefined,
    noindex: true,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, {
      locales: bilateral.locales,
      current: 'other',
      switchTo: paths.notFound,
      keepHash: false,
    }),
    body: markup`<main id="content">
${ctx.heading('h1', ctx.t('notFound.title'))}
${ctx.block(ctx.t('notFound.body'))}
<p><a href="${paths.article(lang)}">${ctx.text('notFound.home')}</a></p>
</main>`,
    footer: footer(ctx, site, paths.notFound(lang)),
  });
}
