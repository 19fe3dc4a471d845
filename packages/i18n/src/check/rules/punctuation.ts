import { formatDate } from '../../intl/facts.js';
import { defineRule } from '../rule.js';
import type { Entry } from '../../model/types.js';
import type { Scanned } from '../scan.js';
import type { Pair } from '../context.js';

type End =
  'stop' | 'question' | 'exclamation' | 'colon' | 'semicolon' | 'comma' | 'ellipsis' | 'none';

/**
 * The final mark of each class: Latin, CJK, Devanagari and Bengali dandas, Arabic (Urdu), Armenian,
 * Ethiopic, Burmese, Khmer. An ellipsis (…, ..., ⋯) is looked for first. A text's ending is read
 * from its last character, never by a search of the whole text.
 */
const MARKS: ReadonlyMap<string, End> = new Map(
  (
    [
      ['stop', '.。．｡।॥۔։።။។'],
      ['question', '?？؟\u037E՞፧'],
      ['exclamation', '!！՜'],
      ['colon', ':：'],
      ['semicolon', ';；؛'],
      ['comma', ',、，،'],
    ] as const
  ).flatMap(([cls, chars]) => [...chars].map((c) => [c, cls] as const)),
);
const endsWithEllipsis = (text: string, end: number) =>
  text.endsWith('…', end) || text.endsWith('...', end) || text.endsWith('⋯', end);
