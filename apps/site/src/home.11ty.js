import { attr, markup } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header } from './_lib/page.js';

/**
 * Each language's home (/{lang}/, the plugin's `bilateral.home`): every document of the site (the
 * articles and the prose pages) with its title, description and how far it is translated into
 * this language. It replaces the article that /{lang}/ showed before; a link to a section of that
 * article (/{lang}/#trade) is forwarded to the article by the script (`data-anchors-moved`).
 */
export const data = {
  pagination: { data: 'bilateral.home', size: 1, alias: 'home' },
  permalink: (/** @type {any} */ data) => data.home.url,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site } = data;
  /** @type {import('@bilateral/i18n/eleventy').HomePage} */
  const home = data.home;
  const lang = home.locale;
  const ctx = context(this, data, lang);
  const number = new Intl.NumberFormat(lang);
  const inLang = (/** @type {import('@bilateral/i18n/eleventy').LangText} */ t) =>
    t.lang === lang ? '' : markup` lang="${t.lang}"`;
  const items = home.documents.map((d) => {
    const s = d.status;
    const progress =
      s.state === 'source'
        ? ''
        : markup` <span class="document-progress">${ctx.text('home.progress', { translated: number.format(s.translated), keys: number.format(s.keys) })}</span>`;
    return markup`<li class="document document-${d.kind}" data-document="${d.id}">
<h3><a href="${d.url}"${inLang(d.title)}${attr('data-anchors-target', d.url === ctx.urls.article)}>${d.title.text}</a></h3>
<p class="document-description"${inLang(d.description)}>${d.description.text}</p>
<p class="document-status status-${s.state}">${ctx.text(`home.status.${s.state}`)}${progress}</p>
</li>
`;
  });
  const title = ctx.plain('site.name');
  return documentHtml(site, {
    lang,
    title: `${title} — ${ctx.plain('site.tagline')}`,
    description: ctx.plain('home.intro'),
    path: home.url,
    alternates: home.alternates.map((a) => ({ hreflang: a.locale, path: a.url })),
    xDefault: home.xDefault,
    skip: ctx.text('nav.skipToContent'),
    htmlData: { 'anchors-moved': '' },
    header: header(ctx, { current: 'home', switcher: this.bilateralSwitcher(home.url) }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
<main id="content" class="home">
<h1>${ctx.text('site.name')}</h1>
${ctx.block(ctx.t('home.intro'))}
<section aria-labelledby="documents-title">
<h2 id="documents-title">${ctx.text('home.documents')}</h2>
<ul class="documents">
${items}</ul>
</section>
</main>`,
    footer: footer(ctx, site, home.url),
  });
}
