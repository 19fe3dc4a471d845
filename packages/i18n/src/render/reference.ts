import type { Corpus, Person, Reference, ReferenceSource, TitleStatus } from '@bilateral/core';
import { referenceSource } from '../files/core.js';
import { formatDate, intlLocale } from '../intl/facts.js';
import { styleLanguageLabel, type LocaleStyle } from '../intl/style.js';
import { documentKeys, TERMS_NS, termKeys } from '../model/document-keys.js';
import * as h from './html.js';
import type { Translator } from './i18next.js';
import { escapeHtml } from './markup.js';
import type { RenderedText, RenderProblem } from './types.js';

/**
 * One entry of a reference list or bibliography, in the page locale's conventions (its `style`
 * namespace and its `ui:citation.*` texts), from what the core says about the source
 * (`referenceSource`): the title as published in its own language with the page's translation in
 * brackets, or, when the original title is not known, only the bracketed translation and a note
 * saying so; authors, editors, the work, dates, and links to the source and its archived copy.
 */

export interface ReferenceContext {
  readonly tr: Translator;
  readonly corpus: Corpus;
  readonly documentId: string;
  /** The document's namespace (where `references.<id>` translations live). */
  readonly namespace: string;
  readonly bibliography: Readonly<Record<string, Reference>>;
  readonly problems: RenderProblem[];
}

export interface FormattedReference {
  readonly html: string;
  readonly text: string;
  readonly titleStatus: TitleStatus | undefined;
  readonly url: string | undefined;
  readonly archiveUrl: string | undefined;
}

interface Segment {
  readonly html: string;
  readonly text: string;
}

const segment = (html: string, text: string): Segment => ({ html, text });
const plain = (text: string): Segment => segment(escapeHtml(text), text);

/** Whether two tags are the same language (`zh-Hans` and `zh` are). */
export const sameLanguage = (a: string, b: string): boolean =>
  (intlLocale(a).split('-')[0] ?? a).toLowerCase() ===
  (intlLocale(b).split('-')[0] ?? b).toLowerCase();

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Full-width brackets and punctuation, which carry their own spacing (no space around them). */
const FULL_WIDTH_START = /^[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const FULL_WIDTH_END = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]$/u;
const ENDS_SENTENCE = /[.。!?！？]$/u;

/** Joins parts with spaces, except next to full-width brackets (ja 「…」［…］（英語）). */
function joinParts(parts: readonly Segment[]): Segment {
  let html = '';
  let text = '';
  for (const p of parts) {
    if (text !== '' && !FULL_WIDTH_END.test(text) && !FULL_WIDTH_START.test(p.text)) {
      html += ' ';
      text += ' ';
    }
    html += p.html;
    text += p.text;
  }
  return { html, text };
}

/** Ends each segment with a full stop, and the last with the style's end mark (ja `。`). */
function joinSegments(segments: readonly Segment[], end: string): Segment {
  const ended = segments.map((s, i) => {
    if (ENDS_SENTENCE.test(s.text)) return s;
    const mark = i === segments.length - 1 ? end : '.';
    return segment(`${s.html}${escapeHtml(mark)}`, `${s.text}${mark}`);
  });
  return { html: ended.map((s) => s.html).join(' '), text: ended.map((s) => s.text).join(' ') };
}

/**
 * A title set inside the page's quotation marks: a pair of its own outer marks becomes a pair of
 * inner ones (en “…“俄”…” → “…‘俄’…”; uk «…«ДНР»…» → «…„ДНР“…»). Only pairs are changed, so a
 * mark that is something else in the title's language stays (German „große“ on an English page:
 * its “ closes a „, it opens nothing).
 */
export function conformQuotes(title: string, style: LocaleStyle): string {
  const { quotes: q, innerQuotes: inner } = style;
  const chars = Array.from(title);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== q.open) continue;
    const close = chars.indexOf(q.close, i + 1);
    if (close === -1) break;
    chars[i] = inner.open;
    chars[close] = inner.close;
    i = close;
  }
  return chars.join('');
}

