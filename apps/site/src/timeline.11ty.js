import { markup } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header, paths } from './_lib/page.js';

/** The core's events in each language, in date order: /{lang}/timeline/. */
export const data = {
  pagination: { data: 'bilateral.locales', size: 1, alias: 'lang' },
  permalink: (/** @type {any} */ data) => paths.timeline(data.lang),
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { lang, site, bilateral } = data;
  const ctx = context(this, data, lang);
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
            markup`<a href="${paths.article(lang)}#${anchors.get(n)}" aria-label="${ctx.plain('article.footnote', { number: n })}">[${n}]</a> `,
        )}</p>\n`;
  const events = doc.events.map(
    (e) => markup`<li id="event-${e.id}">
<p class="event-date"><time datetime="${e.iso}">${e.date}</time></p>
${ctx.block(e.description)}
${sources(e.references)}</li>
`,
  );

  return documentHtml(site, {
    lang,
    title: `${title.text} — ${ctx.plain('site.name')}`,
    description: description.text,
    path: paths.timeline(lang),
    alternates: bilateral.locales.map((/** @type {string} */ l) => ({
      hreflang: l,
      path: paths.timeline(l),
    })),
    xDefault: paths.timeline(bilateral.defaultLocale),
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, {
      locales: bilateral.locales,
      current: 'timeline',
      switchTo: paths.timeline,
      keepHash: true,
    }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
<main id="content">
${ctx.heading('h1', title)}
${ctx.block(description)}
<ol class="timeline">
${events}</ol>
</main>`,
    footer: footer(ctx),
  });
}
