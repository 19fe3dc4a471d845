import { parseIsoDate } from '../../intl/dates.js';
import type { DocumentModel, Fact } from '@bilateral/core';
import { FORMATS_FOR_KIND, intlLocale } from '../../intl/facts.js';
import { defineRule } from '../rule.js';
import { excerpt } from '../strings.js';

/**
 * Numbers, dates and amounts typed into the text of a document instead of coming from the core,
 * recognised in every locale's formats: 1,500 · 1 500 · 1.500 · 1500명 · 2022年7月13日 ·
 * 13 липня 2022. A digit run glued to a Latin letter (CS1, G7, MH17) is a code, not a quantity.
 * Keys that quote sources (reference titles) are exempted in the config, with a reason.
 */
export const literalFacts = defineRule({
  meta: {
    id: 'literal-facts',
    severity: 'error',
    needsCore: true,
    description: 'No number, date or amount typed into the text instead of coming from the core.',
  },
  namespace(ctx) {
    const doc = ctx.document;
    if (doc === undefined) return;
    const paragraphs = ctx.paragraphs();
    for (const { file, entry, value } of ctx.strings(ctx.namespace)) {
      const s = ctx.scan(value, entry);
      if (s.numbers.length === 0) continue;
      // After the scan: most texts have no number, and an exemption is a match of every pattern.
      if (ctx.exempt(file, entry.key)) continue;
      const declared = paragraphs.get(entry.key);
      for (const cluster of clusterLiterals(s.masked, s.numbers, file.locale)) {
        const match = matchFact(doc, cluster.numbers, declared?.carries.facts);
        ctx.report({
          file,
          offset: file.valueOffset(entry, cluster.start),
          key: entry.key,
          message: `"${excerpt(cluster.text)}" is typed into the text: numbers, dates and amounts come from the core${match === undefined ? '' : ` (this looks like the fact ${match.id})`}`,
          hint:
            match === undefined
              ? 'If it is a fact, declare it in the core and write a {{fact, format}} slot; if the key quotes a source (a title), exempt it in bilateral.config.json with a reason.'
              : `Replace it with {{${match.id}, ${FORMATS_FOR_KIND[match.fact.kind][0]}}}: the value is formatted for each language from the core.`,
        });
      }
    }
  },
});

export interface Literal {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly numbers: readonly number[];
}

const DATE_GAP = /^[\s\u00A0,./\-–年月日년월일]*$/u;

/**
 * Month names per locale: a pure function of the locale and Node's Intl data, memoised for the
 * life of the process (a handful of locales; the same in every run).
 */
const monthCache = new Map<string, Set<string>>();
function monthNames(locale: string): Set<string> {
  let names = monthCache.get(locale);
  if (names === undefined) {
    names = new Set();
    const loc = intlLocale(locale);
    for (const options of [
      { month: 'long' },
      { month: 'short' },
      { day: 'numeric', month: 'long' },
    ] as const) {
      const f = new Intl.DateTimeFormat(loc, { ...options, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        for (const part of f.formatToParts(new Date(Date.UTC(2000, m, 15)))) {
          if (part.type === 'month') names.add(part.value.toLowerCase().replace(/\.$/, ''));
        }
      }
    }
    monthCache.set(locale, names);
  }
  return names;
}

/**
 * Literal numbers and dates in a (masked) text, from its number runs (see `Scanned.numbers`):
 * runs separated only by date punctuation or a month name form one literal.
 */
export function clusterLiterals(
  text: string,
  runs: readonly { readonly start: number; readonly end: number }[],
  locale: string,
): Literal[] {
  // Clusters are built in place: a hostile text of thousands of date-like runs stays linear.
  const out: { start: number; end: number; numbers: number[] }[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last !== undefined) {
      const gap = text.slice(last.end, r.start);
      const word = gap.length < 16 ? gap.trim().toLowerCase().replace(/[.,]$/, '') : '';
      if (DATE_GAP.test(gap) || (/^\p{L}+$/u.test(word) && monthNames(locale).has(word))) {
        last.end = r.end;
        for (const n of numbersIn(text.slice(r.start, r.end))) last.numbers.push(n);
        continue;
      }
    }
    out.push({ start: r.start, end: r.end, numbers: numbersIn(text.slice(r.start, r.end)) });
  }
  // Extend a date to a following 年/月/日-style unit for the message ("2022年7月13日").
  return out.map((l) => {
    const end = /^[年月日년월일]/u.test(text.charAt(l.end)) ? l.end + 1 : l.end;
    return { start: l.start, end, text: text.slice(l.start, end), numbers: l.numbers };
  });
}

/** The numbers a literal may stand for: the whole with group separators removed, and each run. */
function numbersIn(t: string): number[] {
  const runs = t
    .split(/[^\p{Nd}]+/u)
    .filter(Boolean)
    .map((d) => Number(toAscii(d)));
  const grouped = /^\p{Nd}{1,3}(?:[.,\u00A0\u202F\u2009' ]\p{Nd}{3})+$/u.test(t)
    ? [Number(toAscii(t.replace(/[^\p{Nd}]/gu, '')))]
    : [];
  return [...grouped, ...runs];
}

/** Fullwidth and other compatibility digits to ASCII (others give NaN, which matches nothing). */
const toAscii = (d: string) => d.normalize('NFKC');

/** The fact a literal most likely stands for (preferring the paragraph's own facts). */
function matchFact(
  doc: DocumentModel,
  numbers: readonly number[],
  prefer: ReadonlySet<string> | undefined,
): { id: string; fact: Fact } | undefined {
  const nums = new Set(numbers);
  const candidates = Object.entries(doc.facts).filter(([, fact]) => {
    switch (fact.kind) {
      case 'quantity':
        return nums.has(fact.value);
      case 'money':
        return nums.has(fact.amount);
      case 'date': {
        const d = parseIsoDate(fact.value);
        if (d === undefined || !nums.has(d.year)) return false;
        return d.precision !== 'day' || (d.day !== undefined && nums.has(d.day));
      }
    }
  });
  const best =
    candidates.find(
      ([id, f]) =>
        prefer?.has(id) === true && f.kind === 'date' && parseIsoDate(f.value)?.precision === 'day',
    ) ??
    candidates.find(([id]) => prefer?.has(id) === true) ??
    candidates[0];
  return best === undefined ? undefined : { id: best[0], fact: best[1] };
}
