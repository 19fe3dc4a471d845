import { describe, expect, it } from 'vitest';
import { TranslationCheckError } from '../src/model/errors.js';
import { DEFAULT_PAGE_BUDGET, enforceWeight, measure } from '../src/adapters/eleventy/weight.js';

const page = (url: string, bytes: number, ext = '.html') => ({
  url,
  outputPath: `_site${url}index${ext}`,
  // Two bytes a character: the weight is UTF-8 bytes, not characters.
  content: 'é'.repeat(bytes / 2),
});

describe('page weight', () => {
  const results = [
    page('/en/', 30_000),
    page('/uk/', 250_000),
    page('/ja/', 40_000),
    { url: '/en/card.png', outputPath: '_site/en/card.png', content: Buffer.alloc(500_000) },
    { url: false as const, outputPath: false as const, content: 'x' },
  ];

  it('measures the HTML pages only, in UTF-8 bytes, largest first', () => {
    const w = measure(results, DEFAULT_PAGE_BUDGET);
    expect(w).toMatchObject({ pages: 3, total: 320_000, largest: { url: '/uk/', bytes: 250_000 } });
    expect(w.over).toEqual([{ url: '/uk/', bytes: 250_000 }]);
    expect(measure(results, false).over).toEqual([]);
  });

  it('fails a production build over budget naming the page; development only says so', () => {
    let printed = '';
    const log = (t: string) => (printed += t);
    const w = measure(results, DEFAULT_PAGE_BUDGET);
    expect(() => enforceWeight('production', w, DEFAULT_PAGE_BUDGET, log)).toThrow(
      TranslationCheckError,
    );
    expect(() => enforceWeight('production', w, DEFAULT_PAGE_BUDGET, log)).toThrow(
      /over the page budget of 200\.0 KB of HTML: \/uk\/ \(244\.1 KB\)/,
    );
    expect(printed).toContain('page weight: 3 pages, 312.5 KB of HTML; the largest is /uk/');
    printed = '';
    expect(() => enforceWeight('development', w, DEFAULT_PAGE_BUDGET, log)).not.toThrow();
    expect(printed).toContain('over the page budget');
  });

  it('passes within budget, and with no budget', () => {
    const small = measure([page('/en/', 1000)], DEFAULT_PAGE_BUDGET);
    expect(() => enforceWeight('production', small, DEFAULT_PAGE_BUDGET, () => {})).not.toThrow();
    const big = measure(results, false);
    expect(() => enforceWeight('production', big, false, () => {})).not.toThrow();
  });
});
