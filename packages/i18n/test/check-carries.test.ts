import { describe, expect, it } from 'vitest';
import {
  allParagraphs,
  citationsOf,
  corpus,
  dubiousCountOf,
  entitiesOf,
  factsOf,
  type Paragraph,
} from '@bilateral/core';
import { carriesOf } from '../src/check/state.js';

/** What the rules read of a paragraph, read once per run: the same as the core's query helpers. */
describe('carriesOf', () => {
  const expectSame = (p: Paragraph) => {
    const c = carriesOf(p);
    expect(c.citations).toEqual(citationsOf(p));
    expect([...c.citationCounts].sort()).toEqual(
      [...new Set(citationsOf(p))]
        .map((id) => [id, citationsOf(p).filter((x) => x === id).length])
        .sort(),
    );
    expect([...c.facts]).toEqual([...new Set(factsOf(p))]);
    expect(c.entities).toEqual([...new Set(entitiesOf(p))]);
    expect(c.dubious).toBe(dubiousCountOf(p));
  };

  it('agrees with the query helpers on every paragraph of the core', () => {
    let n = 0;
    for (const doc of Object.values(corpus.documents))
      for (const { paragraph } of allParagraphs(doc)) {
        expectSame(paragraph);
        n++;
      }
    expect(n).toBeGreaterThan(10);
  });

  it('keeps repeats and order where the helpers do', () => {
    const p: Paragraph = {
      id: 'p1',
      carries: [
        { cite: 'b' },
        { fact: 'f2' },
        { entity: 'e1' },
        { cite: 'a' },
        { dubious: true },
        { cite: 'b' },
        { fact: 'f1' },
        { fact: 'f2' },
        { entity: 'e1' },
        { entity: 'e0' },
        { dubious: true },
      ],
    };
    expectSame(p);
    expect(carriesOf(p).citationCounts.get('b')).toBe(2);
  });
});
