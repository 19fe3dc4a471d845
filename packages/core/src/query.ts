import type {
  AnyDocument,
  Corpus,
  DocumentKind,
  DocumentModel,
  Paragraph,
  Reference,
  ReferenceSource,
  Section,
  TitleStatus,
} from './types.js';

export interface ParagraphRef {
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** `section.paragraph`, e.g. `history.p1`: the paragraph's key below `sections.` in a locale. */
  readonly key: string;
}

export const paragraphKey = (section: Section, paragraph: Paragraph): string =>
  `${section.id}.${paragraph.id}`;

export function* allParagraphs(doc: DocumentModel): Generator<ParagraphRef> {
  for (const section of doc.sections) {
    for (const paragraph of section.paragraphs) {
      yield { section, paragraph, key: paragraphKey(section, paragraph) };
    }
  }
}

/** Reference ids the paragraph cites, in order, repeats kept. */
export const citationsOf = (p: Paragraph): string[] =>
  p.carries.flatMap((i) => ('cite' in i ? [i.cite] : []));
/** Fact ids the paragraph carries, in order, repeats kept. */
export const factsOf = (p: Paragraph): string[] =>
  p.carries.flatMap((i) => ('fact' in i ? [i.fact] : []));
/** Entity ids the paragraph names, in order. */
export const entitiesOf = (p: Paragraph): string[] =>
  p.carries.flatMap((i) => ('entity' in i ? [i.entity] : []));
export const dubiousCountOf = (p: Paragraph): number =>
  p.carries.filter((i) => 'dubious' in i).length;

/**
 * Whether the reference's original title is known: its `titleStatus`, or, for a corpus that
 * predates that field, `original` when it has an `originalTitle` and `unverified` otherwise.
 * `undefined` for a `short` citation, which has no title of its own.
 */
export function titleStatusOf(ref: Reference): TitleStatus | undefined {
  if (ref.kind === 'short') return undefined;
  return ref.titleStatus ?? (ref.originalTitle === undefined ? 'unverified' : 'original');
}

/**
 * Everything a reader needs to find and check the source of reference `referenceId` (or
 * bibliography entry) of document `documentId`: its title or the fact that none is known, its
 * authors, its work with the work's own name and language, its dates, URL and archived copy. A
 * `short` citation resolves to the bibliography entry it cites, with its pages. `undefined` when
 * the document or reference does not exist.
 */
export function referenceSource(
  corpus: Corpus,
  documentId: string,
  referenceId: string,
): ReferenceSource | undefined {
  const doc = Object.hasOwn(corpus.documents, documentId)
    ? corpus.documents[documentId]
    : undefined;
  if (doc === undefined) return undefined;
  const own = (table: Readonly<Record<string, Reference>>, id: string) =>
    Object.hasOwn(table, id) ? table[id] : undefined;
  const ref = own(doc.references, referenceId) ?? own(doc.bibliography, referenceId);
  if (ref === undefined) return undefined;
  if (ref.kind === 'short') {
    const cited = ref.cites;
    const entry = cited === undefined ? undefined : own(doc.bibliography, cited);
    if (cited === undefined || entry === undefined || entry.kind === 'short') return undefined;
    const source = describe(corpus, cited, entry);
    return ref.pages === undefined ? source : { ...source, pages: ref.pages };
  }
  return describe(corpus, referenceId, ref);
}

function describe(corpus: Corpus, id: string, ref: Reference): ReferenceSource {
  const original = ref.originalTitle;
  const status = titleStatusOf(ref);
  const workName =
    ref.work !== undefined && Object.hasOwn(corpus.works, ref.work)
      ? corpus.works[ref.work]?.name
      : undefined;
  return {
    id,
    kind: ref.kind,
    lang: ref.lang,
    title:
      status === 'original' && original !== undefined
        ? { status: 'original', text: original.text, lang: original.lang }
        : { status: 'unverified' },
    authors: ref.authors ?? [],
    editors: ref.editors ?? [],
    ...(ref.work === undefined
      ? {}
      : { work: workName === undefined ? { id: ref.work } : { id: ref.work, name: workName } }),
    ...(ref.published === undefined ? {} : { published: ref.published }),
    ...(ref.accessed === undefined ? {} : { accessed: ref.accessed }),
    ...(ref.archived === undefined ? {} : { archived: ref.archived }),
    ...(ref.url === undefined ? {} : { url: ref.url }),
    ...(ref.archiveUrl === undefined ? {} : { archiveUrl: ref.archiveUrl }),
    ...(ref.format === undefined ? {} : { format: ref.format }),
  };
}

/** A document as {@link documentsOf} lists it. */
export interface DocumentEntry {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly sourceLocale: string;
  /** The article's model (kind `article`) or the page's (kind `page`). */
  readonly model: AnyDocument;
}

/** Every document of the corpus, articles first (in order), then prose pages, each with its kind. */
export function documentsOf(corpus: Corpus): DocumentEntry[] {
  const articles = Object.values(corpus.documents).map((model): DocumentEntry => ({
    id: model.id,
    kind: 'article',
    sourceLocale: model.sourceLocale,
    model,
  }));
  const pages = Object.values(corpus.pages ?? {}).map((model): DocumentEntry => ({
    id: model.id,
    kind: 'page',
    sourceLocale: model.sourceLocale,
    model,
  }));
  return [...articles, ...pages];
}
