import type {
  default as I18nextDefault,
  i18n as I18n,
  InitOptions,
  Resource,
  ResourceLanguage,
} from 'i18next';
import type { Fact } from '@bilateral/core';
import {
  formatDate,
  formatMoney,
  formatNumber,
  INVALID,
  isFact,
  type FormatOptions,
} from '../intl/facts.js';
import { readLocaleStyle, STYLE_NS, type LocaleStyle } from '../intl/style.js';
import { TERMS_NS, termKeys } from '../model/document-keys.js';
import type { TextState } from '../files/lock-state.js';
import type { Resources } from '../model/types.js';
import { createGuard } from './guard.js';
import { createLookup, memoKey, rawText } from './lookup.js';
import { renderInline, type InlineHandlers } from './markup.js';
import type { RenderedText, RenderProblem } from './types.js';
import { lazyModule } from '../model/lazy.js';

/**
 * The renderer's i18next: one instance per locale, initialised synchronously without a backend,
 * with the fact formatters (`date`, `number`, `quantity`, `money`) that read each language's
 * style, the guard that keeps hostile texts away from i18next, and the fast path that skips
 * `t()` where it changes nothing.
 */
export interface Translator {
  readonly locale: string;
  /** The locale, then its fallback languages. */
  readonly chain: readonly string[];
  /** A text along the chain, rendered to safe HTML and text (citations through `inline`). */
  translate(
    ns: string,
    key: string,
    values: Record<string, unknown>,
    problems: RenderProblem[] | undefined,
    inline?: InlineHandlers,
  ): RenderedText;
  /** A UI string (namespace `ui`), remembered per key and values. */
  ui(key: string, values?: Record<string, unknown>, problems?: RenderProblem[]): RenderedText;
  /** A fact formatted for the locale. */
  formatFact(fact: Fact, options?: FormatOptions): string;
  /** A language's own style (never another language's: a missing setting takes its default). */
  style(lng: string): LocaleStyle;
  /** What is wrong in the locale's own `style` namespace (keys prefixed `style:`). */
  readonly styleProblems: readonly RenderProblem[];
}

/** The `$t(…)` expression i18next uses with its default nesting prefix and suffix. */
const DEFAULT_NESTING = /\$t\(((?:[^()"']|"[^"]*"|'[^']*'|\((?:[^()"']|"[^"]*"|'[^']*')*\))*?)\)/g;

/**
 * The t() option that carries a quantity's count in words: the `number` formatter returns it for
 * `{{count, number}}` in a unit phrase ("two units").
 */
const SPELLED_COUNT = 'bilateralSpelledCount';

const noInline: InlineHandlers = {
  cite: () => ({ html: '', text: '' }),
  dubious: () => ({ html: '', text: '' }),
};

/** The resources as i18next types them: each namespace a string or an object of keys. */
function i18nextResources(resources: Resources): Resource {
  const out: Resource = Object.create(null) as Resource;
  for (const [lng, byNs] of Object.entries(resources)) {
    const language: ResourceLanguage = Object.create(null) as ResourceLanguage;
    if (typeof byNs !== 'object' || byNs === null) continue;
    for (const [ns, data] of Object.entries(byNs)) {
      if (typeof data === 'string' || (typeof data === 'object' && data !== null))
        language[ns] = data;
    }
    out[lng] = language;
  }
  return out;
}

/** i18next's nesting expression as its interpolator holds it, so the guard sees what it sees. */
function nestingRegexp(i18n: I18n): RegExp {
  const interpolator: object = i18n.services.interpolator;
  const re = 'nestingRegexp' in interpolator ? interpolator.nestingRegexp : undefined;
  return re instanceof RegExp ? re : DEFAULT_NESTING;
}

/**
 * i18next, loaded on the first render: a check, which renders nothing, does not load it at start.
 * `require` gives an i18next instance, as the ES module's default export is one; only its
 * `createInstance` is used, so which build is loaded does not matter.
 */
const i18next = lazyModule<typeof I18nextDefault>('i18next');

function createInstance(resources: Resources, locale: string): I18n {
  const i18n = i18next().createInstance();
  const options: InitOptions = {
    resources: i18nextResources(resources),
    lng: locale,
    fallbackLng: false,
    ns: [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))],
    defaultNS: 'ui',
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    interpolation: { escapeValue: true },
  };
  void i18n.init(options);
  return i18n;
}

