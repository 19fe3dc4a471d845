/**
 * The language-neutral content model. Nothing in here is prose in any language: text lives in the
 * locale packages, keyed by the ids declared here.
 */

/** A BCP 47 language tag, e.g. `ja`, `en`, `uk`, `ko`, `zh`, `ru`. */
export type LanguageTag = string;

/** ISO 8601 calendar date at day, month or year precision: `1992-01-09`, `2022-07`, `1998`. */
export type IsoDate = string;

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateFact {
  readonly kind: 'date';
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; the precision follows from the form. */
  readonly value: IsoDate;
}

export interface QuantityFact {
  readonly kind: 'quantity';
  readonly value: number;
  /** Id of a unit in {@link Corpus.units}; its plural phrases live in each locale. */
  readonly unit: string;
}

export interface MoneyFact {
  readonly kind: 'money';
  readonly amount: number;
  /** ISO 4217 currency code. */
  readonly currency: string;
}

export type Fact = DateFact | QuantityFact | MoneyFact;
export type FactKind = Fact['kind'];

export type EntityKind =
  'country' | 'state' | 'region' | 'city' | 'organization' | 'person' | 'substance' | 'concept';

export interface Entity {
  readonly kind: EntityKind;
  /** Wikidata item id, only where it is certain. */
  readonly wikidata?: string;
}

/** A text in a known language: `lang` is what a renderer puts in the `lang` attribute around it. */
export interface LanguageText {
  readonly text: string;
  /** BCP 47 tag in canonical form (`en`, `ru`, `uk`, `zh-Hans`). */
  readonly lang: LanguageTag;
}

/** A newspaper, agency, ministry or other publisher named in citations. */
export interface Work {
  readonly wikidata?: string;
  /**
   * The name as the publisher writes it, in its own language and script (`中青在线`, `zh-Hans`;
   * `Радіо Свобода`, `uk`; `Reuters`, `en`). Each locale still labels the work under
   * `works.<id>`; this is the original a renderer can show or tag with its `lang` where a locale
   * keeps the name untranslated.
   */
  readonly name?: LanguageText;
}

export interface Unit {
  /** Wikidata item for the thing counted, where one is certain. */
  readonly wikidata?: string;
}

export interface Person {
  readonly family: string;
  readonly given?: string;
}

export type ReferenceKind = 'web' | 'news' | 'report' | 'short';

export interface ReferenceTitle {
  /**
   * The title as the source published it, character for character, without the quotation marks
   * a citation style puts around it (each locale quotes titles in its own way).
   */
  readonly text: string;
  /** BCP 47 tag of the title's language (canonical form: `en`, `ru`, `uk`, `zh-Hans`). */
  readonly lang: LanguageTag;
}

/**
 * Whether a reference's title is known as the source published it:
 *
 * - `original`: the title is known in its own language and is in {@link Reference.originalTitle};
 *   every locale shows it as published (tagged with its `lang`), followed, where the reader's
 *   language differs, by the locale's translation in square brackets.
 * - `unverified`: the original title was searched for and not found. No locale may present a
 *   title as if it were the published one: each shows its translation of the seed's title in
 *   square brackets, not in quotation marks, with a localised note that the original title was
 *   not verified. Such a reference has no `originalTitle`.
 */
export type TitleStatus = 'original' | 'unverified';

export interface Reference {
  readonly kind: ReferenceKind;
  /** Authors in citation order. */
  readonly authors?: readonly Person[];
  /** Editors in citation order. */
  readonly editors?: readonly Person[];
  /** Id of a work/publisher in {@link Corpus.works}; each locale labels it under `works.<id>`. */
  readonly work?: string;
  /** Language the source was published in. */
  readonly lang: LanguageTag;
  /** Publication date, at the precision the source gives. */
  readonly published?: IsoDate;
  /** When the source was read (CS1 `access-date`); never before `published`. */
  readonly accessed?: IsoDate;
  /**
   * When the archived copy was made (CS1 `archive-date`), whether or not its address
   * ({@link archiveUrl}) is known; never before `published`.
   */
  readonly archived?: IsoDate;
  /** The source is a PDF (shown as in Wikipedia: "(PDF)"). */
  readonly format?: 'pdf';
  /**
   * Where readers find the source: an absolute `https:` URL, given only where the address was
   * seen on the publisher's page. Never guessed: without one, the reference has no link.
   */
  readonly url?: string;
  /** An archived copy of the source (absolute `https:` URL); requires {@link archived}. */
  readonly archiveUrl?: string;
  /**
   * Whether the original title is known (see {@link TitleStatus}). Every reference except a
   * `short` citation declares it (`validateCorpus` requires it); where a corpus predates it,
   * `titleStatusOf()` derives it from `originalTitle`.
   */
  readonly titleStatus?: TitleStatus;
  /**
   * The title as the source published it, in its own language: present exactly when
   * `titleStatus` is `original`. An `unverified` reference has none; locales then give a
   * translation, which is never presented as the published title.
   */
  readonly originalTitle?: ReferenceTitle;
  /** For `short` citations: the bibliography entry cited and the pages. */
  readonly cites?: string;
  readonly pages?: readonly string[];
}

