import type { Corpus, DocumentModel, Fact } from '@bilateral/core';
import { INVALID } from '../intl/facts.js';
import { documentKeys, TERMS_NS, termKeys } from '../model/document-keys.js';
import { createCitations, type Citations } from './citations.js';
import * as h from './html.js';
import type { Translator } from './i18next.js';
import { escapeHtml } from './markup.js';
import type {
  RenderedCorrection,
  RenderedDocument,
  RenderedEvent,
  RenderedInfobox,
  RenderedSection,
  RenderedText,
  RenderProblem,
} from './types.js';

/**
 * A whole document in one locale: its texts from the locale files (keys as `model/document-keys`
 * lays them out), its facts formatted, its citations numbered, and the problems met on the way.
 */

interface DocumentContext {
  readonly tr: Translator;
  readonly doc: DocumentModel;
  readonly problems: RenderProblem[];
  /** The document's facts, as values for `{{fact, format}}`. */
  readonly facts: Record<string, Fact>;
  readonly citations: Citations;
}

const text = (ctx: DocumentContext, key: string, values: Record<string, unknown> = {}) =>
  ctx.tr.translate(ctx.doc.namespace, key, values, ctx.problems);

function renderSections(ctx: DocumentContext): RenderedSection[] {
  const { tr, doc, problems, facts, citations } = ctx;
  return doc.sections.map((section) => ({
    id: section.id,
    level: section.level,
    title: section.level === 0 ? undefined : text(ctx, documentKeys.sectionTitle(section.id)),
    paragraphs: section.paragraphs.map((p) => ({
      id: p.id,
      ...tr.translate(
        doc.namespace,
        documentKeys.paragraph(section.id, p.id),
        facts,
        problems,
        citations.inline,
      ),
    })),
  }));
}

/** The infobox; an article without one (or without parties) gets its title as the caption. */
function renderInfobox(ctx: DocumentContext, title: RenderedText): RenderedInfobox {
  const { tr, doc, problems } = ctx;
  const label = (id: string, report = true) =>
    tr.translate(TERMS_NS, termKeys.entityLabel(id), {}, report ? problems : undefined);
  const parties = doc.infobox?.parties ?? [];
  const [first, second] = parties;
  return {
    caption:
      parties.length < 2
        ? title
        : tr.ui(
            'article.infoboxCaption',
            { first: label(first ?? '', false).text, second: label(second ?? '', false).text },
            problems,
          ),
    parties: parties.map((id) => ({ id, label: label(id) })),
    rows: (doc.infobox?.rows ?? []).map((row) => {
      const values = row.facts.map((f) => {
        const fact = doc.facts[f];
        return fact === undefined ? INVALID : tr.formatFact(fact);
      });
      return {
        id: row.id,
        label: text(ctx, documentKeys.infoboxRow(row.id)),
        html: values.map(escapeHtml).join(', '),
        text: values.join(', '),
      };
    }),
  };
}

function renderCorrections(
  ctx: DocumentContext,
  sections: readonly RenderedSection[],
  title: RenderedText,
): RenderedDocument['corrections'] {
  const { tr, doc, citations } = ctx;
  const sectionTitle = (id: string) => sections.find((s) => s.id === id)?.title?.text ?? title.text;
  // A document without corrections has no introduction to them: `check` does not ask for one,
  // so the renderer does not read it either (the two agree).
  const intro: RenderedText =
    Object.keys(doc.corrections).length === 0
      ? {
          key: documentKeys.correctionsIntro,
          html: '',
          text: '',
          lang: tr.locale,
          fallback: false,
          missing: false,
        }
      : text(ctx, documentKeys.correctionsIntro);
  const items = Object.entries(doc.corrections).map(([id, c]): RenderedCorrection => {
    const note = text(ctx, documentKeys.correction(id));
    if ('paragraph' in c.target) {
      const sectionId = c.target.paragraph.split('.')[0] ?? '';
      return { id, note, target: { href: `#${sectionId}`, label: sectionTitle(sectionId) } };
    }
    const refId = c.target.reference;
    const n = citations.number(refId);
    return n === undefined
      ? {
          id,
          note,
          target: {
            href: `#${h.ANCHOR.bibliography(refId)}`,
            label: tr.ui('article.bibliography').text,
          },
        }
      : { id, note, target: { href: `#${h.ANCHOR.note(refId)}`, label: `[${n}]` } };
  });
  return { intro, items };
}

function renderEvents(ctx: DocumentContext): RenderedEvent[] {
  const { tr, doc, facts, citations } = ctx;
  return Object.entries(doc.events)
    .map(([id, e]) => {
      const d = doc.facts[e.date];
      return {
        id,
        iso: d?.kind === 'date' ? d.value : '',
        date: d === undefined ? INVALID : tr.formatFact(d),
        description: text(ctx, documentKeys.event(id), facts),
        references: e.references.flatMap((r) => {
          const n = citations.number(r);
          return n === undefined ? [] : [n];
        }),
      };
    })
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : a.id < b.id ? -1 : 1));
}

/** Renders document `documentId` of the corpus. Throws only for a document the core lacks. */
export function renderDocument(
  tr: Translator,
  corpus: Corpus,
  documentId: string,
): RenderedDocument {
  const doc: DocumentModel | undefined = Object.hasOwn(corpus.documents, documentId)
    ? corpus.documents[documentId]
    : undefined;
  if (doc === undefined) throw new Error(`Unknown document "${documentId}"`);
  const problems: RenderProblem[] = [...tr.styleProblems];
  const ctx: DocumentContext = {
    tr,
    doc,
    problems,
    facts: { ...doc.facts },
    citations: createCitations(tr, corpus, documentId, doc, problems),
  };
  // Order matters: the text numbers the citations that the lists and events then use.
  const title = text(ctx, documentKeys.title);
  const description = text(ctx, documentKeys.description);
  const sections = renderSections(ctx);
  const infobox = renderInfobox(ctx, title);
  const references = ctx.citations.references();
  const bibliography = ctx.citations.bibliography();
  const corrections = renderCorrections(ctx, sections, title);
  const events = renderEvents(ctx);
  const style = tr.style(tr.locale);
  return {
    id: doc.id,
    locale: tr.locale,
    title,
    description,
    infobox,
    sections,
    references,
    bibliography,
    corrections,
    events,
    style: {
      backlink: style.backlink,
      quotes: style.quotes,
      innerQuotes: style.innerQuotes,
      colon: style.colon,
    },
    problems,
  };
}
