import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Corpus } from '@bilateral/core';
import { ConfigError, loadCorpus, type ProjectConfig } from './config.js';
import { listLocaleFiles } from './list.js';
import { readLock, type LockFile } from './lock.js';
import { relativePath } from '../model/paths.js';
import { LIMITS } from '../model/limits.js';
import { findInvisible } from '../syntax/invisible.js';

export { relativePath };

/**
 * A project as the checks see it: every locale file read once, with the position of every key
 * and value, the lock files and the core (when configured). Loading never throws for a broken
 * locale file: its problems are kept for the `syntax` check and the other files load as usual.
 */

export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface Entry {
  /** Dotted key path inside the file, e.g. `sections.history.p1`. */
  readonly key: string;
  readonly path: readonly string[];
  readonly type: ValueType;
  /** The value when it is a string, else the raw JSON value (for messages). */
  readonly value: unknown;
  /** Offset of the property name (the opening quote) in {@link LocaleFile.text}. */
  readonly keyOffset: number;
  /** Offset and length of the value token (for a string: including its quotes). */
  readonly valueOffset: number;
  readonly valueLength: number;
}

export interface SyntaxProblem {
  readonly kind:
    | 'parse'
    | 'duplicate'
    | 'bom'
    | 'encoding'
    | 'type'
    | 'root'
    | 'read'
    | 'size'
    | 'depth'
    | 'key';
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
  readonly key: string;
}

export interface LocaleFile {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the project root, with `/` separators. */
  readonly relPath: string;
  /** The bytes as read (to refuse writing over a file that changed since). */
  readonly bytes: Uint8Array;
  /**
   * Size, modification and change times (ms, with the fraction the file system keeps) and
   * inode, taken before the file is read (undefined
   * for a file that does not exist): lets a cache trust a digest without reading the file again.
   */
  readonly stamp?: string | undefined;
  /** The decoded text, without a byte-order mark; every offset refers to this text. */
  readonly text: string;
  readonly bom: boolean;
  /** False when the file is not valid JSON: the checks other than `syntax` leave it out. */
  readonly usable: boolean;
  readonly problems: readonly SyntaxProblem[];
  /** Offset of the root object's `{` (0 when the file does not parse). */
  readonly rootOffset: number;
  /** Leaf values by dotted key, in file order. Objects are not entries; their leaves are. */
  readonly entries: ReadonlyMap<string, Entry>;
  /** 1-based line and column (in UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number };
  /** Offset in {@link text} of the character at `index` of a string entry's decoded value. */
  valueOffset(entry: Entry, index: number): number;
}

export interface Project {
  readonly config: ProjectConfig;
  readonly root: string;
  readonly sourceLocale: string;
  readonly locales: readonly string[];
  /** Namespaces found in any locale, source first. */
  readonly namespaces: readonly string[];
  readonly files: readonly LocaleFile[];
  readonly locks: ReadonlyMap<string, LockFile>;
  readonly corpus: Corpus | undefined;
  file(locale: string, namespace: string): LocaleFile | undefined;
  /** Where a locale file of a namespace is (or would be), absolute. */
  filePath(locale: string, namespace: string): string;
}

/** Reads every locale file (once, with positions), the lock files and the core. */
export async function loadProject(config: ProjectConfig): Promise<Project> {
  const corpus = await loadCorpus(config);
  return buildProject(config, corpus);
}

/** The synchronous part of {@link loadProject}, for re-reading when files change. */
export function buildProject(config: ProjectConfig, corpus: Corpus | undefined): Project {
  const files = listLocaleFiles(config).map((ref) =>
    readLocaleFile(config.root, ref.locale, ref.namespace, ref.file),
  );
  if (!files.some((f) => f.locale === config.sourceLocale)) {
    const pattern = config.files.replaceAll('{lng}', config.sourceLocale).replaceAll('{ns}', '*');
    throw new ConfigError(
      `no locale files for the source language "${config.sourceLocale}": nothing matches ${pattern} in ${config.root}. Check "files" and "sourceLocale" in the config (or --locales and --source).`,
    );
  }
  const byKey = new Map(files.map((f) => [`${f.locale}\u0000${f.namespace}`, f]));
  const nsSet = new Set<string>();
  for (const f of files) if (f.locale === config.sourceLocale) nsSet.add(f.namespace);
  for (const f of files) nsSet.add(f.namespace);
  const locks = new Map<string, LockFile>();
  for (const locale of config.locales) {
    if (locale === config.sourceLocale) continue;
    locks.set(locale, readLock(config, locale));
  }
  return {
    config,
    root: config.root,
    sourceLocale: config.sourceLocale,
    locales: config.locales,
    namespaces: [...nsSet],
    files,
    locks,
    corpus,
    file: (locale, namespace) => byKey.get(`${locale}\u0000${namespace}`),
    filePath: (locale, namespace) =>
      path.resolve(
        config.root,
        config.files.replaceAll('{lng}', locale).replaceAll('{ns}', namespace),
      ),
  };
}

