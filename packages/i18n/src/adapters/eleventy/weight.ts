/**
 * Page weight: after a build, the bytes of HTML each page has (what Eleventy wrote), the total and
 * the largest page, and a per-page budget. A production build over budget fails naming the page
 * (a runaway or hostile translation shows up here first); a development build only says so.
 */
import { TranslationCheckError } from '../../model/errors.js';
import type { BilateralMode } from './policy.js';

/** The default budget: 200 KB of HTML a page. */
export const DEFAULT_PAGE_BUDGET = 200 * 1024;

/** One page Eleventy wrote (the part of its `eleventy.after` results the plugin reads). */
export interface WrittenPage {
  readonly url?: string | false;
  readonly outputPath?: string | false;
  readonly content?: unknown;
}

export interface PageSize {
  readonly url: string;
  readonly bytes: number;
}

export interface PageWeight {
  readonly pages: number;
  readonly total: number;
  readonly largest: PageSize | undefined;
  /** Pages over the budget, largest first. */
  readonly over: readonly PageSize[];
}

/** The HTML pages of a build, measured in UTF-8 bytes. */
export function measure(results: readonly WrittenPage[], budget: number | false): PageWeight {
  const sizes: PageSize[] = [];
  for (const r of results) {
    const out = typeof r.outputPath === 'string' ? r.outputPath : '';
    if (!out.endsWith('.html') || typeof r.content !== 'string') continue;
    const url = typeof r.url === 'string' ? r.url : out;
    sizes.push({ url, bytes: Buffer.byteLength(r.content, 'utf8') });
  }
  sizes.sort((a, b) => b.bytes - a.bytes || a.url.localeCompare(b.url));
  return {
    pages: sizes.length,
    total: sizes.reduce((n, s) => n + s.bytes, 0),
    largest: sizes[0],
    over: budget === false ? [] : sizes.filter((s) => s.bytes > budget),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the weight; over budget, fails a production build (naming the pages) or warns. */
export function enforceWeight(
  mode: BilateralMode,
  weight: PageWeight,
  budget: number | false,
  log: (text: string) => void,
): void {
  if (weight.pages === 0) return;
  const largest =
    weight.largest === undefined
      ? ''
      : `; the largest is ${weight.largest.url} (${kb(weight.largest.bytes)})`;
  const limit = budget === false ? '' : `; budget ${kb(budget)} a page`;
  log(
    `bilateral: page weight: ${weight.pages} pages, ${kb(weight.total)} of HTML${largest}${limit}.\n`,
  );
  if (weight.over.length === 0 || budget === false) return;
  const pages = weight.over.map((p) => `${p.url} (${kb(p.bytes)})`).join(', ');
  const message = `${weight.over.length === 1 ? 'a page is' : `${weight.over.length} pages are`} over the page budget of ${kb(budget)} of HTML: ${pages}. Look for an inflated text in that language (a repeated or pasted paragraph), or raise the plugin's \`pageBudget\` option.`;
  if (mode === 'production') throw new TranslationCheckError(message);
  log(`bilateral (development): ${message}\n`);
}
