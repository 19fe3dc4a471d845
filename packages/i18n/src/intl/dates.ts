/**
 * ISO dates as the toolkit reads them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with their precision.
 * The same rules as `parseIsoDate`/`toUtcDate` of `@bilateral/core` (a test holds the two to the
 * same answers), kept here because formatting dates is generic work: `{{when, date}}` in any
 * i18next project and the `punctuation` rule format dates with no core installed (the core is an
 * optional peer dependency; see files/core.ts).
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DatePrecision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and checks that the date exists in the proleptic
 * Gregorian calendar. Returns `undefined` for anything else (`2023-02-29`, `2024-13`, `24-01-01`).
 */
export function parseIsoDate(value: string): ParsedDate | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return { year, month, day, precision: 'day' };
}

/** The instant to hand to `Intl.DateTimeFormat` (formatted with `timeZone: 'UTC'`). */
export function toUtcDate(date: ParsedDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
}