/** Scripts that end sentences without a full stop (Thai, Lao). */
const NO_STOP = new Set(['th', 'lo']);
const language = (locale: string) => (locale.split(/[-_]/)[0] as string).toLowerCase();
const NAMES: Readonly<Record<End, string>> = {
  stop: 'a full stop',
  question: 'a question mark',
  exclamation: 'an exclamation mark',
  colon: 'a colon',
  semicolon: 'a semicolon',
  comma: 'a comma',
  ellipsis: 'an ellipsis',
  none: 'no punctuation',
};
const CLOSING_QUOTES = /["'”’»」』〉》]$/u;

/**
 * Whether a locale's long dates end with a full stop: a pure function of Node's Intl data,
 * memoised for the life of the process (the same in every run).
 */
const dateEndsWithStop = new Map<string, boolean>();
/** Whether a long date ends with a full stop in this language (Ukrainian "13 липня 2022 р."). */
function dateStop(locale: string): boolean {
  let b = dateEndsWithStop.get(locale);
  if (b === undefined) {
    b = /\.$/.test(formatDate('2022-07-13', locale)) || /\.$/.test(formatDate('2022', locale));
    dateEndsWithStop.set(locale, b);
  }
  return b;
}

const SPACE = /\s/u;

interface Ending {
  readonly end: End;
  readonly char: string;
  /** Where the text ends, before trailing spaces, tags and quotes. */
  readonly at: number;
}

const NO_ENDING = (at: number): Ending => ({ end: 'none', char: '', at });

/**
 * How a text ends, ignoring trailing whitespace, inline tags (<ref/>, <dubious/>) and closing
 * quotes. See {@link loose} for the endings that agree with a full stop or none.
 */
function ending(s: Scanned, locale: string): Ending {
  const value = s.value;
  // Linear however many tags and quotes the text ends with.
  let tagEnding: Map<number, (typeof s.tags)[number]> | undefined;
  if (s.tags.length > 0) {
    tagEnding = new Map();
    for (const t of s.tags) if (!tagEnding.has(t.end)) tagEnding.set(t.end, t);
  }
  let end = value.length;
  for (;;) {
    const before = end;
    while (end > 0 && SPACE.test(value[end - 1] as string)) end--;
    const tag = tagEnding?.get(end);
    if (tag !== undefined) end = tag.start;
    if (end > 0 && CLOSING_QUOTES.test(value[end - 1] as string)) end--;
    if (end === before) break;
  }
  if (s.interpolations.length > 0 && s.interpolations.some((i) => i.end === end))
    return NO_ENDING(end);
  const last = end === 0 ? '' : (value[end - 1] as string);
  const cls = endsWithEllipsis(value, end) ? 'ellipsis' : MARKS.get(last);
  if (cls === undefined) return NO_ENDING(end);
  // Greek writes its question mark as a semicolon.
  const greek = cls === 'semicolon' && last === ';' && language(locale) === 'el';
  return { end: greek ? 'question' : cls, char: last, at: end };
}

/**
 * Whether a text's ending may stand for a full stop or none: a final full stop that may belong
 * to an abbreviation (Ukrainian "р."), or a text that ends with a date (whose format may end with
 * "р."). Asked only on a mismatch: it may need Intl date data, which is slow to load.
 */
function loose(e: Ending, s: Scanned, locale: string): boolean {
  const isDate = (at: number) =>
    s.interpolations.some(
      (i) => i.end === at && i.formats.some((f) => f.name === 'date' || f.name === 'datetime'),
    );
  if (e.end === 'none') return e.char === '' && isDate(e.at) && dateStop(locale);
  return (
    e.end === 'stop' &&
    (ABBREVIATION.test(s.value.slice(0, e.at)) || (isDate(e.at - 1) && dateStop(locale)))
  );
}

const ABBREVIATION = /(?:^|[\s\u00A0])р\.$/u;

/**
 * End punctuation agrees with the source's, in each script's own marks (。 ↔ . ↔ । ↔ ؟). Not
 * reported: a colon where the source has none (word order puts what follows after the text), a
 * full stop missing in Thai or Lao (which write none). A label that gains a full stop is info.
 */
export const punctuation = defineRule({
  meta: {
    id: 'punctuation',
    severity: 'warning',
    needsCore: false,
    description:
      "The text ends like the source (full stop, question mark, …) in its script's own marks; a colon added where the word order needs one, and Thai's missing full stop, are fine.",
  },
  namespace(ctx) {
    // A source text's ending, read once for every language that translates it (with three
    // languages or more: for fewer, the map costs more than reading the ending again).
    const sourceEndings = ctx.targets.length >= 3 ? new Map<Entry, Ending>() : undefined;
    const pairs = ctx.pairs();
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p] as Pair;
      if (pair.value.trim() === '' || pair.sourceValue.trim() === '') continue;
      const sourceScan = ctx.scan(pair.sourceValue, pair.sourceEntry);
      let b = sourceEndings?.get(pair.sourceEntry);
      if (b === undefined) {
        b = ending(sourceScan, pair.source.locale);
        sourceEndings?.set(pair.sourceEntry, b);
      }
      const scan = ctx.scan(pair.value, pair.entry);
      const a = ending(scan, pair.file.locale);
      if (a.end === b.end) continue;
      const agrees = (x: Ending, xs: Scanned, xl: string, y: Ending) =>
        (y.end === 'stop' || y.end === 'none') && loose(x, xs, xl);
      if (agrees(a, scan, pair.file.locale, b) || agrees(b, sourceScan, pair.source.locale, a))
        continue;
      if (b.end === 'none' && a.end === 'colon') continue;
      if (b.end === 'stop' && a.end === 'none' && NO_STOP.has(language(pair.file.locale))) continue;
      ctx.report({
        ...(b.end === 'none' && a.end === 'stop' ? { severity: 'info' as const } : {}),
        file: pair.file,
        offset: pair.file.valueOffset(pair.entry, Math.max(0, pair.value.trimEnd().length - 1)),
        key: pair.entry.key,
        message: `ends with ${NAMES[a.end]}${a.char ? ` "${a.char}"` : ''}; the source (${pair.source.locale}) ends with ${NAMES[b.end]}${b.char ? ` "${b.char}"` : ''}`,
        hint:
          b.end === 'none'
            ? 'Remove the final punctuation, as the source has none here (e.g. a title or label).'
            : `End it with ${NAMES[b.end]} in your language's form (。 in Japanese, . in English, Korean and Ukrainian).`,
      });
    }
  },
});
