/**
 * Where a document's texts live in its namespace: the one description of the locale-file key
 * layout that the checks, the renderer and the schema writer share. A document's namespace holds
 *
 * - `meta.title`, `meta.description`
 * - `infobox.<row>` for each infobox row
 * - `sections.<section>.title` (sections below the top level) and `sections.<section>.<paragraph>`
 * - `references.<id>` for each full reference and bibliography entry (short citations have none)
 * - `events.<id>` for each timeline event
 * - `corrections.intro` and `corrections.items.<id>` when the document declares corrections
 *
 * and the `terms` namespace holds `entities.<id>.label`, `works.<id>` and `units.<id>` (a plural
 * family). Pure functions over the core's types; nothing here reads files.
 */
import type { DocumentModel } from '@bilateral/core';

/** The namespace of entity labels, work names and unit phrases. */
export const TERMS_NS = 'terms';

export const documentKeys = {
  title: 'meta.title',
  description: 'meta.description',
  infoboxRow: (row: string) => `infobox.${row}`,
  sectionTitle: (section: string) => `sections.${section}.title`,
  paragraph: (section: string, paragraph: string) => `sections.${section}.${paragraph}`,
  reference: (id: string) => `references.${id}`,
  event: (id: string) => `events.${id}`,
  correctionsIntro: 'corrections.intro',
  correction: (id: string) => `corrections.items.${id}`,
} as const;

export const termKeys = {
  entityLabel: (id: string) => `entities.${id}.label`,
  work: (id: string) => `works.${id}`,
  unit: (id: string) => `units.${id}`,
} as const;

/** Key prefixes under which every key must be declared by the core (the rest is free). */
export const GOVERNED_KEYS = {
  document: /^(sections|references|events|infobox|corrections\.items)\./,
  terms: /^(entities\.[^.]+\.label|works|units)(\.|$)/,
} as const;

/** One text a document declares: its key and what it is, for messages ("paragraph history.p1"). */
export interface DocumentText {
  readonly key: string;
  readonly what: string;
}

/** Every text a document declares, in document order. */
export function* documentTexts(doc: DocumentModel): Generator<DocumentText> {
  yield { key: documentKeys.title, what: `the title of ${doc.id}` };
  yield { key: documentKeys.description, what: `the description of ${doc.id}` };
  for (const row of doc.infobox?.rows ?? [])
    yield { key: documentKeys.infoboxRow(row.id), what: `infobox row ${row.id}` };
  for (const section of doc.sections) {
    if (section.level > 0)
      yield {
        key: documentKeys.sectionTitle(section.id),
        what: `the title of section ${section.id}`,
      };
    for (const p of section.paragraphs)
      yield {
        key: documentKeys.paragraph(section.id, p.id),
        what: `paragraph ${section.id}.${p.id}`,
      };
  }
  // Short citations ("Wertz, Oh & Kim 2016, pp. 7, 9") have no title of their own.
  for (const [id, ref] of Object.entries(doc.references)) {
    if (ref.kind !== 'short')
      yield { key: documentKeys.reference(id), what: `the title of reference ${id}` };
  }
  for (const id of Object.keys(doc.bibliography))
    yield { key: documentKeys.reference(id), what: `the title of bibliography entry ${id}` };
  for (const id of Object.keys(doc.events))
    yield { key: documentKeys.event(id), what: `event ${id}` };
  const corrections = Object.keys(doc.corrections);
  if (corrections.length > 0)
    yield { key: documentKeys.correctionsIntro, what: 'the introduction to the corrections' };
  for (const id of corrections)
    yield { key: documentKeys.correction(id), what: `correction ${id}` };
}
