import type { Corpus, DocumentModel, Paragraph, Section } from '@bilateral/core';
import {
  isExempt,
  logicalEntries,
  pluralFamilies,
  sourceFormFor,
  stringValue,
  type Logical,
} from '../project/keys.js';
import type { Entry, LocaleFile, Project } from '../project/project.js';
import type { Severity } from './types.js';

/** What a rule reports; the runner turns it into a {@link Finding} (position, severity, exemptions). */
export interface RawFinding {
  readonly severity?: Severity;
  /** The file and the offset in its text; or a file-less finding with an explicit position. */
  readonly file:
    | LocaleFile
    | {
        readonly relPath: string;
        readonly locale: string;
        readonly namespace: string;
        position?: undefined;
      };
  readonly offset?: number;
  readonly key: string;
  readonly message: string;
  readonly hint: string;
  /** Security findings: always errors, whatever the configuration says. */
  readonly pinned?: boolean;
}

export interface ParagraphInfo {
  readonly doc: DocumentModel;
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** `section.paragraph`. */
  readonly id: string;
}

/** A target string and the source string it translates. */
export interface Pair {
  readonly file: LocaleFile;
  readonly entry: Entry;
  readonly value: string;
  readonly source: LocaleFile;
  readonly sourceEntry: Entry;
  readonly sourceValue: string;
}

export const TERMS_NS = 'terms';

/** Shared, lazily computed views of the project that several rules need. */
export class RuleContext {
  readonly project: Project;
  readonly corpus: Corpus | undefined;
  readonly source: string;
  readonly targets: readonly string[];
  readonly namespaces: readonly string[];
  readonly documents: ReadonlyMap<string, DocumentModel>;
  private readonly familyCache = new Map<string, ReadonlySet<string>>();
  private readonly logicalCache = new Map<LocaleFile, ReadonlyMap<string, Logical>>();
  private readonly paragraphCache = new Map<string, ReadonlyMap<string, ParagraphInfo>>();
  private readonly pairCache = new Map<string, readonly Pair[]>();
  private readonly anchorCache = new Map<LocaleFile, ReadonlyMap<string, number>>();
  private readonly rule: string;
  private readonly sink: (rule: string, f: RawFinding) => void;

  constructor(
    project: Project,
    rule: string,
    sink: (rule: string, f: RawFinding) => void,
    shared?: RuleContext,
  ) {
    this.project = project;
    this.corpus = project.corpus;
    this.source = project.sourceLocale;
    this.targets = project.locales.filter((l) => l !== project.sourceLocale);
    this.namespaces = project.namespaces;
    this.rule = rule;
    this.sink = sink;
    if (shared !== undefined) {
      this.documents = shared.documents;
      this.familyCache = shared.familyCache;
      this.logicalCache = shared.logicalCache;
      this.paragraphCache = shared.paragraphCache;
      this.pairCache = shared.pairCache;
      this.anchorCache = shared.anchorCache;
    } else {
      this.documents = new Map(
        Object.values(project.corpus?.documents ?? {}).map((d) => [d.namespace, d]),
      );
    }
  }

  /** A context for another rule sharing the caches. */
  forRule(rule: string): RuleContext {
    return new RuleContext(this.project, rule, this.sink, this);
  }

  report(f: RawFinding): void {
    this.sink(this.rule, f);
  }

  /** Whether the config exempts a key of a file from this rule (to skip work; the runner filters anyway). */
  exempt(file: { readonly locale: string; readonly namespace: string }, key: string): boolean {
    return isExempt(this.project.config.exemptions, this.rule, file.locale, file.namespace, key);
  }

  /** Rule options from the config (`rules.<id>` when it is an object). */
  options(): Readonly<Record<string, unknown>> {
    const o = this.project.config.rules[this.rule];
    return o !== null && typeof o === 'object' ? (o as Record<string, unknown>) : {};
  }

  /** A locale file that parsed (the others are only seen by `syntax`). */
  usable(locale: string, ns: string): LocaleFile | undefined {
    const f = this.project.file(locale, ns);
    return f?.usable === true ? f : undefined;
  }

