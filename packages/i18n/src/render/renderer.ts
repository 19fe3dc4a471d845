import i18next, { type i18n as I18n } from 'i18next';
import type { Corpus, DateFact, DocumentModel, Fact, Person, Reference } from '@bilateral/core';
import {
  formatDate,
  formatMoney,
  formatNumber,
  intlLocale,
  INVALID,
  isFact,
  type FormatOptions,
} from '../intl/facts.js';
import { createGuard } from './guard.js';
import { escapeHtml, renderInline } from './markup.js';
import type { Resources } from '../model/types.js';
import { documentKeys, TERMS_NS, termKeys } from '../model/document-keys.js';

/** Resources for i18next: language → namespace → nested keys. */

export interface RendererOptions {
  readonly corpus: Corpus;
  readonly resources: Resources;
  /** The language to render. */
  readonly locale: string;
  /**
   * Languages to try, in order, when a key is missing in `locale` (e.g. `['en', 'ja']` for `uk`).
   * The substituted text is marked with its own `lang` and `fallback: true`. Empty by default: a
   * missing key is then a problem and renders as an empty, visibly marked span.
   */
  readonly fallback?: readonly string[];
}

/** A piece of text as rendered, with the language it is actually in. */
export interface RenderedText {
  readonly key: string;
  readonly html: string;
  readonly text: string;
  readonly lang: string;
  /** The text came from a fallback language, not from the requested one. */
  readonly fallback: boolean;
  /** The key exists in no language of the chain. */
  readonly missing: boolean;
}

export interface RenderedParagraph extends RenderedText {
  readonly id: string;
}

export interface RenderedSection {
  readonly id: string;
  readonly level: number;
  readonly title: RenderedText | undefined;
  readonly paragraphs: readonly RenderedParagraph[];
}

export interface RenderedReference {
  readonly id: string;
  /** Footnote number (1-based, order of first citation); 0 for bibliography entries. */
  readonly number: number;
  /** Anchor id of the list entry. */
  readonly anchor: string;
  /** Anchor ids of the markers in the text that cite it, in order; empty for the bibliography. */
  readonly backlinks: readonly { readonly anchor: string; readonly label: string }[];
  readonly html: string;
  readonly text: string;
}

export interface RenderProblem {
  readonly key: string;
  readonly message: string;
}

export interface RenderedDocument {
  readonly id: string;
  readonly locale: string;
  readonly title: RenderedText;
  readonly description: RenderedText;
  readonly infobox: {
    readonly caption: RenderedText;
    readonly parties: readonly { readonly id: string; readonly label: RenderedText }[];
    readonly rows: readonly {
      readonly id: string;
      readonly label: RenderedText;
      readonly html: string;
      readonly text: string;
    }[];
  };
  readonly sections: readonly RenderedSection[];
  readonly references: readonly RenderedReference[];
  readonly bibliography: readonly RenderedReference[];
  readonly corrections: {
    readonly intro: RenderedText;
    readonly items: readonly {
      readonly id: string;
      readonly note: RenderedText;
      /** Where it applies: an in-page anchor and a label ("[11]" or a section title). */
      readonly target: { readonly href: string; readonly label: string };
    }[];
  };
  readonly events: readonly {
    readonly id: string;
    readonly date: string;
    /** Machine-readable date for `<time datetime>`. */
    readonly iso: string;
    readonly description: RenderedText;
    readonly references: readonly number[];
  }[];
  /** Missing keys and other problems met while rendering (the checks report them in detail). */
  readonly problems: readonly RenderProblem[];
}

export interface Renderer {
  readonly locale: string;
  /** Renders a whole document. Deterministic: the same input gives the same output, byte for byte. */
  renderDocument(documentId: string): RenderedDocument;
  /** Translates a UI string (namespace `ui`) with the fallback chain, as plain text. */
  ui(key: string, values?: Record<string, unknown>): RenderedText;
  /** Formats a fact for this locale. */
  formatFact(fact: Fact, options?: FormatOptions): string;
}

