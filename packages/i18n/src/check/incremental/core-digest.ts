import { createHash } from 'node:crypto';
import type { Corpus } from '@bilateral/core';

/**
 * What the check cache needs of a core: a hash of everything but the documents, and one per
 * document (by namespace). Small and plain, so that a worker thread can compute it while the
 * main thread reads the project: a run that reuses every namespace never loads the core there.
 * This module imports nothing heavy, so that such a worker starts fast.
 */
export interface CoreDigest {
  /** Whether the project has a core at all. */
  readonly present: boolean;
  readonly registry: string;
  /** Document hash by namespace. */
  readonly documents: ReadonlyMap<string, string>;
}

/**
 * A core as text: everything but its documents, and each document (in the corpus's order). The
 * digest is made of these texts, and the core's snapshot (core-snapshot.ts) keeps them, so that
 * the two agree by construction.
 */
export interface CoreTexts {
  /** The corpus without its documents (entities, works, units, pages), as JSON. */
  readonly base: string;
  /** Each document's id, namespace, section ids and JSON. */
  readonly documents: readonly CoreDocumentText[];
}

export interface CoreDocumentText {
  readonly id: string;
  readonly namespace: string;
  readonly sections: readonly string[];
  readonly text: string;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('base64');

export function coreTexts(corpus: Corpus): CoreTexts {
  const base = JSON.stringify(corpus, function (this: unknown, key: string, value: unknown) {
    return this === corpus && key === 'documents' ? undefined : value;
  });
  const documents = Object.entries(corpus.documents).map(([id, doc]) => ({
    id,
    namespace: doc.namespace,
    sections: doc.sections.map((s) => s.id),
    text: JSON.stringify(doc),
  }));
  return { base, documents };
}

export function digestCore(corpus: Corpus | undefined): CoreDigest {
  return corpus === undefined ? NO_CORE : digestTexts(coreTexts(corpus));
}

const NO_CORE: CoreDigest = { present: false, registry: '-', documents: new Map() };

export function digestTexts(texts: CoreTexts): CoreDigest {
  // The registry is everything of the corpus but its documents, and the outline of the documents
  // (ids, namespaces, section ids): a page's links are checked against every document's id and
  // sections (the `pages` rule), so a renamed section is seen by every namespace's key.
  const outline = texts.documents.map((d) => [d.id, d.namespace, d.sections]);
  const registry = sha1(`${texts.base}\u0000${JSON.stringify(outline)}`);
  const documents = new Map<string, string>();
  // The first document of a namespace counts (as everywhere in the checks).
  for (const d of texts.documents) {
    if (!documents.has(d.namespace)) documents.set(d.namespace, sha1(d.text));
  }
  return { present: true, registry, documents };
}
