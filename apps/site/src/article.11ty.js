import { existsSync } from 'node:fs';
import path from 'node:path';
import { markup, raw } from './_lib/html.js';
import { CARD } from './_lib/card.js';
import { DUBIOUS_NOTE, linkDubious } from './_lib/marks.js';
import { pageNotices } from './_lib/notices.js';
import { context, devBanner, documentHtml, footer, header, lastUpdated } from './_lib/page.js';

/**
 * The file Eleventy writes for a permalink: `index.html` in a URL that ends with `/`.
 * @param {string} output
 * @param {string} url
 */
const outputFile = (output, url) => path.join(output, url.endsWith('/') ? `${url}index.html` : url);

/**
 * Every article of the core in every language, at the URL the plugin's routing gives it
 * (/{lang}/{id}/: /uk/north-korea-ukraine-relations/). After a dev server's rebuild that only
 * locale edits started, only the articles whose text changed (`bilateral.changed`) and any whose
 * page is not in the output folder (deleted since): the others stay on disk as the previous build
 * wrote them.
 */
export const data = {
  pagination: {
    data: 'bilateral.routes',
    size: 1,
    alias: 'route',
    before: (/** @type {any[]} */ routes, /** @type {any} */ { bilateral, eleventy }) => {
      const articles = routes.filter((r) => r.kind === 'article');
      /** @type {readonly string[] | null} */
      const changed = bilateral.changed ?? null;
      /** @type {string | undefined} where this build writes (Eleventy 3's `eleventy.directories`) */
      const output = eleventy?.directories?.output;
      if (changed === null || output === undefined) return articles;
      const names = new Set(changed);
      return articles.filter(
        (r) => names.has(`${r.locale}/${r.id}`) || !existsSync(outputFile(output, r.url)),
      );
    },
  },
  permalink: (/** @type {any} */ data) => data.route.url,
};

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { route, site, bilateral } = data;
  /** @type {import('@bilateral/i18n/eleventy').DocumentRoute} */
  const { id, locale: lang } = route;
  const ctx = context(this, data, lang, id);
  /** @type {import('@bilateral/i18n').RenderedDocument} */
  const doc = this.bilateralDocument(id, lang);
  /** The URL of a named page of the site (the plugin's `routes`). */
  const url = (/** @type {string} */ name, /** @type {string} */ l = lang) =>
    /** @type {string} */ (this.bilateralUrl(name, l, id));
  const updated = site.updated(
    id,
    lang,
    doc.events.map((e) => e.iso),
  );
  const withMarks = (/** @type {any} */ p) => ({
    ...p,
    html: linkDubious(p.html, `#${DUBIOUS_NOTE}`),
  });

  const lead = doc.sections.filter((s) => s.level === 0);
  const body = doc.sections.filter((s) => s.level > 0);

  // Table of contents: level-2 sections nest under the level-1 section before them.
  /** @type {{ id: string, title: any, children: { id: string, title: any }[] }[]} */
  const toc = [];
  for (const s of body) {
    const entry = { id: s.id, title: s.title, children: [] };
    const parent = toc.at(-1);
    if (s.level > 1 && parent !== undefined) parent.children.push(entry);
    else toc.push(entry);
  }
  toc.push(
    { id: 'references', title: ctx.t('article.references'), children: [] },
    { id: 'bibliography', title: ctx.t('article.bibliography'), children: [] },
  );
  const tocLink = (/** @type {any} */ e) =>
    markup`<a href="#${e.id}">${e.title === undefined ? e.id : ctx.inline(e.title, { notice: false })}</a>`;
  const tocItems = toc.map(
    (e) =>
      markup`<li>${tocLink(e)}${e.children.length === 0 ? '' : markup`<ol>${e.children.map((c) => markup`<li>${tocLink(c)}</li>`)}</ol>`}</li>\n`,
  );
  const tocHtml = markup`<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">${ctx.text('nav.contents')}</h2>
<ol>
${tocItems}</ol>
</nav>`;

  const flag = (/** @type {string} */ entity) => {
    const code = site.flags[entity];
    return code === undefined
      ? ''
      : markup`<img class="flag" src="/assets/flags/${code}.svg" alt="" width="60" height="${code === 'ua' ? 40 : 30}">`;
  };
  const parties = doc.infobox.parties.map(
    (p) => markup`<li>${flag(p.id)}<span class="party">${ctx.inline(p.label)}</span></li>\n`,
  );
  const rows = doc.infobox.rows.map(
    (r) => markup`<tr><th scope="row">${ctx.inline(r.label)}</th><td>${raw(r.html)}</td></tr>\n`,
  );
  // The locator map: light and dark drawings of the same map, named in the page's language; the
  // legend repeats the colours next to the countries' names.
  const [first, second] = doc.infobox.parties;
  const map =
    first === undefined || second === undefined
      ? ''
      : markup`<tr class="locator"><td colspan="2"><figure class="locator-map">
<picture><source srcset="${url('mapDark')}" media="(prefers-color-scheme: dark)"><img src="${url('map')}" alt="${ctx.plain('article.mapAlt', { first: first.label.text, second: second.label.text })}" width="640" height="400"></picture>
<figcaption class="map-legend" aria-hidden="true"><span class="swatch swatch-1"></span>${ctx.inline(first.label)} <span class="swatch swatch-2"></span>${ctx.inline(second.label)}</figcaption>
</figure></td></tr>\n`;
  const infobox = markup`<table class="infobox">
<caption>${ctx.inline(doc.infobox.caption)}</caption>
<tbody>
<tr class="parties"><td colspan="2"><ul>
${parties}</ul></td></tr>
${map}${rows}</tbody>
</table>`;

  const sections = body.map(
    (s) => markup`<section class="section level-${s.level}">
${ctx.heading(`h${s.level + 1}`, s.title, s.id, true)}
${s.paragraphs.map((p) => markup`${ctx.block(withMarks(p))}\n`)}</section>
`,
  );

  // References: "^" back to a single citation, or "^ a b" (in the locale's letters) to each.
  const backToText = ctx.plain('article.backToText');
  const backlinks = (/** @type {any} */ r) =>
    r.backlinks.length === 1
      ? markup`<a class="backlink" href="#${r.backlinks[0].anchor}" aria-label="${backToText}">^</a>`
      : markup`<span class="caret" aria-hidden="true">^</span> ${r.backlinks.map(
          (/** @type {any} */ b) =>
            markup`<a class="backlink" href="#${b.anchor}" aria-label="${backToText} ${b.label}"><sup>${b.label}</sup></a> `,
        )}`;
  const references = doc.references.map(
    (r) =>
      markup`<li id="${r.anchor}" value="${r.number}"><span class="backlinks">${backlinks(r)}</span> ${raw(r.html)}${ctx.marker(`references.${r.id}`)}</li>\n`,
  );
  const bibliography = doc.bibliography.map(
    (b) => markup`<li id="${b.anchor}">${raw(b.html)}${ctx.marker(`references.${b.id}`)}</li>\n`,
  );
  const corrections = doc.corrections.items.map(
    (c) =>
      markup`<li id="correction-${c.id}"><span class="correction-target">${ctx.text('article.correctionTarget')}: <a href="${c.target.href}">${c.target.label}</a></span> ${ctx.inline(c.note)}</li>\n`,
  );
  const hasDubious = doc.sections.some((s) =>
    s.paragraphs.some((p) => p.html.includes('class="dubious"')),
  );

  // The editorial notes close the article, folded: the corrections made to the machine-translated
  // text it started from, and what the "dubious" marks mean. Links to them (#corrections,
  // #correction-…, #about-dubious) open them.
  const notes = markup`<details class="editorial-notes" id="corrections" data-place>
<summary><span class="summary-title">${ctx.text('article.editorialNotes')}</span></summary>
<h3 id="corrections-title">${ctx.text('article.corrections')}</h3>
${ctx.block(doc.corrections.intro)}
<ul class="corrections">
${corrections}</ul>
${
  hasDubious
    ? markup`<h3 id="${DUBIOUS_NOTE}">${ctx.text('article.dubiousHeading')}</h3>
