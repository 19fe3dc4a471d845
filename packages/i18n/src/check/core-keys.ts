import type { Corpus, DocumentModel } from '@bilateral/core';
import { documentTexts, GOVERNED_KEYS, TERMS_NS, termKeys } from '../model/document-keys.js';

/**
 * The texts a core declares: for a document, its title, description, infobox labels, section
 * titles, paragraphs, reference titles, events and corrections; for `terms`, a label per entity,
 * a name per work and the plural phrases per unit. Every locale needs each of them.
 */
export interface DeclaredKey {
  /** Logical key (a plural family for units). */
  readonly key: string;
  /** What the core declares there, for messages: "paragraph history.p1". */
  readonly what: string;
}

/**
 * Declared keys per corpus and namespace: a pure function of the (immutable) corpus, memoised with
 * it (a WeakMap: it goes when the corpus goes), so that every run over the same core shares it.
 */
const cache = new WeakMap<Corpus, Map<string, Map<string, DeclaredKey>>>();

export function declaredKeys(corpus: Corpus, ns: string): ReadonlyMap<string, DeclaredKey> {
  let byNs = cache.get(corpus);
  if (byNs === undefined) {
    byNs = new Map();
    cache.set(corpus, byNs);
  }
  let m = byNs.get(ns);
  if (m !== undefined) return m;
  m = new Map();
  const add = (key: string, what: string) => m.set(key, { key, what });
  const doc = documentsByNamespace(corpus).get(ns);
  if (doc !== undefined) addDocument(doc, add);
  if (ns === TERMS_NS) {
    for (const id of Object.keys(corpus.entities)) add(termKeys.entityLabel(id), `entity ${id}`);
    for (const id of Object.keys(corpus.works)) add(termKeys.work(id), `work ${id}`);
    for (const id of Object.keys(corpus.units)) add(termKeys.unit(id), `unit ${id} (plural forms)`);
  }
  byNs.set(ns, m);
  return m;
}

function addDocument(doc: DocumentModel, add: (key: string, what: string) => void): void {
  for (const { key, what } of documentTexts(doc)) add(key, what);
}

/** Documents by namespace, per corpus (a pure function of it, memoised with it as above). */
const byNamespace = new WeakMap<Corpus, ReadonlyMap<string, DocumentModel>>();

/** The document whose text is in each namespace (built once per corpus: O(1) per lookup after). */
export function documentsByNamespace(corpus: Corpus): ReadonlyMap<string, DocumentModel> {
  let map = byNamespace.get(corpus);
  if (map === undefined) {
    const m = new Map<string, DocumentModel>();
    for (const d of Object.values(corpus.documents)) if (!m.has(d.namespace)) m.set(d.namespace, d);
    byNamespace.set(corpus, (map = m));
  }
  return map;
}

/**
 * Gives a corpus whose documents are read on first use (the core's snapshot: core-snapshot.ts)
 * its namespaces up front, from the ids of the first document of each, so that looking one
 * namespace's document up reads that document alone.
 */
export function presetDocumentsByNamespace(
  corpus: Corpus,
  firstByNamespace: ReadonlyMap<string, string>,
): void {
  byNamespace.set(corpus, new LazyDocuments(corpus.documents, firstByNamespace));
}

class LazyDocuments implements ReadonlyMap<string, DocumentModel> {
  constructor(
    private readonly documents: Corpus['documents'],
    private readonly ids: ReadonlyMap<string, string>,
  ) {}
  get size(): number {
    return this.ids.size;
  }
  has(ns: string): boolean {
    return this.ids.has(ns);
  }
  get(ns: string): DocumentModel | undefined {
    const id = this.ids.get(ns);
    return id === undefined ? undefined : this.documents[id];
  }
  keys(): MapIterator<string> {
    return this.ids.keys();
  }
  *values(): MapIterator<DocumentModel> {
    for (const id of this.ids.values()) yield this.documents[id] as DocumentModel;
  }
  *entries(): MapIterator<[string, DocumentModel]> {
    for (const [ns, id] of this.ids) yield [ns, this.documents[id] as DocumentModel];
  }
  [Symbol.iterator](): MapIterator<[string, DocumentModel]> {
    return this.entries();
  }
  forEach(
    f: (value: DocumentModel, key: string, map: ReadonlyMap<string, DocumentModel>) => void,
    thisArg?: unknown,
  ): void {
    for (const [ns, doc] of this.entries()) f.call(thisArg, doc, ns, this);
  }
}

/**
 * For a key in a core-governed place (a paragraph, reference, entity…) that the core does not
 * declare, says what is wrong; undefined for keys the core does not govern or declares.
 */
export function undeclared(corpus: Corpus, ns: string, logicalKey: string): string | undefined {
  const isDoc = documentsByNamespace(corpus).has(ns);
  const governed = isDoc
    ? GOVERNED_KEYS.document
    : ns === TERMS_NS
      ? GOVERNED_KEYS.terms
      : undefined;
  if (governed === undefined || !governed.test(logicalKey)) return undefined;
  const declared = declaredKeys(corpus, ns);
  if (declared.has(logicalKey)) return undefined;
  if (ns === TERMS_NS && logicalKey.startsWith('entities.')) {
    return `the core has no entity "${logicalKey.split('.')[1]}"`;
  }
  const [group, id] = logicalKey.split('.');
  const kinds: Record<string, string> = {
    sections: 'section or paragraph',
    references: 'reference',
    events: 'event',
    infobox: 'infobox row',
    corrections: 'correction',
    works: 'work',
    units: 'unit',
  };
  return `the core declares no ${kinds[group ?? ''] ?? 'such key'} "${
    group === 'sections' || group === 'corrections'
      ? logicalKey
          .split('.')
          .slice(group === 'sections' ? 1 : 2)
          .join('.')
      : (id ?? '')
  }"`;
}
