import * as core from '@bilateral/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toUtcDate } from '../src/intl/dates.js';

/**
 * The toolkit parses ISO dates itself (formatting `{{when, date}}` is generic work, done without
 * the optional core), by the same rules as the core's facts: the two must never disagree.
 */
describe('ISO dates without the core', () => {
  const digits = (n: number) =>
    fc
      .array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n })
      .map((a) => a.join(''));
  const isoLike = fc.oneof(
    digits(4),
    fc.tuple(digits(4), digits(2)).map(([y, m]) => `${y}-${m}`),
    fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.string(),
  );

  it('parses like the core on every input, and gives the same instant', () => {
    fc.assert(
      fc.property(isoLike, (s) => {
        const mine = parseIsoDate(s);
        expect(mine).toEqual(core.parseIsoDate(s));
        if (mine !== undefined) expect(toUtcDate(mine)).toEqual(core.toUtcDate(mine));
      }),
      { numRuns: 2000 },
    );
  });

  it('checks that the day exists', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29, precision: 'day' });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-13')).toBeUndefined();
    expect(parseIsoDate('1998')).toEqual({ year: 1998, precision: 'year' });
    expect(parseIsoDate('98-01-01')).toBeUndefined();
  });
});