const BACKLINK_DEFAULT = 'a b c d e f g h i j k l m n o p q r s t u v w x y z';

/** Creates a renderer for one locale. Synchronous: i18next is initialised without a backend. */
export function createRenderer(options: RendererOptions): Renderer {
  const { corpus, resources, locale } = options;
  const chain = [locale, ...(options.fallback ?? []).filter((l) => l !== locale)];
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

  const i18n: I18n = i18next.createInstance();
  void i18n.init({
    resources: resources as never,
    lng: locale,
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'ui',
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    interpolation: { escapeValue: true },
    showSupportNotice: false,
  } as never);

  /** A raw string of a language and namespace, or undefined (exactly `i18n.getResource`). */
  const rawText = (lng: string, ns: string, key: string): string | undefined => {
    const v: unknown = i18n.getResource(lng, ns, key);
    return typeof v === 'string' ? v : undefined;
  };

  // Nothing reaches i18next that could hang or crash it (see guard.ts), checked or not.
  const guard = createGuard({
    text: rawText,
    parent: (lng, ns, path) => i18n.getResource(lng, ns, path),
    nestingRegexp: (i18n.services.interpolator as unknown as { nestingRegexp: RegExp })
      .nestingRegexp,
  });

  /**
   * Languages for which a lookup is plain: i18next resolves them as exactly themselves (no
   * `en-US` → `en` hierarchy, no `cimode`, no dotted language), so `t()` and `exists()` of a key
   * without `:` read `getResource(lng, ns, key)` and nothing else.
   */
  const plainLanguages = new Map<string, boolean>();
  const isPlainLanguage = (lng: string): boolean => {
    let plain = plainLanguages.get(lng);
    if (plain === undefined) {
      const codes = i18n.services.languageUtils.toResolveHierarchy(lng) as readonly string[];
      plain =
        codes.length === 1 &&
        codes[0] === lng &&
        !lng.includes('.') &&
        lng.toLowerCase() !== 'cimode';
      plainLanguages.set(lng, plain);
    }
    return plain;
  };
  const plainChain = chain.every(isPlainLanguage);

  const unitPhrase = (value: number, unit: string, lng: string): string => {
    const key = `units.${unit}`;
    const at = chain.find((l) => i18n.exists(key, { lng: l, ns: 'terms', count: value }));
    if (at === undefined || guard(at, 'terms', key) !== undefined) return formatNumber(value, lng);
    return i18n.t(key, {
      lng: at,
      ns: 'terms',
      count: value,
      interpolation: { escapeValue: false },
    });
  };

  const formatter = i18n.services.formatter;
  formatter?.add('date', (value: unknown, lng: string | undefined, opts: FormatOptions) =>
    typeof value === 'string' || (isFact(value) && value.kind === 'date')
      ? formatDate(value as DateFact | string, lng ?? locale, opts)
      : INVALID,
  );
  formatter?.add('number', (value: unknown, lng: string | undefined) => {
    if (typeof value === 'number') return formatNumber(value, lng ?? locale);
    if (isFact(value) && value.kind === 'quantity') return formatNumber(value.value, lng ?? locale);
    return INVALID;
  });
  formatter?.add('quantity', (value: unknown, lng: string | undefined) =>
    isFact(value) && value.kind === 'quantity'
      ? unitPhrase(value.value, value.unit, lng ?? locale)
      : INVALID,
  );
  formatter?.add('money', (value: unknown, lng: string | undefined, opts: FormatOptions) =>
    isFact(value) && value.kind === 'money' ? formatMoney(value, lng ?? locale, opts) : INVALID,
  );

  /** Finds the first language of the chain that has the key. */
  const resolve = (ns: string, key: string, count?: number): string | undefined => {
    if (count === undefined && plainChain && !key.includes(':')) {
      // What `i18n.exists(key, { lng, ns })` decides, without its option handling: a value that
      // is neither undefined nor null (returnNull is false; returnEmptyString is true).
      return chain.find((l) => i18n.getResource(l, ns, key) != null);
    }
    return chain.find((l) =>
      i18n.exists(key, count === undefined ? { lng: l, ns } : { lng: l, ns, count }),
    );
  };

  /**
   * The text of a key as `i18n.t(key, { ...values, lng, ns })` returns it, without calling t()
   * when that changes nothing: a plain string (no `{{`, no `$t(`), no option among the values
   * that t() reads (plural count, context, …), a key without a namespace separator, a plain
   * language. Anything else goes through t().
   */
  const lookup = (lng: string, ns: string, key: string, values: Record<string, unknown>) => {
    if (isPlainLanguage(lng) && !key.includes(':') && !hasTranslationOption(values)) {
      const raw = rawText(lng, ns, key);
      if (raw !== undefined && !raw.includes('{{') && !raw.includes('$t(')) return raw;
    }
    return i18n.t(key, { ...values, lng, ns });
  };

  const translate = (
    ns: string,
    key: string,
    values: Record<string, unknown>,
    problems: RenderProblem[] | undefined,
    inline?: Parameters<typeof renderInline>[1],
  ): RenderedText => {
    const count = typeof values['count'] === 'number' ? values['count'] : undefined;
    const lng = resolve(ns, key, count);
    const fullKey = `${ns}:${key}`;
    if (lng === undefined) {
      problems?.push({ key: fullKey, message: `missing in ${chain.join(', ')}` });
      return { key: fullKey, html: '', text: '', lang: locale, fallback: false, missing: true };
    }
    const unsafe = guard(lng, ns, key);
    if (unsafe !== undefined) {
      problems?.push({ key: fullKey, message: unsafe });
      return {
        key: fullKey,
        html: '',
        text: '',
        lang: lng,
        fallback: lng !== locale,
        missing: true,
      };
    }
    const raw = lookup(lng, ns, key, values);
    const out = renderInline(raw, inline ?? noInline);
    return {
      key: fullKey,
      html: out.html,
      text: out.text,
      lang: lng,
      fallback: lng !== locale,
      missing: false,
    };
  };

  const noInline = {
    cite: () => ({ html: '', text: '' }),
    dubious: () => ({ html: '', text: '' }),
  };

  // The same UI strings come back for every footnote, reference and marker: a translated UI
  // string is a pure function of its key and values, so found ones are kept (missing ones are
  // not, so that each use still reports its problem).
  const uiMemo = new Map<string, RenderedText>();
  const ui = (
    key: string,
    values: Record<string, unknown> = {},
    problems?: RenderProblem[],
  ): RenderedText => {
    const id = memoKey(key, values);
    if (id !== undefined) {
      const known = uiMemo.get(id);
      if (known !== undefined) return known;
    }
    const t = translate('ui', key, values, problems);
    if (id !== undefined && !t.missing) uiMemo.set(id, t);
    return t;
  };

  const entityLabel = (id: string, problems?: RenderProblem[]) =>
    translate(TERMS_NS, termKeys.entityLabel(id), {}, problems);

  const renderDocument = (documentId: string): RenderedDocument => {
    const doc: DocumentModel | undefined = corpus.documents[documentId];
    if (doc === undefined) throw new Error(`Unknown document "${documentId}"`);
    const ns = doc.namespace;
    const problems: RenderProblem[] = [];
    const factValues: Record<string, Fact> = { ...doc.facts };

    // Citations: numbered in order of first appearance; repeated uses get backlink letters.
    const numbers = new Map<string, number>();
    const uses = new Map<string, string[]>();
    const letters = (ui('citation.backlinkLetters').text || BACKLINK_DEFAULT).split(/\s+/);
    const inline = {
      cite(id: string) {
        if (!Object.hasOwn(doc.references, id)) {
          problems.push({ key: id, message: `unknown reference "${id}"` });
          return { html: '', text: '' };
        }
        let n = numbers.get(id);
        if (n === undefined) {
          n = numbers.size + 1;
          numbers.set(id, n);
          uses.set(id, []);
        }
        const list = uses.get(id) ?? [];
        const anchor = `cite-ref-${id}-${list.length + 1}`;
        list.push(anchor);
        const label = ui('article.footnote', { number: n }).text;
        return {
          html: `<sup class="reference" id="${anchor}"><a href="#cite-note-${id}" aria-label="${escapeHtml(label)}">[${n}]</a></sup>`,
          text: `[${n}]`,
        };
      },
      dubious() {
        const t = ui('article.dubious', {}, problems);
        const title = ui('article.dubiousTitle', {}, problems);
        return {
          html: `<sup class="dubious"><span lang="${escapeHtml(t.lang)}" title="${escapeHtml(title.text)}">[${t.html}]</span></sup>`,
          text: `[${t.text}]`,
        };
      },
    };

    const title = translate(ns, documentKeys.title, {}, problems);
    const description = translate(ns, documentKeys.description, {}, problems);
    const sections: RenderedSection[] = doc.sections.map((section) => ({
      id: section.id,
      level: section.level,
      title:
        section.level === 0
          ? undefined
          : translate(ns, documentKeys.sectionTitle(section.id), {}, problems),
      paragraphs: section.paragraphs.map((p) => ({
        id: p.id,
        ...translate(ns, documentKeys.paragraph(section.id, p.id), factValues, problems, inline),
      })),
    }));

    const [first, second] = doc.infobox.parties;
    const infobox = {
      caption: ui(
        'article.infoboxCaption',
        { first: entityLabel(first ?? '').text, second: entityLabel(second ?? '').text },
        problems,
      ),
      parties: doc.infobox.parties.map((id) => ({ id, label: entityLabel(id, problems) })),
      rows: doc.infobox.rows.map((row) => {
        const values = row.facts.map((f) => {
          const fact = doc.facts[f];
          return fact === undefined ? INVALID : formatFact(fact);
        });
        return {
          id: row.id,
          label: translate(ns, documentKeys.infoboxRow(row.id), {}, problems),
          html: values.map(escapeHtml).join(', '),
          text: values.join(', '),
        };
      }),
    };

    const referenceList = [...numbers.entries()].map(([id, n]) => {
      const ref = doc.references[id] as Reference;
      const body = formatReference(id, ref, doc, problems);
      const anchors = uses.get(id) ?? [];
      const backlinks = anchors.map((anchor, i) => ({
        anchor,
        label: anchors.length === 1 ? '^' : (letters[i] ?? String(i + 1)),
      }));
      return { id, number: n, anchor: `cite-note-${id}`, backlinks, ...body };
    });
    const bibliography = Object.entries(doc.bibliography).map(([id, ref]) => ({
      id,
      number: 0,
      anchor: `bib-${id}`,
      backlinks: [],
      ...formatReference(id, ref, doc, problems),
    }));

    const sectionTitle = (id: string) =>
      sections.find((s) => s.id === id)?.title?.text ?? title.text;
    const corrections = {
      intro: translate(ns, documentKeys.correctionsIntro, {}, problems),
      items: Object.entries(doc.corrections).map(([id, c]) => {
        const note = translate(ns, documentKeys.correction(id), {}, problems);
        if ('paragraph' in c.target) {
          const sectionId = c.target.paragraph.split('.')[0] ?? '';
          return { id, note, target: { href: `#${sectionId}`, label: sectionTitle(sectionId) } };
        }
        const refId = c.target.reference;
        const n = numbers.get(refId);
        return n === undefined
          ? { id, note, target: { href: `#bib-${refId}`, label: ui('article.bibliography').text } }
          : { id, note, target: { href: `#cite-note-${refId}`, label: `[${n}]` } };
      }),
    };

    const events = Object.entries(doc.events)
      .map(([id, e]) => {
        const d = doc.facts[e.date];
        const iso = d?.kind === 'date' ? d.value : '';
        return {
          id,
          iso,
          date: d === undefined ? INVALID : formatFact(d),
          description: translate(ns, documentKeys.event(id), factValues, problems),
          references: e.references.flatMap((r) => {
            const n = numbers.get(r);
            return n === undefined ? [] : [n];
          }),
        };
      })
      .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : a.id < b.id ? -1 : 1));

    return {
      id: doc.id,
      locale,
      title,
      description,
      infobox,
      sections,
      references: referenceList,
      bibliography,
      corrections,
      events,
      problems,
    };
  };

  const formatFact = (fact: Fact, opts: FormatOptions = {}): string => {
    switch (fact.kind) {
      case 'date':
        return formatDate(fact, locale, opts);
      case 'quantity':
        return unitPhrase(fact.value, fact.unit, locale);
      case 'money':
        return formatMoney(fact, locale, opts);
    }
  };

  const names = (people: readonly Person[]) =>
    people.map((p) => (p.given === undefined ? p.family : `${p.family}, ${p.given}`)).join('; ');

  /** One entry of the reference list or bibliography, in the locale's conventions. */
  const formatReference = (
    id: string,
    ref: Reference,
    doc: DocumentModel,
    problems: RenderProblem[],
  ): { html: string; text: string } => {
    const ns = doc.namespace;
    const html: string[] = [];
    const text: string[] = [];
    const push = (h: string, t: string) => {
      html.push(h);
      text.push(t);
    };

    if (ref.kind === 'short' && ref.cites !== undefined) {
      const work = doc.bibliography[ref.cites];
      const families = (work?.authors ?? []).map((a) => a.family);
      const who =
        families.length > 1
          ? `${families.slice(0, -1).join(', ')} & ${families.at(-1)}`
          : (families[0] ?? '');
      const year = work?.published?.slice(0, 4) ?? '';
      const pages = ref.pages ?? [];
      const p = ui('citation.pages', { count: pages.length, pages: pages.join(', ') }, problems);
      const label = `${who} ${year}`;
      push(
        `<a href="#bib-${ref.cites}">${escapeHtml(label)}</a>, ${p.html}.`,
        `${label}, ${p.text}.`,
      );
      return { html: html.join(' '), text: text.join(' ') };
    }

    if (ref.authors?.length) {
      const a = names(ref.authors);
      const date = ref.published === undefined ? '' : ` (${formatDate(ref.published, locale)})`;
      push(`${escapeHtml(a)}${escapeHtml(date)}.`, `${a}${date}.`);
    }
    if (ref.editors?.length) {
      const e = ui(
        'citation.editors',
        { count: ref.editors.length, names: names(ref.editors) },
        problems,
      );
      push(`${e.html}.`, `${e.text}.`);
    }

    // Title, translated-title mark, format and language form one segment, ended with a stop.
    const titleHtml: string[] = [];
    const titleText: string[] = [];
    const translated = translate(ns, documentKeys.reference(id), {}, problems);
    const original = ref.originalTitle;
    if (original !== undefined) {
      const q = ui('citation.title', {
        title: original.text,
        interpolation: { escapeValue: false },
      });
      titleHtml.push(`<cite lang="${escapeHtml(original.lang)}">${escapeHtml(q.text)}</cite>`);
      titleText.push(q.text);
      if (
        intlLocale(original.lang) !== intlLocale(locale) &&
        translated.text &&
        translated.text !== original.text
      ) {
        titleHtml.push(
          `<span class="trans-title" lang="${escapeHtml(translated.lang)}">[${translated.html}]</span>`,
        );
        titleText.push(`[${translated.text}]`);
      }
    } else {
      const q = ui('citation.title', {
        title: translated.text,
        interpolation: { escapeValue: false },
      });
      titleHtml.push(`<cite lang="${escapeHtml(translated.lang)}">${escapeHtml(q.text)}</cite>`);
      titleText.push(q.text);
      {
        // Not verified against the source: the title is a translation and says so.
        const mark = ui('citation.translatedTitle', {}, problems);
        titleHtml.push(`<span class="trans-mark">${mark.html}</span>`);
        titleText.push(mark.text);
      }
    }
    if (ref.format === 'pdf') {
      const pdf = ui('citation.pdf', {}, problems);
      titleHtml.push(pdf.html);
      titleText.push(pdf.text);
    }
    if (intlLocale(ref.lang) !== intlLocale(locale)) {
      const l = ui('citation.inLanguage', { language: languageName(ref.lang, locale) }, problems);
      titleHtml.push(l.html);
      titleText.push(l.text);
    }
    push(endSentence(titleHtml.join(' ')), endSentence(titleText.join(' ')));
    if (ref.work !== undefined) {
      const w = translate('terms', `works.${ref.work}`, {}, problems);
      push(`<i lang="${escapeHtml(w.lang)}">${w.html}</i>.`, `${w.text}.`);
    }
    if (ref.authors === undefined && ref.published !== undefined) {
      const d = formatDate(ref.published, locale);
      push(`${escapeHtml(d)}${d.endsWith('.') ? '' : '.'}`, `${d}${d.endsWith('.') ? '' : '.'}`);
    }
    if (ref.archived !== undefined) {
      const a = ui('citation.archived', { date: ref.archived }, problems);
      push(endSentence(a.html), endSentence(a.text));
    }
    if (ref.accessed !== undefined) {
      const r = ui('citation.retrieved', { date: ref.accessed }, problems);
      push(endSentence(r.html), endSentence(r.text));
    }
    return { html: html.join(' '), text: text.join(' ') };
  };

  return {
    locale,
    renderDocument,
    ui: (key, values) => ui(key, values ?? {}),
    formatFact: (fact, opts) => formatFact(fact, opts),
  };
}

