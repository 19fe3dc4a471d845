import { parseIsoDate, toUtcDate } from '@bilateral/core';
import type { DateFact, Fact, MoneyFact, QuantityFact } from '@bilateral/core';

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

const canonical = new Map<string, string>();

/**
 * Resolves a locale Intl can use; an unknown or malformed tag falls back to `en`. Remembered per
 * tag (`Intl.getCanonicalLocales` is slow, and every fact of every page asks).
 */
export function intlLocale(lng: string): string {
  let locale = canonical.get(lng);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(lng)[0] ?? 'en';
    } catch {
      locale = 'en';
    }
    if (canonical.size < 1000) canonical.set(lng, locale);
  }
  return locale;
}

export const INVALID = '⟨?⟩';

/**
 * Formats a date at its precision: `1992-01-09` → 1992年1月9日 / January 9, 1992 /
 * 9 січня 1992 р. / 1992년 1월 9일; `2022-07` → July 2022; `1998` → 1998.
 * Option `monthForm: genitive` formats a month-year date with the month in its format form
 * (Ukrainian "липня 2022 р." instead of the stand-alone "липень 2022 р.").
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
  if (date.precision === 'day') {
    return cached(
      `d|${locale}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    ).format(instant);
  }
  if (date.precision === 'year') {
    return cached(
      `y|${locale}`,
      () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
    ).format(instant);
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
      return parts
        .map((p) => p.value)
        .join('')
        .trim();
    }
  }
  return cached(
    `my|${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(instant);
}

export function formatNumber(value: number, lng: string): string {
  if (!Number.isFinite(value)) return INVALID;
  return cached(`n|${intlLocale(lng)}`, () => new Intl.NumberFormat(intlLocale(lng))).format(value);
}

const CURRENCY_DISPLAYS = new Set(['symbol', 'narrowSymbol', 'code', 'name']);

/** Formats money: US$7,710 → "$7,710" (en), "7 710 USD" (uk), "7,710米ドル" (ja, `currencyDisplay: name`). */
export function formatMoney(value: MoneyFact, lng: string, options: FormatOptions = {}): string {
  if (!Number.isFinite(value.amount)) return INVALID;
  const display = options['currencyDisplay'] ?? 'symbol';
  const currencyDisplay = (CURRENCY_DISPLAYS.has(display) ? display : 'symbol') as
    'symbol' | 'narrowSymbol' | 'code' | 'name';
  const fraction = Number.isInteger(value.amount) ? 0 : 2;
  const locale = intlLocale(lng);
  try {
    return cached(
      `m|${locale}|${value.currency}|${currencyDisplay}|${fraction}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: value.currency,
          currencyDisplay,
          minimumFractionDigits: fraction,
          maximumFractionDigits: fraction,
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
