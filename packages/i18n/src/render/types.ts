import type { Corpus, Fact, TitleStatus } from '@bilateral/core';
import type { FormatOptions } from '../intl/facts.js';
import type { MarkPair } from '../intl/style.js';
import type { TextState } from '../files/lock-state.js';
import type { Resources } from '../model/types.js';

/** What the renderer returns: the public shapes of `createRenderer` and `renderDocument`. */

export interface RendererOptions {
  readonly corpus: Corpus;
  readonly resources: Resources;
  /** The language to render. */
  readonly locale: string;
  /**
   * Languages to try, in order, when a key is missing in `locale` (e.g. `['en', 'ja']` for `uk`).
   * The substituted text is marked with its own `lang` and `fallback: true`. Empty by default: a
   * missing key is then a problem and renders as an empty, visibly marked span.
   */
  readonly fallback?: readonly string[];
  /** The project's source language (what `copied` texts are in). */
  readonly sourceLocale?: string;
  /**
   * What the locale's lock file says about its texts, by `namespace:key` (see `lockStates`):
   * `stale` texts are marked `stale`; `copied` ones (the source text `sync` copied) are marked
   * `copied`, with `lang` the source language.
   */
  readonly states?: ReadonlyMap<string, TextState>;
}

/** A piece of text as rendered, with the language it is actually in. */
export interface RenderedText {
  readonly key: string;
  readonly html: string;
  readonly text: string;
  readonly lang: string;
  /** The text came from a fallback language, not from the requested one. */
  readonly fallback: boolean;
  /** The key exists in no language of the chain. */
  readonly missing: boolean;
  /** The source text changed since this translation was accepted (published with a notice). */
  readonly stale?: boolean;
  /** Still the source text `sync` copied (not translated yet): `lang` is the source language. */
  readonly copied?: boolean;
}

/**
 * What a page should tell readers about its texts (each list in order of first use, without
 * repeats): the site shows one notice per kind, in the page's language, and links stale and
 * copied texts to the source-language page.
 */
export interface RenderedNotices {
  /** The language the translations are made from. */
  readonly sourceLocale: string | undefined;
  /** Texts whose source changed since the translation was reviewed (`namespace:key`). */
  readonly stale: readonly string[];
  /** Texts missing in the page's language, shown from the fallback chain, with their language. */
  readonly fallback: readonly { readonly key: string; readonly lang: string }[];
  /** Texts not translated yet: the source text `sync` copied (`namespace:key`). */
  readonly copied: readonly string[];
  /** Texts missing in every language of the chain. */
  readonly missing: readonly string[];
}

export interface RenderedParagraph extends RenderedText {
  readonly id: string;
}

export interface RenderedSection {
  readonly id: string;
  readonly level: number;
  readonly title: RenderedText | undefined;
  readonly paragraphs: readonly RenderedParagraph[];
}

export interface RenderedBacklink {
  readonly anchor: string;
  /** The locale's backlink mark (`^`, `↑`) for a note cited once; a letter (`a`, `б`) otherwise. */
  readonly label: string;
}

export interface RenderedReference {
  readonly id: string;
  /** Footnote number (1-based, order of first citation); 0 for bibliography entries. */
  readonly number: number;
  /** Anchor id of the list entry. */
  readonly anchor: string;
  /** Anchor ids of the markers in the text that cite it, in order; empty for the bibliography. */
  readonly backlinks: readonly RenderedBacklink[];
  readonly html: string;
  readonly text: string;
  /**
   * Whether the source's title is known as published (`original`: shown in its own language) or
   * not (`unverified`: a bracketed translation is shown); undefined for a short citation.
   */
  readonly titleStatus: TitleStatus | undefined;
  /** Where readers find the source (the title links to it), when the core gives it. */
  readonly url: string | undefined;
  /** An archived copy of the source, when the core gives it. */
  readonly archiveUrl: string | undefined;
}

export interface RenderProblem {
  readonly key: string;
  readonly message: string;
}

/** The page locale's citation typography, for templates that set their own markup. */
export interface RenderedStyle {
  /** The backlink mark before a reference cited once or several times (`^`, `↑`). */
  readonly backlink: string;
  /** Quotation marks around a title, and inside one. */
  readonly quotes: MarkPair;
  readonly innerQuotes: MarkPair;
  /** The colon between a label and its text (`: `, ja `：`), as in "History: …". */
  readonly colon: string;
}

export interface RenderedCorrection {
  readonly id: string;
  readonly note: RenderedText;
  /** Where it applies: an in-page anchor and a label ("[11]" or a section title). */
  readonly target: { readonly href: string; readonly label: string };
}

export interface RenderedEvent {
  readonly id: string;
  readonly date: string;
  /** Machine-readable date for `<time datetime>`. */
  readonly iso: string;
  readonly description: RenderedText;
  readonly references: readonly number[];
}

export interface RenderedInfobox {
  readonly caption: RenderedText;
  readonly parties: readonly { readonly id: string; readonly label: RenderedText }[];
  readonly rows: readonly {
    readonly id: string;
    readonly label: RenderedText;
    readonly html: string;
    readonly text: string;
  }[];
}

export interface RenderedDocument {
  readonly id: string;
  readonly locale: string;
  readonly title: RenderedText;
  readonly description: RenderedText;
  readonly infobox: RenderedInfobox;
  readonly sections: readonly RenderedSection[];
  readonly references: readonly RenderedReference[];
  readonly bibliography: readonly RenderedReference[];
  /**
   * Editorial notes on what the base text got wrong. They belong at the end of the article,
   * reached from a link there (the renderer's outputs put them in a collapsed block), not in a
   * section of their own.
   */
  readonly corrections: {
    readonly intro: RenderedText;
    readonly items: readonly RenderedCorrection[];
  };
  readonly events: readonly RenderedEvent[];
  /** The page locale's citation typography (from its `style` namespace). */
  readonly style: RenderedStyle;
  /** Missing keys and other problems met while rendering (the checks report them in detail). */
  readonly problems: readonly RenderProblem[];
  /** What the page should say about stale, fallback and untranslated texts (see the type). */
  readonly notices?: RenderedNotices;
}

export interface Renderer {
  readonly locale: string;
  /** Renders a whole document. Deterministic: the same input gives the same output, byte for byte. */
  renderDocument(documentId: string): RenderedDocument;
  /** Translates a UI string (namespace `ui`) with the fallback chain, as plain text. */
  ui(key: string, values?: Record<string, unknown>): RenderedText;
  /** Formats a fact for this locale. */
  formatFact(fact: Fact, options?: FormatOptions): string;
}
