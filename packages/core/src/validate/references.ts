import { parseIsoDate, type ParsedDate } from '../dates.js';
import type { Corpus, DocumentModel, Reference } from '../types.js';
import {
  ID,
  TITLE_STATUSES,
  languageTagProblem,
  languageText,
  people,
  sourceUrlProblem,
  type Report,
} from './values.js';

/**
 * A document's references and bibliography: languages, dates, works, people, source data, each
 * address used once, short citations pointing at a bibliography entry.
 */
export function validateReferences(
  corpus: Corpus,
  doc: DocumentModel,
  base: string,
  report: Report,
): void {
  const urls = new Map<string, string>();
  const check = (path: string, ref: Reference, isBibliography: boolean) => {
    const tagProblem = languageTagProblem(ref.lang);
    if (tagProblem !== undefined) report(`${path}.lang`, tagProblem);
    for (const field of ['published', 'accessed', 'archived'] as const) {
      date(`${path}.${field}`, ref[field], report);
    }
    if (ref.work !== undefined && !(ref.work in corpus.works)) {
      report(`${path}.work`, `unknown work "${ref.work}"`);
    }
    people(`${path}.authors`, ref.authors, report);
    people(`${path}.editors`, ref.editors, report);
    checkSource(path, ref, tagProblem === undefined, report);
    for (const field of ['url', 'archiveUrl'] as const) {
      const value = ref[field];
      if (typeof value !== 'string') continue;
      const other = urls.get(value);
      if (other !== undefined)
        report(`${path}.${field}`, `"${value}" is also the address in ${other}`);
      else urls.set(value, `${path.slice(base.length + 1)}.${field}`);
    }
    shortCitation(doc, path, ref, isBibliography, report);
  };
  for (const [id, ref] of Object.entries(doc.references)) {
    if (!ID.test(id)) report(`${base}.references.${id}`, `reference id "${id}" is not kebab-case`);
    check(`${base}.references.${id}`, ref, false);
  }
  for (const [id, ref] of Object.entries(doc.bibliography)) {
    if (id in doc.references)
      report(`${base}.bibliography.${id}`, `id "${id}" is also a reference`);
    check(`${base}.bibliography.${id}`, ref, true);
  }
}

