import type { DocumentModel, Paragraph, Section } from '@bilateral/core';
import { ParsedEntry } from '../files/entries.js';
import { releaseParsed } from '../files/read.js';
import type { Logical } from '../model/keys.js';
import type { Entry, LocaleFile, Project } from '../model/types.js';
import { documentsByNamespace } from './core-keys.js';
import { i18nextOf, type I18next } from './i18next.js';
import { PluralKeys } from './plural-keys.js';
import { plainScan, plainTest, scanString, type Scanned, type ScanSyntax } from './scan.js';

export interface ParagraphInfo {
  readonly doc: DocumentModel;
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** `section.paragraph`. */
  readonly id: string;
  /** What the paragraph carries, read once per run for every rule and locale (see {@link carriesOf}). */
  readonly carries: Carries;
}

/** A paragraph's facts, entities, citations and dubious markers, in one pass over `carries`. */
export interface Carries {
  /** Reference ids cited, in order, repeats kept (`citationsOf`). */
  readonly citations: readonly string[];
  /** How many times each reference id is cited. */
  readonly citationCounts: ReadonlyMap<string, number>;
  /** Fact ids carried (`factsOf`, as a set, in order of first appearance). */
  readonly facts: ReadonlySet<string>;
  /** Entity ids named (`entitiesOf`, each once, in order of first appearance). */
  readonly entities: readonly string[];
  /** "Dubious – discuss" markers (`dubiousCountOf`). */
  readonly dubious: number;
}

/** The {@link Carries} of a paragraph: the same answers as the core's query helpers. */
export function carriesOf(paragraph: Paragraph): Carries {
  const citations: string[] = [];
  const citationCounts = new Map<string, number>();
  const facts = new Set<string>();
  const entities = new Set<string>();
  let dubious = 0;
  for (const i of paragraph.carries) {
    if ('cite' in i) {
      citations.push(i.cite);
      citationCounts.set(i.cite, (citationCounts.get(i.cite) ?? 0) + 1);
    } else if ('fact' in i) facts.add(i.fact);
    else if ('entity' in i) entities.add(i.entity);
    else if ('dubious' in i) dubious++;
  }
  return { citations, citationCounts, facts, entities: [...entities], dubious };
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

/** A string entry of a usable locale file (`ctx.strings()`). */
export interface StringEntry {
  readonly file: LocaleFile;
  readonly entry: Entry;
  readonly value: string;
}

/** Above this many distinct strings, the scans of a namespace are forgotten and made afresh. */
const MAX_SCANS = 200_000;

/**
 * The state of one check run, shared by every rule and every pass: views of the project computed
 * once (logical keys, pairs, paragraphs, scans of strings), the rules' own per-run memos, and the
 * namespaces the current pass has looked at (what its cached result depends on). Everything a run
 * memoises lives here, never in module globals, so that runs are independent; what only one
 * namespace's pass needs is dropped after it ({@link release}), so that memory holds one
 * namespace at a time, not the whole project.
 */
export class RunState {
  readonly project: Project;
  /** How the project's i18next reads its files (its settings over i18next's defaults). */
  readonly i18next: I18next;
  /** Plural families and forms as that i18next reads them. */
  readonly keys: PluralKeys;
  /** What {@link scan} looks for in a string (delimiters, ICU), from {@link i18next}. */
  private readonly syntax: ScanSyntax;
  /** Finds what makes a string worth scanning (see `plainTest`); undefined: every string is. */
  private readonly plain: RegExp | undefined;
  readonly documents: ReadonlyMap<string, DocumentModel>;
  readonly familyCache = new Map<string, ReadonlySet<string>>();
  readonly logicalCache = new Map<LocaleFile, ReadonlyMap<string, Logical>>();
  readonly paragraphCache = new Map<string, ReadonlyMap<string, ParagraphInfo>>();
  readonly pairCache = new Map<string, readonly Pair[]>();
  readonly stringCache = new Map<string, readonly StringEntry[]>();
  readonly anchorCache = new Map<LocaleFile, ReadonlyMap<string, number>>();
  /**
   * Scans of the current namespace's strings: the rules scan the same strings several times
   * within a namespace, rarely across namespaces, and a project-wide memo would hold every string
   * of a large project.
   */
  private scans = new Map<string, Scanned>();
  /** The same by the entry a string is from, for entries without a slot (see {@link scan}). */
  private entryScans = new Map<Entry, Scanned>();
  /** The current namespace pass: what owns the scans kept in entries' slots. */
  private pass: object = {};
  /** The rules' memos, by rule id and name (for the whole run). */
  private readonly memos = new Map<string, Map<unknown, unknown>>();
  /** Namespaces read by the current pass. */
  deps = new Set<string>();
  /** The project as rules see it: every file lookup is recorded in {@link deps}. */
  readonly tracked: Project;

  constructor(project: Project) {
    this.project = project;
    this.i18next = i18nextOf(project.config);
    this.keys = new PluralKeys(this.i18next);
    this.syntax = { delimiters: this.i18next.delimiters, icu: this.i18next.format === 'icu' };
    this.plain = plainTest(this.syntax);
    this.documents =
      project.corpus === undefined ? new Map() : documentsByNamespace(project.corpus);
    const file = (locale: string, ns: string) => {
      this.deps.add(ns);
      return project.file(locale, ns);
    };
    this.tracked = { ...project, file };
  }

  /** The scan of a string (made once per namespace pass, shared by every rule). */
  scan(value: string, entry?: Entry): Scanned {
    if (entry === undefined) return this.scanText(value);
    // By the entry the text is from: an identity lookup, without hashing the text; in the entry's
    // own slot when it has one (a parsed file's entries), valid for this namespace's pass.
    if (entry instanceof ParsedEntry) {
      const memo = entry.memo as Scanned | undefined;
      if (entry.memoOwner === this.pass && memo !== undefined && memo.value === value) return memo;
      const s = this.scanText(value);
      entry.memoOwner = this.pass;
      entry.memo = s;
      return s;
    }
    let s = this.entryScans.get(entry);
    if (s === undefined || s.value !== value) {
      s = this.scanText(value);
      this.entryScans.set(entry, s);
    }
    return s;
  }

  private scanText(value: string): Scanned {
    if (this.plain !== undefined && !this.plain.test(value)) return plainScan(value, this.syntax);
    let s = this.scans.get(value);
    if (s === undefined) {
      s = scanString(value, this.syntax);
      if (this.scans.size >= MAX_SCANS) this.scans = new Map();
      this.scans.set(value, s);
    }
    return s;
  }

  /** A memo of one rule for this run: a map the rule fills as it likes. */
  memo<K, V>(rule: string, name: string): Map<K, V> {
    const id = `${rule}\u0000${name}`;
    let m = this.memos.get(id);
    if (m === undefined) this.memos.set(id, (m = new Map()));
    return m as Map<K, V>;
  }

  /** Drops what only the pass over `ns` needed (bounded memory on large projects). */
  release(ns: string, files: readonly LocaleFile[]): void {
    this.pairCache.delete(ns);
    this.stringCache.delete(ns);
    this.familyCache.delete(ns);
    this.paragraphCache.delete(ns);
    this.scans = new Map();
    this.entryScans = new Map();
    this.pass = {};
    for (const f of files) {
      this.anchorCache.delete(f);
      this.logicalCache.delete(f);
      releaseParsed(f);
    }
  }
}
