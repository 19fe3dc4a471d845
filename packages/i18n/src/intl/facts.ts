import { parseIsoDate, toUtcDate } from './dates.js';
import type { DateFact, Fact, MoneyFact, QuantityFact } from '@bilateral/core';
import { cldrLocale, toBcp47 } from '../model/locale-tags.js';

/**
 * Formatting of language-neutral facts with Intl. Every function is total: a value it cannot
 * format yields a visible `⟨?⟩` marker rather than an exception, so a bad fact never takes a page
 * down (the checks report it).
 */

export type FormatOptions = Readonly<Record<string, string>>;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/**
 * Resolves a locale Intl can use, from a tag as the project writes it (`pt_BR` → `pt-BR`, see
 * `cldrLocale`); a tag Intl has no data for stays as it is (Intl then uses its default), a
 * malformed one falls back to `en` (the checks warn about such a language once). Memoised per tag in model/locale-tags.ts.
 */
export function intlLocale(lng: string): string {
  return cldrLocale(lng) ?? toBcp47(lng) ?? 'en';
}

export const INVALID = '⟨?⟩';

/**
 * Formats a date at its precision: `1992-01-09` → 1992年1月9日 / January 9, 1992 /
 * 9 січня 1992 р. / 1992년 1월 9일; `2022-07` → July 2022; `1998` → 1998.
 * Option `monthForm: genitive` formats a month-year date with the month in its format form
 * (Ukrainian "липня 2022 р." instead of the stand-alone "липень 2022 р."). Option
 * `yearMark: omit` drops what the locale writes after the year (Ukrainian "р.": "9 січня 1992"),
 * as citations do in some languages.
 */
export function formatDate(
  value: DateFact | string,
  lng: string,
  options: FormatOptions = {},
): string {
  const iso = typeof value === 'string' ? value : value.value;
  const date = parseIsoDate(iso);
  if (date === undefined) return INVALID;
  const locale = intlLocale(lng);
  const instant = toUtcDate(date);
  const format = (key: string, make: () => Intl.DateTimeFormat): string => {
    const f = cached(`${key}|${locale}`, make);
    return options['yearMark'] === 'omit'
      ? withoutYearMark(f.formatToParts(instant))
      : f.format(instant);
  };
  if (date.precision === 'day') {
    return format(
      'd',
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    );
  }
  if (date.precision === 'year') {
    return format('y', () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }));
  }
  if (options['monthForm'] === 'genitive') {
    const parts = cached(
      `dmy|${locale}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    ).formatToParts(instant);
    const dayAt = parts.findIndex((p) => p.type === 'day');
    if (dayAt !== -1) {
      // Drop the day and the literal that joins it to its neighbour.
      const next = parts[dayAt + 1];
      const drop = next?.type === 'literal' ? 2 : 1;
      const start = next?.type === 'literal' ? dayAt : Math.max(0, dayAt - 1);
      parts.splice(start, drop);
      const kept = options['yearMark'] === 'omit' ? withoutYearMark(parts) : joinParts(parts);
      return kept.trim();
    }
  }
  return format(
    'my',
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  );
}

const joinParts = (parts: readonly Intl.DateTimeFormatPart[]): string =>
  parts.map((p) => p.value).join('');

/**
 * The date without the literal that ends it right after the year, when that literal has letters
 * (Ukrainian " р."); a date that ends with its day or month (ja "1992年1月9日") is kept whole.
 */
function withoutYearMark(parts: readonly Intl.DateTimeFormatPart[]): string {
  const last = parts.at(-1);
  const beforeLast = parts.at(-2);
  if (last?.type === 'literal' && beforeLast?.type === 'year' && /\p{L}/u.test(last.value))
    return joinParts(parts.slice(0, -1));
  return joinParts(parts);
}

const GROUPINGS = new Set(['auto', 'always', 'min2']);

/** The `useGrouping` option (`min2`: Ukrainian 1500 but 55 500), or the locale's default. */
const grouping = (options: FormatOptions): 'auto' | 'always' | 'min2' => {
  const g = options['useGrouping'];
  return g !== undefined && GROUPINGS.has(g) ? (g as 'auto' | 'always' | 'min2') : 'auto';
};

/** Formats a number for a locale; option `useGrouping` as Intl's (`min2`, `always`, `auto`). */
export function formatNumber(value: number, lng: string, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return INVALID;
  const locale = intlLocale(lng);
  const useGrouping = grouping(options);
  return cached(
    `n|${locale}|${useGrouping}`,
    () => new Intl.NumberFormat(locale, { useGrouping }),
  ).format(value);
}

const CURRENCY_DISPLAYS = new Set(['symbol', 'narrowSymbol', 'code', 'name']);

/**
 * Formats money: US$7,710 → "$7,710" (en), "7 710 USD" (uk), "7,710米ドル" (ja, `currencyDisplay:
 * name`); option `useGrouping` as for {@link formatNumber}.
 */
export function formatMoney(value: MoneyFact, lng: string, options: FormatOptions = {}): string {
  if (!Number.isFinite(value.amount)) return INVALID;
  const display = options['currencyDisplay'] ?? 'symbol';
  const currencyDisplay = (CURRENCY_DISPLAYS.has(display) ? display : 'symbol') as
    'symbol' | 'narrowSymbol' | 'code' | 'name';
  const fraction = Number.isInteger(value.amount) ? 0 : 2;
  const locale = intlLocale(lng);
  const useGrouping = grouping(options);
  try {
    return cached(
      `m|${locale}|${value.currency}|${currencyDisplay}|${fraction}|${useGrouping}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: value.currency,
          currencyDisplay,
          minimumFractionDigits: fraction,
          maximumFractionDigits: fraction,
          useGrouping,
        }),
    ).format(value.amount);
  } catch {
    return INVALID;
  }
}

export const isFact = (v: unknown): v is Fact =>
  typeof v === 'object' &&
  v !== null &&
  'kind' in v &&
  ((v as Fact).kind === 'date' || (v as Fact).kind === 'quantity' || (v as Fact).kind === 'money');

/** Which format names fit which fact kinds. */
export const FORMATS_FOR_KIND: Readonly<Record<Fact['kind'], readonly string[]>> = {
  date: ['date'],
  quantity: ['quantity', 'number'],
  money: ['money'],
};

export type { DateFact, MoneyFact, QuantityFact };
