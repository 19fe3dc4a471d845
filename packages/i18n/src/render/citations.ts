import type { Corpus, DocumentModel, Reference } from '@bilateral/core';
import * as h from './html.js';
import type { Translator } from './i18next.js';
import type { InlineHandlers } from './markup.js';
import { formatReference, type ReferenceContext } from './reference.js';
import type { RenderedBacklink, RenderedReference, RenderProblem } from './types.js';

/**
 * Footnotes of one rendering of a document: numbered in order of first citation, each use of a
 * source one marker with its own anchor, each note with backlinks to its markers (the style's
 * mark for one use, the locale's letters for several), and the reference list and bibliography.
 */

/** Used when a locale gives no `ui:citation.backlinkLetters`. */
const BACKLINK_DEFAULT = 'a b c d e f g h i j k l m n o p q r s t u v w x y z';

export interface Citations {
  /** What replaces `<ref id="…"/>` and `<dubious/>` in the text. */
  readonly inline: InlineHandlers;
  /** The footnote number of a reference, once it has been cited. */
  number(id: string): number | undefined;
  /** The reference list, in footnote order (call after the text has been rendered). */
  references(): RenderedReference[];
  bibliography(): RenderedReference[];
}

export function createCitations(
  tr: Translator,
  corpus: Corpus,
  documentId: string,
  doc: DocumentModel,
  problems: RenderProblem[],
): Citations {
  const numbers = new Map<string, number>();
  const uses = new Map<string, string[]>();
  const context: ReferenceContext = {
    tr,
    corpus,
    documentId,
    namespace: doc.namespace,
    bibliography: doc.bibliography,
    problems,
  };

  const inline: InlineHandlers = {
    cite(id) {
      if (!Object.hasOwn(doc.references, id)) {
        problems.push({ key: id, message: `unknown reference "${id}"` });
        return { html: '', text: '' };
      }
      let n = numbers.get(id);
      let anchors = uses.get(id);
      if (n === undefined || anchors === undefined) {
        n = numbers.size + 1;
        anchors = [];
        numbers.set(id, n);
        uses.set(id, anchors);
      }
      anchors.push(h.ANCHOR.citeRef(id, anchors.length + 1));
      const label = tr.ui('article.footnote', { number: n }).text;
      return { html: h.citationMarker(id, anchors.length, n, label), text: `[${n}]` };
    },
    dubious() {
      const t = tr.ui('article.dubious', {}, problems);
      const title = tr.ui('article.dubiousTitle', {}, problems);
      return { html: h.dubiousMarker(t.lang, title.text, t.html), text: `[${t.text}]` };
    },
  };

  const backlinks = (id: string): RenderedBacklink[] => {
    const anchors = uses.get(id) ?? [];
    if (anchors.length === 1)
      return [{ anchor: anchors[0] ?? '', label: tr.style(tr.locale).backlink }];
    const letters = (tr.ui('citation.backlinkLetters').text || BACKLINK_DEFAULT).split(/\s+/);
    return anchors.map((anchor, i) => ({ anchor, label: letters[i] ?? String(i + 1) }));
  };

  const entry = (id: string, ref: Reference) => formatReference(context, id, ref);

  return {
    inline,
    number: (id) => numbers.get(id),
    references: () =>
      [...numbers.entries()].map(([id, n]) => ({
        id,
        number: n,
        anchor: h.ANCHOR.note(id),
        backlinks: backlinks(id),
        ...entry(id, doc.references[id] as Reference),
      })),
    bibliography: () =>
      Object.entries(doc.bibliography).map(([id, ref]) => ({
        id,
        number: 0,
        anchor: h.ANCHOR.bibliography(id),
        backlinks: [],
        ...entry(id, ref),
      })),
  };
}