/** A reference's title as a renderer needs it: the published title, or the fact that none is known. */
export type SourceTitle =
  ({ readonly status: 'original' } & ReferenceTitle) | { readonly status: 'unverified' };

/**
 * What a reader needs to find and check one source, resolved from the core
 * (`referenceSource()`): the reference's own data, its work's name, and for a `short` citation
 * the bibliography entry it points at. Dates use the reference's field names.
 */
export interface ReferenceSource {
  /** The reference or bibliography entry the data comes from (for a short citation: the entry cited). */
  readonly id: string;
  readonly kind: ReferenceKind;
  /** Language the source was published in. */
  readonly lang: LanguageTag;
  readonly title: SourceTitle;
  /** Authors in citation order (empty when the source names none). */
  readonly authors: readonly Person[];
  readonly editors: readonly Person[];
  /** The work/publisher: its id (locales label it under `works.<id>`) and its own name, if known. */
  readonly work?: { readonly id: string; readonly name?: LanguageText };
  readonly published?: IsoDate;
  readonly accessed?: IsoDate;
  readonly archived?: IsoDate;
  readonly url?: string;
  readonly archiveUrl?: string;
  readonly format?: 'pdf';
  /** For a short citation: the pages cited in the bibliography entry. */
  readonly pages?: readonly string[];
}

/** One place where the published text departs from the seed, with the reason in each locale. */
export interface Correction {
  /** What the correction touches: a paragraph (`section.paragraph`) or a reference id. */
  readonly target: { readonly paragraph: string } | { readonly reference: string };
}

export interface Event {
  /** Id of a date fact. */
  readonly date: string;
  readonly facts?: readonly string[];
  readonly entities: readonly string[];
  readonly references: readonly string[];
}

/** An inline item a paragraph carries, in reading order. */
export type Inline =
  | { readonly fact: string }
  | { readonly entity: string }
  | { readonly cite: string }
  | { readonly dubious: true };

export interface Paragraph {
  readonly id: string;
  /**
   * Everything the paragraph carries, in source order: facts, entities, citations and
   * "dubious – discuss" markers. Translations may reorder where grammar demands, but must carry
   * the same multiset.
   */
  readonly carries: readonly Inline[];
}

export interface Section {
  /** Stable across languages: used as the HTML anchor (`#trade` in every language). */
  readonly id: string;
  /** Heading level relative to the article (1 = top-level section). The lead has level 0. */
  readonly level: 0 | 1 | 2;
  readonly paragraphs: readonly Paragraph[];
}

export interface InfoboxRow {
  readonly id: string;
  readonly facts: readonly string[];
}

/**
 * A structured, fact-bearing article: its text lives in one i18next namespace per language
 * (`locales/{lng}/<namespace>.json`), keyed by the sections and paragraphs listed here.
 */
export interface DocumentModel {
  /** `article` (the default): a document whose structure, facts and references the core holds. */
  readonly kind?: 'article';
  readonly id: string;
  /** The locale the text was first written in; translations are checked against it. */
  readonly sourceLocale: LanguageTag;
  /** The i18next namespace of the document's text in every locale. */
  readonly namespace: string;
  /**
   * The infobox, when the article has one: the entities it shows side by side (the two countries
   * of a bilateral relation), when there are any, and rows of facts.
   */
  readonly infobox?: { readonly parties?: readonly string[]; readonly rows: readonly InfoboxRow[] };
  readonly facts: Readonly<Record<string, Fact>>;
  readonly references: Readonly<Record<string, Reference>>;
  /** Works listed under "Bibliography", cited by `short` references. */
  readonly bibliography: Readonly<Record<string, Reference>>;
  readonly events: Readonly<Record<string, Event>>;
  readonly corrections: Readonly<Record<string, Correction>>;
  readonly sections: readonly Section[];
}

/**
 * A prose page (`About this edition`): written per language in Markdown with front matter
 * (`pages/{lng}/<id>.md` by default), translated from the source language's page as a whole.
 * The core lists it so that every language must have it; its text is not in the core.
 */
export interface PageModel {
  readonly kind: 'page';
  readonly id: string;
  /** The locale the page was first written in; translations are checked against it. */
  readonly sourceLocale: LanguageTag;
  /** Facts the page's text shows through placeholders (`{{founded, date}}`), when it has any. */
  readonly facts?: Readonly<Record<string, Fact>>;
}

/** Every kind of document, as {@link documentsOf} lists them. */
export type AnyDocument = DocumentModel | PageModel;
export type DocumentKind = 'article' | 'page';

export interface Corpus {
  readonly entities: Readonly<Record<string, Entity>>;
  readonly units: Readonly<Record<string, Unit>>;
  readonly works: Readonly<Record<string, Work>>;
  /** The articles, by id. */
  readonly documents: Readonly<Record<string, DocumentModel>>;
  /** The prose pages, by id (none when absent). */
  readonly pages?: Readonly<Record<string, PageModel>>;
}
