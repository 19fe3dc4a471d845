import { markup } from './html.js';

/**
 * What a translated page tells readers about its texts, from the renderer's `notices`: that the
 * original changed since the translation was reviewed (with a link to the page in the source
 * language), and that parts are shown in another language (missing text from the fallback
 * language, and source text `sync` copied; each passage carries its own `lang`). Empty when
 * there is nothing to say. In the page's language (ui `article.staleNotice`,
 * `article.untranslatedNotice`), styled like the passage notes.
 * @param {any} ctx the page's translation helpers (`context` in page.js)
 * @param {import('@bilateral/i18n').RenderedNotices | undefined} notices
 * @param {(lang: string) => string} pathOf the path of this page in another language
 */
export function pageNotices(ctx, notices, pathOf) {
  if (notices === undefined) return '';
  const items = [];
  const source = notices.sourceLocale;
  if (notices.stale.length > 0 && source !== undefined && source !== ctx.lang) {
    const link = markup`<a href="${pathOf(source)}" hreflang="${source}" lang="${source}">${ctx.languageName(source)}</a>`;
    items.push(ctx.linked('article.staleNotice', { source: link }));
  }
  if (notices.fallback.length > 0 || notices.copied.length > 0)
    items.push(ctx.text('article.untranslatedNotice'));
  if (items.length === 0) return '';
  return markup`<div class="untranslated page-notices" role="note">
${items.map((item) => markup`<p class="untranslated-note">${item}</p>\n`)}</div>\n`;
}
