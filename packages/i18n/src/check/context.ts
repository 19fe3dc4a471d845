import type { Corpus, DocumentModel, Paragraph, Section } from '@bilateral/core';
import {
  isExempt,
  logicalEntries,
  pluralFamilies,
  sourceFormFor,
  stringValue,
  type Logical,
} from '../model/keys.js';
import { releaseParsed } from '../files/read.js';
import { type Entry, type LocaleFile, type Project } from '../model/types.js';
import { documentsByNamespace } from './core-keys.js';
import type { Severity, Suggestion } from '../model/finding.js';
import { documentKeys } from '../model/document-keys.js';

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
  /** An explicit position (for findings made from cached data, without the file's text). */
  readonly at?: { readonly line: number; readonly column: number };
  readonly key: string;
  readonly message: string;
  readonly hint: string;
  /** The command the hint suggests (the hint names it as `commandLine` renders it). */
  readonly suggestion?: Suggestion;
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

/**
 * A `$t(…)` nesting, as the cycle check needs it: found while checking the namespace it is in,
 * kept (and cached) in this plain form, and analysed for the whole project at the end of a run.
 */
export interface NestEdge {
  readonly locale: string;
  readonly namespace: string;
  /** `namespace:key` of the text that nests. */
  readonly from: string;
  /** `namespace:key` it nests. */
  readonly to: string;
  readonly file: string;
  readonly key: string;
  readonly line: number;
  readonly column: number;
  readonly raw: string;
}

/** What one pass of the rules looks at: one namespace, or (global) what belongs to none. */
export interface Scope {
  readonly namespaces: readonly string[];
  /** The locale files of those namespaces, in project order. */
  readonly files: readonly LocaleFile[];
  /** The core documents of those namespaces. */
  readonly documents: ReadonlyMap<string, DocumentModel>;
  /** The pass for lock files and for `$t(…)` cycles across namespaces. */
  readonly global: boolean;
  /** Namespace passes add the nestings they find; the global pass reads them all. */
  readonly edges: NestEdge[];
}

/**
 * State shared by every rule and every pass of one check run: views computed once, and the
 * namespaces the current pass has looked at (what its cached result depends on).
 */
export class RunState {
  readonly project: Project;
  readonly documents: ReadonlyMap<string, DocumentModel>;
  readonly familyCache = new Map<string, ReadonlySet<string>>();
  readonly logicalCache = new Map<LocaleFile, ReadonlyMap<string, Logical>>();
  readonly paragraphCache = new Map<string, ReadonlyMap<string, ParagraphInfo>>();
  readonly pairCache = new Map<string, readonly Pair[]>();
  readonly anchorCache = new Map<LocaleFile, ReadonlyMap<string, number>>();
  /** Namespaces read by the current pass. */
  deps = new Set<string>();
  /** The project as rules see it: every file lookup is recorded in {@link deps}. */
  readonly tracked: Project;

  constructor(project: Project) {
    this.project = project;
    this.documents =
      project.corpus === undefined ? new Map() : documentsByNamespace(project.corpus);
    const file = (locale: string, ns: string) => {
      this.deps.add(ns);
      return project.file(locale, ns);
    };
    this.tracked = { ...project, file };
  }

  /** Drops what only the pass over `ns` needed (bounded memory on large projects). */
  release(ns: string, files: readonly LocaleFile[]): void {
    this.pairCache.delete(ns);
    this.familyCache.delete(ns);
    for (const f of files) {
      this.anchorCache.delete(f);
      this.logicalCache.delete(f);
      releaseParsed(f);
    }
  }
}

