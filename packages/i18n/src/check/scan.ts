import { scanIcu, type IcuScan } from '../syntax/icu.js';
import {
  scanMarkup,
  scanPlaceholders,
  type Delimiters,
  type Interpolation,
  type Nesting,
  type Tag,
} from '../syntax/inline.js';

/** What the project's texts are written in: i18next's syntax (with its delimiters) or ICU. */
export interface ScanSyntax {
  readonly delimiters?: Delimiters;
  /** ICU MessageFormat (i18next-icu): `{name}`, `{count, plural, …}`; no `{{…}}` or `$t(…)`. */
  readonly icu?: boolean;
}

/**
 * One pass over a translation string producing what every rule needs: its placeholders, tags,
 * citations, markers and number runs, and the text with all of them blanked out. A run scans each
 * string once and shares the result between its rules (`ctx.scan`, memoised in the run's state).
 */
export interface Scanned {
  readonly value: string;
  readonly interpolations: readonly Interpolation[];
  readonly nestings: readonly Nesting[];
  readonly tags: readonly Tag[];
  /** Comments and processing instructions. */
  readonly other: readonly { readonly start: number; readonly end: number; readonly raw: string }[];
  /** `<ref id="…"/>` citations (opening and self-closing tags), in order. */
  readonly refs: readonly Tag[];
  /** `<dubious/>` markers (opening and self-closing tags), in order. */
  readonly dubious: readonly Tag[];
  /** The value with placeholders and tags blanked out (same length, so offsets still hold). */
  readonly masked: string;
  /**
   * Runs of digits in {@link masked}, with the group separators between them (`1,500`,
   * `1 500`), where a number could be typed out; a run glued to a Latin letter (CS1, G7, MH17)
   * is a code and is left out.
   */
  readonly numbers: readonly { readonly start: number; readonly end: number }[];
  /** The ICU message (arguments, plural and select options), when the project uses ICU. */
  readonly icu?: IcuScan;
}

const NONE: readonly never[] = [];

/**
 * Scans one string (linear in its length, whatever it holds). Most strings hold no placeholder
 * and no tag: they cost a few `includes`, and share empty lists instead of making new ones.
 */
export function scanString(value: string, syntax: ScanSyntax = {}): Scanned {
  const d = syntax.delimiters;
  const icu = syntax.icu === true ? scanIcu(value) : undefined;
  const placeholders =
    icu !== undefined
      ? NONE
      : d === undefined
        ? value.includes('{{') || value.includes('$t(')
          ? scanPlaceholders(value)
          : NONE
        : value.includes(d.prefix) || value.includes(d.nestingPrefix)
          ? scanPlaceholders(value, d)
          : NONE;
  const markup = !value.includes('<') ? NO_MARKUP : (simpleMarkup(value) ?? scanMarkup(value));
  const tags = markup.tags;
  const icuSpans = icu?.spans ?? NONE;
  const masked =
    placeholders.length === 0 &&
    tags.length === 0 &&
    markup.other.length === 0 &&
    icuSpans.length === 0
      ? value
      : mask(value, [...placeholders, ...tags, ...markup.other, ...icuSpans]);
  const scanned: { -readonly [K in keyof Scanned]: Scanned[K] } = {
    value,
    interpolations:
      placeholders.length === 0
        ? NONE
        : placeholders.filter((p): p is Interpolation => p.type === 'interpolation'),
    nestings:
      placeholders.length === 0
        ? NONE
        : placeholders.filter((p): p is Nesting => p.type === 'nesting'),
    tags,
    other: markup.other,
    refs: tags.length === 0 ? NONE : tags.filter((t) => t.name === 'ref' && t.kind !== 'close'),
    dubious:
      tags.length === 0 ? NONE : tags.filter((t) => t.name === 'dubious' && t.kind !== 'close'),
    masked,
    numbers: DIGIT.test(masked) ? numberRuns(masked) : NONE,
  };
  if (icu !== undefined) scanned.icu = icu;
  return scanned;
}

/**
 * What a string must hold for its scan to find anything: the first character of an
 * interpolation or nesting prefix, a `<`, or a digit. A string without any of them (most texts
 * of a real project) is scanned by {@link plainScan} without a memo: one test, no lookup.
 */
