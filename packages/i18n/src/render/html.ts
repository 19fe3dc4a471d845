import { escapeHtml } from './markup.js';

/**
 * Every piece of markup the renderer writes around translated text, and every class name and
 * anchor id in it: the contract between the renderer and the site's templates and stylesheet
 * (`apps/site/src/assets/site.css` styles these classes; templates link to these anchors). Change
 * a name here only together with the site. The README lists the same contract for other sites.
 *
 * All arguments named `html` are already-safe HTML; everything else is escaped here.
 */

/** Class names the renderer emits. */
export const CLASS = {
  /** `<sup>` around a footnote marker `[n]` in the text. */
  reference: 'reference',
  /** `<sup>` around a "dubious – discuss" marker. */
  dubious: 'dubious',
  /** The bracketed translation of a title, after the original or alone. */
  transTitle: 'trans-title',
  /** The note that a title's original was not verified ("(original title not verified)"). */
  transMark: 'trans-mark',
  /** A publication's name (`<i>` when the locale sets names in italics and the script allows it). */
  work: 'work',
  /** A link to a source or its archived copy. */
  external: 'external',
  /** Text shown from a fallback language (development builds). */
  fallback: 'fallback',
  /** The list of footnotes, the bibliography, and the editorial notes and their list. */
  references: 'references',
  backlinks: 'backlinks',
  bibliography: 'bibliography',
  editorialNotes: 'editorial-notes',
  corrections: 'corrections',
} as const;

/** Anchor ids: footnote markers, footnotes, bibliography entries and editorial notes. */
export const ANCHOR = {
  /** The k-th marker (1-based) citing reference `id` in the text. */
  citeRef: (id: string, k: number) => `cite-ref-${id}-${k}`,
  note: (id: string) => `cite-note-${id}`,
  bibliography: (id: string) => `bib-${id}`,
  correction: (id: string) => `correction-${id}`,
  /** The block of editorial notes; the headings of the other lists. */
  corrections: 'corrections',
  references: 'references',
  bibliographyList: 'bibliography',
} as const;

const attr = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;
const langAttr = (lang: string | undefined) => (lang === undefined ? '' : attr('lang', lang));

/** A footnote marker in the text: `<sup class="reference">[n]</sup>`, linked to the note. */
export const citationMarker = (id: string, k: number, n: number, label: string): string =>
  `<sup class="${CLASS.reference}" id="${escapeHtml(ANCHOR.citeRef(id, k))}"><a href="#${escapeHtml(ANCHOR.note(id))}" aria-label="${escapeHtml(label)}">[${n}]</a></sup>`;

/** A "dubious – discuss" marker: its words in their language, with an explanatory title. */
export const dubiousMarker = (lang: string, title: string, html: string): string =>
  `<sup class="${CLASS.dubious}"><span${attr('lang', lang)}${attr('title', title)}>[${html}]</span></sup>`;

/** A title as published, in its own language (the quotation marks go outside, in the page's). */
export const citedTitle = (lang: string, html: string): string =>
  `<cite${attr('lang', lang)}>${html}</cite>`;

/** A translated title, in the language of the translation (its brackets go outside). */
export const translatedTitle = (lang: string, html: string): string =>
  `<span class="${CLASS.transTitle}"${attr('lang', lang)}>${html}</span>`;

/** The note that the original title was not verified. */
export const titleNote = (html: string): string =>
  `<span class="${CLASS.transMark}">${html}</span>`;

/** A publication's name: in italics (never for CJK text: no faux italics) or upright. */
export const workName = (lang: string, html: string, italic: boolean): string =>
  italic
    ? `<i class="${CLASS.work}"${attr('lang', lang)}>${html}</i>`
    : `<span class="${CLASS.work}"${attr('lang', lang)}>${html}</span>`;

/** A fragment in another language inside a text (an original name inside a translated one). */
export const inLanguage = (lang: string, html: string): string =>
  `<span${attr('lang', lang)}>${html}</span>`;

/** A link to a source or its archived copy. */
export const externalLink = (url: string, html: string): string =>
  `<a class="${CLASS.external}"${attr('href', url)}>${html}</a>`;

/** A short citation's link to its bibliography entry. */
export const bibliographyLink = (id: string, html: string): string =>
  `<a href="#${escapeHtml(ANCHOR.bibliography(id))}">${html}</a>`;

/** Attributes for a block of text: `lang` and `class="fallback"` when it is fallback text. */
export const fallbackAttributes = (t: { lang: string; fallback: boolean }): string =>
  t.fallback ? `${langAttr(t.lang)} class="${CLASS.fallback}"` : '';