/** Each language's own style, read once (a language never borrows another's). */
function localeStyles(resources: Resources) {
  const styles = new Map<string, { style: LocaleStyle; problems: RenderProblem[] }>();
  const entry = (lng: string) => {
    let known = styles.get(lng);
    if (known === undefined) {
      const byNs = Object.hasOwn(resources, lng) ? resources[lng] : undefined;
      const data = byNs !== undefined && Object.hasOwn(byNs, STYLE_NS) ? byNs[STYLE_NS] : undefined;
      const read = readLocaleStyle(data);
      known = {
        style: read.style,
        problems: read.problems.map((p) => ({ key: `${STYLE_NS}:${p.key}`, message: p.message })),
      };
      styles.set(lng, known);
    }
    return known;
  };
  return {
    style: (lng: string) => entry(lng).style,
    problems: (lng: string) => entry(lng).problems,
  };
}

type Guard = (lng: string, ns: string, key: string) => string | undefined;

/**
 * Fact formatting that depends on the locale files: unit phrases from `terms:units.*` (with the
 * count in words where the style spells out small numbers) and digit grouping from the style.
 */
function factFormatting(
  i18n: I18n,
  chain: readonly string[],
  guard: Guard,
  style: (lng: string) => LocaleStyle,
): FormatterHelpers {
  const numberOptions = (lng: string, options: FormatOptions): FormatOptions => ({
    useGrouping: style(lng).grouping,
    ...options,
  });
  const unitPhrase = (value: number, unit: string, lng: string): string => {
    const key = termKeys.unit(unit);
    const at = chain.find((l) => i18n.exists(key, { lng: l, ns: TERMS_NS, count: value }));
    if (at === undefined || guard(at, TERMS_NS, key) !== undefined)
      return formatNumber(value, lng, numberOptions(lng, {}));
    const words = style(at).spellOut;
    const spelled = Number.isInteger(value) && value >= 0 ? words[value] : undefined;
    return i18n.t(key, {
      lng: at,
      ns: TERMS_NS,
      count: value,
      interpolation: { escapeValue: false },
      ...(spelled === undefined ? {} : { [SPELLED_COUNT]: spelled }),
    });
  };
  return { unitPhrase, numberOptions };
}

/** A text along the chain: the language that has it, the guard, then safe HTML and text. */
function translation(
  i18n: I18n,
  locale: string,
  chain: readonly string[],
  guard: Guard,
  marks: TextMarks,
): Translator['translate'] {
  const lookup = createLookup(i18n, chain);
  // The lock file's word on a text of the locale itself (a plural family is one logical key).
  const marked = (ns: string, key: string, values: Record<string, unknown>) => {
    const state = marks.states?.get(`${ns}:${values['ordinal'] === true ? `${key}_ordinal` : key}`);
    if (state === 'stale') return { stale: true };
    if (state === 'copied' && marks.sourceLocale !== undefined)
      return { copied: true, lang: marks.sourceLocale };
    return {};
  };
  return (ns, key, values, problems, inline) => {
    const count = typeof values['count'] === 'number' ? values['count'] : undefined;
    const lng = lookup.resolve(ns, key, count);
    const fullKey = `${ns}:${key}`;
    if (lng === undefined) {
      problems?.push({ key: fullKey, message: `missing in ${chain.join(', ')}` });
      return { key: fullKey, html: '', text: '', lang: locale, fallback: false, missing: true };
    }
    const unsafe = guard(lng, ns, key);
    const fallback = lng !== locale;
    if (unsafe !== undefined) {
      problems?.push({ key: fullKey, message: unsafe });
      return { key: fullKey, html: '', text: '', lang: lng, fallback, missing: true };
    }
    const out = renderInline(lookup.text(lng, ns, key, values), inline ?? noInline);
    const text = {
      key: fullKey,
      html: out.html,
      text: out.text,
      lang: lng,
      fallback,
      missing: false,
    };
    return fallback ? text : { ...text, ...marked(ns, key, values) };
  };
}

