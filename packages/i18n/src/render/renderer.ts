import { renderDocument } from './document.js';
import { createTranslator, type Translator } from './i18next.js';
import type { RenderedNotices, RenderedText, Renderer, RendererOptions } from './types.js';

export type {
  RenderedBacklink,
  RenderedCorrection,
  RenderedDocument,
  RenderedEvent,
  RenderedInfobox,
  RenderedNotices,
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
  const tr = createTranslator(resources, locale, options.fallback ?? [], {
    sourceLocale: options.sourceLocale,
    states: options.states,
  });
  return {
    locale,
    renderDocument: (documentId) => {
      const seen: RenderedText[] = [];
      const doc = renderDocument(watched(tr, seen), corpus, documentId);
      return { ...doc, notices: notices(seen, options.sourceLocale) };
    },
    ui: (key, values) => tr.ui(key, values ?? {}),
    formatFact: (fact, opts) => tr.formatFact(fact, opts),
  };
}

/** The translator, with every text it gives noted in `seen` (for the page's notices). */
function watched(tr: Translator, seen: RenderedText[]): Translator {
  return {
    ...tr,
    translate: (...args) => {
      const t = tr.translate(...args);
      seen.push(t);
      return t;
    },
    ui: (...args) => {
      const t = tr.ui(...args);
      seen.push(t);
      return t;
    },
  };
}

/** The notices a page needs for the texts it shows. */
export function notices(
  seen: readonly RenderedText[],
  sourceLocale: string | undefined,
): RenderedNotices {
  const keys = (pick: (t: RenderedText) => boolean) => [
    ...new Set(seen.filter(pick).map((t) => t.key)),
  ];
  const fallback = new Map<string, string>();
  for (const t of seen)
    if (t.fallback && !t.missing && !fallback.has(t.key)) fallback.set(t.key, t.lang);
  return {
    sourceLocale,
    stale: keys((t) => t.stale === true),
    fallback: [...fallback].map(([key, lang]) => ({ key, lang })),
    copied: keys((t) => t.copied === true),
    missing: keys((t) => t.missing),
  };
}
