/**
 * Inline markup a translation may use, and how it is turned into safe HTML. This is the single
 * allowlist shared by the renderer (which drops anything else) and the `markup` check (which
 * reports it).
 */
export const ALLOWED_TAGS: Readonly<Record<string, readonly string[]>> = {
  i: ['lang'],
  em: [],
  b: [],
  strong: [],
  q: ['lang'],
  bdi: ['lang', 'dir'],
  span: ['lang', 'dir'],
  abbr: ['title', 'lang'],
  sub: [],
  sup: [],
  br: [],
};

/** Pseudo-tags the renderer replaces: citations and "dubious – discuss" markers. */
export const CONTENT_TAGS: Readonly<Record<string, readonly string[]>> = {
  ref: ['id'],
  dubious: [],
};