  sourceFile(ns: string): LocaleFile | undefined {
    return this.usable(this.source, ns);
  }

  /** Files of a namespace in every locale, usable or not, source first. */
  filesOf(ns: string): LocaleFile[] {
    return this.project.locales.flatMap((l) => {
      const f = this.project.file(l, ns);
      return f === undefined ? [] : [f];
    });
  }

  families(ns: string): ReadonlySet<string> {
    let f = this.familyCache.get(ns);
    if (f === undefined) {
      f = pluralFamilies(this.filesOf(ns).filter((x) => x.usable));
      this.familyCache.set(ns, f);
    }
    return f;
  }

  logical(file: LocaleFile): ReadonlyMap<string, Logical> {
    let l = this.logicalCache.get(file);
    if (l === undefined) {
      l = logicalEntries(file, this.families(file.namespace));
      this.logicalCache.set(file, l);
    }
    return l;
  }

  /** Every target string with its source string, for the rules that compare the two. */
  pairs(ns: string): readonly Pair[] {
    let list = this.pairCache.get(ns);
    if (list === undefined) {
      list = [...this.computePairs(ns)];
      this.pairCache.set(ns, list);
    }
    return list;
  }

  private *computePairs(ns: string): Generator<Pair> {
    const source = this.sourceFile(ns);
    if (source === undefined) return;
    const sourceLogical = this.logical(source);
    for (const locale of this.targets) {
      const file = this.usable(locale, ns);
      if (file === undefined) continue;
      for (const l of this.logical(file).values()) {
        const s = sourceLogical.get(l.key);
        if (s === undefined) continue;
        const entries =
          l.kind === 'plain' ? [[undefined, l.entry] as const] : [...l.forms.entries()];
        for (const [category, entry] of entries) {
          const value = stringValue(entry);
          const sourceEntry = sourceFormFor(s, category ?? 'other');
          const sourceValue = stringValue(sourceEntry);
          if (value === undefined || sourceEntry === undefined || sourceValue === undefined)
            continue;
          yield { file, entry, value, source, sourceEntry, sourceValue };
        }
      }
    }
  }

  /** Every usable file's string entries (source included). */
  *strings(ns?: string): Generator<{ file: LocaleFile; entry: Entry; value: string }> {
    for (const file of this.project.files) {
      if (!file.usable || (ns !== undefined && file.namespace !== ns)) continue;
      for (const entry of file.entries.values()) {
        const value = stringValue(entry);
        if (value !== undefined) yield { file, entry, value };
      }
    }
  }

  /** Paragraph keys (`sections.<section>.<paragraph>`) of the document whose namespace is `ns`. */
  paragraphs(ns: string): ReadonlyMap<string, ParagraphInfo> {
    let m = this.paragraphCache.get(ns);
    if (m === undefined) {
      const map = new Map<string, ParagraphInfo>();
      const doc = this.documents.get(ns);
      if (doc !== undefined) {
        for (const section of doc.sections) {
          for (const paragraph of section.paragraphs) {
            map.set(`sections.${section.id}.${paragraph.id}`, {
              doc,
              section,
              paragraph,
              id: `${section.id}.${paragraph.id}`,
            });
          }
        }
      }
      m = map;
      this.paragraphCache.set(ns, m);
    }
    return m;
  }

  /** Where a key would be reported in a file that lacks it: the nearest existing ancestor. */
  anchorFor(file: LocaleFile, key: string): number {
    let prefixes = this.anchorCache.get(file);
    if (prefixes === undefined) {
      const map = new Map<string, number>();
      for (const e of file.entries.values()) {
        for (let i = 1; i < e.path.length; i++) {
          const prefix = e.path.slice(0, i).join('.');
          if (!map.has(prefix)) map.set(prefix, e.keyOffset);
        }
      }
      prefixes = map;
      this.anchorCache.set(file, map);
    }
    const parts = key.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const at = prefixes.get(parts.slice(0, n).join('.'));
      if (at !== undefined) return at;
    }
    return file.rootOffset;
  }
}