/** Ends a citation segment with a full stop unless it already ends with one (uk "р."). */
const endSentence = (s: string): string => (/[.。!?]$/.test(s) ? s : `${s}.`);

const displayNames = new Map<string, Intl.DisplayNames>();
function languageName(code: string, locale: string): string {
  const loc = intlLocale(locale);
  let dn = displayNames.get(loc);
  if (dn === undefined) {
    dn = new Intl.DisplayNames(loc, { type: 'language', fallback: 'code' });
    displayNames.set(loc, dn);
  }
  try {
    return dn.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Options of i18next's `t()` that change which string it returns or how (everything else among
 * the values only feeds `{{…}}`). Values carrying one of them always go through t().
 */
const TRANSLATION_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keySeparator',
  'nsSeparator',
  'ignoreJSONStructure',
  'keyPrefix',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'applyPostProcessor',
  'interpolation',
  'replace',
  'skipInterpolation',
  'nest',
  'appendNamespaceToCIMode',
  'missingInterpolationHandler',
]);
const hasTranslationOption = (values: Record<string, unknown>): boolean => {
  for (const k in values)
    if (TRANSLATION_OPTIONS.has(k) || k.startsWith('defaultValue')) return true;
  return false;
};

/**
 * A memo key for a UI string: the key and its values as JSON, when the values are plain JSON
 * data (strings, finite numbers, booleans, null, arrays and plain objects of them), so that two
 * different values never share a key. Undefined (not memoised) otherwise.
 */
function memoKey(key: string, values: Record<string, unknown>): string | undefined {
  const plain = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (typeof v !== 'object' || depth > 4) return false;
    if (Array.isArray(v)) return v.every((x) => plain(x, depth + 1));
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k in v) {
      if (k === '__proto__' || k === 'toJSON') return false;
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || !plain(x, depth + 1)) return false;
    }
    return true;
  };
  if (!plain(values, 0)) return undefined;
  return `${key}\u0000${JSON.stringify(values)}`;
}
