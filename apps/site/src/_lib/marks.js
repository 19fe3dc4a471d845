/** Where the explanation of the "dubious – discuss" marks is (in the editorial notes). */
export const DUBIOUS_NOTE = 'about-dubious';

/**
 * The renderer marks a questioned statement with `<sup class="dubious"><span lang title>[…]</span>`
 * (a tooltip only a mouse can reach). Here the mark becomes a link to the explanation in the
 * reader's language, which the script also shows in place (hover, focus, tap).
 * @param {string} html
 * @param {string} href
 */
export function linkDubious(html, href) {
  // Most texts have no mark: they are returned as they are, without running the pattern.
  if (!html.includes('<sup class="dubious">')) return html;
  return html.replace(
    /<sup class="dubious"><span( lang="[^"]*")? title="([^"]*)">([^<]*)<\/span><\/sup>/g,
    (_, lang = '', title, label) =>
      `<sup class="dubious"><a href="${href}"${lang} title="${title}" data-preview="${DUBIOUS_NOTE}-text">${label}</a></sup>`,
  );
}
