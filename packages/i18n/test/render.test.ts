import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus, citationsOf, dubiousCountOf, allParagraphs } from '@bilateral/core';
import type { Corpus } from '@bilateral/core';
import { describe, expect, it } from 'vitest';
import { createRenderer, documentToHtml, renderInline, type Resources } from '../src/index.js';
import { LOCALES, repoResources, repoRoot } from './helpers.js';

const DOC = 'north-korea-ukraine-relations';
const doc = corpus.documents[DOC]!;

/** The repository's locale files with each locale's citation and typographic style. */
const localeResources = (): Resources => {
  const resources = repoResources();
  for (const l of LOCALES) {
    resources[l]!['style'] = JSON.parse(
      readFileSync(path.join(repoRoot, 'locales', l, 'style.json'), 'utf8'),
    );
  }
  return resources;
};
const render = (locale: string, resources = localeResources(), c: Corpus = corpus) =>
  createRenderer({ corpus: c, resources, locale }).renderDocument(DOC);

/** Reference ids in order of first citation, straight from the core. */
const coreCitationOrder = () => {
  const seen: string[] = [];
  for (const { paragraph } of allParagraphs(doc)) {
    for (const id of citationsOf(paragraph)) if (!seen.includes(id)) seen.push(id);
  }
  return seen;
};

describe.each(LOCALES)('the article in %s', (locale) => {
  const rendered = render(locale);

  it('renders every paragraph with no missing key and no raw syntax left', () => {
    expect(rendered.problems).toEqual([]);
    const paragraphs = rendered.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs).toHaveLength([...allParagraphs(doc)].length);
    for (const p of paragraphs) {
      expect(p.missing).toBe(false);
      expect(p.fallback).toBe(false);
      expect(p.text.length).toBeGreaterThan(20);
      for (const raw of ['{{', '}}', '$t(', '<ref', '<dubious', '⟨?⟩']) {
        expect(p.html).not.toContain(raw);
        expect(p.text).not.toContain(raw);
      }
    }
    for (const s of rendered.sections.filter((s) => s.level > 0))
      expect(s.title?.text).toBeTruthy();
  });

  it('numbers the citations in the core order and lists 22 references', () => {
    expect(rendered.references.map((r) => r.id)).toEqual(coreCitationOrder());
    expect(rendered.references.map((r) => r.number)).toEqual(
      Array.from({ length: 22 }, (_, i) => i + 1),
    );
    // The same source keeps its number; repeated uses get one backlink each.
    const mfa = rendered.references.find((r) => r.id === 'mfa-2022');
    expect(mfa?.backlinks.map((b) => b.anchor)).toEqual([
      'cite-ref-mfa-2022-1',
      'cite-ref-mfa-2022-2',
    ]);
    expect(rendered.bibliography).toHaveLength(1);
  });

  it('carries exactly the core citations and dubious markers in each paragraph', () => {
    const sections = new Map(rendered.sections.map((s) => [s.id, s]));
    for (const { section, paragraph } of allParagraphs(doc)) {
      const html =
        sections.get(section.id)?.paragraphs.find((p) => p.id === paragraph.id)?.html ?? '';
      const cited = [...html.matchAll(/href="#cite-note-([^"]+)"/g)].map((m) => m[1]);
      expect(cited.sort()).toEqual(citationsOf(paragraph).sort());
      expect(html.match(/class="dubious"/g)?.length ?? 0).toBe(dubiousCountOf(paragraph));
    }
    const total = rendered.sections
      .flatMap((s) => s.paragraphs)
      .reduce((n, p) => n + (p.html.match(/class="dubious"/g)?.length ?? 0), 0);
    expect(total).toBe(4);
  });

  it('is deterministic, byte for byte', () => {
    const labels = { references: 'R', bibliography: 'B', corrections: 'C' };
    expect(documentToHtml(render(locale), labels)).toBe(documentToHtml(rendered, labels));
  });
});

describe('facts are formatted per locale by Intl', () => {
  const text = (locale: string) =>
    render(locale)
      .sections.flatMap((s) => s.paragraphs)
      .map((p) => p.text)
      .join('\n');
  const expected: Record<string, string[]> = {
    ja: [
      '1992年1月9日',
      '2022年7月',
      '1998年',
      '1,500人',
      '6,000人',
      '2個部隊',
      '7,710米ドル',
      '55,500米ドル',
    ],
    en: [
      'January 9, 1992',
      'July 2022',
      '1998',
      '1,500 soldiers',
      '6,000 soldiers',
      // en style: quantities below ten in words (MOS:NUMERAL).
      'two units',
      'US$7,710',
      'US$55,500',
    ],
    uk: [
      '9 січня 1992 р.',
      'липня 2022 р.',
      '1998',
      // uk style: four-digit numbers are not grouped, five-digit ones are.
      '1500 солдатів',
      '6000 солдатів',
      '2 підрозділи',
      '7710 доларів США',
      '55\u00a0500 доларів США',
    ],
    ko: [
      '1992년 1월 9일',
      '2022년 7월',
      '1998년',
      '1,500명',
      '6,000명',
      '2개 부대',
      '7,710 미국 달러',
      '55,500 미국 달러',
    ],
  };
  it.each(LOCALES)('%s', (locale) => {
    const t = text(locale);
    for (const s of expected[locale] ?? []) expect(t).toContain(s);
  });

  it('formats infobox dates per locale', () => {
    const rows = (l: string) => render(l).infobox.rows.map((r) => r.text);
    expect(rows('ja')).toEqual(['1992年1月9日', '2022年7月13日']);
    expect(rows('en')).toEqual(['January 9, 1992', 'July 13, 2022']);
    expect(rows('uk')).toEqual(['9 січня 1992 р.', '13 липня 2022 р.']);
    expect(rows('ko')).toEqual(['1992년 1월 9일', '2022년 7월 13일']);
  });
});

