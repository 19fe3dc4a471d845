#!/usr/bin/env node
/**
 * Bundles the command-line tool after `tsc -b` (the package's `build` script): the compiled
 * modules under dist/ that `bilateral` runs, and the dependencies they import, become a few files
 * in dist/bundle/, so that a command starts without resolving, reading and linking some 120
 * modules one by one (bench/analysis.md, "Session 9": 0.27 → 0.17 s for a check of two files).
 *
 *   dist/bundle/cli.js       the executable's entry (bin/bilateral.js imports it)
 *   dist/bundle/worker.js    the check's worker thread (check/threads/client.ts starts
 *                            `./worker.js` next to itself, which is this file once bundled)
 *   dist/bundle/client.js    what `bilateral check` loads first, to ask a running
 *                            `check --watch` (adapters/cli/served.ts): small on purpose
 *   dist/bundle/command.js   the command (adapters/cli/main.ts), when it runs here
 *   dist/bundle/toolkit.js   everything else it loads
 *   dist/bundle/THIRD-PARTY-NOTICES.md   the licences of the dependencies bundled
 *
 * The library entries (`.`, `./eleventy`, `./testing`) stay the unbundled modules: a bundler or
 * Node resolves them in the user's project. The peer dependencies (i18next, @bilateral/core) are
 * never bundled: the project's own copies are used. Modules the toolkit loads with `require` on
 * first use (model/lazy.ts) stay outside too.
 *
 * bin/bilateral.js runs the bundle only when it is at least as new as the compiled modules (a
 * `tsc -b` alone, while developing, falls back to dist/cli.js): see bin/entry.js.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(PKG, 'dist');
const OUT = path.join(DIST, 'bundle');
const pkg = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8'));
const peers = Object.keys(pkg.peerDependencies ?? {});

const sep = String.raw`[\\/]`;
const inDist = (rel) => new RegExp(`${sep}dist${sep}${rel.replaceAll('/', sep)}$`);
/**
 * The client's modules: the question to a watching check and the cache policy it reads, and the
 * errors the worker sends back (so that the worker can say it is ready before loading the rest).
 */
const CLIENT = [
  inDist(String.raw`adapters/cli/served\.js`),
  inDist(String.raw`model/cache-policy\.js`),
  inDist(String.raw`model/errors\.js`),
];
/**
 * The command's module, on its own: it awaits at its top level while it runs the command, which
 * imports other modules on demand; inside the toolkit's chunk that await would wait on the chunk
 * itself, and Node would end the process (exit 13).
 */
const MAIN = [inDist(String.raw`adapters/cli/main\.js`)];
/** Entry modules stay in their entry chunk. */
const ENTRIES = [inDist(String.raw`cli\.js`), inDist(String.raw`check/threads/worker\.js`)];

/**
 * Left to Node: the peers, and jsonc-parser, whose package.json points Node at a UMD build that
 * `require`s its parts by relative path at run time (a bundler cannot follow those).
 */
const OUTSIDE = [...peers, 'jsonc-parser'];
const isOutside = (id) => OUTSIDE.some((p) => id === p || id.startsWith(`${p}/`));
const matches = (list, id) => list.some((re) => re.test(id));

export async function bundle() {
  rmSync(OUT, { recursive: true, force: true });
  const build = await rolldown({
    input: {
      cli: path.join(DIST, 'cli.js'),
      worker: path.join(DIST, 'check', 'threads', 'worker.js'),
    },
    platform: 'node',
    external: (id) => id.startsWith('node:') || isOutside(id),
    // What a dependency logs about itself while bundling (e.g. circular imports) is not ours to fix.
    logLevel: 'warn',
    onLog(level, log, handler) {
      if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' || log.code === 'CIRCULAR_DEPENDENCY') return;
      handler(level, log);
    },
  });
  const { output } = await build.write({
    dir: OUT,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    sourcemap: true,
    // ASCII only, without doc comments (the source maps lead to them): the toolkit's chunk is
    // 560 KB instead of 730 KB; no difference in start-up time was measurable.
    charset: 'ascii',
    comments: { legal: true, annotation: true, jsdoc: false },
    codeSplitting: {
      groups: [
        { name: 'client', test: (id) => matches(CLIENT, id), priority: 3 },
        {
          name: 'toolkit',
          test: (id) => !matches(ENTRIES, id) && !matches(CLIENT, id) && !matches(MAIN, id),
          priority: 2,
        },
        // After the toolkit's group: a group takes the modules its own imports too.
        { name: 'command', test: (id) => matches(MAIN, id), priority: 1 },
      ],
    },
  });
  await build.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  writeFileSync(
    path.join(OUT, 'THIRD-PARTY-NOTICES.md'),
    notices(chunks.flatMap((c) => c.moduleIds)),
  );
  return { files: chunks.map((c) => c.fileName) };
}

/** The name, version and licence text of every package a bundled module comes from. */
function notices(moduleIds) {
  /** @type {Map<string, { name: string, version: string, license: string, text: string }>} */
  const found = new Map();
  for (const id of moduleIds) {
    if (!id.includes(`${path.sep}node_modules${path.sep}`)) continue;
    let dir = path.dirname(id);
    for (let i = 0; i < 10 && dir !== path.dirname(dir); i++, dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const meta = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof meta.name !== 'string' || meta.name === pkg.name) continue;
      if (!found.has(meta.name)) {
        const licence = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE']
          .map((f) => path.join(dir, f))
          .find((f) => existsSync(f));
        if (licence === undefined)
          throw new Error(
            `bundle: ${meta.name} has no licence file in ${dir}; add its notice by hand`,
          );
        found.set(meta.name, {
          name: meta.name,
          version: meta.version,
          license: meta.license ?? 'see below',
          text: readFileSync(licence, 'utf8').trim(),
        });
      }
      break;
    }
  }
  const list = [...found.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return [
    '# Third-party notices',
    '',
    `The files in this folder bundle code from these packages (the dependencies of ${pkg.name}`,
    'that its command-line tool imports), under their licences:',
    '',
    ...list.flatMap((p) => [
      `## ${p.name} ${p.version} (${p.license})`,
      '',
      '```text',
      p.text,
      '```',
      '',
    ]),
  ].join('\n');
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { files } = await bundle();
  process.stdout.write(`bundled the CLI into dist/bundle/ (${files.length} files)\n`);
}