${ctx.block({ ...ctx.t('article.dubiousNote'), html: `<span id="${DUBIOUS_NOTE}-text">${ctx.t('article.dubiousNote').html}</span>` })}`
    : ''
}</details>`;

  const main = markup`<main id="content">
<article class="article">
${ctx.heading('h1', doc.title)}
${lastUpdated(ctx, updated)}
${pageNotices(ctx, doc.notices, (/** @type {string} */ l) => route.alternates.find((/** @type {any} */ a) => a.locale === l)?.url ?? route.url)}${infobox}
${lead.flatMap((s) => s.paragraphs.map((p) => markup`${ctx.block(withMarks(p))}\n`))}${tocHtml}
${sections}<section>
<h2 id="references" data-place>${ctx.text('article.references')}</h2>
<ol class="references">
${references}</ol>
</section>
<section>
<h2 id="bibliography" data-place>${ctx.text('article.bibliography')}</h2>
<ul class="bibliography">
${bibliography}</ul>
</section>
${notes}
</article>
</main>`;

  const source = site.sources[id];
  const abs = site.url + route.url;
  // The social card is the main article's (src/card.11ty.js).
  const card = id === site.document ? url('card') : undefined;
  return documentHtml(site, {
    lang,
    title: `${doc.title.text} — ${ctx.plain('site.name')}`,
    description: doc.description.text,
    path: route.url,
    alternates: route.alternates.map((/** @type {any} */ a) => ({
      hreflang: a.locale,
      path: a.url,
    })),
    xDefault: route.xDefault,
    ogType: 'article',
    ...(card === undefined ? {} : { image: { path: card, alt: doc.title.text, ...CARD } }),
    modified: updated.iso,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      '@id': `${abs}#article`,
      url: abs,
      headline: doc.title.text,
      description: doc.description.text,
      inLanguage: lang,
      dateModified: updated.iso,
      ...(card === undefined ? {} : { image: site.url + card }),
      license: site.license.url,
      ...(source === undefined
        ? {}
        : {
            isBasedOn: {
              '@type': 'Article',
              name: source.title,
              url: source.url,
              inLanguage: source.lang,
              license: site.license.url,
            },
          }),
      ...(lang === bilateral.sourceLocale
        ? {}
        : {
            translationOfWork: {
              '@id': `${site.url}${this.bilateralRoute(id, bilateral.sourceLocale).url}#article`,
            },
          }),
      publisher: {
        '@type': 'Organization',
        name: ctx.plain('site.name'),
        url: `${site.url}${bilateral.root.url}`,
      },
    },
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, {
      current: id === site.document ? 'article' : 'other',
      switcher: this.bilateralSwitcher(route.url),
    }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
${main}`,
    footer: footer(ctx, site, route.url),
  });
}
