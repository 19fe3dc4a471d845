import { markup } from './_lib/html.js';
import { context, documentHtml, footer, paths } from './_lib/page.js';

/**
 * The root: a plain list of the languages, each in its own language. The script sends readers on
 * to their language (a remembered choice first, then navigator.languages, else the default) unless
 * the URL asks to choose (`/?choose`); it never redirects anywhere else, so it cannot loop.
 */
export const data = { permalink: '/' };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  const locales = /** @type {string[]} */ (bilateral.locales);
  const t = (/** @type {string} */ key, /** @type {string} */ l) => this.bilateralText(key, l).text;
  const home = bilateral.defaultLocale;
  const ctx = context(this, data, home);
  const choose = locales.map(
    (l, i) =>
      markup`${i === 0 ? '' : ' · '}<span lang="${l}">${t('language.chooseLanguage', l)}</span>`,
  );
  const languages = locales.map(
    (l) =>
      markup`<li lang="${l}"><a href="${paths.article(l)}" hreflang="${l}" data-lang-choice="${l}">${this.bilateralLanguageName(l)}</a> <span class="tagline">${t('site.tagline', l)}</span></li>\n`,
  );
  return documentHtml(site, {
    lang: home,
    title: t('site.name', home),
    description: locales.map((l) => t('site.tagline', l)).join(' · '),
    path: paths.root(),
    alternates: locales.map((l) => ({ hreflang: l, path: paths.article(l) })),
    xDefault: paths.root(),
    htmlData: { negotiate: '', locales: locales.join(' '), 'default-locale': home },
    skip: t('nav.skipToContent', home),
    body: markup`<main id="content" class="chooser">
<h1>${t('site.name', home)}</h1>
<p class="choose">${choose}</p>
<ul class="languages">
${languages}</ul>
</main>`,
    footer: footer(ctx, site, paths.root()),
  });
}