/** A date field: a real calendar date (YYYY, YYYY-MM or YYYY-MM-DD) when given. */
export function date(path: string, value: string | undefined, report: Report): void {
  if (value !== undefined && parseIsoDate(value) === undefined) {
    report(path, `"${value}" is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
}

/** A short citation cites a bibliography entry, with pages; no other reference cites one. */
function shortCitation(
  doc: DocumentModel,
  path: string,
  ref: Reference,
  isBibliography: boolean,
  report: Report,
): void {
  if (ref.kind === 'short') {
    if (isBibliography) report(path, 'a bibliography entry cannot be a short citation');
    if (ref.cites === undefined || !(ref.cites in doc.bibliography)) {
      report(`${path}.cites`, `short citation points at unknown bibliography entry "${ref.cites}"`);
    }
    if (!ref.pages?.length) report(`${path}.pages`, 'short citation without pages');
  } else if (ref.cites !== undefined) {
    report(`${path}.cites`, 'only short citations cite a bibliography entry');
  }
}

/** True when `a` is strictly before `b` at the precision both give (`2022-07` is not before `2022-07-14`). */
function isBefore(a: ParsedDate, b: ParsedDate): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.month === undefined || b.month === undefined || a.month !== b.month) {
    return a.month !== undefined && b.month !== undefined && a.month < b.month;
  }
  return a.day !== undefined && b.day !== undefined && a.day < b.day;
}

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['«', '»'],
  ['»', '«'],
  ['“', '”'],
  ['„', '“'],
  ['”', '”'],
  ['"', '"'],
  ['‘', '’'],
  ['‹', '›'],
  ['「', '」'],
  ['『', '』'],
];

/** The quotation marks wrapping the whole of `text` (`«…»`), if any. */
function outerQuotes(text: string): string | undefined {
  const chars = [...text];
  if (chars.length < 2) return undefined;
  const first = chars[0];
  const last = chars.at(-1);
  for (const [open, close] of QUOTES) {
    if (first === open && last === close && !chars.slice(1, -1).includes(close)) {
      return `${open}…${close}`;
    }
  }
  return undefined;
}

/**
 * A reference's source data: whether its title is known (and then the title, in the source's
 * language, without outer quotation marks), its addresses, and the order of its dates.
 */
function checkSource(path: string, ref: Reference, langSound: boolean, report: Report): void {
  titleStatus(path, ref, report);
  originalTitle(path, ref, langSound, report);
  addresses(path, ref, report);
  dateOrder(path, ref, report);
}

/** Whether the reference's original title is known, said consistently (not by a short citation). */
function titleStatus(path: string, ref: Reference, report: Report): void {
  if (ref.kind === 'short') {
    for (const field of ['titleStatus', 'originalTitle', 'url', 'archiveUrl'] as const) {
      if (ref[field] !== undefined) {
        report(
          `${path}.${field}`,
          `a short citation has no ${field} of its own: it belongs to the bibliography entry "${ref.cites}"`,
        );
      }
    }
  } else if (ref.titleStatus === undefined) {
    report(
      `${path}.titleStatus`,
      'the reference does not say whether its original title is known: set titleStatus to "original" (with originalTitle) or "unverified"',
    );
  } else if (!TITLE_STATUSES.includes(ref.titleStatus)) {
    report(
      `${path}.titleStatus`,
      `"${String(ref.titleStatus)}" is not a title status: use "original" or "unverified"`,
    );
  } else if (ref.titleStatus === 'original' && ref.originalTitle === undefined) {
    report(
      `${path}.originalTitle`,
      'titleStatus is "original" but there is no originalTitle: add the title as published, or set titleStatus to "unverified"',
    );
  } else if (ref.titleStatus === 'unverified' && ref.originalTitle !== undefined) {
    report(
      `${path}.originalTitle`,
      'an unverified title has no originalTitle: remove it, or set titleStatus to "original" if the title is known as published',
    );
  }
}

/** The original title: in the source's language, without outer quotation marks. */
function originalTitle(path: string, ref: Reference, langSound: boolean, report: Report): void {
  const title = ref.originalTitle;
  if (title !== undefined && ref.kind !== 'short') {
    const sound = languageText(`${path}.originalTitle`, title, 'the original title', report);
    const quotes = sound ? outerQuotes(title.text) : undefined;
    if (quotes !== undefined) {
      report(
        `${path}.originalTitle.text`,
        `the original title is wrapped in ${quotes}: store it without the outer quotation marks (each locale quotes titles its own way)`,
      );
    }
    if (sound && langSound) {
      const titleLanguage = new Intl.Locale(title.lang).language;
      const sourceLanguage = new Intl.Locale(ref.lang).language;
      if (titleLanguage !== sourceLanguage) {
        report(
          `${path}.originalTitle.lang`,
          `the original title is tagged "${title.lang}" but the source is in "${ref.lang}": an original title is in the language the source was published in`,
        );
      }
    }
  }
}

/** The addresses: https URLs written in full; an archived copy with its date. */
function addresses(path: string, ref: Reference, report: Report): void {
  for (const field of ['url', 'archiveUrl'] as const) {
    const value = ref[field];
    if (value === undefined) continue;
    const problem = sourceUrlProblem(value);
    if (problem !== undefined) report(`${path}.${field}`, problem);
  }
  if (ref.archiveUrl !== undefined) {
    if (ref.archived === undefined) {
      report(
        `${path}.archived`,
        'an archived copy (archiveUrl) needs the date it was archived: add archived (YYYY-MM-DD)',
      );
    }
    if (ref.archiveUrl === ref.url) {
      report(`${path}.archiveUrl`, 'archiveUrl is the same address as url: give the archived copy');
    }
  }
}

/** A source is neither read nor archived before it was published. */
function dateOrder(path: string, ref: Reference, report: Report): void {
  const published = ref.published === undefined ? undefined : parseIsoDate(ref.published);
  if (published !== undefined) {
    for (const [field, label] of [
      ['archived', 'archived'],
      ['accessed', 'read'],
    ] as const) {
      const value = ref[field];
      const parsed = value === undefined ? undefined : parseIsoDate(value);
      if (parsed !== undefined && isBefore(parsed, published)) {
        report(
          `${path}.${field}`,
          `${field} "${value}" is before the publication date "${ref.published}": a source cannot be ${label} before it was published`,
        );
      }
    }
  }
}
