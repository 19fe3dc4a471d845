import MarkdownIt from 'markdown-it';

/**
 * Prose pages (`pages/{lng}/{id}.md`) as HTML: CommonMark through markdown-it with raw HTML
 * off (a translation cannot add markup or script), internal links (`/{lng}/{id}/#section`, as the
 * pages rule checks them) resolved to the documents' URLs by the plugin. The page's title is its
 * <h1>; its Markdown sections start at `##`.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const rules = /** @type {Record<string, any>} */ (md.renderer.rules);
rules['link_open'] = (
  /** @type {any[]} */ tokens,
  /** @type {number} */ i,
  /** @type {any} */ options,
  /** @type {any} */ env,
  /** @type {any} */ self,
) => {
  const token = tokens[i];
  const href = token.attrGet('href');
  if (typeof href === 'string') {
    if (href.startsWith('/')) token.attrSet('href', env.link(href));
    else if (/^https?:/.test(href)) token.attrSet('rel', 'external');
  }
  return self.renderToken(tokens, i, options);
};

/**
 * @param {string} markdown
 * @param {(href: string) => string} link resolves a site-internal link
 */
export function proseHtml(markdown, link) {
  return md.render(markdown, { link });
}
