/**
 * Rendered documents kept between builds, keyed by a hash of exactly what their rendering reads:
 * the locale files of the document's namespace, `ui`, `terms` and `style` in each language of the
 * chain (every locale file when one of them nests `$t(…)` across namespaces or with options), the
 * document of the core and the rest of the core (its registries), the fallback chain, the mode,
 * and the toolkit itself (`toolkitFingerprint`: its code, i18next, htmlparser2, Node's Intl data).
 *
 * In memory, the cache lives as long as the Eleventy plugin (a dev server's rebuilds). On disk
 * (optional) it is one file, written atomically (temporary file + rename), with a format version,
 * the toolkit fingerprint and a checksum of its body in a header line: a file from another
 * version or toolkit, a truncated or corrupted one, or an entry whose shape is wrong is ignored,
 * never served.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
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
/** 2: rendered documents carry `style`, and references their title status and links. */
const FORMAT_VERSION = 2;

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

/** Rendered documents by `documentId \0 locale`, with an optional copy on disk. */
export class RenderCache {
  private entries = new Map<string, CacheEntry>();
  private loaded = false;
  private dirty = false;
  /** Documents rendered and reused by the last build (for tests and the dev log). */
  stats = { rendered: 0, reused: 0 };

  /** @param file The file on disk, or undefined for memory only. */
  constructor(readonly file: string | undefined) {}

  /** Starts a build: loads the disk copy the first time. */
  begin(): void {
    this.stats = { rendered: 0, reused: 0 };
    if (!this.loaded) {
      this.loaded = true;
      if (this.file !== undefined) this.entries = readCacheFile(this.file);
    }
  }

  /** The cached document for these inputs, or undefined. */
  get(id: string, hash: string): RenderedDocument | undefined {
    const e = this.entries.get(id);
    if (e === undefined || e.hash !== hash) return undefined;
    this.stats.reused++;
    return e.document;
  }

  /**
   * Ends a build: keeps exactly the documents of this build (the others are dropped, so memory
   * follows the corpus), and notes whether the disk copy is out of date.
   */
  end(current: ReadonlyMap<string, CacheEntry>): void {
    if (current.size !== this.entries.size) this.dirty = true;
    else
      for (const [id, e] of current) {
        if (this.entries.get(id)?.hash !== e.hash) {
          this.dirty = true;
          break;
        }
      }
    this.stats.rendered = current.size - this.stats.reused;
    this.entries = new Map(current);
  }

  /** Writes the disk copy when it changed (atomically). Errors are ignored: it is only a cache. */
  save(): void {
    if (this.file === undefined || !this.dirty) return;
    this.dirty = false;
    writeCacheFile(this.file, this.entries);
  }
}

function readCacheFile(file: string): Map<string, CacheEntry> {
  const out = new Map<string, CacheEntry>();
  let bytes: Buffer;
  try {
    // A regular file, read up to the limit (a device or a huge file is no cache: rebuilt).
    if (!statSync(file).isFile()) return out;
    const got = readBounded(file, LIMITS.cacheBytes);
    if (!('bytes' in got)) return out;
    bytes = got.bytes;
  } catch {
    return out;
  }
  try {
    const nl = bytes.indexOf(0x0a);
    if (nl === -1) return out;
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as Record<string, unknown>;
    if (
      header['format'] !== FORMAT ||
      header['version'] !== FORMAT_VERSION ||
      header['toolkit'] !== toolkitFingerprint() ||
      // The checksum is over the body's bytes as written (hashing them as read, not a decoded
      // copy, saves re-encoding tens of megabytes).
      header['checksum'] !==
        createHash('sha256')
          .update(bytes.subarray(nl + 1))
          .digest('hex')
    )
      return out;
    const entries = JSON.parse(bytes.toString('utf8', nl + 1)) as unknown;
    if (!Array.isArray(entries)) return out;
    for (const e of entries as unknown[]) {
      if (!Array.isArray(e) || e.length !== 3) return new Map();
      const [id, hash, document] = e as [unknown, unknown, unknown];
      if (typeof id !== 'string' || typeof hash !== 'string' || !isRendered(document, id))
        return new Map();
      out.set(id, { hash, document });
    }
    return out;
  } catch {
    return new Map();
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

function writeCacheFile(file: string, entries: ReadonlyMap<string, CacheEntry>): void {
  try {
    const body = JSON.stringify([...entries].map(([id, e]) => [id, e.hash, e.document]));
    const header = JSON.stringify({
      format: FORMAT,
      version: FORMAT_VERSION,
      toolkit: toolkitFingerprint(),
      checksum: sha(body),
    });
    writeFileAtomically(file, `${header}\n${body}`);
  } catch {
    // A cache that cannot be written only makes the next build slower.
  }
}
