import type { Corpus, DocumentModel } from '@bilateral/core';
import { isExempt, stringValue, type Logical } from '../model/keys.js';
import { type Entry, type LocaleFile, type Project } from '../model/types.js';
import { ParsedEntry } from '../files/entries.js';
import type { Severity, Suggestion } from '../model/finding.js';
import { documentKeys } from '../model/document-keys.js';
import type { I18next } from './i18next.js';
import type { PluralKeys } from './plural-keys.js';
import type { Scanned } from './scan.js';
import {
  carriesOf,
  type Pair,
  type ParagraphInfo,
  type RunState,
  type StringEntry,
} from './state.js';

export type { Carries, Pair, ParagraphInfo, StringEntry } from './state.js';

/** What a rule reports; the runner turns it into a `Finding` (position, severity, exemptions). */
export interface RawFinding {
  readonly severity?: Severity;
  /**
   * The file and the offset in its text (turned into a line and column when the finding is
   * made); or a file-less finding (a lock file, a missing file), reported at its first line.
   */
  readonly file: LocaleFile | FileRef;
  readonly offset?: number;
  readonly key: string;
  readonly message: string;
  readonly hint: string;
  /** The command the hint suggests (the hint names it as `commandLine` renders it). */
  readonly suggestion?: Suggestion;
  /** Security findings: always errors, whatever the configuration says. */
  readonly pinned?: boolean;
}

/** A file that is not a parsed locale file: where a finding about it is reported. */
export interface FileRef {
  readonly relPath: string;
  readonly locale: string;
  readonly namespace: string;
  readonly position?: undefined;
}

/**
 * What a namespace pass hands to its rule's project pass (`ctx.collect`): kept, and cached, with
 * the namespace's findings. Plain JSON data.
 */
export interface Collected {
  readonly rule: string;
  readonly item: unknown;
}

/** The name the check cache knows {@link Collected} items by. */
export type NestEdge = Collected;

/** What every context has: the project, the rule's options and exemptions, and the report. */
abstract class BaseContext {
  readonly project: Project;
  readonly corpus: Corpus | undefined;
  /** The source locale. */
  readonly source: string;
  /** Every other locale. */
  readonly targets: readonly string[];
  protected readonly state: RunState;
  protected readonly rule: string;
  private readonly sink: (f: RawFinding) => void;

  constructor(state: RunState, project: Project, rule: string, sink: (f: RawFinding) => void) {
    this.state = state;
    this.project = project;
    this.corpus = project.corpus;
    this.source = project.sourceLocale;
    this.targets = project.locales.filter((l) => l !== project.sourceLocale);
    this.rule = rule;
    this.sink = sink;
  }

  report(f: RawFinding): void {
    this.sink(f);
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

  /** How the project's i18next reads its files (its settings over i18next's defaults). */
  get i18next(): I18next {
    return this.state.i18next;
  }

  /** Plural families, forms and suffixes as the project's i18next reads them (v3 or v4). */
  get keys(): PluralKeys {
    return this.state.keys;
  }

  /** A memo of this rule for the whole run (e.g. per-file lookups it makes in every namespace). */
  memo<K, V>(name: string): Map<K, V> {
    return this.state.memo<K, V>(this.rule, name);
  }
}

/** The project pass of a rule: once per run, after every namespace. */
export class ProjectContext extends BaseContext {
  constructor(state: RunState, rule: string, sink: (f: RawFinding) => void) {
    super(state, state.project, rule, sink);
  }
}

/**
 * The namespace pass of a rule: one namespace, its files in every locale, and shared, lazily
 * computed views of them. Every file it looks up (here or through {@link project}) is recorded as
 * something this namespace's result depends on.
 */
export class NamespaceContext<Item = never> extends BaseContext {
  /** The namespace of this pass. */
  readonly namespace: string;
  /** Its locale files (every locale, in project order; usable or not). */
  readonly files: readonly LocaleFile[];
  /** The core document whose text is in this namespace, if any. */
  readonly document: DocumentModel | undefined;
  private readonly collected: Collected[];

