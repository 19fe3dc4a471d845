import { corpus } from '@bilateral/core';
import type { Fact } from '@bilateral/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRenderer,
  formatDate,
  formatMoney,
  formatNumber,
  renderInline,
} from '../src/index.js';
import { scanMarkup, scanPlaceholders } from '../src/syntax/inline.js';
import { LOCALES, repoResources } from './helpers.js';

const DOC = 'north-korea-ukraine-relations';
const noop = { cite: () => ({ html: '', text: '' }), dubious: () => ({ html: '', text: '' }) };

/** Strings biased towards the syntax the parsers care about. */
const syntaxy = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        '{{',
        '}}',
        '{{-',
        ', ',
        'date',
        '(',
        ')',
        ';',
        ':',
        '$t(',
        '"',
        "'",
        '<',
        '>',
        '/>',
        '</',
        '<ref id="x"/>',
        '<dubious/>',
        '<script>',
        '<i>',
        '</i>',
        '&amp;',
        '&',
        '\u202e',
        '\u200b',
        '\n',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parsers never throw and account for what they accept', () => {
  it('scanPlaceholders: spans are ordered, disjoint and reproduce the raw text', () => {
    fc.assert(
      fc.property(syntaxy, (s) => {
        const found = scanPlaceholders(s);
        let last = 0;
        for (const p of found) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(s.slice(p.start, p.end)).toBe(p.raw);
          last = p.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('scanPlaceholders round-trips a well-formed interpolation', () => {
    const ident = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,10}$/);
    fc.assert(
      fc.property(
        ident,
        fc.option(ident, { nil: undefined }),
        fc.string(),
        (name, format, prose) => {
          const safeProse = prose.replace(/[{}$]/g, '');
          const raw = format === undefined ? `{{${name}}}` : `{{${name}, ${format}}}`;
          const [p] = scanPlaceholders(`${safeProse}${raw}${safeProse}`);
          expect(p).toMatchObject({ type: 'interpolation', name, raw });
          if (p?.type === 'interpolation')
            expect(p.formats.map((f) => f.name)).toEqual(format === undefined ? [] : [format]);
        },
      ),
    );
  });

  it('scanMarkup never throws and reports spans inside the string', () => {
    fc.assert(
      fc.property(syntaxy, (s) => {
        const { tags } = scanMarkup(s);
        for (const t of tags) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('renderInline output carries no executable markup, whatever the input', () => {
    fc.assert(
      fc.property(
        syntaxy,
        fc.constantFrom('onerror', 'onclick', 'javascript:', 'script', 'iframe', 'style'),
        (s, bad) => {
          const out = renderInline(
            `${s}<img src=x ${bad}=1><a href="javascript:x">${s}</a><${bad}>x</${bad}>`,
            noop,
          );
          expect(out.html).not.toMatch(/<(script|iframe|style|img|a)\b/i);
          expect(out.html).not.toMatch(/\son\w+=/i);
          // Rendering its own output again is stable: sanitising is idempotent.
          expect(renderInline(out.html, noop).html).toBe(out.html);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('fact formatting never throws for the declared locales', () => {
  const iso = fc.oneof(
    fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0')),
    fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.string(),
  );
  it.each(LOCALES)(
    '%s',
    (locale) => {
      const renderer = createRenderer({ corpus, resources: repoResources(), locale });
      fc.assert(
        fc.property(
          iso,
          fc.double(),
          fc.constantFrom('USD', 'EUR', 'KRW', 'XXX', 'usd', ''),
          (d, n, cur) => {
            expect(typeof formatDate(d, locale)).toBe('string');
            expect(typeof formatDate(d, locale, { monthForm: 'genitive' })).toBe('string');
            expect(typeof formatNumber(n, locale)).toBe('string');
            expect(typeof formatMoney({ kind: 'money', amount: n, currency: cur }, locale)).toBe(
              'string',
            );
            const q: Fact = { kind: 'quantity', value: n, unit: 'soldier' };
            expect(typeof renderer.formatFact(q)).toBe('string');
          },
        ),
        { numRuns: 300 },
      );
    },
    30_000,
  );
});

describe('hostile text in a locale never reaches the page as script', () => {
  it('renders any paragraph string safely', () => {
    fc.assert(
      fc.property(syntaxy, (s) => {
        const resources = repoResources();
        (resources['en'] as any)[DOC].sections.lead.p1 =
          `${s}<svg onload=alert(1)><script>alert(1)</script>${s}`;
        (resources['en'] as any)[DOC].sections.history.title = `<img src=x onerror=alert(1)>${s}`;
        const out = createRenderer({ corpus, resources, locale: 'en' }).renderDocument(DOC);
        const html = [out.sections[0]?.paragraphs[0]?.html, out.sections[1]?.title?.html].join('');
        expect(html).not.toMatch(/<(script|svg|img)\b|\son\w+=/i);
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