/**
 * A file's size, modification and change times and inode (undefined when it does not exist):
 * while they are the same, the file has not been written. The change time moves on every write
 * and cannot be set back.
 */
export function fileStamp(
  file: string,
): { readonly stamp: string; readonly size: number } | undefined {
  const st = statSync(file, { throwIfNoEntry: false });
  return st === undefined
    ? undefined
    : { stamp: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`, size: st.size };
}

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
  // Metadata first (the stamp, and whether the file is small enough to read), once, on first use.
  let meta: { stamp?: string; size: number; exists: boolean; error?: Error } | undefined;
  const stat = () => {
    if (meta !== undefined) return meta;
    try {
      const st = fileStamp(file);
      meta = st === undefined ? { size: 0, exists: false } : { ...st, exists: true };
    } catch (e) {
      meta = { size: 0, exists: true, error: e as Error };
    }
    return meta;
  };
  const read = (): { bytes: Uint8Array; problems: SyntaxProblem[] } => {
    const problems: SyntaxProblem[] = [];
    let bytes: Uint8Array = Buffer.alloc(0);
    try {
      const { size, exists, error } = stat();
      if (error !== undefined) throw error;
      if (size > LIMITS.fileBytes) problems.push(tooLarge(size));
      else if (exists) bytes = readFileSync(file);
    } catch (e) {
      problems.push({
        kind: 'read',
        offset: 0,
        message: `cannot read the file: ${(e as Error).message}`,
        hint: 'Check the file permissions.',
        key: '',
      });
    }
    return { bytes, problems };
  };
  return lazyLocaleFile(root, locale, namespace, file, read, () => stat().stamp);
}

/**
 * A locale file read and parsed on first use (once). A check whose results for a namespace are
 * cached never reads or parses that namespace's files.
 */
function lazyLocaleFile(
  root: string,
  locale: string,
  namespace: string,
  file: string,
  read: () => { bytes: Uint8Array; problems: SyntaxProblem[] },
  stamp: () => string | undefined,
): LocaleFile {
  let raw: { bytes: Uint8Array; problems: SyntaxProblem[] } | undefined;
  let parsed: LocaleFile | undefined;
  let rel: string | undefined;
  const bytes = () => (raw ??= read());
  const get = (): LocaleFile =>
    (parsed ??= parseLocaleFile(root, locale, namespace, file, bytes().bytes, bytes().problems));
  const lazy: LocaleFile = {
    locale,
    namespace,
    path: file,
    get relPath() {
      return (rel ??= relativePath(root, file));
    },
    get stamp() {
      return stamp();
    },
    get bytes() {
      return bytes().bytes;
    },
    get text() {
      return get().text;
    },
    get bom() {
      return get().bom;
    },
    get usable() {
      return get().usable;
    },
    get problems() {
      return get().problems;
    },
    get rootOffset() {
      return get().rootOffset;
    },
    get entries() {
      return get().entries;
    },
    position: (offset) => get().position(offset),
    valueOffset: (entry, index) => get().valueOffset(entry, index),
  };
  releasers.set(lazy, () => {
    parsed = undefined;
  });
  return lazy;
}

const releasers = new WeakMap<LocaleFile, () => void>();

/**
 * Lets a lazily parsed file drop its parsed form (its bytes stay, so a later use parses the
 * same text again). The checks call it when they are done with a namespace, so that memory holds
 * one namespace's parse at a time, not the whole project's.
 */
export function releaseParsed(file: LocaleFile): void {
  releasers.get(file)?.();
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

/** {@link localeData} of a file on disk (undefined when it cannot be read). */
export function readLocaleData(file: string): Record<string, unknown> | undefined {
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    if (st === undefined || st.size > LIMITS.fileBytes) return undefined;
    return localeData(readFileSync(file));
  } catch {
    return undefined;
  }
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (size: number): SyntaxProblem => ({
  kind: 'size',
  offset: 0,
  message: `the file is ${megabytes(size)}; locale files over ${megabytes(LIMITS.fileBytes)} are not read (a real one is far smaller)`,
  hint: 'Check that this is the right file (not a log, a dump or generated data); split a very large namespace into several files.',
  key: '',
});

/**
 * Where a JSON text nests objects and arrays deeper than {@link LIMITS.depth}, or -1. Linear and
 * not recursive: parsers and tree walks are recursive and would overflow the stack on a file
 * nested ten thousand levels deep, so such a file is reported and never parsed.
 */
function tooDeep(text: string): number {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Jump over the string: to the next quote not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end === -1) return -1; // unterminated: the parser reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c /* \ */) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > LIMITS.depth) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    i++;
  }
  return -1;
}

const BAD = '\uFFFD';

/** Parses locale file bytes (exported for tests and for `sync`). */
export function parseLocaleFile(
  root: string,
  locale: string,
  namespace: string,
  file: string,
  bytes: Uint8Array,
  initialProblems: SyntaxProblem[] = [],
): LocaleFile {
  const problems = [...initialProblems];
  if (bytes.length > LIMITS.fileBytes && !problems.some((p) => p.kind === 'size'))
    problems.push(tooLarge(bytes.length));
  // A file that could not be read (or was too large to) has nothing more to report.
  const unread = problems.some((p) => p.kind === 'read' || p.kind === 'size');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = unread ? new Uint8Array(0) : bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8').decode(body);
    const at = text.indexOf(BAD);
    problems.push({
      kind: 'encoding',
      offset: Math.max(0, at),
      message: 'the file is not valid UTF-8 (shown as \uFFFD here)',
      hint: 'Save the file as UTF-8 in your editor (VS Code: "Save with Encoding" → UTF-8) and retype the damaged characters.',
      key: '',
    });
  }
  if (bom && !unread) {
    problems.push({
      kind: 'bom',
      offset: 0,
      message: 'the file starts with a byte-order mark (BOM)',
      hint: 'Save the file as "UTF-8" without BOM; JSON.parse and many i18next backends reject it.',
      key: '',
    });
  }
  // Line starts are found on the first position asked for: most files have no finding at all.
  let starts: number[] | undefined;
  const lineStartsOf = (): number[] => {
    if (starts !== undefined) return starts;
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const position = (offset: number) => {
    const lineStarts = lineStartsOf();
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  const entries = new Map<string, Entry>();
  let tree: Node | undefined;
  let usable = true;
  const deep = unread ? -1 : tooDeep(text);
  if (unread) {
    usable = false;
  } else if (deep !== -1) {
    usable = false;
    problems.push({
      kind: 'depth',
      offset: deep,
      message: `objects are nested more than ${LIMITS.depth} levels deep here; the file is not read any further`,
      hint: 'Locale files nest a few levels (section → paragraph); look for a run of { or [ pasted by mistake.',
      key: '',
    });
  } else if (text.trim() === '') {
    usable = false;
    problems.push({
      kind: 'parse',
      offset: 0,
      message: 'the file is empty',
      hint: 'A locale file holds one JSON object: write {} at least.',
      key: '',
    });
  } else {
    const errors: ParseError[] = [];
    tree = parseTree(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    if (errors.length > 0) {
      usable = false;
      // The first error is the real one; later ones are usually its consequences.
      const e = errors[0] as ParseError;
      let offset = e.offset;
      if (e.error === 6 /* CommaExpected */) {
        // Point where the comma belongs: right after the previous value, not at the next key.
        let i = offset - 1;
        while (i >= 0 && /\s/.test(text[i] as string)) i--;
        offset = i + 1;
      }
      problems.push({
        kind: 'parse',
        offset,
        ...describeParseError(e.error, text, offset),
        key: keyAt(tree, Math.max(0, offset - 1)),
      });
    } else {
      try {
        JSON.parse(text);
      } catch (err) {
        usable = false;
        const m = /position (\d+)/.exec((err as Error).message);
        problems.push({
          kind: 'parse',
          offset: m ? Number(m[1]) : 0,
          message: `not valid JSON: ${(err as Error).message}`,
          hint: 'Fix the JSON at this position.',
          key: '',
        });
      }
    }
    if (usable && tree !== undefined) {
      if (tree.type !== 'object') {
        usable = false;
        problems.push({
          kind: 'root',
          offset: tree.offset,
          message: `the file holds ${article(tree.type)}, not an object of keys`,
          hint: 'A locale file is one JSON object: { "key": "text", … }.',
          key: '',
        });
      } else {
        flatten(tree, [], entries, problems);
      }
    }
  }

  // Offsets of the decoded characters of string literals with escapes, built once per entry: a
  // finding's position is then found in constant time, however long the text and many the findings.
  const escapedOffsets = new WeakMap<Entry, Uint32Array>();
  const valueOffset = (entry: Entry, index: number): number => {
    const start = entry.valueOffset + 1;
    const end = entry.valueOffset + entry.valueLength - 1;
    const clamp = (raw: number) => Math.min(raw, Math.max(entry.valueOffset, end));
    const value = entry.value;
    if (typeof value === 'string' && value.length === entry.valueLength - 2) {
      return clamp(start + Math.max(0, index)); // no escapes: one raw character per decoded one
    }
    let map = escapedOffsets.get(entry);
    if (map === undefined) {
      // Walk the raw string literal, decoding escapes: map[i] is where decoded character i starts.
      const offsets: number[] = [];
      let raw = start;
      while (raw < end) {
        offsets.push(raw);
        raw += text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1;
      }
      offsets.push(raw);
      map = Uint32Array.from(offsets);
      escapedOffsets.set(entry, map);
    }
    return clamp(map[Math.min(Math.max(0, index), map.length - 1)] ?? start);
  };

  return {
    locale,
    namespace,
    path: file,
    relPath: relativePath(root, file),
    bytes,
    text,
    bom,
    usable,
    problems,
    // The parse tree is not kept: a large project would hold every node in memory.
    rootOffset: tree?.offset ?? 0,
    entries,
    position,
    valueOffset,
  };
}

const article = (t: string) =>
  t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`;

function flatten(
  node: Node,
  prefix: string[],
  out: Map<string, Entry>,
  problems: SyntaxProblem[],
): void {
  if (node.type === 'object') {
    const seen = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const valueNode = prop.children?.[1];
      if (keyNode === undefined || valueNode === undefined) continue;
      const name = String(keyNode.value);
      const p = [...prefix, name];
      const hidden = findInvisible(name, { marks: true });
      if (hidden.length > 0) {
        const h = hidden[0] as (typeof hidden)[number];
        problems.push({
          kind: 'key',
          offset: keyNode.offset,
          message: `the key "${p.join('.')}" contains the invisible character ${h.code} (${h.name})${hidden.length > 1 ? ` and ${hidden.length - 1} more` : ''}: it looks like "${[...prefix, [...name].filter((_, i) => !hidden.some((x) => x.index === i)).join('')].join('.')}" but is another key`,
          hint: 'Retype the key, or copy it from the source file: keys are never translated.',
          key: p.join('.'),
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        problems.push({
          kind: 'duplicate',
          offset: keyNode.offset,
          message: `duplicate key "${p.join('.')}": JSON.parse keeps only this last one and silently drops the first`,
          hint: 'Delete one of the two, keeping the right text.',
          key: p.join('.'),
        });
        // Keep the last, as JSON.parse and i18next do.
        for (const k of [...out.keys()])
          if (k === p.join('.') || k.startsWith(`${p.join('.')}.`)) out.delete(k);
      }
      seen.set(name, keyNode);
      if (valueNode.type === 'object' || valueNode.type === 'array') {
        flatten(valueNode, p, out, problems);
        continue;
      }
      const type = valueNode.type as ValueType;
      if (type !== 'string') {
        problems.push({
          kind: 'type',
          offset: valueNode.offset,
          message: `"${p.join('.')}" is ${article(type)}${type === 'null' ? '' : ` (${JSON.stringify(valueNode.value)})`}; translations are strings`,
          hint: `Write it as a string: "${String(valueNode.value)}".`,
          key: p.join('.'),
        });
      }
      const clash = out.get(p.join('.'));
      if (clash !== undefined && clash.path.join('\u0000') !== p.join('\u0000')) {
        // `"a.b": "…"` and `"a": { "b": "…" }` are one key to i18next, which reads the nested one.
        const flat = clash.path.length < p.length ? clash : undefined;
        problems.push({
          kind: 'duplicate',
          offset: keyNode.offset,
          message: `"${p.join('.')}" is written twice, once with dots in the key and once nested; i18next reads only the nested one`,
          hint: 'Keep one of the two (nested, like the rest of the file) with the right text, and delete the other.',
          key: p.join('.'),
        });
        if (flat === undefined) continue; // the nested one is already there: keep it
      }
      out.set(p.join('.'), {
        key: p.join('.'),
        path: p,
        type,
        value: valueNode.value,
        keyOffset: keyNode.offset,
        valueOffset: valueNode.offset,
        valueLength: valueNode.length,
      });
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => {
      const p = [...prefix, String(i)];
      if (child.type === 'object' || child.type === 'array') flatten(child, p, out, problems);
      else {
        const type = child.type as ValueType;
        if (type !== 'string') {
          problems.push({
            kind: 'type',
            offset: child.offset,
            message: `"${p.join('.')}" is ${article(type)}; translations are strings`,
            hint: 'Write it as a string.',
            key: p.join('.'),
          });
        }
        out.set(p.join('.'), {
          key: p.join('.'),
          path: p,
          type,
          value: child.value,
          keyOffset: child.offset,
          valueOffset: child.offset,
          valueLength: child.length,
        });
      }
    });
  }
}

/** The dotted key of the innermost property containing an offset (best effort, for messages). */
function keyAt(tree: Node | undefined, offset: number): string {
  const p: string[] = [];
  let node = tree;
  while (node !== undefined && (node.type === 'object' || node.type === 'array')) {
    const child: Node | undefined = (node.children ?? []).find(
      (c) => c.offset <= offset && offset <= c.offset + c.length,
    );
    if (child === undefined) break;
    if (child.type === 'property') {
      const k = child.children?.[0];
      if (k !== undefined) p.push(String(k.value));
      node = child.children?.[1];
    } else {
      p.push(String((node.children ?? []).indexOf(child)));
      node = child;
    }
  }
  return p.join('.');
}

/** A message and a hint a translator can act on, for a jsonc-parser error code. */
function describeParseError(
  code: number,
  text: string,
  offset: number,
): { message: string; hint: string } {
  const near = JSON.stringify(text.slice(offset, offset + 12));
  switch (code) {
    case 1:
      return {
        message: `unexpected ${near}`,
        hint: 'Keys and texts must be in double quotes "…"; check for a stray character.',
      };
    case 3:
      return {
        message: 'a key in double quotes was expected here',
        hint: 'Remove a trailing comma before } or put the key in double quotes.',
      };
    case 4:
      return {
        message: 'a value was expected here',
        hint: 'Remove a trailing comma before } or ], or write the missing "text".',
      };
    case 5:
      return { message: 'a colon ":" was expected after the key', hint: 'Write "key": "text".' };
    case 6:
      return {
        message: 'a comma "," is missing here',
        hint: 'Add a comma after this entry: entries are separated by commas ("a": "…", "b": "…").',
      };
    case 7:
      return {
        message: 'a closing brace "}" was expected',
        hint: 'Every { needs a matching }; a quote may be unbalanced above.',
      };
    case 8:
      return { message: 'a closing bracket "]" was expected', hint: 'Every [ needs a matching ].' };
    case 9:
      return {
        message: 'unexpected text after the end of the JSON object',
        hint: 'Remove what follows the last }.',
      };
    case 10:
    case 11:
      return {
        message: 'comments are not allowed in JSON',
        hint: 'Remove the comment; explain in the pull request instead.',
      };
    case 12:
      return {
        message: 'this string is not closed',
        hint: 'Close it with a double quote; a quote inside the text must be written \\" (or use typographic quotes “ ”).',
      };
    case 14:
    case 15:
      return {
        message: 'invalid escape sequence',
        hint: 'Inside a string, write \\" for a quote and \\\\ for a backslash.',
      };
    case 16:
      return {
        message: 'invalid character in a string (a line break or tab must be escaped)',
        hint: 'Write a line break as \\n, or join the lines.',
      };
    default:
      return {
        message: `invalid JSON (${printParseErrorCode(code as never)})`,
        hint: 'Fix the JSON syntax at this position.',
      };
  }
}
