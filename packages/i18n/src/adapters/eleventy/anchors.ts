/**
 * Where a finding is on a page (development builds): a finding about a document's text
 * (`sections.trade.p1`, `references.oec-2020`, …, as model/document-keys.ts lays them out) gets
 * the id of the element a template puts next to that text, so that the banner can link to it.
 */
import { existsSync } from 'node:fs';
import type { Corpus } from '@bilateral/core';
import { documentTexts } from '../../model/document-keys.js';
import type { Finding } from '../../model/finding.js';
import { LocaleLayout } from '../../model/layout.js';
import type { ProjectConfig } from '../../model/types.js';

/** A finding as templates get it: with the text it is about, when that text is on a page. */
export interface PageFinding extends Finding {
  /** The document whose text it is about. */
  readonly document?: string;
  /** The document's namespace: a rendered text's key is `<namespace>:<text>`. */
  readonly namespace?: string;
  /** The key of that text (a plural form's finding names its family's key). */
  readonly text?: string;
  /** The id of the element next to that text on the page ({@link textAnchor}). */
  readonly anchor?: string;
}

/** The id a template gives the marker next to a text: `i18n-sections-trade-p1`. */
export function textAnchor(key: string): string {
  return `i18n-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Each finding with the document text it is about (found through the document key layout). */
export function anchorFindings(
  config: ProjectConfig,
  corpus: Corpus,
  findings: readonly Finding[],
): PageFinding[] {
  const layout = LocaleLayout.of(config);
  // By `<file>`: the document and its text keys, for every locale's file of every document.
  const byFile = new Map<string, { id: string; namespace: string; keys: ReadonlySet<string> }>();
  for (const [id, model] of Object.entries(corpus.documents)) {
    const keys = new Set([...documentTexts(model)].map((t) => t.key));
    for (const locale of config.locales)
      byFile.set(layout.relative(locale, model.namespace), {
        id,
        namespace: model.namespace,
        keys,
      });
  }
  return findings.map((f): PageFinding => {
    const doc = byFile.get(f.file);
    if (doc === undefined || f.key === '') return f;
    const text = doc.keys.has(f.key)
      ? f.key
      : [...doc.keys].find((k) => f.key.startsWith(`${k}_`) || f.key.startsWith(`${k}.`));
    if (text === undefined) return f;
    return { ...f, document: doc.id, namespace: doc.namespace, text, anchor: textAnchor(text) };
  });
}

/** Locale files that exist but cannot be read (a syntax error): their texts fall back. */
export function unreadableFiles(
  config: ProjectConfig,
  listed: readonly { locale: string; namespace: string; file: string }[],
  resources: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
): { locale: string; file: string }[] {
  const layout = LocaleLayout.of(config);
  return listed
    .filter((r) => resources[r.locale]?.[r.namespace] === undefined && existsSync(r.file))
    .map((r) => ({ locale: r.locale, file: layout.relative(r.locale, r.namespace) }));
}
