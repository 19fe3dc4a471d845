import { markup } from './_lib/html.js';
import { DUBIOUS_NOTE, linkDubious } from './_lib/marks.js';
import { context, devBanner, documentHtml, footer, header, lastUpdated } from './_lib/page.js';

/**
 * The core's events in each language, in date order: /{lang}/timeline/. The list is the timeline:
 * styled as a line with a dot per event, the space between two events grows with the time between
 * them, and a long gap says how long it was ("19 years later").
 */
export const data = {
  pagination: {
    data: 'bilateral.siteRoutes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes) => routes.filter((r) => r.name === 'timeline'),
  },
  permalink: (/** @type {any} */ data) => data.route.url,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { route, site } = data;
  /** @type {import('@bilateral/i18n/eleventy').SiteRoute} */
  const { locale: lang, url } = route;
  const ctx = context(this, data, lang, site.document);
  /** @type {import('@bilateral/i18n').RenderedDocument} */
  const doc = this.bilateralDocument(site.document, lang);
  const title = ctx.t('timeline.title', { title: doc.title.text });
  const description = ctx.t('timeline.description', { title: doc.title.text });
  // Footnote number → its entry in the article's reference list.
  const anchors = new Map(doc.references.map((r) => [r.number, r.anchor]));
  const sources = (/** @type {readonly number[]} */ numbers) =>
    numbers.length === 0
      ? ''
      : markup`<p class="event-sources">${numbers.map(
          (n) =>
            markup`<a href="${ctx.urls.article}#${anchors.get(n)}" aria-label="${ctx.plain('article.footnote', { number: n })}">[${n}]</a> `,
        )}</p>\n`;
  const updated = site.updated(
    site.document,
    lang,
    doc.events.map((e) => e.iso),
  );
  const year = (/** @type {string} */ iso) => Number(iso.slice(0, 4));
  const events = doc.events.map((e, i) => {
    const before = doc.events[i - 1];
    const years = before === undefined ? 0 : year(e.iso) - year(before.iso);
    // The gap before an event, as a class: none, up to a year, a few years, or long (named).
    const gap =
      before === undefined
        ? ''
        : years >= 5
          ? 'gap-long'
          : years >= 2
            ? 'gap-some'
            : years >= 1
              ? 'gap-year'
              : 'gap-none';
    return markup`<li id="event-${e.id}" data-place${gap === '' ? '' : markup` class="${gap}"`}>
${
  years >= 5
    ? markup`<p class="event-gap">${ctx.text('timeline.gap', { count: years })}</p>
`
    : ''
}<p class="event-date"><time datetime="${e.iso}">${e.date}</time></p>
${ctx.block({ ...e.description, html: linkDubious(e.description.html, `${ctx.urls.article}#${DUBIOUS_NOTE}`) })}
${sources(e.references)}</li>
`;
  });

  return documentHtml(site, {
    lang,
    title: `${title.text} — ${ctx.plain('site.name')}`,
    description: description.text,
    path: url,
    alternates: route.alternates.map((/** @type {any} */ a) => ({
      hreflang: a.locale,
      path: a.url,
    })),
    xDefault: route.xDefault,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, { current: 'timeline', switcher: this.bilateralSwitcher(url) }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
<main id="content">
${ctx.heading('h1', title)}
${lastUpdated(ctx, updated)}
${ctx.block(description)}
<ol class="timeline">
${events}</ol>
</main>`,
    footer: footer(ctx, site, url),
  });
}
