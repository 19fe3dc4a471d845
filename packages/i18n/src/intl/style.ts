/**
 * A locale's citation and typographic style: how its pages quote a title, set a publication's
 * name, mark a translated title, join authors, date a citation, group digits and label languages.
 * It is data, not prose: each locale keeps it in its own `style` namespace
 * (`locales/<lng>/style.json`), so that a new language sets its conventions in its own files and
 * the renderer holds none of them. All values are strings (locale files hold only strings).
 *
 * ```json
 * {
 *   "quotes": { "outer": "«»", "inner": "„“" },
 *   "citation": {
 *     "backlink": "↑", "work": "italic", "translatedTitle": "[]",
 *     "authorSeparator": ", ", "lastAuthorSeparator": " та ", "yearMark": "omit", "end": "."
 *   },
 *   "punctuation": { "colon": ": " },
 *   "numbers": { "grouping": "min2", "spellOut": "none" },
 *   "languages": { "en": "англ.", "ru": "рос.", "zh": "кит." }
 * }
 * ```
 *
 * A setting that is absent takes its default ({@link DEFAULT_STYLE}); one that is present but
 * invalid is reported and takes its default too. Nothing here reads files or throws.
 */

/** The namespace that holds a locale's style: data for the renderer, not text to translate. */
export const STYLE_NS = 'style';

/** An opening and a closing mark (`«` `»`). */
export interface MarkPair {
  readonly open: string;
  readonly close: string;
}

/** How a publication's name is set: in italics, plain, or between marks (Korean `《…》`). */
export type WorkStyle =
  | { readonly kind: 'italic' }
  | { readonly kind: 'plain' }
  | ({ readonly kind: 'marks' } & MarkPair);

/** `Intl.NumberFormat`'s `useGrouping`: `min2` groups only from five digits (uk 1500, 55 500). */
export type Grouping = 'auto' | 'always' | 'min2';

export interface LocaleStyle {
  /** Quotation marks around a title. */
  readonly quotes: MarkPair;
  /** Quotation marks inside a quoted title: the outer marks of a title become these. */
  readonly innerQuotes: MarkPair;
  /** The link back from a footnote cited once (`^`, `↑`). */
  readonly backlink: string;
  readonly work: WorkStyle;
  /** Brackets around a translated title (`[…]`, `［…］`). */
  readonly translatedTitle: MarkPair;
  /** Between the authors of a short citation, and before the last one (`, ` and ` & `). */
  readonly authorSeparator: string;
  readonly lastAuthorSeparator: string;
  /** Whether citation dates keep the word or abbreviation after the year (uk `р.`). */
  readonly yearMark: 'keep' | 'omit';
  /** The mark that ends a citation (`.`, `。`). */
  readonly end: string;
  readonly grouping: Grouping;
  /** Words for 0–9, for quantities below ten ("two units"); empty (`none`): figures only. */
  readonly spellOut: readonly string[];
  /** Labels of languages in citations (`(англ.)`), by BCP 47 tag; others come from Intl. */
  readonly languages: Readonly<Record<string, string>>;
  /** The colon between a label and its text, with its space (`: `, ja `：`). */
  readonly colon: string;
}

export const DEFAULT_STYLE: LocaleStyle = {
  quotes: { open: '“', close: '”' },
  innerQuotes: { open: '‘', close: '’' },
  backlink: '^',
  work: { kind: 'italic' },
  translatedTitle: { open: '[', close: ']' },
  authorSeparator: ', ',
  lastAuthorSeparator: ' & ',
  yearMark: 'keep',
  end: '.',
  grouping: 'auto',
  spellOut: [],
  languages: {},
  colon: ': ',
};

/** One setting of the `style` namespace: its key, what it takes, and how it is read. */
export interface StyleSetting {
  readonly key: string;
  /** What a valid value looks like, for messages and the guide. */
  readonly expected: string;
  /** Reads a value into the style, or returns why it is not valid. */
  readonly read: (value: string, into: Mutable) => string | undefined;
}

type Mutable = { -readonly [K in keyof LocaleStyle]: LocaleStyle[K] };

const chars = (s: string): string[] => Array.from(s);

const pair = (value: string): MarkPair | undefined => {
  const c = chars(value);
  return c.length === 2 && c.every((x) => x.trim() !== '')
    ? { open: c[0] ?? '', close: c[1] ?? '' }
    : undefined;
};

const short =
  (max: number, set: (into: Mutable, v: string) => void, allowEmpty = false) =>
  (value: string, into: Mutable): string | undefined => {
    if (!allowEmpty && value.trim() === '') return 'is empty';
    if (chars(value).length > max) return `"${value}" is longer than ${max} characters`;
    set(into, value);
    return undefined;
  };

const oneOf =
  <T extends string>(values: readonly T[], set: (into: Mutable, v: T) => void) =>
  (value: string, into: Mutable): string | undefined => {
    const v = values.find((x) => x === value);
    if (v === undefined) return `"${value}" is not one of ${values.join(', ')}`;
    set(into, v);
    return undefined;
  };

const marks =
  (set: (into: Mutable, v: MarkPair) => void) =>
  (value: string, into: Mutable): string | undefined => {
    const p = pair(value);
    if (p === undefined) return `"${value}" is not two marks, opening and closing (like "«»")`;
    set(into, p);
    return undefined;
  };

