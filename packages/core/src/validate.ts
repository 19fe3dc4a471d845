import { parseIsoDate, type ParsedDate } from './dates.js';
import type { Corpus, DocumentModel, LanguageText, Person, Reference } from './types.js';

export interface CorpusProblem {
  /** Where the problem is, as a path into the corpus: `documents.x.sections[2].paragraphs[0]`. */
  readonly path: string;
  readonly message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FACT_ID = /^[a-z][A-Za-z0-9]*$/;
const CURRENCY = /^[A-Z]{3}$/;
const TITLE_STATUSES: readonly string[] = ['original', 'unverified'];

let languageNames: Intl.DisplayNames | undefined;

/**
 * Why `tag` is not a usable BCP 47 language tag, or `undefined` when it is: it must be well-formed
 * (`Intl.getCanonicalLocales` accepts it), in canonical form (so that tags compare as strings:
 * `zh-Hans`, not `zh-hans`) and name a language Intl knows (not `english`, not `und`).
 */
export function languageTagProblem(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return `${JSON.stringify(tag)} is not a language tag (a string)`;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return `"${tag}" is not a BCP 47 language tag (e.g. "en", "uk", "zh-Hans")`;
  }
  if (canonical !== tag) return `"${tag}" is not in canonical form: write "${canonical}"`;
  // Node 20's Intl.Locale gives `und` no language at all (undefined), hence the `?? ''`.
  return knownLanguage(new Intl.Locale(tag).language ?? '')
    ? undefined
    : `"${tag}" names no known language (e.g. "en", "uk", "zh-Hans")`;
}

/** Whether Intl has a name for the language subtag (`und`, `root` and `qaa` have none). */
function knownLanguage(language: string): boolean {
  if (language === '' || language === 'und' || language === 'root') return false;
  languageNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(language) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Why `value` cannot be a source's address, or `undefined` when it can: an absolute `https:` URL
 * written in full, with a public host name, no user name or password and no unencoded whitespace.
 */
export function sourceUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `${JSON.stringify(value)} is not a URL (a string)`;
  if (/\s/.test(value)) return `"${value}" contains whitespace: percent-encode it (%20)`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL: write it in full, from https://`;
  }
  if (url.protocol !== 'https:') return `"${value}" is not an https URL: use https://`;
  if (!value.startsWith('https://'))
    return `"${value}" is not written in full: start it with https://`;
  if (url.username !== '' || url.password !== '') {
    return `"${value}" carries a user name or password: remove them`;
  }
  if (!url.hostname.includes('.')) return `"${value}" has no public host name`;
  return undefined;
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
 * Checks a corpus for internal consistency: every id that is referenced exists, every date is a
 * real calendar date, every reference is cited somewhere, ids have the documented shapes. Returns
 * the problems found (empty when the corpus is sound); it never throws on a well-typed corpus.
 */
export function validateCorpus(corpus: Corpus): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

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
    if (doc.id !== docKey) report(`${base}.id`, `document id "${doc.id}" differs from its key`);
    if (!ID.test(doc.id)) report(`${base}.id`, `document id "${doc.id}" is not kebab-case`);
    const tagProblem = languageTagProblem(doc.sourceLocale);
    if (tagProblem !== undefined) report(`${base}.sourceLocale`, tagProblem);
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

  const urls = new Map<string, string>();
  const checkReference = (path: string, ref: Reference, isBibliography: boolean) => {
    const tagProblem = languageTagProblem(ref.lang);
    if (tagProblem !== undefined) report(`${path}.lang`, tagProblem);
    date(`${path}.published`, ref.published);
    date(`${path}.accessed`, ref.accessed);
    date(`${path}.archived`, ref.archived);
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

/** A name or title with its language: not blank, no stray spaces, a usable language tag. */
function languageText(
  path: string,
  value: LanguageText,
  what: string,
  report: (path: string, message: string) => void,
): boolean {
  let sound = true;
  if (typeof value.text !== 'string' || value.text.trim() === '') {
    report(`${path}.text`, `${what} is empty`);
    sound = false;
  } else if (value.text.trim() !== value.text) {
    report(`${path}.text`, `${what} "${value.text}" has leading or trailing whitespace`);
  }
  const tagProblem = languageTagProblem(value.lang);
  if (tagProblem !== undefined) {
    report(`${path}.lang`, tagProblem);
    sound = false;
  }
  return sound;
}

function people(
  path: string,
  list: readonly Person[] | undefined,
  report: (path: string, message: string) => void,
): void {
  list?.forEach((p, i) => {
    if (typeof p.family !== 'string' || p.family.trim() === '') {
      report(`${path}[${i}].family`, 'family name is empty');
    }
    if (p.given !== undefined && (typeof p.given !== 'string' || p.given.trim() === '')) {
      report(`${path}[${i}].given`, 'given name is empty: leave it out instead');
    }
  });
}

/**
 * A reference's source data: whether its title is known (and then the title, in the source's
 * language, without outer quotation marks), its addresses, and the order of its dates.
 */
function checkSource(
  path: string,
  ref: Reference,
  langSound: boolean,
  report: (path: string, message: string) => void,
): void {
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
