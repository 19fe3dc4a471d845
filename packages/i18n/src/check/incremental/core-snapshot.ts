import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Corpus, DocumentModel } from '@bilateral/core';
import { writeFileAtomically } from '../../files/atomic-write.js';
import { toolkitFingerprint } from '../../files/fingerprint.js';
import { RACY_MS } from '../../files/read.js';
import { presetDocumentsByNamespace } from '../core-keys.js';
import { coreTexts, digestTexts, type CoreDigest } from './core-digest.js';

/**
 * The core as the check cache last saw it, so that a cached run need not load it.
 *
 * A project's core is a JavaScript module (often importing megabytes of JSON): importing and
 * digesting it took most of a cached check's time (bench/analysis.md, "Session 13"). The snapshot,
 * written beside the cache file (`<cache file>.core`) when a run loads the core, holds:
 *
 * - the files of the core's module graph — found by lexing each module's imports — each with its
 *   stamp (size, times, inode) and the SHA-1 of its bytes, taken before the module was imported;
 * - the core's digest (what the cache keys are made of);
 * - the corpus as text: everything but the documents, then each document's JSON at its offset.
 *
 * A run reads the header, stats the graph's files (a file whose stamp moved, or was written in
 * the two seconds before the snapshot, is hashed again and compared), and, when every file is as
 * it was, takes the digest from it; a namespace to check again gets a corpus whose documents are
 * read from the snapshot when first touched. Otherwise the core is loaded as before (and a new
 * snapshot written).
 *
 * A snapshot is taken only of a graph known whole: JavaScript and JSON modules that import each
 * other by relative paths. A module that imports a package or a Node module, imports
 * dynamically or reads `import.meta` (and so may read files the lexer cannot see) gets none, and
 * its core is loaded on every cached run. What a module computes from the environment at import
 * (the clock, `process.env`) is seen as it was when the snapshot was taken; `--no-cache` loads
 * the core afresh.
 */

/** The snapshot's format; with the toolkit's fingerprint, part of its first line. */
const SNAPSHOT_VERSION = 1;
const MAGIC = 'bilateral-core-snapshot';

/** The snapshot file of a check cache file. */
export const snapshotFileOf = (cacheFile: string): string => `${cacheFile}.core`;

/** One file of the core's module graph, as it was when the core was imported. */
type GraphFile = readonly [file: string, stamp: string, sha1: string];

interface Header {
  readonly entry: string;
  readonly takenAt: number;
  readonly files: readonly GraphFile[];
  readonly registry: string;
  /** id, namespace, document hash (first of its namespace) or '', start, end (in the body). */
  readonly documents: readonly (readonly [string, string, string, number, number])[];
  readonly base: string;
}

/** The files of a core's module graph, or why it has no snapshot. */
export interface ModuleGraph {
  readonly entry: string;
  readonly takenAt: number;
  readonly files?: readonly GraphFile[];
  readonly reason?: string;
}

const stampOf = (st: fs.Stats): string => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');
const relative = (spec: string): boolean => spec.startsWith('./') || spec.startsWith('../');

/**
 * Lexes the core's module graph from its entry: every file with its stamp and hash, taken now
 * (call it before importing the core, so that a file written meanwhile is seen as changed).
 */
