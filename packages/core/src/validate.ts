import type { Corpus, PageModel } from './types.js';
import { validateDocument, validateFacts } from './validate/document.js';
import {
  ID,
  languageTagProblem,
  languageText,
  type CorpusProblem,
  type Report,
} from './validate/values.js';

export { languageTagProblem, sourceUrlProblem, type CorpusProblem } from './validate/values.js';

/**
 * Checks a corpus for internal consistency: every id that is referenced exists, every date is a
 * real calendar date, every reference is cited somewhere, ids have the documented shapes. Returns
 * the problems found (empty when the corpus is sound); it never throws on a well-typed corpus.
 */
export function validateCorpus(corpus: Corpus): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });

  for (const [id, work] of Object.entries(corpus.works)) {
    if (work.name !== undefined) languageText(`works.${id}.name`, work.name, 'name', report);
  }

  for (const id of Object.keys(corpus.entities)) {
    if (!ID.test(id)) report(`entities.${id}`, `entity id "${id}" is not kebab-case`);
    const qid = corpus.entities[id]?.wikidata;
    if (qid !== undefined && !/^Q[1-9]\d*$/.test(qid)) {
      report(`entities.${id}.wikidata`, `"${qid}" is not a Wikidata item id`);
    }
  }

  for (const [docKey, doc] of Object.entries(corpus.documents)) {
    const base = `documents.${docKey}`;
    documentHeader(docKey, doc, base, report);
    if (doc.kind !== undefined && doc.kind !== 'article') {
      report(
        `${base}.kind`,
        `"${String(doc.kind)}" is not a kind of article: leave kind out or write "article"`,
      );
    }
    validateDocument(corpus, doc, base, report);
  }
  for (const [pageKey, page] of Object.entries(corpus.pages ?? {})) {
    const base = `pages.${pageKey}`;
    documentHeader(pageKey, page, base, report);
    if (page.kind !== 'page') report(`${base}.kind`, 'a page has kind "page"');
    if (pageKey in corpus.documents) report(`${base}.id`, `"${pageKey}" is also an article's id`);
    if (page.facts !== undefined) validateFacts(corpus, page.facts, base, report);
  }
  return problems;
}

/** What every document has: an id matching its key, in kebab-case, and a source language. */
function documentHeader(
  key: string,
  doc: { readonly id: string; readonly sourceLocale: string } | PageModel,
  base: string,
  report: Report,
): void {
  if (doc.id !== key) report(`${base}.id`, `document id "${doc.id}" differs from its key`);
  if (!ID.test(doc.id)) report(`${base}.id`, `document id "${doc.id}" is not kebab-case`);
  const tagProblem = languageTagProblem(doc.sourceLocale);
  if (tagProblem !== undefined) report(`${base}.sourceLocale`, tagProblem);
}
