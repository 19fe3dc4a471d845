import type { RenderedDocument } from './renderer.js';
import { escapeHtml } from './markup.js';

/**
 * Plain text of a rendered document, for proofreading in a terminal: headings underlined,
 * footnote numbers in brackets, the reference list, bibliography and editorial corrections.
 */
export function documentToText(doc: RenderedDocument, labels: DocumentLabels): string {
  const out: string[] = [];
  const heading = (text: string, level: number) => {
    const width = [...text].reduce(
      (w, ch) =>
        w +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1),
      0,
    );
    out.push('', text, (level <= 1 ? '=' : '-').repeat(Math.max(width, 3)), '');
  };
  heading(doc.title.text, 0);
  for (const row of doc.infobox.rows) out.push(`${row.label.text}: ${row.text}`);
  for (const section of doc.sections) {
    if (section.title !== undefined) heading(section.title.text, section.level);
    else out.push('');
    for (const p of section.paragraphs) out.push(p.text, '');
  }
  heading(labels.references, 1);
  for (const r of doc.references) {
    const back = r.backlinks.map((b) => b.label).join(' ');
    out.push(`${r.number}. ${back} ${r.text}`);
  }
  heading(labels.bibliography, 1);
  for (const b of doc.bibliography) out.push(`- ${b.text}`);
  heading(labels.corrections, 1);
  out.push(doc.corrections.intro.text, '');
  for (const c of doc.corrections.items) out.push(`- ${c.target.label}: ${c.note.text}`);
  return out.join('\n').replace(/^\n+/, '') + '\n';
}

export interface DocumentLabels {
  readonly references: string;
  readonly bibliography: string;
  readonly corrections: string;
}

/** The article body as an HTML fragment (what the site puts inside `<article>`). */
export function documentToHtml(doc: RenderedDocument, labels: DocumentLabels): string {
  const attrs = (t: { lang: string; fallback: boolean }) =>
    t.fallback ? ` lang="${escapeHtml(t.lang)}" class="fallback"` : '';
  const out: string[] = [`<h1${attrs(doc.title)}>${doc.title.html}</h1>`];
  for (const section of doc.sections) {
    if (section.title !== undefined) {
      const h = `h${section.level + 1}`;
      out.push(`<${h} id="${section.id}"${attrs(section.title)}>${section.title.html}</${h}>`);
    }
    for (const p of section.paragraphs) out.push(`<p${attrs(p)}>${p.html}</p>`);
  }
  out.push(`<h2 id="references">${escapeHtml(labels.references)}</h2>`, '<ol class="references">');
  for (const r of doc.references) {
    const back = r.backlinks
      .map((b) => `<a href="#${b.anchor}">${escapeHtml(b.label)}</a>`)
      .join(' ');
    out.push(`<li id="${r.anchor}"><span class="backlinks">${back}</span> ${r.html}</li>`);
  }
  out.push(
    '</ol>',
    `<h2 id="bibliography">${escapeHtml(labels.bibliography)}</h2>`,
    '<ul class="bibliography">',
  );
  for (const b of doc.bibliography) out.push(`<li id="${b.anchor}">${b.html}</li>`);
  out.push('</ul>', `<h2 id="corrections">${escapeHtml(labels.corrections)}</h2>`);
  out.push(
    `<p${attrs(doc.corrections.intro)}>${doc.corrections.intro.html}</p>`,
    '<ul class="corrections">',
  );
  for (const c of doc.corrections.items) {
    out.push(
      `<li${attrs(c.note)}><a href="${c.target.href}">${escapeHtml(c.target.label)}</a>: ${c.note.html}</li>`,
    );
  }
  out.push('</ul>');
  return out.join('\n') + '\n';
}
