import type { DocumentModel, Paragraph, Section } from './types.js';

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
