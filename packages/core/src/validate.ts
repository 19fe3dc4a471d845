import { parseIsoDate } from './dates.js';
import type { Corpus, DocumentModel, Reference } from './types.js';

export interface CorpusProblem {
  /** Where the problem is, as a path into the corpus: `documents.x.sections[2].paragraphs[0]`. */
  readonly path: string;
  readonly message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FACT_ID = /^[a-z][A-Za-z0-9]*$/;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Checks a corpus for internal consistency: every id that is referenced exists, every date is a
 * real calendar date, every reference is cited somewhere, ids have the documented shapes. Returns
 * the problems found (empty when the corpus is sound); it never throws on a well-typed corpus.
 */
export function validateCorpus(corpus: Corpus): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  for (const id of Object.keys(corpus.entities)) {
    if (!ID.test(id)) report(`entities.${id}`, `entity id "${id}" is not kebab-case`);
    const qid = corpus.entities[id]?.wikidata;
    if (qid !== undefined && !/^Q[1-9]\d*$/.test(qid)) {
      report(`entities.${id}.wikidata`, `"${qid}" is not a Wikidata item id`);
    }
  }

  for (const [docKey, doc] of Object.entries(corpus.documents)) {
    const base = `documents.${docKey}`;
    if (doc.id !== docKey) report(`${base}.id`, `document id "${doc.id}" differs from its key`);
    if (!ID.test(doc.id)) report(`${base}.id`, `document id "${doc.id}" is not kebab-case`);
    if (!LANG.test(doc.sourceLocale)) {
      report(`${base}.sourceLocale`, `"${doc.sourceLocale}" is not a language tag`);
    }
    validateDocument(corpus, doc, base, report);
  }
  return problems;
}

function validateDocument(
  corpus: Corpus,
  doc: DocumentModel,
  base: string,
  report: (path: string, message: string) => void,
): void {
  const entity = (path: string, id: string) => {
    if (!(id in corpus.entities)) report(path, `unknown entity "${id}"`);
  };
  const date = (path: string, value: string | undefined) => {
    if (value !== undefined && parseIsoDate(value) === undefined) {
      report(path, `"${value}" is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
  };

  for (const [id, fact] of Object.entries(doc.facts)) {
    const path = `${base}.facts.${id}`;
    if (!FACT_ID.test(id))
      report(path, `fact id "${id}" is not camelCase (it is a placeholder name)`);
    switch (fact.kind) {
      case 'date':
        date(`${path}.value`, fact.value);
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

  const checkReference = (path: string, ref: Reference, isBibliography: boolean) => {
    if (!LANG.test(ref.lang)) report(`${path}.lang`, `"${ref.lang}" is not a language tag`);
    date(`${path}.published`, ref.published);
    date(`${path}.accessed`, ref.accessed);
    date(`${path}.archived`, ref.archived);
    if (ref.work !== undefined && !(ref.work in corpus.works)) {
      report(`${path}.work`, `unknown work "${ref.work}"`);
    }
    if (ref.kind === 'short') {
      if (isBibliography) report(path, 'a bibliography entry cannot be a short citation');
      if (ref.cites === undefined || !(ref.cites in doc.bibliography)) {
        report(
          `${path}.cites`,
          `short citation points at unknown bibliography entry "${ref.cites}"`,
        );
      }
      if (!ref.pages?.length) report(`${path}.pages`, 'short citation without pages');
    } else if (ref.cites !== undefined) {
      report(`${path}.cites`, 'only short citations cite a bibliography entry');
    }
  };
  for (const [id, ref] of Object.entries(doc.references)) {
    if (!ID.test(id)) report(`${base}.references.${id}`, `reference id "${id}" is not kebab-case`);
    checkReference(`${base}.references.${id}`, ref, false);
  }
  for (const [id, ref] of Object.entries(doc.bibliography)) {
    if (id in doc.references)
      report(`${base}.bibliography.${id}`, `id "${id}" is also a reference`);
    checkReference(`${base}.bibliography.${id}`, ref, true);
  }

  const cited = new Set<string>();
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
        if ('entity' in item) entity(iPath, item.entity);
        if ('cite' in item) {
          if (!(item.cite in doc.references)) report(iPath, `unknown reference "${item.cite}"`);
          cited.add(item.cite);
        }
      });
    });
  });
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

  doc.infobox.parties.forEach((id, i) => entity(`${base}.infobox.parties[${i}]`, id));
  doc.infobox.rows.forEach((row, r) =>
    row.facts.forEach((f, i) => {
      if (!(f in doc.facts))
        report(`${base}.infobox.rows[${r}].facts[${i}]`, `unknown fact "${f}"`);
    }),
  );

  for (const [id, event] of Object.entries(doc.events)) {
    const path = `${base}.events.${id}`;
    const dateFact = doc.facts[event.date];
    if (dateFact === undefined) report(`${path}.date`, `unknown fact "${event.date}"`);
    else if (dateFact.kind !== 'date') report(`${path}.date`, `fact "${event.date}" is not a date`);
    event.facts?.forEach((f, i) => {
      if (!(f in doc.facts)) report(`${path}.facts[${i}]`, `unknown fact "${f}"`);
    });
    event.entities.forEach((e, i) => entity(`${path}.entities[${i}]`, e));
    event.references.forEach((r, i) => {
      if (!(r in doc.references)) report(`${path}.references[${i}]`, `unknown reference "${r}"`);
    });
  }

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
