import { PLURAL_CATEGORIES, pluralCategories, type Logical } from '../model/keys.js';
import { cldrLocale } from '../model/locale-tags.js';
import type { Entry, LocaleFile } from '../model/types.js';
import { ParsedEntry } from '../files/entries.js';
import type { I18next } from './i18next.js';
import { isV3Suffix, v3Counts, v3Examples, v3Forms, v3Rule } from './plural-v3.js';

/**
 * Plural families as the project's i18next reads them: the v4 suffixes (`_one`, `_ordinal_few`,
 * by CLDR) or the v3 ones (`key` + `key_plural`, or `key_0` … `key_5`), with the configured plural
 * separator. A family's forms are keyed by category: a CLDR category (v4), or `''` (the bare key),
 * `plural`, `0` … `5` (v3).
 */
export interface PluralKey {
  readonly base: string;
  readonly ordinal: boolean;
  readonly category: string;
}

const V4_CATEGORIES: ReadonlySet<string> = new Set(PLURAL_CATEGORIES);

export class PluralKeys {
  readonly v3: boolean;
  private readonly sep: string;

  constructor(i18next: Pick<I18next, 'compatibilityJSON' | 'pluralSeparator'>) {
    this.v3 = i18next.compatibilityJSON === 'v3';
    this.sep = i18next.pluralSeparator;
  }

  /** `pages_few` → `{ base: 'pages', ordinal: false, category: 'few' }` (v3: `pages_2` → `2`). */
  parse(key: string): PluralKey | undefined {
    const at = key.lastIndexOf(this.sep);
    if (at <= 0) return undefined;
    // v4's suffixes are 3–5 letters (`one` … `other`): most keys with the separator in them are
    // told apart without cutting a string out of each.
    const length = key.length - at - this.sep.length;
    if (!this.v3 && (length < 3 || length > 5)) return undefined;
    const suffix = key.slice(at + this.sep.length);
    if (this.v3)
      return isV3Suffix(suffix)
        ? { base: key.slice(0, at), ordinal: false, category: suffix }
        : undefined;
    if (!V4_CATEGORIES.has(suffix)) return undefined;
    const head = key.slice(0, at);
    const ord = `${this.sep}ordinal`;
    if (head.endsWith(ord) && head.length > ord.length)
      return { base: head.slice(0, -ord.length), ordinal: true, category: suffix };
    return { base: head, ordinal: false, category: suffix };
  }

  /** The logical key of a family: `pages` (cardinal) or `pages_ordinal`. */
  family(base: string, ordinal: boolean): string {
    return ordinal ? `${base}${this.sep}ordinal` : base;
  }

  /** The key of one form (`''`, v3's bare key, is the base itself). */
  formKey(base: string, ordinal: boolean, category: string): string {
    if (category === '') return base;
    return `${base}${this.sep}${ordinal ? `ordinal${this.sep}` : ''}${category}`;
  }

  /** The forms a language reads, in order (v4: its CLDR categories; v3: i18next's suffixes). */
  required(locale: string, ordinal: boolean): readonly string[] {
    return this.v3 ? v3Forms(locale) : pluralCategories(locale, ordinal);
  }

  /** Whether a form that a language does not read is harmless (the language has one form). */
  single(locale: string, ordinal: boolean): boolean {
    if (this.v3) return (v3Rule(locale)?.forms ?? 1) === 1;
    const cats = pluralCategories(locale, ordinal);
    return cats.length === 1 && cats[0] === 'other';
  }

  /**
   * The whole counts from 0 to {@link COUNTS_UP_TO} for which i18next reads a form in a language:
   * v4, the CLDR category's (and 0 for `_zero`, which i18next reads for 0 in every language); v3,
   * its rule's. The bare key of a v3 language with numbered forms is read for the counts whose
   * form the family lacks (`present`: the family's categories), else only without a count.
   */
  counts(
    locale: string,
    category: string,
    ordinal: boolean,
    present: ReadonlySet<string> = new Set(),
  ): readonly number[] {
    if (!this.v3) {
      const cldr = cldrCounts(locale, category, ordinal);
      return category === 'zero' && !ordinal && !cldr.includes(0) ? [0, ...cldr] : cldr;
    }
    return v3Counts(locale, category, present);
  }

  /** A few numbers a form is used for, for messages ("2, 3, 4, 22, 23, …"); never empty. */
  examples(locale: string, category: string, ordinal: boolean): string {
    return this.v3 ? v3Examples(locale, category) : cldrExamples(locale, category, ordinal);
  }

  /**
   * The plural families of a namespace, from its files in every locale. v4: a base with an
   * `_other` form and at least one other form (`_one`, `_few`, …) in some file; a lone `x_other`
   * (an answer labelled "Other") is an ordinary key. v3: a base with `_plural` or `_0` in some file.
   */
  families(files: readonly LocaleFile[]): Set<string> {
    const withOther = new Set<string>();
    const withForm = new Set<string>();
    for (const f of files) {
      for (const key of f.entries.keys()) {
        const p = this.parse(key);
        if (p === undefined) continue;
        const fk = this.family(p.base, p.ordinal);
        if (this.v3) {
          if (p.category === 'plural' || p.category === '0') withOther.add(fk);
        } else if (p.category === 'other') withOther.add(fk);
        else withForm.add(fk);
      }
    }
    if (this.v3) return withOther;
    const out = new Set<string>();
    for (const fk of withOther) if (withForm.has(fk)) out.add(fk);
    return out;
  }