/** Every setting, in the order the guide documents them. */
export const STYLE_SETTINGS: readonly StyleSetting[] = [
  {
    key: 'quotes.outer',
    expected: 'two marks, opening and closing ("“”", "«»", "「」")',
    read: marks((s, v) => (s.quotes = v)),
  },
  {
    key: 'quotes.inner',
    expected: 'two marks for quotations inside a quoted title ("‘’", "„“", "『』")',
    read: marks((s, v) => (s.innerQuotes = v)),
  },
  {
    key: 'citation.backlink',
    expected: 'one to three characters ("^", "↑")',
    read: short(3, (s, v) => (s.backlink = v)),
  },
  {
    key: 'citation.work',
    expected: '"italic", "plain", or two marks around the name ("《》")',
    read: (value, into) => {
      if (value === 'italic' || value === 'plain') {
        into.work = { kind: value };
        return undefined;
      }
      const p = pair(value);
      if (p === undefined) return `"${value}" is not "italic", "plain" or two marks (like "《》")`;
      into.work = { kind: 'marks', ...p };
      return undefined;
    },
  },
  {
    key: 'citation.translatedTitle',
    expected: 'two brackets around a translated title ("[]", "［］")',
    read: marks((s, v) => (s.translatedTitle = v)),
  },
  {
    key: 'citation.authorSeparator',
    expected: 'one to eight characters between authors (", ", "・")',
    read: short(8, (s, v) => (s.authorSeparator = v)),
  },
  {
    key: 'citation.lastAuthorSeparator',
    expected: 'one to eight characters before the last author (" & ", " та ", "・")',
    read: short(8, (s, v) => (s.lastAuthorSeparator = v)),
  },
  {
    key: 'citation.yearMark',
    expected: '"keep" or "omit" (the word after the year in citation dates, like uk "р.")',
    read: oneOf(['keep', 'omit'] as const, (s, v) => (s.yearMark = v)),
  },
  {
    key: 'citation.end',
    expected: 'at most two characters ending a citation (".", "。")',
    read: short(2, (s, v) => (s.end = v), true),
  },
  {
    key: 'punctuation.colon',
    expected: 'one to three characters between a label and its text (": ", "：")',
    read: short(3, (s, v) => (s.colon = v)),
  },
  {
    key: 'numbers.grouping',
    expected: '"auto", "always" or "min2" (Intl useGrouping: "min2" writes 1500 and 55 500)',
    read: oneOf(['auto', 'always', 'min2'] as const, (s, v) => (s.grouping = v)),
  },
  {
    key: 'numbers.spellOut',
    expected: '"none", or the ten words for 0 to 9 separated by spaces',
    read: (value, into) => {
      const trimmed = value.trim();
      const words = trimmed === '' || trimmed === 'none' ? [] : trimmed.split(/\s+/);
      if (words.length !== 0 && words.length !== 10)
        return `has ${words.length} words: give the ten words for 0 to 9, or "none"`;
      into.spellOut = words;
      return undefined;
    },
  },
];

/** Keys under `languages.`: a language tag each (`en`, `zh-Hans`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export interface StyleProblem {
  /** The key in the `style` namespace (`citation.work`). */
  readonly key: string;
  readonly message: string;
}

/** The value at a dotted path of plain JSON data, through own properties only. */
function valueAt(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * Reads a locale's `style` namespace (its parsed JSON, or undefined when the locale has none)
 * into a complete style: every absent or invalid setting takes its default, and every invalid
 * one is reported with its key.
 */
export function readLocaleStyle(data: unknown): {
  style: LocaleStyle;
  problems: StyleProblem[];
} {
  const style: Mutable = { ...DEFAULT_STYLE };
  const problems: StyleProblem[] = [];
  for (const setting of STYLE_SETTINGS) {
    const value = valueAt(data, setting.key);
    if (value === undefined) continue;
    const problem =
      typeof value === 'string'
        ? setting.read(value, style)
        : `is not a string: give ${setting.expected}`;
    if (problem !== undefined)
      problems.push({ key: setting.key, message: `${problem}; expected ${setting.expected}` });
  }
  const languages = valueAt(data, 'languages');
  if (languages !== undefined) {
    const labels: Record<string, string> = Object.create(null) as Record<string, string>;
    if (languages === null || typeof languages !== 'object' || Array.isArray(languages)) {
      problems.push({ key: 'languages', message: 'is not an object of language tag → label' });
    } else {
      for (const [tag, label] of Object.entries(languages)) {
        if (!LANGUAGE_TAG.test(tag))
          problems.push({ key: `languages.${tag}`, message: `"${tag}" is not a language tag` });
        else if (typeof label !== 'string' || label.trim() === '')
          problems.push({ key: `languages.${tag}`, message: 'is not a label (a non-empty text)' });
        else labels[tag.toLowerCase()] = label;
      }
    }
    style.languages = labels;
  }
  return { style, problems };
}

/**
 * The locale's label for a language (`uk` style: `zh-Hans` → `кит.`): the tag itself, then its
 * language subtag, in `style.languages`; undefined when the style has none (use Intl).
 */
export function styleLanguageLabel(style: LocaleStyle, tag: string): string | undefined {
  const lower = tag.toLowerCase();
  const own = (k: string) => (Object.hasOwn(style.languages, k) ? style.languages[k] : undefined);
  return own(lower) ?? own(lower.split('-')[0] ?? lower);
}