/**
 * UI strings, remembered: the same ones come back for every footnote, reference and marker, and
 * a translated UI string is a pure function of its key and values. Found ones are kept (missing
 * ones are not, so that each use still reports its problem).
 */
function memoisedUi(translate: Translator['translate']): Translator['ui'] {
  const memo = new Map<string, RenderedText>();
  return (key, values = {}, problems) => {
    const id = memoKey(key, values);
    if (id !== undefined) {
      const known = memo.get(id);
      if (known !== undefined) return known;
    }
    const t = translate('ui', key, values, problems);
    if (id !== undefined && !t.missing) memo.set(id, t);
    return t;
  };
}

/** What the lock file says about the locale's texts (see `RendererOptions`). */
export interface TextMarks {
  readonly sourceLocale?: string | undefined;
  readonly states?: ReadonlyMap<string, TextState> | undefined;
}

/** Creates the translator of one locale. */
export function createTranslator(
  resources: Resources,
  locale: string,
  fallback: readonly string[] = [],
  marks: TextMarks = {},
): Translator {
  const chain = [locale, ...fallback.filter((l) => l !== locale)];
  const i18n = createInstance(resources, locale);
  const styles = localeStyles(resources);
  // Nothing reaches i18next that could hang or crash it (see guard.ts), checked or not.
  const guard = createGuard({
    text: (lng, ns, key) => rawText(i18n, lng, ns, key),
    parent: (lng, ns, path): unknown => i18n.getResource(lng, ns, path) as unknown,
    nestingRegexp: nestingRegexp(i18n),
  });
  const facts = factFormatting(i18n, chain, guard, styles.style);
  registerFormatters(i18n, locale, facts);
  const translate = translation(i18n, locale, chain, guard, marks);

  const formatFact: Translator['formatFact'] = (fact, options = {}) => {
    switch (fact.kind) {
      case 'date':
        return formatDate(fact, locale, options);
      case 'quantity':
        return facts.unitPhrase(fact.value, fact.unit, locale);
      case 'money':
        return formatMoney(fact, locale, facts.numberOptions(locale, options));
    }
  };

  return {
    locale,
    chain,
    translate,
    ui: memoisedUi(translate),
    formatFact,
    style: styles.style,
    styleProblems: styles.problems(locale),
  };
}

interface FormatterHelpers {
  unitPhrase(value: number, unit: string, lng: string): string;
  numberOptions(lng: string, options: FormatOptions): FormatOptions;
}

/**
 * The formats translators write after a fact: `{{x, date}}`, `{{x, number}}`, `{{x, quantity}}`,
 * `{{x, money}}`, with options in brackets (`date(monthForm: genitive)`). Numbers follow the
 * style of the text's language (`numbers.grouping`); a value that does not fit its format renders
 * as a visible ⟨?⟩.
 */
function registerFormatters(i18n: I18n, locale: string, helpers: FormatterHelpers): void {
  const formatter = i18n.services.formatter;
  if (formatter === undefined) return;
  formatter.add('date', (value: unknown, lng: string | undefined, opts: FormatOptions) =>
    typeof value === 'string' || (isFact(value) && value.kind === 'date')
      ? formatDate(value, lng ?? locale, opts)
      : INVALID,
  );
  formatter.add('number', (value: unknown, lng: string | undefined, opts: FormatOptions) => {
    const l = lng ?? locale;
    const spelled = opts[SPELLED_COUNT];
    if (typeof spelled === 'string' && opts['interpolationkey'] === 'count') return spelled;
    if (typeof value === 'number') return formatNumber(value, l, helpers.numberOptions(l, opts));
    if (isFact(value) && value.kind === 'quantity')
      return formatNumber(value.value, l, helpers.numberOptions(l, opts));
    return INVALID;
  });
  formatter.add('quantity', (value: unknown, lng: string | undefined) =>
    isFact(value) && value.kind === 'quantity'
      ? helpers.unitPhrase(value.value, value.unit, lng ?? locale)
      : INVALID,
  );
  formatter.add('money', (value: unknown, lng: string | undefined, opts: FormatOptions) =>
    isFact(value) && value.kind === 'money'
      ? formatMoney(value, lng ?? locale, helpers.numberOptions(lng ?? locale, opts))
      : INVALID,
  );
}
