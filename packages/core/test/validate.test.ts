import { describe, expect, it } from 'vitest';
import { corpus, documentsOf, parseIsoDate, validateCorpus } from '../src/index.js';
import type { Corpus, DocumentModel } from '../src/index.js';

const doc = corpus.documents['north-korea-ukraine-relations']!;

/** A deep copy of the real corpus with one document replaced by `edit(copy)`. */
function broken(edit: (d: { -readonly [K in keyof DocumentModel]: any }) => void): Corpus {
  const copy = structuredClone(doc) as any;
  edit(copy);
  return { ...corpus, documents: { [copy.id]: copy } };
}

describe('the corpus', () => {
  it('is internally consistent', () => {
    expect(validateCorpus(corpus)).toEqual([]);
  });

  it('carries the article as the issue describes it', () => {
    expect(Object.keys(doc.references)).toHaveLength(22);
    expect(Object.keys(doc.bibliography)).toEqual(['wertz-oh-kim-2016']);
    const dubious = doc.sections
      .flatMap((s) => s.paragraphs)
      .flatMap((p) => p.carries)
      .filter((i) => 'dubious' in i);
    expect(dubious).toHaveLength(4);
    expect(doc.facts.relationsEstablished).toEqual({ kind: 'date', value: '1992-01-09' });
    expect(doc.facts.exportsNorthKoreaToUkraine).toEqual({
      kind: 'money',
      amount: 55500,
      currency: 'USD',
    });
  });

  it('keeps an original title exactly where its status says the title is known', () => {
    const withTitle = Object.entries(doc.references)
      .filter(([, r]) => 'originalTitle' in r)
      .map(([id]) => id);
    const original = Object.entries(doc.references)
      .filter(([, r]) => r.titleStatus === 'original')
      .map(([id]) => id);
    expect(withTitle).toEqual(original);
    expect(withTitle).toHaveLength(10);
  });
});

describe('validateCorpus trips on a broken corpus', () => {
  it('reports an unknown fact in a paragraph', () => {
    const problems = validateCorpus(
      broken((d) => d.sections[1].paragraphs[0].carries.push({ fact: 'nope' })),
    );
    expect(problems).toContainEqual({
      path: 'documents.north-korea-ukraine-relations.sections[1].paragraphs[0].carries[10]',
      message: 'unknown fact "nope"',
    });
  });

  it('reports unknown entities and references', () => {
    const problems = validateCorpus(
      broken((d) => {
        d.sections[0].paragraphs[0].carries.push({ entity: 'atlantis' }, { cite: 'ghost-2020' });
      }),
    );
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['unknown entity "atlantis"', 'unknown reference "ghost-2020"']),
    );
  });

  it('reports dates that do not exist', () => {
    const problems = validateCorpus(
      broken((d) => {
        d.facts.severance = { kind: 'date', value: '2022-02-30' };
        d.references['oec-2020'] = {
          kind: 'web',
          work: 'oec',
          lang: 'en',
          accessed: '2024-13',
          titleStatus: 'unverified',
        };
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      '"2022-02-30" is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)',
      '"2024-13" is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });

  it('reports an orphan reference and an orphan bibliography entry', () => {
    const problems = validateCorpus(
      broken((d) => {
        d.references['orphan-2024'] = { kind: 'web', lang: 'en', titleStatus: 'unverified' };
        d.bibliography['unused-2000'] = { kind: 'report', lang: 'en', titleStatus: 'unverified' };
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'reference "orphan-2024" is never cited',
      'bibliography entry "unused-2000" is never cited',
    ]);
  });

  it('reports events, corrections and short citations pointing nowhere', () => {
    const problems = validateCorpus(
      broken((d) => {
        d.events['putin-meets-ri'].date = 'exportsUkraineToNorthKorea';
        d.corrections['kyiv-spelling'].target = { paragraph: 'history.p9' };
        d.references['wertz-p7-9'].cites = 'missing-book';
      }),
    );
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'fact "exportsUkraineToNorthKorea" is not a date',
        'unknown paragraph "history.p9"',
        'short citation points at unknown bibliography entry "missing-book"',
      ]),
    );
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['1992-01-09', { year: 1992, month: 1, day: 9, precision: 'day' }],
    ['2024-02-29', { year: 2024, month: 2, day: 29, precision: 'day' }],
    ['2022-07', { year: 2022, month: 7, precision: 'month' }],
    ['1998', { year: 1998, precision: 'year' }],
  ])('accepts %s', (input, expected) => expect(parseIsoDate(input)).toEqual(expected));
  it.each(['2023-02-29', '2024-00', '2024-13-01', '98', '2024-1-1', '2024-01-32', ''])(
    'rejects %s',
    (input) => expect(parseIsoDate(input)).toBeUndefined(),
  );
});

describe('documents of more than one kind', () => {
  it('lists every document with its kind: the article, then the prose pages', () => {
    expect(documentsOf(corpus).map((d) => [d.id, d.kind, d.sourceLocale])).toEqual([
      ['north-korea-ukraine-relations', 'article', 'ja'],
      ['about', 'page', 'ja'],
    ]);
  });

  it('accepts an article without an infobox, and one whose infobox has no parties', () => {
    const { infobox, ...rest } = structuredClone(doc);
    expect(validateCorpus({ ...corpus, documents: { [doc.id]: rest } })).toEqual([]);
    const rows = { ...rest, infobox: { rows: infobox?.rows ?? [] } };
    expect(validateCorpus({ ...corpus, documents: { [doc.id]: rows } })).toEqual([]);
  });

  it('checks a page: id, source language, kind, facts, and no clash with an article', () => {
    const pages = {
      [doc.id]: { kind: 'page', id: doc.id, sourceLocale: 'ja' },
      Bad: {
        kind: 'page',
        id: 'bad',
        sourceLocale: 'english',
        facts: { Year: { kind: 'date', value: '2022-02-30' } },
      },
    } as unknown as Corpus['pages'];
    const paths = validateCorpus({ ...corpus, ...(pages === undefined ? {} : { pages }) }).map(
      (p) => p.path,
    );
    expect(paths).toEqual([
      `pages.${doc.id}.id`,
      'pages.Bad.id',
      'pages.Bad.sourceLocale',
      'pages.Bad.facts.Year',
      'pages.Bad.facts.Year.value',
    ]);
  });
});
