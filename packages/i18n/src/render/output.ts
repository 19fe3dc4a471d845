import { ANCHOR, CLASS, fallbackAttributes } from './html.js';
import { escapeHtml } from './markup.js';
import type { RenderedDocument, RenderedReference } from './types.js';

/**
 * A rendered document as one piece of text or HTML: the article, its reference list and
 * bibliography, and at the very end its editorial notes, reached from a line there rather than a
 * section of the article.
 */

export interface DocumentLabels {
  readonly references: string;
  readonly bibliography: string;
  readonly corrections: string;
}

/** What precedes a note's text: the backlink mark, then one letter per use when cited again. */
const backlinkText = (doc: RenderedDocument, r: RenderedReference): string =>
  r.backlinks.length <= 1
    ? doc.style.backlink
    : `${doc.style.backlink} ${r.backlinks.map((b) => b.label).join(' ')}`;

/** Display width of a heading, counting wide (CJK) characters twice. */
const width = (text: string): number =>
  [...text].reduce(
    (w, ch) =>
      w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1),
    0,
  );

/**
 * Plain text of a rendered document, for proofreading in a terminal: headings underlined,
 * footnote numbers in brackets, the reference list (with each source's address), the
 * bibliography, and the editorial notes after a rule at the end.
 */
export function documentToText(doc: RenderedDocument, labels: DocumentLabels): string {
  const out: string[] = [];
  const heading = (text: string, level: number) =>
    out.push('', text, (level <= 1 ? '=' : '-').repeat(Math.max(width(text), 3)), '');
  heading(doc.title.text, 0);
  const colon = doc.style.colon;
  for (const row of doc.infobox.rows) out.push(`${row.label.text}${colon}${row.text}`);
  for (const section of doc.sections) {
    if (section.title !== undefined) heading(section.title.text, section.level);
    else out.push('');
    for (const p of section.paragraphs) out.push(p.text, '');
  }
  heading(labels.references, 1);
  for (const r of doc.references) out.push(`${r.number}. ${backlinkText(doc, r)} ${r.text}`);
  heading(labels.bibliography, 1);
  for (const b of doc.bibliography) out.push(`- ${b.text}`);
  if (doc.corrections.items.length > 0 || doc.corrections.intro.text !== '') {
    out.push('', '----', labels.corrections, doc.corrections.intro.text, '');
    for (const c of doc.corrections.items) out.push(`- ${c.target.label}${colon}${c.note.text}`);
  }
  return out.join('\n').replace(/^\n+/, '') + '\n';
}

function referenceItem(doc: RenderedDocument, r: RenderedReference): string {
  const link = (anchor: string, label: string) =>
    `<a href="#${escapeHtml(anchor)}">${escapeHtml(label)}</a>`;
  const mark = escapeHtml(doc.style.backlink);
  const back =
    r.backlinks.length === 1
      ? link(r.backlinks[0]?.anchor ?? '', doc.style.backlink)
      : `<span aria-hidden="true">${mark}</span> ${r.backlinks.map((b) => link(b.anchor, b.label)).join(' ')}`;
  return `<li id="${escapeHtml(r.anchor)}"><span class="${CLASS.backlinks}">${back}</span> ${r.html}</li>`;
}

/**
 * The article body as an HTML fragment (what the site puts inside `<article>`). The editorial
 * notes close it in a collapsed `<details id="corrections">`: no heading of their own, so they are
 * not a section of the article.
 */
export function documentToHtml(doc: RenderedDocument, labels: DocumentLabels): string {
  const out: string[] = [`<h1${fallbackAttributes(doc.title)}>${doc.title.html}</h1>`];
  for (const section of doc.sections) {
    if (section.title !== undefined) {
      const h = `h${section.level + 1}`;
      out.push(
        `<${h} id="${escapeHtml(section.id)}"${fallbackAttributes(section.title)}>${section.title.html}</${h}>`,
      );
    }
    for (const p of section.paragraphs) out.push(`<p${fallbackAttributes(p)}>${p.html}</p>`);
  }
  out.push(
    `<h2 id="${ANCHOR.references}">${escapeHtml(labels.references)}</h2>`,
    `<ol class="${CLASS.references}">`,
  );
  for (const r of doc.references) out.push(referenceItem(doc, r));
  out.push(
    '</ol>',
    `<h2 id="${ANCHOR.bibliographyList}">${escapeHtml(labels.bibliography)}</h2>`,
    `<ul class="${CLASS.bibliography}">`,
  );
  for (const b of doc.bibliography) out.push(`<li id="${escapeHtml(b.anchor)}">${b.html}</li>`);
  out.push('</ul>');
  const { intro, items } = doc.corrections;
  if (items.length > 0 || intro.text !== '') {
    out.push(
      `<aside class="${CLASS.editorialNotes}"><details id="${ANCHOR.corrections}">`,
      `<summary>${escapeHtml(labels.corrections)}</summary>`,
      `<p${fallbackAttributes(intro)}>${intro.html}</p>`,
      `<ul class="${CLASS.corrections}">`,
    );
    for (const c of items) {
      out.push(
        `<li id="${escapeHtml(ANCHOR.correction(c.id))}"${fallbackAttributes(c.note)}><a href="${escapeHtml(c.target.href)}">${escapeHtml(c.target.label)}</a>${escapeHtml(doc.style.colon)}${c.note.html}</li>`,
      );
    }
    out.push('</ul>', '</details></aside>');
  }
  return out.join('\n') + '\n';
}