describe('Ukrainian plurals', () => {
  const uk = createRenderer({ corpus, resources: localeResources(), locale: 'uk' });
  it.each([
    [1, '1 солдат'],
    [2, '2 солдати'],
    [5, '5 солдатів'],
    [11, '11 солдатів'],
    [21, '21 солдат'],
    [1500, '1500 солдатів'], // uk style: grouping from five digits (useGrouping min2)
    [55_500, '55\u00a0500 солдатів'], // grouped with a no-break space, as CLDR does
  ])('%i → %s', (n, phrase) => {
    expect(uk.formatFact({ kind: 'quantity', value: n, unit: 'soldier' })).toBe(phrase);
  });
  it('uses the right form for military units too', () => {
    expect(uk.formatFact({ kind: 'quantity', value: 2, unit: 'military-unit' })).toBe(
      '2 підрозділи',
    );
    expect(uk.formatFact({ kind: 'quantity', value: 5, unit: 'military-unit' })).toBe(
      '5 підрозділів',
    );
  });
});

describe('a changed fact flows into every language', () => {
  it('re-renders the new value without touching any locale file', () => {
    const changed = structuredClone(corpus) as any;
    changed.documents[DOC].facts.nisEstimate = { kind: 'quantity', value: 3000, unit: 'soldier' };
    const texts = LOCALES.map((l) =>
      render(l, localeResources(), changed)
        .sections.flatMap((s) => s.paragraphs)
        .map((p) => p.text)
        .join(''),
    );
    expect(texts[0]).toContain('3,000人');
    expect(texts[1]).toContain('3,000 soldiers');
    expect(texts[2]).toContain('3000 солдатів');
    expect(texts[3]).toContain('3,000명');
  });
});

describe('escaping and sanitising', () => {
  it('escapes interpolated values and strips executable markup', () => {
    const resources = localeResources();
    const en = resources['en'] as any;
    en['terms'].units.soldier_other = '{{count, number}} <b>soldiers</b>';
    en[DOC].sections.lead.p1 =
      'A <img src=x onerror="alert(1)"><script>alert(2)</script><i onclick="x()">b</i> {{relationsSuspended, date}} <a href="javascript:alert(3)">x</a><ref id="mfa-2022"/>';
    const out = render('en', resources);
    const html = out.sections[0]?.paragraphs[0]?.html ?? '';
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<a href="[^#]/i);
    expect(html).toContain('<i>b</i>');
    expect(html).toContain('July 2022');
  });

  it('keeps text that looks like markup as text', () => {
    const out = renderInline('5 &lt; 6 & "x" <b>bold</b>', {
      cite: () => ({ html: '', text: '' }),
      dubious: () => ({ html: '', text: '' }),
    });
    expect(out.html).toBe('5 &lt; 6 &amp; &quot;x&quot; <b>bold</b>');
    expect(out.text).toBe('5 < 6 & "x" bold');
  });
});

describe('fallback', () => {
  it('fills a missing paragraph from the chain and says which language it is in', () => {
    const resources = localeResources();
    delete (resources['uk'] as any)[DOC].sections.trade.p1;
    const strict = render('uk', resources);
    expect(strict.problems.map((p) => p.key)).toContain(`${DOC}:sections.trade.p1`);
    const withFallback = createRenderer({
      corpus,
      resources,
      locale: 'uk',
      fallback: ['en', 'ja'],
    }).renderDocument(DOC);
    const trade = withFallback.sections.find((s) => s.id === 'trade')?.paragraphs[0];
    expect(trade).toMatchObject({ lang: 'en', fallback: true, missing: false });
    expect(trade?.text).toContain('7,710');
    expect(withFallback.problems).toEqual([]);
  });
});

describe('a document without corrections', () => {
  it('renders without a "corrections.intro" text, which check does not ask for either', () => {
    const resources = localeResources();
    const ns = resources['en']?.[doc.namespace] as { corrections?: unknown } | undefined;
    const bare: Resources = {
      ...resources,
      en: { ...resources['en'], [doc.namespace]: { ...ns, corrections: undefined } },
    };
    const c: Corpus = {
      ...corpus,
      documents: { ...corpus.documents, [DOC]: { ...doc, corrections: {} } },
    };
    const rendered = createRenderer({ corpus: c, resources: bare, locale: 'en' }).renderDocument(
      DOC,
    );
    expect(rendered.problems.map((p) => p.key)).not.toContain(`${DOC}:corrections.intro`);
    expect(rendered.corrections.items).toEqual([]);
    expect(rendered.corrections.intro.text).toBe('');
  });
});
