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

const sha1 = (text: string): string => createHash('sha1').update(text).digest('base64');

export function digestCore(corpus: Corpus | undefined): CoreDigest {
  if (corpus === undefined) return { present: false, registry: '-', documents: new Map() };
  // Everything of the corpus but its documents (each namespace hashes its own document).
  const registry = sha1(
    JSON.stringify(corpus, function (this: unknown, key: string, value: unknown) {
      return this === corpus && key === 'documents' ? undefined : value;
    }),
  );
  const documents = new Map<string, string>();
  // The first document of a namespace counts (as everywhere in the checks).
  for (const doc of Object.values(corpus.documents)) {
    if (!documents.has(doc.namespace)) documents.set(doc.namespace, sha1(JSON.stringify(doc)));
  }
  return { present: true, registry, documents };
}
