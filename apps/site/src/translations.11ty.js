import { markup } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header } from './_lib/page.js';

/**
 * Translation status for translators, in each language (/{lang}/translations/, linked from the
 * footer): per language a short summary (a meter and four figures), and the keys translated,
 * missing and stale per section one step away, in a <details>, in a scroll container keyboard users can reach (a named region with
 * tabindex=0). The figures are those of
 * `pnpm i18n status` (the plugin computes them with the checks). Not for search engines: noindex,
 * and not in the sitemap.
 */
/**
 * Sections listed per language: all of them up to this many; beyond, only those with texts
 * missing or out of date, at most this many (a page stays within the page budget whatever the
 * number of documents; `pnpm i18n status` lists everything).
 */
export const SECTIONS_LISTED = 60;

/**
 * The sections a language's table lists (see {@link SECTIONS_LISTED}), in their order.
 * @template {{ missing: number, stale: number }} T
 * @param {readonly T[]} sections
 * @returns {readonly T[]}
 */
export function listedSections(sections) {
  if (sections.length <= SECTIONS_LISTED) return sections;
  return sections.filter((r) => r.missing > 0 || r.stale > 0).slice(0, SECTIONS_LISTED);
}

export const data = {
  pagination: {
    data: 'bilateral.siteRoutes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes) => routes.filter((r) => r.name === 'translations'),
  },
  permalink: (/** @type {any} */ data) => data.route.url,
  eleventyExcludeFromCollections: true,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { route, site, bilateral } = data;
  /** @type {import('@bilateral/i18n/eleventy').SiteRoute} */
  const { locale: lang, url } = route;
  const ctx = context(this, data, lang);
  /** @type {import('@bilateral/i18n').StatusReport} */
  const status = bilateral.status;
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const name = (/** @type {string} */ l) => markup`<span lang="${l}">${ctx.languageName(l)}</span>`;
  const head = markup`<tr><th scope="col">${ctx.text('status.section')}</th><th scope="col">${ctx.text('status.keys')}</th><th scope="col">${ctx.text('status.translated')}</th><th scope="col">${ctx.text('status.missing')}</th><th scope="col">${ctx.text('status.stale')}</th></tr>`;
  const tables = status.locales.map((s) => {
    const language = ctx.languageName(s.locale);
    // A large site (hundreds of documents) lists only the sections with something to do.
    const listed = listedSections(s.sections);
    const listedNote =
      listed.length === s.sections.length
        ? ''
        : markup`<p class="status-listed">${ctx.text('status.listedOnly', {
            listed: number.format(listed.length),
            total: number.format(s.sections.length),
            max: number.format(SECTIONS_LISTED),
          })}</p>\n`;
    const rows = listed.map(
      (r) =>
        markup`<tr><th scope="row"><code>${r.namespace}</code> <code>${r.section}</code></th><td>${number.format(r.keys)}</td><td>${number.format(r.translated)}</td><td${r.missing > 0 ? markup` class="bad"` : ''}>${number.format(r.missing)}</td><td${r.stale > 0 ? markup` class="warn"` : ''}>${number.format(r.stale)}</td></tr>\n`,
    );
    const figure = (/** @type {string} */ key, /** @type {number} */ n, cls = '') =>
      markup`<li${cls === '' ? '' : markup` class="${cls}"`}><span class="figure-label">${ctx.text(key)}</span> <span class="figure">${number.format(n)}</span></li>`;
    const label = ctx.plain('status.tableLabel', { language });
    return markup`<section class="status" aria-labelledby="status-${s.locale}">
<h2 id="status-${s.locale}">${name(s.locale)} <code>${s.locale}</code>${s.locale === status.sourceLocale ? markup` <span class="source-mark">(${ctx.text('status.source')})</span>` : ''}</h2>
<p class="status-summary"><meter min="0" max="100" value="${s.percent}" aria-label="${ctx.plain('status.meter', { language, percent: percent.format(s.percent / 100) })}">${percent.format(s.percent / 100)}</meter> <span class="percent">${percent.format(s.percent / 100)}</span></p>
<ul class="status-figures">
${figure('status.translated', s.translated)} ${figure('status.missing', s.missing, s.missing > 0 ? 'bad' : '')} ${figure('status.stale', s.stale, s.stale > 0 ? 'warn' : '')} ${figure('status.identical', s.untranslated)}
</ul>
<details class="status-details">
<summary>${ctx.text('status.bySection')}</summary>
${listedNote}<section class="table-scroll" aria-label="${label}" tabindex="0">
<table class="status-table">
<caption>${label}</caption>
<thead>${head}</thead>
<tbody>
${rows}</tbody>
</table>
</section>
</details>
</section>
`;
  });

  return documentHtml(site, {
    lang,
    title: `${ctx.plain('status.title')} — ${ctx.plain('site.name')}`,
    description: ctx.plain('status.intro', { source: ctx.languageName(bilateral.sourceLocale) }),
    path: url,
    alternates: route.alternates.map((/** @type {any} */ a) => ({
      hreflang: a.locale,
      path: a.url,
    })),
    xDefault: undefined,
    noindex: true,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, { current: 'translations', switcher: this.bilateralSwitcher(url) }),
    body: markup`${devBanner(ctx, this.bilateralFindings())}
<main id="content">
${ctx.heading('h1', ctx.t('status.title'))}
<p>${ctx.linked('status.intro', { source: name(bilateral.sourceLocale) })}</p>
${tables}</main>`,
    footer: footer(ctx, site, url),
  });
}
