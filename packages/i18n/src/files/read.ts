import { statSync, type Stats } from 'node:fs';
import { isRefused, readContained } from './contain.js';
import { LIMITS } from '../model/limits.js';
import { relativePath } from '../model/paths.js';
import type { Entry, LocaleFile, SyntaxProblem } from '../model/types.js';
import { parseLocaleFile, tooDeep, tooLarge } from './parse.js';

/**
 * Reading locale files: stamps (to tell an unchanged file without reading it), lazy reading and
 * parsing on first use, and the rendering side's plain `JSON.parse` of a file's data.
 */

/**
 * A file's size, modification and change times and inode (undefined when it does not exist):
 * while they are the same, the file has not been written. The change time moves on every write
 * and cannot be set back.
 */
export function fileStamp(
  file: string,
): { readonly stamp: string; readonly size: number } | undefined {
  const st = statSync(file, { throwIfNoEntry: false });
  return st === undefined ? undefined : stampOf(st);
}

/** The numbers {@link LazyLocaleFile.unchangedOnDisk} compares, and when they were taken. */
const takenOf = (st: Stats, at: number) => ({
  mtimeMs: st.mtimeMs,
  ctimeMs: st.ctimeMs,
  ino: st.ino,
  at,
});

/** {@link fileStamp} from metadata already taken. */
const stampOf = (st: Stats): { readonly stamp: string; readonly size: number } => ({
  stamp: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`,
  size: st.size,
});

/**
 * One locale file, read and parsed on first use; never throws. Nothing is read yet: its
 * metadata ({@link LocaleFile.stamp}) is taken when first needed and always before the bytes,
 * which are read the first time they, the text or the entries are needed — once, so that the
 * text and the bytes always come from the same read. A file over {@link LIMITS.fileBytes} is
 * not read.
 */
export function readLocaleFile(
  root: string,
  locale: string,
  namespace: string,
  file: string,
): LocaleFile {
  return new LazyLocaleFile(root, locale, namespace, file);
}

/**
 * A file of the project read through containment and bounded by the bytes actually read: its
 * bytes, or the problems that kept it from being read (refused, too large). Throws only what the
 * file system throws (see {@link cannotRead}).
 */
export function readChecked(
  file: string,
  root: string,
): { bytes: Uint8Array; problems: SyntaxProblem[]; stats?: Stats; absent?: boolean } {
  const got = readContained(file, root, relativePath(root, file), LIMITS.fileBytes);
  if (got === undefined) return { bytes: Buffer.alloc(0), problems: [], absent: true };
  if (isRefused(got))
    return {
      bytes: Buffer.alloc(0),
      problems: [{ kind: 'read', offset: 0, message: got.message, hint: got.hint, key: '' }],
    };
  if ('tooLarge' in got) return { bytes: Buffer.alloc(0), problems: [tooLarge(got.tooLarge)] };
  return got.stats === undefined
    ? { bytes: got.bytes, problems: [] }
    : { bytes: got.bytes, problems: [], stats: got.stats };
}

/** The problem of a file the system would not let us read. */
export function cannotRead(e: unknown): SyntaxProblem {
  return {
    kind: 'read',
    offset: 0,
    message: `cannot read the file: ${(e as Error).message}`,
    hint: 'Check the file permissions.',
    key: '',
  };
}

/** What reading a file gave: its bytes, or why there are none. */
interface Raw {
  readonly bytes: Uint8Array;
  readonly problems: SyntaxProblem[];
}

/** A file's metadata, taken once. */
interface Meta {
  readonly stamp?: string;
  readonly size: number;
  readonly exists: boolean;
  readonly error?: Error;
  /**
   * What the stamp is made of (when the file exists), as numbers, and when it was taken (ms since
   * the epoch): four numbers, not the `Stats` object (a project of 12,000 files keeps them all).
   */
  readonly taken?: {
    readonly mtimeMs: number;
    readonly ctimeMs: number;
    readonly ino: number;
    readonly at: number;
  };
}

/**
 * How long before a file's metadata was taken its last change must be for the metadata to stand
 * for its bytes: file systems keep times in ticks, so an edit in the same tick as the change
 * before it can leave size, times and inode as they were (git's "racily clean" entries).
 */
export const RACY_MS = 2_000;

/**
 * A locale file read and parsed on first use (once). A check whose results for a namespace are
 * cached never reads or parses that namespace's files. One object per file, its methods shared
 * (a project of 12,000 files made 15 closures for each).
 */
class LazyLocaleFile implements LocaleFile {
  private meta: Meta | undefined;
  private raw: Raw | undefined;
  private parsed: LocaleFile | undefined;
  private rel: string | undefined;

  constructor(
    private readonly root: string,
    readonly locale: string,
    readonly namespace: string,
    readonly path: string,
  ) {}

  get relPath(): string {
    return (this.rel ??= relativePath(this.root, this.path));
  }
  get stamp(): string | undefined {
    return this.stat().stamp;
  }
  get changedMs(): number | undefined {
    const t = this.stat().taken;
    return t === undefined ? undefined : Math.max(t.mtimeMs, t.ctimeMs);
  }
  get bytes(): Uint8Array {
    return this.read().bytes;
  }
  get text(): string {
    return this.get().text;
  }
  get bom(): boolean {
    return this.get().bom;
  }
  get usable(): boolean {
    return this.get().usable;
  }
  get problems(): readonly SyntaxProblem[] {
    return this.get().problems;
  }
  get rootOffset(): number {
    return this.get().rootOffset;
  }
  get entries(): ReadonlyMap<string, Entry> {
    return this.get().entries;
  }
  position(offset: number): { line: number; column: number } {
    return this.get().position(offset);
  }
  valueOffset(entry: Entry, index: number): number {
    return this.get().valueOffset(entry, index);
  }

  /**
   * Whether the file on disk is still the one this object stands for: a stat now gives the
   * metadata first taken, and the file had been left alone for {@link RACY_MS} when it was taken
   * (so no edit since can have kept it). Then this object, and any digest of its bytes, can serve
   * a new look at the project (see `refreshProject`).
   */
  unchangedOnDisk(): boolean {
    const m = this.meta;
    const was = m?.taken;
    if (m === undefined || was === undefined) return false;
    if (Math.max(was.mtimeMs, was.ctimeMs) >= was.at - RACY_MS) return false;
    const now = statSync(this.path, { throwIfNoEntry: false });
    return (
      now !== undefined &&
      now.size === m.size &&
      now.mtimeMs === was.mtimeMs &&
      now.ctimeMs === was.ctimeMs &&
      now.ino === was.ino
    );
  }

  /** Drops the bytes and the parse (see {@link releaseParsed}). */
  release(): void {
    this.parsed = undefined;
    this.raw = undefined;
  }

  private get(): LocaleFile {
    if (this.parsed === undefined) {
      const { bytes, problems } = this.read();
      this.parsed = parseLocaleFile(
        this.root,
        this.locale,
        this.namespace,
        this.path,
        bytes,
        problems,
      );
    }
    return this.parsed;
  }

  /** Metadata first (the stamp, and whether the file is small enough to read), once. */
  private stat(): Meta {
    if (this.meta !== undefined) return this.meta;
    try {
      const takenAt = Date.now();
      const st = statSync(this.path, { throwIfNoEntry: false });
      this.meta =
        st === undefined
          ? { size: 0, exists: false }
          : { ...stampOf(st), exists: true, taken: takenOf(st, takenAt) };
    } catch (e) {
      this.meta = { size: 0, exists: true, error: e as Error };
    }
    return this.meta;
  }

  private read(): Raw {
    return (this.raw ??= this.readNow());
  }

  private readNow(): Raw {
    const file = this.path;
    if (this.meta === undefined) {
      // No stamp asked for yet: the metadata of the descriptor the bytes are read through, taken
      // before them, is the stamp (one system call less per file than a stat first).
      try {
        const takenAt = Date.now();
        const got = readChecked(file, this.root);
        if (got.stats !== undefined)
          this.meta = { ...stampOf(got.stats), exists: true, taken: takenOf(got.stats, takenAt) };
        else if (got.absent) this.meta = { size: 0, exists: false };
        return { bytes: got.bytes, problems: got.problems };
      } catch (e) {
        return { bytes: Buffer.alloc(0), problems: [cannotRead(e)] };
      }
    }
    const problems: SyntaxProblem[] = [];
    let bytes: Uint8Array = Buffer.alloc(0);
    try {
      const { size, exists, error } = this.stat();
      if (error !== undefined) throw error;
      if (size > LIMITS.fileBytes) problems.push(tooLarge(size));
      else if (exists) {
        const got = readChecked(file, this.root);
        bytes = got.bytes;
        problems.push(...got.problems);
      }
    } catch (e) {
      problems.push(cannotRead(e));
    }
    return { bytes, problems };
  }
}

/** {@link LazyLocaleFile.unchangedOnDisk} of a file read from disk; false for any other. */
export function unchangedOnDisk(file: LocaleFile): boolean {
  return file instanceof LazyLocaleFile && file.unchangedOnDisk();
}

/**
 * Lets a lazily parsed file drop its bytes and parsed form; a later use (a code frame, another
 * namespace's nesting) reads and parses it again. The checks call it when they are done with a
 * namespace and have taken what the cache needs (the digest of the bytes), so that memory holds
 * one namespace's files at a time, not the whole project's: at 100,000 keys × 4 the bytes kept
 * were half the peak of a one-thread check (bench/analysis.md). The stamp stays the first read's.
 */
export function releaseParsed(file: LocaleFile): void {
  if (file instanceof LazyLocaleFile) file.release();
}

/**
 * The data of a locale file as i18next reads it, when the checks can use the file
 * ({@link LocaleFile.usable}: readable, not too large or deep, one JSON object), else undefined.
 * `JSON.parse` only, without positions: for rendering, which needs no line numbers (the
 * property tests hold it to `parseLocaleFile(…).usable`).
 */
export function localeData(bytes: Uint8Array): Record<string, unknown> | undefined {
  if (bytes.length > LIMITS.fileBytes) return undefined;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8').decode(bom ? bytes.subarray(3) : bytes);
  if (text.trim() === '' || tooDeep(text) !== -1) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link localeData} of a file on disk inside the project `root` (undefined when it cannot be
 * read, is refused by containment, or is too large).
 */
export function readLocaleData(file: string, root: string): Record<string, unknown> | undefined {
  try {
    const got = readContained(file, root, relativePath(root, file), LIMITS.fileBytes);
    if (got === undefined || isRefused(got) || 'tooLarge' in got) return undefined;
    return localeData(got.bytes);
  } catch {
    return undefined;
  }
}
