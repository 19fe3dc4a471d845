// Eleventy 3 ships JavaScript without type declarations; the site uses one export of it.
declare module '@11ty/eleventy' {
  /** Adds the configured pathPrefix to every root-relative URL in the HTML it writes. */
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
}

// markdown-it 14 ships JavaScript without type declarations; the site renders prose pages with it.
declare module 'markdown-it' {
  const MarkdownIt: new (options?: Record<string, unknown>) => {
    render(markdown: string, env?: unknown): string;
    renderer: { rules: Record<string, unknown> };
  };
  export default MarkdownIt;
}