/** Shared, lazily computed views of the project that several rules need. */
export class RuleContext {
  readonly project: Project;
  readonly corpus: Corpus | undefined;
  readonly source: string;
  readonly targets: readonly string[];
  /** The namespaces of this pass (one, or none in the global pass). */
  readonly namespaces: readonly string[];
  /** The locale files of this pass's namespaces. */
  readonly files: readonly LocaleFile[];
  /** The core documents of this pass's namespaces, by namespace. */
  readonly documents: ReadonlyMap<string, DocumentModel>;
  readonly global: boolean;
  readonly edges: NestEdge[];
  private readonly state: RunState;
  private readonly rule: string;
  private readonly sink: (rule: string, f: RawFinding) => void;

  constructor(
    state: RunState,
    scope: Scope,
    rule: string,
    sink: (rule: string, f: RawFinding) => void,
  ) {
    this.state = state;
    this.project = state.tracked;
    this.corpus = state.project.corpus;
    this.source = state.project.sourceLocale;
    this.targets = state.project.locales.filter((l) => l !== state.project.sourceLocale);
    this.namespaces = scope.namespaces;
    this.files = scope.files;
    this.documents = scope.documents;
    this.global = scope.global;
    this.edges = scope.edges;
    this.rule = rule;
    this.sink = sink;
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

  /** Plural families of a namespace (from its files in every locale). */
  families(ns: string): ReadonlySet<string> {
    this.state.deps.add(ns);
    let f = this.state.familyCache.get(ns);
    if (f === undefined) {
      f = pluralFamilies(this.filesOf(ns).filter((x) => x.usable));
      this.state.familyCache.set(ns, f);
    }
    return f;
  }

  logical(file: LocaleFile): ReadonlyMap<string, Logical> {
    let l = this.state.logicalCache.get(file);
    if (l === undefined) {
      l = logicalEntries(file, this.families(file.namespace));
      this.state.logicalCache.set(file, l);
    } else this.state.deps.add(file.namespace);
    return l;
  }

  /** Every target string with its source string, for the rules that compare the two. */
  pairs(ns: string): readonly Pair[] {
    this.state.deps.add(ns);
    let list = this.state.pairCache.get(ns);
    if (list === undefined) {
      list = [...this.computePairs(ns)];
      this.state.pairCache.set(ns, list);
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

  /** Every usable file's string entries: of one namespace, or of this pass (source included). */
  *strings(ns?: string): Generator<{ file: LocaleFile; entry: Entry; value: string }> {
    for (const file of ns === undefined ? this.files : this.filesOf(ns)) {
      if (!file.usable) continue;
      for (const entry of file.entries.values()) {
        const value = stringValue(entry);
        if (value !== undefined) yield { file, entry, value };
      }
    }
  }

  /** Paragraph keys (`sections.<section>.<paragraph>`) of the document whose namespace is `ns`. */
  paragraphs(ns: string): ReadonlyMap<string, ParagraphInfo> {
    let m = this.state.paragraphCache.get(ns);
    if (m === undefined) {
      const map = new Map<string, ParagraphInfo>();
      const doc = this.state.documents.get(ns);
      if (doc !== undefined) {
        for (const section of doc.sections) {
          for (const paragraph of section.paragraphs) {
            map.set(documentKeys.paragraph(section.id, paragraph.id), {
              doc,
              section,
              paragraph,
              id: `${section.id}.${paragraph.id}`,
            });
          }
        }
      }
      m = map;
      this.state.paragraphCache.set(ns, m);
    }
    return m;
  }

  /** Where a key would be reported in a file that lacks it: the nearest existing ancestor. */
  anchorFor(file: LocaleFile, key: string): number {
    let prefixes = this.state.anchorCache.get(file);
    if (prefixes === undefined) {
      const map = new Map<string, number>();
      for (const e of file.entries.values()) {
        for (let i = 1; i < e.path.length; i++) {
          const prefix = e.path.slice(0, i).join('.');
          if (!map.has(prefix)) map.set(prefix, e.keyOffset);
        }
      }
      prefixes = map;
      this.state.anchorCache.set(file, map);
    }
    const parts = key.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const at = prefixes.get(parts.slice(0, n).join('.'));
      if (at !== undefined) return at;
    }
    return file.rootOffset;
  }
}