  constructor(
    state: RunState,
    namespace: string,
    files: readonly LocaleFile[],
    rule: string,
    sink: (f: RawFinding) => void,
    collected: Collected[],
  ) {
    super(state, state.tracked, rule, sink);
    this.namespace = namespace;
    this.files = files;
    this.document = state.documents.get(namespace);
    this.collected = collected;
  }

  /** Hands an item to this rule's project pass (plain JSON data; cached with the namespace). */
  collect(item: Item): void {
    // Kept for the whole run (and cached): a copy, so that a string sliced from a file's text (a
    // key, a `raw` excerpt) does not keep the whole text alive once the file is checked.
    this.collected.push({ rule: this.rule, item: structuredClone(item) });
  }

  /**
   * The scan of a string: placeholders, tags, citations, numbers (made once, shared by every
   * rule). Give the entry the string is the value of when there is one: found faster.
   */
  scan(value: string, entry?: Entry): Scanned {
    return this.state.scan(value, entry);
  }

  /** A locale file that parsed (the others are only seen by `syntax`). */
  usable(locale: string, ns: string = this.namespace): LocaleFile | undefined {
    const f = this.project.file(locale, ns);
    return f?.usable === true ? f : undefined;
  }

  sourceFile(ns: string = this.namespace): LocaleFile | undefined {
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
      f = this.state.keys.families(this.filesOf(ns).filter((x) => x.usable));
      this.state.familyCache.set(ns, f);
    }
    return f;
  }

  /** A file's logical keys: plural forms folded into their family. */
  logical(file: LocaleFile): ReadonlyMap<string, Logical> {
    let l = this.state.logicalCache.get(file);
    if (l === undefined) {
      l = this.state.keys.logical(file, this.families(file.namespace));
      this.state.logicalCache.set(file, l);
    } else this.state.deps.add(file.namespace);
    return l;
  }

  /** Every target string with its source string, for the rules that compare the two. */
  pairs(ns: string = this.namespace): readonly Pair[] {
    this.state.deps.add(ns);
    let list = this.state.pairCache.get(ns);
    if (list === undefined) {
      list = this.computePairs(ns);
      this.state.pairCache.set(ns, list);
    }
    return list;
  }

  /** The pairs of a namespace: one loop, no intermediate object per entry. */
  private computePairs(ns: string): Pair[] {
    const out: Pair[] = [];
    const source = this.sourceFile(ns);
    if (source === undefined) return out;
    const sourceLogical = this.logical(source);
    const add = (file: LocaleFile, entry: Entry, s: Logical, category: string) => {
      const value = stringValue(entry);
      if (value === undefined) return;
      const sourceEntry = this.state.keys.sourceFormFor(s, category);
      const sourceValue = stringValue(sourceEntry);
      if (sourceEntry === undefined || sourceValue === undefined) return;
      out.push({ file, entry, value, source, sourceEntry, sourceValue });
    };
    for (const locale of this.targets) {
      const file = this.usable(locale, ns);
      if (file === undefined) continue;
      for (const l of this.logical(file).values()) {
        const s = sourceLogical.get(l.key);
        if (s === undefined) continue;
        if (l.kind === 'plain') add(file, l.entry, s, 'other');
        else for (const [category, entry] of l.forms) add(file, entry, s, category);
      }
    }
    return out;
  }

  /**
   * Every usable file's string entries: of one namespace, or of this pass (source included). The
   * pass's list is made once and shared by every rule, as the pairs are (a generator made an object
   * and an iterator result for every string, for every rule that asked).
   */
  strings(ns?: string): readonly StringEntry[] {
    if (ns !== undefined) return stringsOf(this.filesOf(ns));
    let list = this.state.stringCache.get(this.namespace);
    if (list === undefined) {
      list = stringsOf(this.files);
      this.state.stringCache.set(this.namespace, list);
    }
    return list;
  }

