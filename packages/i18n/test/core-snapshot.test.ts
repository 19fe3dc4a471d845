import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '@bilateral/core';
import { describe, expect, it, vi } from 'vitest';
import { documentsByNamespace } from '../src/check/core-keys.js';
import { digestCore } from '../src/check/incremental/core-digest.js';
import {
  moduleGraph,
  readSnapshot,
  writeSnapshot,
} from '../src/check/incremental/core-snapshot.js';
import { CORE, cli, copyRepo, read, replaceIn, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * The core's snapshot (check/incremental/core-snapshot.ts): a cached check takes the core's
 * digest, and the documents of the namespaces it checks again, from the snapshot the last run
 * wrote, as long as every file of the core's module graph is what it was; otherwise it loads the
 * core. The findings are always those of a check without any cache.
 */

const NS = 'north-korea-ukraine-relations';
const corpusOf = async (): Promise<Corpus> =>
  ((await import(pathToFileURL(CORE).href)) as { corpus: Corpus }).corpus;

/** A core of its own: the repository's corpus as JSON, imported by a module, as generated cores are. */
async function ownCore(dir: string): Promise<string> {
  write(dir, 'core/corpus.json', JSON.stringify(await corpusOf(), null, 1));
  write(
    dir,
    'core/index.mjs',
    "import corpus from './corpus.json' with { type: 'json' };\nexport { corpus };\n",
  );
  return path.join(dir, 'core/index.mjs');
}

describe("a core's module graph", () => {
  it('is every module and JSON file reached by relative imports, each hashed', async () => {
    const dir = tempDir();
    write(dir, 'index.mjs', "export * from './lib/a.js';\nimport './lib/b.js';\n");
    write(
      dir,
      'lib/a.js',
      "import data from '../data.json' with { type: 'json' };\nexport const x = data;\n",
    );
    write(dir, 'lib/b.js', "import { x } from './a.js';\nexport const y = x;\n");
    write(dir, 'lib/package.json', '{ "type": "module" }');
    write(dir, 'data.json', '{ "a": 1 }');
    const graph = await moduleGraph(path.join(dir, 'index.mjs'));
    expect(graph.reason).toBeUndefined();
    expect(graph.files?.map(([f]) => path.relative(dir, f)).sort()).toEqual([
      'data.json',
      'index.mjs',
      'lib/a.js',
      'lib/b.js',
    ]);
  });

  it.each([
    ['reads import.meta', { 'index.mjs': 'export const u = import.meta.url;\n' }],
    ['imports dynamically', { 'index.mjs': "export const m = await import('./other.mjs');\n" }],
    [
      'imports "node:fs"',
      { 'index.mjs': "import fs from 'node:fs';\nexport const corpus = fs;\n" },
    ],
    ['imports "some-package"', { 'index.mjs': "export { corpus } from 'some-package';\n" }],
    [
      'is not an ES module',
      {
        'index.mjs': "export { corpus } from './old.js';\n",
        'old.js': "module.exports = require('./x.json');\n",
      },
    ],
  ])('has no snapshot when a module %s', async (reason, files: Record<string, string>) => {
    const dir = tempDir();
    for (const [rel, text] of Object.entries(files)) write(dir, rel, text);
    const graph = await moduleGraph(path.join(dir, 'index.mjs'));
    expect(graph.files).toBeUndefined();
    expect(graph.reason).toContain(reason);
  });

  it('has no snapshot when a module is neither JavaScript nor JSON', async () => {
    const dir = tempDir();
    write(dir, 'index.mjs', "export { corpus } from './corpus.cjs';\n");
    write(dir, 'corpus.cjs', 'exports.corpus = {};\n');
    expect((await moduleGraph(path.join(dir, 'index.mjs'))).reason).toContain(
      'not a JavaScript or JSON module',
    );
  });
});

describe('a core snapshot', () => {
  it("gives the core's digest and its documents, each read when first used", async () => {
    const dir = tempDir();
    const entry = await ownCore(dir);
    const corpus = await corpusOf();
    const file = path.join(dir, 'check.json.core');
    const graph = await moduleGraph(entry);
    expect(writeSnapshot(file, graph, corpus)).toEqual(digestCore(corpus));

    const snap = readSnapshot(file, entry);
    expect(snap).toBeDefined();
    if (snap === undefined) return;
    expect(snap.digest).toEqual(digestCore(corpus));
    const docs = snap.corpus.documents;
    const unread = Object.getOwnPropertyDescriptor(docs, NS);
    expect(unread !== undefined && 'get' in unread && !('value' in unread)).toBe(true);
    expect(documentsByNamespace(snap.corpus).has(NS)).toBe(true);
    expect(documentsByNamespace(snap.corpus).get(NS)).toEqual(corpus.documents[NS]);
    expect(Object.getOwnPropertyDescriptor(docs, NS)?.value).toEqual(corpus.documents[NS]);
    expect(Object.keys(docs)).toEqual(Object.keys(corpus.documents));
    expect({ ...snap.corpus, documents: { ...docs } }).toEqual(corpus);
    snap.close();
  });

  it('is not used once a file of the graph changed, or for another entry, or damaged', async () => {
    const dir = tempDir();
    const entry = await ownCore(dir);
    const file = path.join(dir, 'check.json.core');
    writeSnapshot(file, await moduleGraph(entry), await corpusOf());
    const current = () => {
      const s = readSnapshot(file, entry);
      s?.close();
      return s !== undefined;
    };
    expect(current()).toBe(true);
    // Touched, same bytes: its stamp moved, its hash did not.
    const json = path.join(dir, 'core/corpus.json');
    const later = new Date(Date.now() + 5_000);
    utimesSync(json, later, later);
    expect(current()).toBe(true);
    expect(readSnapshot(file, path.join(dir, 'core/other.mjs'))).toBeUndefined();
    // One character of one document changed.
    replaceIn(dir, 'core/corpus.json', `"namespace": "${NS}"`, `"namespace": "${NS}X"`);
    expect(current()).toBe(false);
    // Damaged snapshots.
    writeSnapshot(file, await moduleGraph(entry), await corpusOf());
    expect(current()).toBe(true);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(current()).toBe(false);
    writeFileSync(file, bytes.subarray(0, 100));
    expect(current()).toBe(false);
    writeFileSync(file, 'bilateral-core-snapshot 0 x 10\n{}');
    expect(current()).toBe(false);
  });
});

describe('bilateral check with a core snapshot', () => {
  it('finds what --no-cache finds, after locale and core edits, and keeps the snapshot while the core is unchanged', async () => {
    const dir = copyRepo();
    await ownCore(dir);
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    write(dir, 'bilateral.config.json', JSON.stringify({ ...config, core: './core/index.mjs' }));
    // A page links to a section of the document: its findings depend on the document's outline.
    replaceIn(
      dir,
      'pages/en/about.md',
      '(/en/north-korea-ukraine-relations/)',
      '(/en/north-korea-ukraine-relations/#history)',
    );
    const loc = path.join(dir, 'cache', 'check.json');
    const snapshot = `${loc}.core`;
    const cached = () => cli(['check', '--format', 'json', '--cache-location', loc], dir);
    const fresh = () => cli(['check', '--format', 'json', '--no-cache'], dir);

    await cached(); // fills the cache
    const second = await cached(); // loads the core on its thread, which writes the snapshot
    const written = statSync(snapshot);
    expect((await fresh()).stdout).toBe(second.stdout);

    // A locale edit: the namespace is checked again with the snapshot's document.
    replaceIn(dir, `locales/ko/${NS}.json`, '{{relationsEstablished', '{{relationsX');
    const third = await cached();
    expect(third.stdout).not.toBe(second.stdout);
    expect(third.stdout).toBe((await fresh()).stdout);
    const kept = statSync(snapshot);
    expect([kept.ino, kept.mtimeMs]).toEqual([written.ino, written.mtimeMs]);

    // A core edit: the section the page links to renamed. The core is loaded again (and a new
    // snapshot written), and the page's link is checked again too.
    const json = path.join(dir, 'core/corpus.json');
    const corpus = JSON.parse(readFileSync(json, 'utf8')) as Corpus;
    const section = corpus.documents[NS]?.sections.find((s) => s.id === 'history');
    if (section === undefined) throw new Error('the document has no section "history"');
    (section as { id: string }).id = 'past';
    writeFileSync(json, JSON.stringify(corpus));
    const fourth = await cached();
    expect(fourth.stdout).toContain('has no #history');
    expect(fourth.stdout).toBe((await fresh()).stdout);
    expect(statSync(snapshot).ino).not.toBe(written.ino);
    expect((await cached()).stdout).toBe(fourth.stdout);
  });
});