const names = (people: readonly Person[]) =>
  people.map((p) => (p.given === undefined ? p.family : `${p.family}, ${p.given}`)).join('; ');

/** "Wertz, Oh & Kim" with the style's separators. */
export function joinAuthors(families: readonly string[], style: LocaleStyle): string {
  if (families.length < 2) return families[0] ?? '';
  return `${families.slice(0, -1).join(style.authorSeparator)}${style.lastAuthorSeparator}${families.at(-1) ?? ''}`;
}

const displayNames = new Map<string, Intl.DisplayNames>();
function languageName(code: string, locale: string): string {
  const loc = intlLocale(locale);
  let dn = displayNames.get(loc);
  if (dn === undefined) {
    dn = new Intl.DisplayNames(loc, { type: 'language', fallback: 'code' });
    displayNames.set(loc, dn);
  }
  try {
    return dn.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A short citation: "Wertz, Oh & Kim 2016, pp. 7, 9", linked to its bibliography entry. */
function shortCitation(ctx: ReferenceContext, cites: string, ref: Reference): FormattedReference {
  const style = ctx.tr.style(ctx.tr.locale);
  const work = Object.hasOwn(ctx.bibliography, cites) ? ctx.bibliography[cites] : undefined;
  const who = joinAuthors(
    (work?.authors ?? []).map((a) => a.family),
    style,
  );
  const year = work?.published?.slice(0, 4) ?? '';
  const pages = ref.pages ?? [];
  const p = ctx.tr.ui(
    'citation.pages',
    { count: pages.length, pages: pages.join(', ') },
    ctx.problems,
  );
  const label = `${who} ${year}`;
  const entry = joinSegments(
    [segment(`${h.bibliographyLink(cites, escapeHtml(label))}, ${p.html}`, `${label}, ${p.text}`)],
    style.end,
  );
  return { ...entry, titleStatus: undefined, url: undefined, archiveUrl: undefined };
}

/** The title, as published or as a bracketed translation, then "(PDF)" and the language. */
function titleSegment(ctx: ReferenceContext, id: string, source: ReferenceSource): Segment {
  const { tr, problems } = ctx;
  const style = tr.style(tr.locale);
  const translation = tr.translate(ctx.namespace, documentKeys.reference(id), {}, problems);
  const link = (html: string) =>
    source.url === undefined ? html : h.externalLink(source.url, html);
  const bracketed = (t: RenderedText, linked: boolean): Segment => {
    const b = style.translatedTitle;
    const inner = h.translatedTitle(t.lang, t.html);
    return segment(
      `${escapeHtml(b.open)}${linked ? link(inner) : inner}${escapeHtml(b.close)}`,
      `${b.open}${t.text}${b.close}`,
    );
  };
  const parts: Segment[] = [];
  if (source.title.status === 'original') {
    const { text, lang } = source.title;
    const shown = conformQuotes(text, style);
    const q = style.quotes;
    parts.push(
      segment(
        `${escapeHtml(q.open)}${link(h.citedTitle(lang, escapeHtml(shown)))}${escapeHtml(q.close)}`,
        `${q.open}${shown}${q.close}`,
      ),
    );
    // On a page in the title's own language the original stands alone: it is never a translation.
    const translated =
      !sameLanguage(lang, tr.locale) &&
      !translation.missing &&
      translation.text !== '' &&
      translation.text !== text &&
      !sameLanguage(translation.lang, lang);
    if (translated) parts.push(bracketed(translation, false));
  } else {
    // No published title is known: the translation is shown in brackets, never quoted as if it
    // were the title, with a note saying the original was not verified.
    if (!translation.missing && translation.text !== '') parts.push(bracketed(translation, true));
    const note = tr.ui('citation.unverifiedTitle', {}, problems);
    parts.push(segment(h.titleNote(note.html), note.text));
  }
  if (source.format === 'pdf') {
    const pdf = tr.ui('citation.pdf', {}, problems);
    parts.push(segment(pdf.html, pdf.text));
  }
  if (!sameLanguage(source.lang, tr.locale)) {
    const language = styleLanguageLabel(style, source.lang) ?? languageName(source.lang, tr.locale);
    const l = tr.ui('citation.inLanguage', { language }, problems);
    parts.push(segment(l.html, l.text));
  }
  return joinParts(parts);
}

/**
 * The publication's name as the locale labels it, tagged with the language it is really in: the
 * work's own name (from the core) when the label is that name, with the original tagged inside a
 * label that quotes it (ko `중칭짜이셴(中青在线)`), the label's language otherwise. Set in italics,
 * upright or between marks as the style says; never in italics when it is CJK text.
 */
function workSegment(ctx: ReferenceContext, work: NonNullable<ReferenceSource['work']>): Segment {
  const { tr } = ctx;
  const style = tr.style(tr.locale);
  const label = tr.translate(TERMS_NS, termKeys.work(work.id), {}, ctx.problems);
  const own = work.name;
  let lang = label.lang;
  let html = label.html;
  if (own !== undefined && label.text === own.text) lang = own.lang;
  else if (own !== undefined && own.text !== '' && html.includes(escapeHtml(own.text))) {
    const at = html.indexOf(escapeHtml(own.text));
    const original = escapeHtml(own.text);
    html = `${html.slice(0, at)}${h.inLanguage(own.lang, original)}${html.slice(at + original.length)}`;
  }
  const w = style.work;
  if (w.kind === 'marks')
    return segment(
      `${escapeHtml(w.open)}${h.workName(lang, html, false)}${escapeHtml(w.close)}`,
      `${w.open}${label.text}${w.close}`,
    );
  return segment(h.workName(lang, html, w.kind === 'italic' && !CJK.test(label.text)), label.text);
}

/** One entry of the reference list or bibliography. */
export function formatReference(
  ctx: ReferenceContext,
  id: string,
  ref: Reference,
): FormattedReference {
  if (ref.kind === 'short' && ref.cites !== undefined) return shortCitation(ctx, ref.cites, ref);
  const { tr, problems } = ctx;
  const locale = tr.locale;
  const style = tr.style(locale);
  const source: ReferenceSource = referenceSource(ctx.corpus, ctx.documentId, id) ?? {
    id,
    kind: ref.kind,
    lang: ref.lang,
    title: { status: 'unverified' },
    authors: [],
    editors: [],
  };
  const citationDate = (iso: string) => formatDate(iso, locale, { yearMark: style.yearMark });
  const segments: Segment[] = [];
  if (source.authors.length > 0) {
    const date = source.published === undefined ? '' : ` (${citationDate(source.published)})`;
    segments.push(plain(`${names(source.authors)}${date}`));
  }
  if (source.editors.length > 0) {
    const e = tr.ui(
      'citation.editors',
      { count: source.editors.length, names: names(source.editors) },
      problems,
    );
    segments.push(segment(e.html, e.text));
  }
  segments.push(titleSegment(ctx, id, source));
  if (source.work !== undefined) segments.push(workSegment(ctx, source.work));
  if (source.authors.length === 0 && source.published !== undefined)
    segments.push(plain(citationDate(source.published)));
  if (source.archived !== undefined) {
    const a = tr.ui(
      'citation.archived',
      { date: source.archived, yearMark: style.yearMark },
      problems,
    );
    const archive = source.archiveUrl;
    segments.push(
      segment(archive === undefined ? a.html : h.externalLink(archive, a.html), a.text),
    );
  }
  if (source.accessed !== undefined) {
    const r = tr.ui(
      'citation.retrieved',
      { date: source.accessed, yearMark: style.yearMark },
      problems,
    );
    segments.push(segment(r.html, r.text));
  }
  const entry = joinSegments(segments, style.end);
  // In plain text the address follows the entry, so that a reader of the text can find it too.
  const text = source.url === undefined ? entry.text : `${entry.text} <${source.url}>`;
  return {
    html: entry.html,
    text,
    titleStatus: source.title.status,
    url: source.url,
    archiveUrl: source.archiveUrl,
  };
}
