import type { Corpus, DocumentModel, Fact } from '../types.js';
import { date, validateReferences } from './references.js';
import { CURRENCY, FACT_ID, ID, type Report } from './values.js';

/**
 * One article: its facts, references, sections and what points into them (infobox, events,
 * corrections). Every id that is referenced exists; every reference is cited.
 */
export function validateDocument(
  corpus: Corpus,
  doc: DocumentModel,
  base: string,
  report: Report,
): void {
  validateFacts(corpus, doc.facts, base, report);
  validateReferences(corpus, doc, base, report);
  const paragraphKeys = validateSections(corpus, doc, base, report);
  validateCitedOnce(doc, base, report);
  validateInfobox(corpus, doc, base, report);
  validateEvents(corpus, doc, base, report);
  validateCorrections(doc, paragraphKeys, base, report);
}

/** Facts: camelCase ids (they are placeholder names), real dates, known units, ISO 4217 codes. */
export function validateFacts(
  corpus: Corpus,
  facts: Readonly<Record<string, Fact>>,
  base: string,
  report: Report,
): void {
  for (const [id, fact] of Object.entries(facts)) {
    const path = `${base}.facts.${id}`;
    if (!FACT_ID.test(id))
      report(path, `fact id "${id}" is not camelCase (it is a placeholder name)`);
    switch (fact.kind) {
      case 'date':
        date(`${path}.value`, fact.value, report);
        break;
      case 'quantity':
        if (!Number.isFinite(fact.value))
          report(`${path}.value`, 'quantity is not a finite number');
        if (!(fact.unit in corpus.units)) report(`${path}.unit`, `unknown unit "${fact.unit}"`);
        break;
      case 'money':
        if (!Number.isFinite(fact.amount))
          report(`${path}.amount`, 'amount is not a finite number');
        if (!CURRENCY.test(fact.currency)) {
          report(`${path}.currency`, `"${fact.currency}" is not an ISO 4217 code`);
        }
        break;
    }
  }
}

const entity = (corpus: Corpus, report: Report, path: string, id: string) => {
  if (!(id in corpus.entities)) report(path, `unknown entity "${id}"`);
};

/** Sections and paragraphs: kebab-case unique ids; what each paragraph carries exists. */
function validateSections(
  corpus: Corpus,
  doc: DocumentModel,
  base: string,
  report: Report,
): Set<string> {
  const sectionIds = new Set<string>();
  const paragraphKeys = new Set<string>();
  doc.sections.forEach((section, s) => {
    const sPath = `${base}.sections[${s}]`;
    if (!ID.test(section.id)) report(`${sPath}.id`, `section id "${section.id}" is not kebab-case`);
    if (sectionIds.has(section.id)) report(`${sPath}.id`, `duplicate section id "${section.id}"`);
    sectionIds.add(section.id);
    section.paragraphs.forEach((paragraph, p) => {
      const pPath = `${sPath}.paragraphs[${p}]`;
      const key = `${section.id}.${paragraph.id}`;
      if (paragraphKeys.has(key)) report(`${pPath}.id`, `duplicate paragraph "${key}"`);
      paragraphKeys.add(key);
      paragraph.carries.forEach((item, i) => {
        const iPath = `${pPath}.carries[${i}]`;
        if ('fact' in item && !(item.fact in doc.facts))
          report(iPath, `unknown fact "${item.fact}"`);
        if ('entity' in item) entity(corpus, report, iPath, item.entity);
        if ('cite' in item && !(item.cite in doc.references))
          report(iPath, `unknown reference "${item.cite}"`);
      });
    });
  });
  return paragraphKeys;
}

/** Every reference is cited by a paragraph; every bibliography entry by a reference. */
function validateCitedOnce(doc: DocumentModel, base: string, report: Report): void {
  const cited = new Set(
    doc.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.carries.flatMap((i) => ('cite' in i ? [i.cite] : []))),
    ),
  );
  for (const id of Object.keys(doc.references)) {
    if (!cited.has(id)) report(`${base}.references.${id}`, `reference "${id}" is never cited`);
  }
  const citedWorks = new Set(
    Object.values(doc.references).flatMap((r) => (r.cites === undefined ? [] : [r.cites])),
  );
  for (const id of Object.keys(doc.bibliography)) {
    if (!citedWorks.has(id)) {
      report(`${base}.bibliography.${id}`, `bibliography entry "${id}" is never cited`);
    }
  }
}

/** The infobox (optional): its parties are entities, its rows show facts of the document. */
function validateInfobox(corpus: Corpus, doc: DocumentModel, base: string, report: Report): void {
  if (doc.infobox === undefined) return;
  doc.infobox.parties?.forEach((id, i) =>
    entity(corpus, report, `${base}.infobox.parties[${i}]`, id),
  );
  doc.infobox.rows.forEach((row, r) =>
    row.facts.forEach((f, i) => {
      if (!(f in doc.facts))
        report(`${base}.infobox.rows[${r}].facts[${i}]`, `unknown fact "${f}"`);
    }),
  );
}

/** Events: a date fact, known facts, entities and references. */
function validateEvents(corpus: Corpus, doc: DocumentModel, base: string, report: Report): void {
  for (const [id, event] of Object.entries(doc.events)) {
    const path = `${base}.events.${id}`;
    const dateFact = doc.facts[event.date];
    if (dateFact === undefined) report(`${path}.date`, `unknown fact "${event.date}"`);
    else if (dateFact.kind !== 'date') report(`${path}.date`, `fact "${event.date}" is not a date`);
    event.facts?.forEach((f, i) => {
      if (!(f in doc.facts)) report(`${path}.facts[${i}]`, `unknown fact "${f}"`);
    });
    event.entities.forEach((e, i) => entity(corpus, report, `${path}.entities[${i}]`, e));
    event.references.forEach((r, i) => {
      if (!(r in doc.references)) report(`${path}.references[${i}]`, `unknown reference "${r}"`);
    });
  }
}

/** Corrections point at a paragraph or a reference of the document. */
function validateCorrections(
  doc: DocumentModel,
  paragraphKeys: ReadonlySet<string>,
  base: string,
  report: Report,
): void {
  for (const [id, correction] of Object.entries(doc.corrections)) {
    const path = `${base}.corrections.${id}`;
    const t = correction.target;
    if ('paragraph' in t && !paragraphKeys.has(t.paragraph)) {
      report(`${path}.target`, `unknown paragraph "${t.paragraph}"`);
    }
    if (
      'reference' in t &&
      !(t.reference in doc.references) &&
      !(t.reference in doc.bibliography)
    ) {
      report(`${path}.target`, `unknown reference "${t.reference}"`);
    }
  }
}
