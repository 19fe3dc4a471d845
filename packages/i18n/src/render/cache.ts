/**
 * Rendered documents kept between builds, keyed by a hash of exactly what their rendering reads:
 * the locale files of the document's namespace, `ui`, `terms` and `style` in each language of the
 * chain (every locale file when one of them nests `$t(…)` across namespaces or with options), the
 * document of the core and the rest of the core (its registries), the fallback chain, the mode,
 * and the toolkit itself (`toolkitFingerprint`: its code, i18next, htmlparser2, Node's Intl data).
 *
 * In memory, the cache lives as long as the Eleventy plugin (a dev server's rebuilds). On disk
 * (optional) it is a folder of one file per rendered document, named by the hash of its inputs and
 * read only when a build asks for that document; each is written atomically (temporary file +
 * rename), with a format version, the toolkit fingerprint, its document and hash, and a checksum
 * of its body in a header line: a file from another version or toolkit, a truncated or corrupted
 * one, or one whose document has the wrong shape is ignored, never served.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readBounded } from '../files/contain.js';
import { LIMITS } from '../model/limits.js';
import type { Corpus } from '@bilateral/core';
import { toolkitFingerprint } from '../files/fingerprint.js';
import { writeFileAtomically } from '../files/atomic-write.js';
import { STYLE_NS } from '../intl/style.js';
import { scanPlaceholders } from '../syntax/inline.js';
import type { RenderedDocument } from './types.js';
import { TERMS_NS } from '../model/document-keys.js';
import type { Resources } from '../model/types.js';

const FORMAT = 'bilateral-render-cache';
/**
 * 2: rendered documents carry `style`, and references their title status and links.
 * 3: one file per rendered document, named by the hash of its inputs.
 */
const FORMAT_VERSION = 3;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const LOCAL_KEY = /^[\w.-]*$/;
/**
 * Whether a text nests `$t(…)` beyond its own namespace and language (another namespace, or
 * options such as `lng`), or in a way not known: a `$t(` the scanner does not read as a nesting
 * counts as crossing, so the hash then covers every locale file.
 */
function nestsAcross(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') {
    if (!value.includes('$t(')) return false;
    const nestings = scanPlaceholders(value).filter((p) => p.type === 'nesting');
    if (nestings.length !== value.split('$t(').length - 1) return true;
    return nestings.some((n) => n.options !== undefined || !LOCAL_KEY.test(n.key));
  }
  if (value === null || typeof value !== 'object') return false;
  if (depth > 200) return true;
  for (const v of Object.values(value)) if (nestsAcross(v, depth + 1)) return true;
  return false;
}

/** Hashes of parsed locale files, by object: an unchanged file is the same object next build. */
const bundleHashes = new WeakMap<object, { hash: string; across: boolean }>();

/** Hashes of the inputs of one build, computed lazily and once. */
export class BuildInputs {
  private readonly bundles = new Map<string, { hash: string; across: boolean }>();
  private allResources: string | undefined;
  private registry: string | undefined;
  private readonly documents = new Map<string, string>();

  constructor(
    private readonly corpus: Corpus,
    private readonly resources: Resources,
    private readonly context: string,
  ) {}

  private bundle(lng: string, ns: string): { hash: string; across: boolean } {
    const id = `${lng}\u0000${ns}`;
    let b = this.bundles.get(id);
    if (b === undefined) {
      const byNs = Object.hasOwn(this.resources, lng) ? this.resources[lng] : undefined;
      const data = byNs !== undefined && Object.hasOwn(byNs, ns) ? byNs[ns] : undefined;
      const known = data !== null && typeof data === 'object' ? bundleHashes.get(data) : undefined;
      if (known !== undefined) b = known;
      else {
        const json = data === undefined ? '\u0000absent' : JSON.stringify(data);
        b = { hash: sha(json), across: json.includes('$t(') && nestsAcross(data) };
        if (data !== null && typeof data === 'object') bundleHashes.set(data, b);
      }
      this.bundles.set(id, b);
    }
    return b;
  }

  private everything(): string {
    if (this.allResources === undefined) {
      const parts: string[] = [];
      for (const lng of Object.keys(this.resources).sort())
        for (const ns of Object.keys(this.resources[lng] ?? {}).sort())
          parts.push(`${lng}\u0000${ns}\u0000${this.bundle(lng, ns).hash}`);
      this.allResources = sha(parts.join('\n'));
    }
    return this.allResources;
  }

  private registries(): string {
    if (this.registry === undefined) {
      const rest = Object.entries(this.corpus).filter(([k]) => k !== 'documents');
      this.registry = sha(JSON.stringify(rest));
    }
    return this.registry;
  }

  private document(id: string): string {
    let h = this.documents.get(id);
    if (h === undefined) {
      h = sha(JSON.stringify(this.corpus.documents[id] ?? null));
      this.documents.set(id, h);
    }
    return h;
  }

  /** The hash of everything rendering `documentId` along `chain` reads. */
  key(documentId: string, namespace: string, chain: readonly string[]): string {
    const parts = [
      this.context,
      JSON.stringify([documentId, namespace, chain]),
      this.document(documentId),
      this.registries(),
    ];
    let across = false;
    for (const lng of chain) {
      for (const ns of [namespace, 'ui', TERMS_NS, STYLE_NS]) {
        const b = this.bundle(lng, ns);
        parts.push(b.hash);
        across ||= b.across;
      }
    }
    if (across) parts.push(this.everything());
    return sha(parts.join('\n'));
  }
}

export interface CacheEntry {
  readonly hash: string;
  readonly document: RenderedDocument;
}

