import { markup } from './_lib/html.js';
import { context, devBanner, documentHtml, footer, header, paths } from './_lib/page.js';

/**
 * Translation status for translators (/translations/): per language and per section, the keys
 * translated, missing and stale — computed by the same code as `pnpm i18n status`. One page, in
 * the default language (English), with each language's name in its own script.
 */
export const data = { permalink: '/translations/' };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  const lang = bilateral.defaultLocale;
  const ctx = context(this, data, lang);
  const locales = /** @type {string[]} */ (bilateral.locales);
  /** @type {import('@bilateral/i18n').StatusReport} */
  const status = bilateral.status;
  const name = (/** @type {string} */ l) => markup`<span lang="${l}">${ctx.languageName(l)}</span>`;
  const lower = (/** @type {string} */ key) => ctx.plain(key).toLowerCase();
  const head = markup`<tr><th scope="col">Section</th><th scope="col">Keys</th><th scope="col">${ctx.text('status.translated')}</th><th scope="col">${ctx.text('status.missing')}</th><th scope="col">${ctx.text('status.stale')}</th></tr>`;
  const tables = status.locales.map((s) => {
    const rows = s.sections.map(
      (r) =>
        markup`<tr><th scope="row"><code>${r.namespace}</code> ${r.section}</th><td>${r.keys}</td><td>${r.translated}</td><td${r.missing > 0 ? markup` class="bad"` : ''}>${r.missing}</td><td${r.stale > 0 ? markup` class="warn"` : ''}>${r.stale}</td></tr>\n`,
    );
    return markup`<section class="status" aria-labelledby="status-${s.locale}">
<h2 id="status-${s.locale}">${name(s.locale)} <code>${s.locale}</code>${s.locale === status.sourceLocale ? ' (source)' : ''}</h2>
<p class="status-summary"><meter min="0" max="100" value="${s.percent}" aria-label="${s.locale}: ${s.percent}%">${s.percent}%</meter> <span>${s.percent}% · ${s.translated}/${s.keys} ${lower('status.translated')} · ${s.missing} ${lower('status.missing')} · ${s.stale} ${lower('status.stale')} · ${s.untranslated} identical to the source</span></p>
<table class="status-table">
<caption>${name(s.locale)}: by section</caption>
<thead>${head}</thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
  });

  return documentHtml(site, {
    lang,
    title: `${ctx.plain('status.title')} — ${ctx.plain('site.name')}`,
    description: `${ctx.plain('status.title')}: ${locales.join(', ')}`,
    path: paths.translations(),
    alternates: [],
    xDefault: undefined,
    skip: ctx.text('nav.skipToContent'),
    header: header(ctx, {
      locales,
      current: 'translations',
      switchTo: paths.article,
      keepHash: false,
      samePage: false,
    }),
    body: markup`${devBanner(ctx, this.bilateralFindings())}
<main id="content">
${ctx.heading('h1', ctx.t('status.title'))}
<p>How complete each language is against the source (${name(bilateral.sourceLocale)}), from the same code as <code>pnpm i18n status</code>. <em>Stale</em> means the source text changed after the translation was last accepted.</p>
${tables}</main>`,
    footer: footer(ctx),
  });
}