export function plainTest(syntax: ScanSyntax): RegExp | undefined {
  // ICU: without braces a message is one literal text (quotes and `#` only matter around them).
  if (syntax.icu === true) return /[<{}\p{Nd}]/u;
  const d = syntax.delimiters;
  const firsts = new Set(['<']);
  if (d === undefined) firsts.add('{').add('$');
  else if (d.prefix === '' || d.nestingPrefix === '') return undefined;
  else firsts.add(d.prefix[0] as string).add(d.nestingPrefix[0] as string);
  const cls = [...firsts].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  return new RegExp(`[${cls}\\p{Nd}]`, 'u');
}

/** What the ICU parser finds in a message without braces: nothing (one literal text). */
const LITERAL_ICU: IcuScan = { args: new Map(), choices: [], spans: [], error: undefined };

/** The scan of a string in which {@link plainTest} found nothing: the string as it is. */
export function plainScan(value: string, syntax: ScanSyntax = {}): Scanned {
  if (syntax.icu === true) return { ...plainScan(value), icu: LITERAL_ICU };
  return {
    value,
    interpolations: NONE,
    nestings: NONE,
    tags: NONE,
    other: NONE,
    refs: NONE,
    dubious: NONE,
    masked: value,
    numbers: NONE,
  };
}

const NO_MARKUP: { readonly tags: readonly Tag[]; readonly other: Scanned['other'] } = {
  tags: NONE,
  other: NONE,
};

const DIGIT = /\p{Nd}/u;

/** Blanks out spans (keeping line breaks, so offsets and lines still hold). */
function mask(value: string, spans: { readonly start: number; readonly end: number }[]): string {
  if (spans.length === 0) return value;
  spans.sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.end <= at) continue;
    const from = Math.max(at, sp.start);
    const br = value.indexOf('\n', from);
    masked +=
      value.slice(at, from) +
      (br === -1 || br >= sp.end
        ? ' '.repeat(sp.end - from)
        : value.slice(from, sp.end).replace(/[^\n]/g, ' '));
    at = sp.end;
  }
  return masked + value.slice(at);
}

const NUMBER = /\p{Nd}+(?:[.,\u00A0\u202F\u2009' ]\p{Nd}+)*/gu;
const LATIN = /\p{Script=Latin}/u;

function numberRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    let end = start + m[0].length;
    // A trailing separator belongs to the sentence, not the number.
    while (end > start && !/\p{Nd}/u.test(text[end - 1] as string)) end--;
    const before = text[start - 1];
    const after = text[end];
    if ((before !== undefined && LATIN.test(before)) || (after !== undefined && LATIN.test(after)))
      continue;
    runs.push({ start, end });
  }
  return runs;
}

const SIMPLE_TAG =
  /<(ref) id="([A-Za-z0-9._:-]+)"\/>|<(dubious)\/>|<(\/?)(b|i|em|strong|code|small|sub|sup|span|mark|u|s)>/y;

/**
 * A fast path for the common case: every `<` starts a plain `<ref id="…"/>` or `<dubious/>`, or a
 * bare inline tag (`<b>`, `</em>`…) that opens and closes in order. An HTML tokenizer reads such a
 * text exactly as written (htmlparser2 has no implied end for these elements, and a well-nested
 * text leaves it none to make), which a property test holds. Anything else goes to the real
 * tokenizer.
 */
function simpleMarkup(value: string): { tags: Tag[]; other: readonly never[] } | undefined {
  const tags: Tag[] = [];
  const open: string[] = [];
  let at = value.indexOf('<');
  while (at !== -1) {
    SIMPLE_TAG.lastIndex = at;
    const m = SIMPLE_TAG.exec(value);
    if (m === null) return undefined;
    const end = at + m[0].length;
    if (m[1] === 'ref')
      tags.push({
        name: 'ref',
        attributes: { id: m[2] as string },
        kind: 'self-closing',
        start: at,
        end,
      });
    else if (m[3] === 'dubious')
      tags.push({ name: 'dubious', attributes: {}, kind: 'self-closing', start: at, end });
    else {
      const name = m[5] as string;
      if (m[4] === '/') {
        if (open.pop() !== name) return undefined; // not in order: the tokenizer decides
        tags.push({ name, attributes: {}, kind: 'close', start: at, end });
      } else {
        open.push(name);
        // Attributes as the tokenizer gives them: an object without a prototype.
        const attributes = Object.create(null) as Record<string, string>;
        tags.push({ name, attributes, kind: 'open', start: at, end });
      }
    }
    at = value.indexOf('<', end);
  }
  return open.length === 0 ? { tags, other: NONE } : undefined;
}