/**
 * Rendered documents by `documentId \0 locale`: in memory, and optionally on disk, one file per
 * rendered document named by the hash of its inputs (`<folder>/<hash>.json`). A build reads from
 * disk only the documents it asks for, when it asks (nothing else: a warm build of a large site
 * does not read and parse one huge file first, and memory holds what the build uses); an edit
 * writes only the documents it changed.
 */
export class RenderCache {
  private entries = new Map<string, CacheEntry>();
  /** Hashes whose file is on disk (read or written by this process). */
  private readonly onDisk = new Set<string>();
  /** The folder on disk, or undefined for memory only. */
  private readonly folder: string | undefined;
  /** Documents rendered and reused by the last build (for tests and the dev log). */
  stats = { rendered: 0, reused: 0 };

  /**
   * @param file Where the cache lives on disk (its folder is this path without `.json`; a file
   *   at this path, the single-file cache of earlier versions, is removed), or undefined for
   *   memory only.
   */
  constructor(readonly file: string | undefined) {
    this.folder = file?.replace(/\.json$/, '');
  }

  /** Starts a build. */
  begin(): void {
    this.stats = { rendered: 0, reused: 0 };
  }

  /** The cached document for these inputs (from memory, else from its file), or undefined. */
  get(id: string, hash: string): RenderedDocument | undefined {
    const e = this.entries.get(id);
    let document = e !== undefined && e.hash === hash ? e.document : undefined;
    if (document === undefined && this.folder !== undefined) {
      document = readEntry(this.folder, id, hash);
      if (document !== undefined) this.onDisk.add(hash);
    }
    if (document !== undefined) this.stats.reused++;
    return document;
  }

  /** Ends a build: keeps exactly the documents of this build (memory follows the corpus). */
  end(current: ReadonlyMap<string, CacheEntry>): void {
    this.stats.rendered = current.size - this.stats.reused;
    this.entries = new Map(current);
  }

  /**
   * Writes the documents of the last build that are not on disk yet, and then removes the files
   * of documents it no longer has. Errors are ignored: it is only a cache.
   */
  save(): void {
    const folder = this.folder;
    if (folder === undefined) return;
    let wrote = false;
    for (const [id, e] of this.entries) {
      if (this.onDisk.has(e.hash)) continue;
      if (writeEntry(folder, id, e)) this.onDisk.add(e.hash);
      wrote = true;
    }
    if (!wrote) return;
    const keep = new Set([...this.entries.values()].map((e) => `${e.hash}.json`));
    try {
      for (const name of readdirSync(folder)) {
        if (!ENTRY_FILE.test(name) || keep.has(name)) continue;
        rmSync(path.join(folder, name), { force: true });
        this.onDisk.delete(name.slice(0, -'.json'.length));
      }
      if (this.file !== undefined) rmSync(this.file, { force: true }); // an earlier version's
    } catch {
      // Left for the next build.
    }
  }
}

/** The files of the cache: `<sha-256 of the inputs>.json`. */
const ENTRY_FILE = /^[0-9a-f]{64}\.json$/;

/**
 * The document in `<folder>/<hash>.json`, when that file is a regular file within the size
 * limit, of this format version and toolkit, for this document, with the checksum of its body,
 * and the body is a rendered document; else undefined (then it is rendered again).
 */
function readEntry(folder: string, id: string, hash: string): RenderedDocument | undefined {
  try {
    const file = path.join(folder, `${hash}.json`);
    // A regular file (opening a FIFO would wait for a writer), read up to the limit.
    if (!lstatSync(file).isFile()) return undefined;
    const got = readBounded(file, LIMITS.cacheBytes);
    if (!('bytes' in got)) return undefined;
    const bytes = got.bytes;
    const nl = bytes.indexOf(0x0a);
    if (nl === -1) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as Record<string, unknown>;
    if (
      header['format'] !== FORMAT ||
      header['version'] !== FORMAT_VERSION ||
      header['toolkit'] !== toolkitFingerprint() ||
      header['id'] !== id ||
      header['hash'] !== hash ||
      // Over the body's bytes as written (no decoded copy re-encoded).
      header['checksum'] !==
        createHash('sha256')
          .update(bytes.subarray(nl + 1))
          .digest('hex')
    )
      return undefined;
    const document = JSON.parse(bytes.toString('utf8', nl + 1)) as unknown;
    return isRendered(document, id) ? document : undefined;
  } catch {
    return undefined; // absent, unreadable, not a regular file, not JSON
  }
}

function isRendered(d: unknown, id: string): d is RenderedDocument {
  if (d === null || typeof d !== 'object') return false;
  const r = d as Partial<Record<keyof RenderedDocument, unknown>>;
  return (
    `${String(r.id)}\u0000${String(r.locale)}` === id &&
    typeof r.title === 'object' &&
    typeof r.infobox === 'object' &&
    Array.isArray(r.sections) &&
    Array.isArray(r.references) &&
    Array.isArray(r.bibliography) &&
    typeof r.corrections === 'object' &&
    Array.isArray(r.events) &&
    typeof r.style === 'object' &&
    Array.isArray(r.problems)
  );
}

/** Writes one document's file (atomically); false when it could not be written. */
function writeEntry(folder: string, id: string, e: CacheEntry): boolean {
  try {
    const body = JSON.stringify(e.document);
    const header = JSON.stringify({
      format: FORMAT,
      version: FORMAT_VERSION,
      toolkit: toolkitFingerprint(),
      id,
      hash: e.hash,
      checksum: sha(body),
    });
    writeFileAtomically(path.join(folder, `${e.hash}.json`), `${header}\n${body}`);
    return true;
  } catch {
    return false; // a cache that cannot be written only makes the next build slower
  }
}
