import { markup, raw } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header, paths } from './_lib/page.js';

/** The article, one page per language: /ja/, /en/, /uk/, /ko/. */
export const data = {
  pagination: { data: 'bilateral.locales', size: 1, alias: 'lang' },
  permalink: (/** @type {any} */ data) => paths.article(data.lang),
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
    { id: 'corrections', title: ctx.t('article.corrections'), children: [] },
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
  const infobox = markup`<table class="infobox">
<caption>${ctx.inline(doc.infobox.caption)}</caption>
<tbody>
<tr class="parties"><td colspan="2"><ul>
${parties}</ul></td></tr>
${rows}</tbody>
</table>`;

  const sections = body.map(
    (s) => markup`<section class="section level-${s.level}">
${ctx.heading(`h${s.level + 1}`, s.title, s.id)}
${s.paragraphs.map((p) => markup`${ctx.block(p)}\n`)}</section>
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
      markup`<li id="${r.anchor}" value="${r.number}"><span class="backlinks">${backlinks(r)}</span> ${raw(r.html)}</li>\n`,
  );
  const bibliography = doc.bibliography.map(
    (b) => markup`<li id="${b.anchor}">${raw(b.html)}</li>\n`,
  );
  const corrections = doc.corrections.items.map(
    (c) =>
      markup`<li id="correction-${c.id}"><span class="correction-target">${ctx.text('article.correctionTarget')}: <a href="${c.target.href}">${c.target.label}</a></span> ${ctx.inline(c.note)}</li>\n`,
  );

  const main = markup`<main id="content">
<article class="article">
${ctx.heading('h1', doc.title)}
${infobox}
${lead.flatMap((s) => s.paragraphs.map((p) => markup`${ctx.block(p)}\n`))}${tocHtml}
${sections}<section>
<h2 id="references">${ctx.text('article.references')}</h2>
<ol class="references">
${references}</ol>
</section>
<section>
<h2 id="bibliography">${ctx.text('article.bibliography')}</h2>
<ul class="bibliography">
${bibliography}</ul>
</section>
<section>
<h2 id="corrections">${ctx.text('article.corrections')}</h2>
${ctx.block(doc.corrections.intro)}
<ul class="corrections">
${corrections}</ul>
</section>
</article>
</main>`;

  return documentHtml(site, {
    lang,
    title: `${doc.title.text} — ${ctx.plain('site.name')}`,
    description: doc.description.text,
    path: paths.article(lang),
    alternates: bilateral.locales.map((/** @type {string} */ l) => ({
      hreflang: l,
      path: paths.article(l),
    })),
    xDefault: paths.root(),
    ogType: 'article',
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, {
      locales: bilateral.locales,
      current: 'article',
      switchTo: paths.article,
      keepHash: true,
    }),
    body: markup`${devBanner(ctx, this.bilateralFindings(lang))}
${main}`,
    footer: footer(ctx),
  });
}