export async function moduleGraph(entry: string): Promise<ModuleGraph> {
  const takenAt = Date.now();
  const no = (reason: string): ModuleGraph => ({ entry, takenAt, reason });
  const { init, parse } = await import('es-module-lexer');
  await init();
  const files: GraphFile[] = [];
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const ext = path.extname(file);
    if (ext !== '.js' && ext !== '.mjs' && ext !== '.json')
      return no(`${file} is not a JavaScript or JSON module`);
    let st: fs.Stats;
    let bytes: Buffer;
    try {
      st = fs.statSync(file);
      bytes = fs.readFileSync(file);
    } catch (e) {
      return no(`${file}: ${(e as Error).message}`);
    }
    files.push([file, stampOf(st), sha1(bytes)]);
    if (ext === '.json') continue;
    let imports: ReturnType<typeof parse>[0];
    let module: boolean;
    try {
      [imports, , , module] = parse(bytes.toString('utf8'), file);
    } catch (e) {
      return no(`${file} could not be lexed: ${(e as Error).message}`);
    }
    if (!module) return no(`${file} is not an ES module`);
    for (const imp of imports) {
      if (imp.type === 'import-meta') return no(`${file} reads import.meta`);
      if (imp.type === 'dynamic') return no(`${file} imports dynamically`);
      if (imp.typeOnly) continue;
      if (!relative(imp.specifier)) return no(`${file} imports "${imp.specifier}"`);
      const url = new URL(imp.specifier, pathToFileURL(file));
      if (url.search !== '' || url.hash !== '') return no(`${file} imports "${imp.specifier}"`);
      const target = fileURLToPath(url);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { entry, takenAt, files };
}

/**
 * Writes the snapshot of a core just imported, whose graph was lexed before the import. Returns
 * the digest (the same as `digestCore(corpus)`). A graph with no snapshot removes an old one.
 */
export function writeSnapshot(file: string, graph: ModuleGraph, corpus: Corpus): CoreDigest {
  const texts = coreTexts(corpus);
  const digest = digestTexts(texts);
  if (graph.files === undefined) {
    fs.rmSync(file, { force: true });
    return digest;
  }
  const bodies: Buffer[] = [];
  const documents: [string, string, string, number, number][] = [];
  let at = 0;
  for (const d of texts.documents) {
    const body = Buffer.from(d.text, 'utf8');
    const first = digest.documents.get(d.namespace);
    documents.push([d.id, d.namespace, first ?? '', at, at + body.length]);
    bodies.push(body);
    at += body.length;
  }
  const header: Header = {
    entry: graph.entry,
    takenAt: graph.takenAt,
    files: graph.files,
    registry: digest.registry,
    documents,
    base: texts.base,
  };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const first = Buffer.from(
    `${MAGIC} ${SNAPSHOT_VERSION} ${toolkitFingerprint()} ${head.length}\n`,
    'utf8',
  );
  writeFileAtomically(file, Buffer.concat([first, head, ...bodies]));
  return digest;
}

/** A snapshot found current: the core's digest, and its corpus (documents read on first use). */
export interface CoreSnapshot {
  readonly digest: CoreDigest;
  readonly corpus: Corpus;
  /** Closes the file (the corpus's unread documents can no longer be read). */
  close(): void;
}

/**
 * The snapshot in `file`, when it is of the core `entry` as it is now (see the module's comment);
 * undefined when there is none, it is damaged or of another toolkit, or a file of the graph
 * changed.
 */
export function readSnapshot(file: string, entry: string): CoreSnapshot | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const snapshot = openSnapshot(fd, entry);
    if (snapshot !== undefined) return snapshot;
  } catch {
    // damaged: as if there were none
  }
  fs.closeSync(fd);
  return undefined;
}

function openSnapshot(fd: number, entry: string): CoreSnapshot | undefined {
  const read = (start: number, end: number): string => {
    const buffer = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < buffer.length) {
      const n = fs.readSync(fd, buffer, got, buffer.length - got, start + got);
      if (n === 0) throw new Error('the snapshot ends early');
      got += n;
    }
    return buffer.toString('utf8');
  };
  const size = fs.fstatSync(fd).size;
  const prefix = read(0, Math.min(256, size));
  const eol = prefix.indexOf('\n');
  const [magic, version, toolkit, length] = prefix.slice(0, eol).split(' ');
  if (magic !== MAGIC || version !== String(SNAPSHOT_VERSION) || toolkit !== toolkitFingerprint())
    return undefined;
  const headStart = Buffer.byteLength(prefix.slice(0, eol + 1), 'utf8');
  const bodyStart = headStart + Number(length);
  const header = JSON.parse(read(headStart, bodyStart)) as Header;
  // A file cut short (or grown) is not read at all.
  if (size !== bodyStart + (header.documents.at(-1)?.[4] ?? 0)) return undefined;
  if (header.entry !== entry || !graphUnchanged(header)) return undefined;

  const base = JSON.parse(header.base) as Omit<Corpus, 'documents'>;
  const documents: Record<string, DocumentModel> = {};
  const firstByNamespace = new Map<string, string>();
  const hashes = new Map<string, string>();
  let open = true;
  for (const [id, ns, hash, start, end] of header.documents) {
    if (!firstByNamespace.has(ns)) {
      firstByNamespace.set(ns, id);
      hashes.set(ns, hash);
    }
    Object.defineProperty(documents, id, {
      enumerable: true,
      configurable: true,
      get(): DocumentModel {
        if (!open) throw new Error(`the core snapshot is closed; document "${id}" was not read`);
        const value = JSON.parse(read(bodyStart + start, bodyStart + end)) as DocumentModel;
        Object.defineProperty(documents, id, { value, enumerable: true });
        return value;
      },
    });
  }
  const corpus: Corpus = { ...base, documents };
  presetDocumentsByNamespace(corpus, firstByNamespace);
  return {
    digest: { present: true, registry: header.registry, documents: hashes },
    corpus,
    close: () => {
      if (!open) return;
      open = false;
      fs.closeSync(fd);
    },
  };
}

/** Whether every file of the graph holds what it held when the snapshot was taken. */
function graphUnchanged(header: Header): boolean {
  for (const [file, stamp, hash] of header.files) {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st === undefined) return false;
    // Trusted by its stamp unless it was written in the moments before the snapshot (a write in
    // the same clock tick as the one seen could leave the stamp as it was).
    if (stampOf(st) === stamp && Math.max(st.mtimeMs, st.ctimeMs) < header.takenAt - RACY_MS)
      continue;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return false;
    }
    if (sha1(bytes) !== hash) return false;
  }
  return true;
}