  /** Paragraph keys (`sections.<section>.<paragraph>`) of the document whose namespace is `ns`. */
  paragraphs(ns: string = this.namespace): ReadonlyMap<string, ParagraphInfo> {
    let m = this.state.paragraphCache.get(ns);
    if (m === undefined) {
      const map = new Map<string, ParagraphInfo>();
      const doc = this.state.documents.get(ns);
      for (const section of doc?.sections ?? []) {
        for (const paragraph of section.paragraphs) {
          map.set(documentKeys.paragraph(section.id, paragraph.id), {
            doc: doc as DocumentModel,
            section,
            paragraph,
            id: `${section.id}.${paragraph.id}`,
            carries: carriesOf(paragraph),
          });
        }
      }
      m = map;
      this.state.paragraphCache.set(ns, m);
    }
    return m;
  }

  /**
   * Every key that holds an object or a list in a file (each proper prefix of an entry's path),
   * with the offset of the first entry below it. Made on first use (a rule asks only on a miss).
   */
  prefixes(file: LocaleFile): ReadonlyMap<string, number> {
    let prefixes = this.state.anchorCache.get(file);
    if (prefixes === undefined) {
      const map = containerPrefixes(file.entries.values());
      prefixes = map;
      this.state.anchorCache.set(file, map);
    }
    return prefixes;
  }

  /** Where a key would be reported in a file that lacks it: the nearest existing ancestor. */
  anchorFor(file: LocaleFile, key: string): number {
    // A top-level key has no ancestor (and needs no prefixes made).
    if (!key.includes('.')) return file.rootOffset;
    return nearestAncestor(this.prefixes(file), key) ?? file.rootOffset;
  }
}

/**
 * Every key that holds an object or a list among these entries (each proper prefix of an entry's
 * path), with the key offset of the first entry below it, in file order.
 */
export function containerPrefixes(entries: Iterable<Entry>): Map<string, number> {
  const map = new Map<string, number>();
  // Siblings share their container's path: a run of them is looked at once (a flat file's
  // entries all at once), and no entry's own path is made.
  let last: readonly string[] | undefined;
  for (const e of entries) {
    const parent = e instanceof ParsedEntry ? e.container : e.path.slice(0, -1);
    if (parent === last) continue;
    last = parent;
    let prefix = '';
    for (let i = 0; i < parent.length; i++) {
      prefix = i === 0 ? (parent[0] as string) : `${prefix}.${parent[i] as string}`;
      if (!map.has(prefix)) map.set(prefix, e.keyOffset);
    }
  }
  return map;
}

/**
 * The offset of a key's nearest ancestor among a file's objects (`prefixes`, as
 * {@link NamespaceContext.prefixes} makes them), or undefined when it has none: `a.b.c` tries
 * `a.b`, then `a`. Without splitting the key: a flat file lacking 40,000 keys with dots in them
 * asks this 40,000 times.
 */
export function nearestAncestor(
  prefixes: ReadonlyMap<string, number>,
  key: string,
): number | undefined {
  // A flat file (no objects): no ancestor, whatever the key (`com.app.title`).
  if (prefixes.size === 0) return undefined;
  // The key up to each of its dots, from the last.
  for (
    let dot = key.lastIndexOf('.');
    dot >= 0;
    dot = dot === 0 ? -1 : key.lastIndexOf('.', dot - 1)
  ) {
    const at = prefixes.get(key.slice(0, dot));
    if (at !== undefined) return at;
  }
  return undefined;
}

/** The string entries of the usable files among `files`, in file order. */
function stringsOf(files: readonly LocaleFile[]): StringEntry[] {
  const out: StringEntry[] = [];
  for (const file of files) {
    if (!file.usable) continue;
    for (const entry of file.entries.values()) {
      const value = stringValue(entry);
      if (value !== undefined) out.push({ file, entry, value });
    }
  }
  return out;
}
