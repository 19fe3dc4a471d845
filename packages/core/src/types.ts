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

/** A newspaper, agency, ministry or other publisher named in citations. */
export interface Work {
  readonly wikidata?: string;
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
  /** The title as the source published it. */
  readonly text: string;
  readonly lang: LanguageTag;
}

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
  readonly accessed?: IsoDate;
  readonly archived?: IsoDate;
  /** The source is a PDF (shown as in Wikipedia: "(PDF)"). */
  readonly format?: 'pdf';
  /**
   * The original title, only where it was verified against the source. Otherwise locales give a
   * translation of the title and the renderer marks it as translated.
   */
  readonly originalTitle?: ReferenceTitle;
  /** For `short` citations: the bibliography entry cited and the pages. */
  readonly cites?: string;
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

export interface DocumentModel {
  readonly id: string;
  /** The locale the text was first written in; translations are checked against it. */
  readonly sourceLocale: LanguageTag;
  /** The i18next namespace of the document's text in every locale. */
  readonly namespace: string;
  /** Entities the infobox shows side by side (the two countries of a bilateral relation). */
  readonly infobox: { readonly parties: readonly string[]; readonly rows: readonly InfoboxRow[] };
  readonly facts: Readonly<Record<string, Fact>>;
  readonly references: Readonly<Record<string, Reference>>;
  /** Works listed under "Bibliography", cited by `short` references. */
  readonly bibliography: Readonly<Record<string, Reference>>;
  readonly events: Readonly<Record<string, Event>>;
  readonly corrections: Readonly<Record<string, Correction>>;
  readonly sections: readonly Section[];
}

export interface Corpus {
  readonly entities: Readonly<Record<string, Entity>>;
  readonly units: Readonly<Record<string, Unit>>;
  readonly works: Readonly<Record<string, Work>>;
  readonly documents: Readonly<Record<string, DocumentModel>>;
}
