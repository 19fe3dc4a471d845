import { markup } from './_lib/html.js';
import { context, documentHtml, footer } from './_lib/page.js';

/**
 * The root: a plain list of the languages, each in its own language. The script sends readers on
 * to their language (a remembered choice first, then navigator.languages, else the default) unless
 * the URL asks to choose (`/?choose`); it never redirects anywhere else, so it cannot loop.
 */
export const data = { permalink: (/** @type {any} */ data) => data.bilateral.root.url };

/**
 * @this {any} Eleventy's template context, with the plugin's filters
 * @param {any} data
 */
export function render(data) {
  const { site, bilateral } = data;
  /** @type {import('@bilateral/i18n/eleventy').RootPage} */
  const root = bilateral.root;
  const locales = root.languages.map((l) => l.locale);
  const t = (/** @type {string} */ key, /** @type {string} */ l) => this.bilateralText(key, l).text;
  const home = root.defaultLocale;
  const ctx = context(this, data, home);
  const choose = locales.map(
    (l, i) =>
      markup`${i === 0 ? '' : ' · '}<span lang="${l}">${t('language.chooseLanguage', l)}</span>`,
  );
  const languages = root.languages.map(
    (l) =>
      markup`<li lang="${l.locale}"><a href="${l.url}" hreflang="${l.locale}" data-lang-choice="${l.locale}">${l.name}</a> <span class="tagline">${t('site.tagline', l.locale)}</span></li>\n`,
  );
  return documentHtml(site, {
    lang: home,
    title: t('site.name', home),
    description: locales.map((l) => t('site.tagline', l)).join(' · '),
    path: root.url,
    alternates: root.languages.map((l) => ({ hreflang: l.locale, path: l.url })),
    xDefault: root.url,
    htmlData: { negotiate: '', locales: locales.join(' '), 'default-locale': home },
    skip: t('nav.skipToContent', home),
    body: markup`<main id="content" class="chooser">
<h1>${t('site.name', home)}</h1>
<p class="choose">${choose}</p>
<ul class="languages">
${languages}</ul>
</main>`,
    footer: footer(ctx, site, root.url),
  });
}