  /** A file's entries grouped into logical keys (plural forms folded into their family), in file order. */
  logical(file: LocaleFile, families: ReadonlySet<string>): ReadonlyMap<string, Logical> {
    if (families.size === 0) {
      // No plural family in the namespace (most of them): every key is plain, none is parsed;
      // parsed entries are their own logical keys, and the file's map is the answer.
      let own = true;
      for (const entry of file.entries.values())
        if (!(entry instanceof ParsedEntry)) {
          own = false;
          break;
        }
      if (own) return file.entries as ReadonlyMap<string, ParsedEntry>;
      const plain = new Map<string, Logical>();
      for (const entry of file.entries.values())
        plain.set(entry.key, { kind: 'plain', key: entry.key, entry });
      return plain;
    }
    const out = new Map<string, Logical>();
    const add = (fk: string, base: string, ordinal: boolean, category: string, entry: Entry) => {
      const existing = out.get(fk);
      if (existing !== undefined && existing.kind === 'plural') {
        (existing.forms as Map<string, Entry>).set(category, entry);
        return;
      }
      // v3: the bare key may come after its forms; it is then folded in too.
      out.set(fk, {
        kind: 'plural',
        key: fk,
        base,
        ordinal,
        forms: new Map([[category, entry]]),
        entry,
      });
    };
    for (const entry of file.entries.values()) {
      const p = this.parse(entry.key);
      const fk = p === undefined ? undefined : this.family(p.base, p.ordinal);
      if (p !== undefined && fk !== undefined && families.has(fk)) {
        add(fk, p.base, p.ordinal, p.category, entry);
      } else if (this.v3 && families.has(entry.key)) {
        add(entry.key, entry.key, false, '', entry);
      } else {
        // A parsed entry is its own plain logical key (no object made for each key of each
        // file); another entry gets one.
        out.set(
          entry.key,
          entry instanceof ParsedEntry ? entry : { kind: 'plain', key: entry.key, entry },
        );
      }
    }
    return out;
  }

  /**
   * The source form a target form is translated from: the same category if the source has it,
   * else its general form (`other`; v3: `plural`, then the bare key), else any form.
   */
  sourceFormFor(source: Logical, category: string): Entry | undefined {
    if (source.kind === 'plain') return source.entry;
    const f = source.forms;
    if (this.v3) {
      const singular = category === '' || category === '0';
      return (
        f.get(category) ??
        (singular ? f.get('') : (f.get('plural') ?? f.get('1') ?? f.get('2'))) ??
        f.get('') ??
        source.entry
      );
    }
    return f.get(category) ?? f.get('other') ?? source.entry;
  }

  /** Whether a key is a form of a plural family (its text may use `count` freely). */
  isForm(key: string, families: ReadonlySet<string>): boolean {
    if (this.v3 && families.has(key)) return true;
    const p = this.parse(key);
    return p !== undefined && families.has(this.family(p.base, p.ordinal));
  }
}

/** How far {@link cldrCounts} looks: every CLDR rule repeats within 0–1000 below a million. */
export const COUNTS_UP_TO = 1000;

/** Whole counts 0–1000 by locale, ordinal and category: a pure function of Node's Intl data. */
const countCache = new Map<string, ReadonlyMap<string, readonly number[]>>();

/**
 * The whole counts from 0 to {@link COUNTS_UP_TO} that take a CLDR category in a language (by
 * `Intl.PluralRules`, as i18next and intl-messageformat choose): es `many` → none (only
 * 1,000,000 and up), cs `many` → none (only fractions), en `one` → 1, uk `one` → 1, 21, 31, ….
 */
export function cldrCounts(locale: string, category: string, ordinal = false): readonly number[] {
  const cacheKey = `${locale}|${ordinal}`;
  let byCategory = countCache.get(cacheKey);
  if (byCategory === undefined) {
    const rules = new Intl.PluralRules(cldrLocale(locale) ?? 'en', {
      type: ordinal ? 'ordinal' : 'cardinal',
    });
    const m = new Map<string, number[]>();
    for (let n = 0; n <= COUNTS_UP_TO; n++) {
      const c = rules.select(n);
      const list = m.get(c);
      if (list === undefined) m.set(c, [n]);
      else list.push(n);
    }
    byCategory = m;
    if (countCache.size < 10_000) countCache.set(cacheKey, byCategory);
  }
  return byCategory.get(category) ?? [];
}

/** Example numbers per locale and category: a pure function of Node's Intl data, memoised. */
const examples = new Map<string, string>();

/** Counts beyond 0–200 that some categories need (French and Spanish `many`: a million). */
const LARGE = [1000, 10_000, 100_000, 1_000_000, 10_000_000, 1_000_000_000];
const FRACTIONS = [0.5, 1.5, 2.5, 0.1, 1.1];

/** A few numbers that take a CLDR category, e.g. uk `few` → "2, 3, 4, 22, 23, …"; fr `many` → "1000000, …". */
export function cldrExamples(locale: string, category: string, ordinal = false): string {
  const cacheKey = `${locale}|${category}|${ordinal}`;
  let out = examples.get(cacheKey);
  if (out === undefined) {
    // The same CLDR language as the categories (pt_BR → pt-BR): examples and forms agree.
    const rules = new Intl.PluralRules(cldrLocale(locale) ?? 'en', {
      type: ordinal ? 'ordinal' : 'cardinal',
    });
    const found: number[] = [];
    for (let n = 0; n <= 200 && found.length < 5; n++)
      if (rules.select(n) === category) found.push(n);
    const small = found.length;
    for (const n of [...LARGE, ...FRACTIONS])
      if (found.length < 3 && rules.select(n) === category) found.push(n);
    out =
      found.length === 0
        ? 'no count'
        : `${found.map(String).join(', ')}${small === 5 || found.length > small ? ', …' : ''}`;
    examples.set(cacheKey, out);
  }
  return out;
}
