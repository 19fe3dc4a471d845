import { renderDocument } from './document.js';
import { createTranslator } from './i18next.js';
import type { Renderer, RendererOptions } from './types.js';

export type {
  RenderedBacklink,
  RenderedCorrection,
  RenderedDocument,
  RenderedEvent,
  RenderedInfobox,
  RenderedParagraph,
  RenderedReference,
  RenderedSection,
  RenderedStyle,
  RenderedText,
  Renderer,
  RendererOptions,
  RenderProblem,
} from './types.js';

/**
 * Creates a renderer for one locale. Synchronous: i18next is initialised without a backend.
 *
 * The work is split by concern: `i18next.ts` (the instance, fact formatters, guard, fast path),
 * `document.ts` (a whole document), `citations.ts` and `reference.ts` (footnotes and their
 * entries in the locale's citation style), `html.ts` (every piece of markup and class name: the
 * site's contract), and `intl/style.ts` (each locale's typographic settings, read as data).
 */
export function createRenderer(options: RendererOptions): Renderer {
  const { corpus, resources, locale } = options;
  const tr = createTranslator(resources, locale, options.fallback ?? []);
  return {
    locale,
    renderDocument: (documentId) => renderDocument(tr, corpus, documentId),
    ui: (key, values) => tr.ui(key, values ?? {}),
    formatFact: (fact, opts) => tr.formatFact(fact, opts),
  };
}
