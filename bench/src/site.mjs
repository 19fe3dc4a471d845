/**
 * Site: the real Bilateral site (apps/site with the @bilateral/i18n/eleventy plugin) against
 * (a) bare Eleventy with the same templates and pre-rendered text, and (b) Hugo building an
 * equivalent multilingual site, at 10 / 100 / 1,000 documents × 4 languages.
 *
 * The real site makes a page per document and language from the plugin's routes
 * (article.11ty.js, /{lang}/{doc}/). For N documents the harness works on a scratch copy of
 * apps/site whose `_data/site.js` names the first generated document as the main one and gives
 * every generated document a stand-in source (the site's own files are untouched).
 *
 * Bare Eleventy runs the very same copy, but `@bilateral/i18n/eleventy` resolves to a stub that
 * replays what the real plugin returned (global data and filter results, recorded once, untimed,
 * from a real build): the same templates, the same pages, no toolkit.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { generateCorpus, writeProject, inputsHash, LOCALES } from './corpus.mjs';
import { compare } from './measure.mjs';
import { REPO, WORK } from './paths.mjs';
import { HUGO } from './tools.mjs';
import { writeHugoSite } from './hugo.mjs';

/** Plain JSON (corpus metadata, results). @typedef {Record<string, any>} Json */
/** @typedef {(message: string) => void} Log */
/** @typedef {import('./measure.mjs').Contender} Contender */

const SEED = 20261125;
export const SITE_DIR = path.join(REPO, 'apps', 'site');
const PLUGIN = path.join(REPO, 'packages', 'i18n', 'dist', 'eleventy.js');

export function siteAvailable() {
  if (!existsSync(path.join(SITE_DIR, 'eleventy.config.js')))
    return { ok: false, why: 'apps/site has no eleventy.config.js yet' };
  if (!existsSync(PLUGIN))
    return {
      ok: false,
      why: 'packages/i18n/dist/eleventy.js is not built (the plugin @bilateral/i18n/eleventy)',
    };
  if (!existsSync(path.join(SITE_DIR, 'src', 'article.11ty.js')))
    return { ok: false, why: 'apps/site/src/article.11ty.js does not exist' };
  return { ok: true };
}

export const siteEleventyBin = () =>
  path.join(SITE_DIR, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

/**
 * A clean generated project of N documents (no injected defects: a production build must pass).
 * @param {number} docs
 * @param {Log} log
 * @returns {Json}
 */
export function siteCorpus(docs, log) {
  const dir = path.join(WORK, 'corpora', `site-${docs}-s${SEED}-${inputsHash()}`);
  const metaFile = path.join(dir, '.bench-meta.json');
  // The plugin keeps its caches in the project root's node_modules/.cache, and none in a project
  // without node_modules: the generated project has the folder, as a real site's project does.
  /** @param {Json} meta */
  const withModules = (meta) => {
    mkdirSync(path.join(meta.dir, 'node_modules'), { recursive: true });
    return meta;
  };
  if (existsSync(metaFile)) return withModules(JSON.parse(readFileSync(metaFile, 'utf8')));
  log(`  generating ${docs} documents × ${LOCALES.length} languages …`);
  const gen = generateCorpus({ seed: SEED, docs });
  writeProject(dir, gen);
  const meta = {
    dir,
    config: path.join(dir, 'bilateral.config.json'),
    documents: docs,
    keysPerLocale: gen.keysPerLocale,
  };
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return withModules(meta);
}

/**
 * Hash of the contents of what a recording depends on (the site, the built plugin, the corpus).
 * @param {readonly string[]} paths
 */
function fingerprint(paths) {
  const h = createHash('sha256');
  /** @param {string} p */
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (name !== 'node_modules' && name !== '_site' && !name.endsWith('.map'))
          walk(path.join(p, name));
    } else {
      h.update(p);
      h.update(readFileSync(p));
    }
  };
  for (const p of paths) if (existsSync(p)) walk(p);
  return h.digest('hex').slice(0, 16);
}

const SITE_DATA = (
  /** @type {readonly string[]} */ documents,
) => `// Replaced by the benchmark: the site's settings, naming the generated documents.
import original from '../_bench/site-original.js';

export default function () {
  const o = original();
  // The generated documents adapt no real work: a stand-in source for each one's attribution.
  const source = {
    title: 'Generated document',
    lang: 'en',
    url: 'https://bench.example/source',
    history: 'https://bench.example/source?action=history',
  };
  const documents = ${JSON.stringify(documents)};
  const sources = { ...o.sources };
  for (const d of documents) sources[d] = source;
  // The first is the main article (the timeline, the map and the social card are its).
  return { ...o, document: documents[0], sources };
}
`;

const RECORDER = (
  /** @type {string} */ plugin,
) => `// Benchmark: the real plugin, with every global data value and filter result recorded.
import real from ${JSON.stringify(plugin)};
import { writeFileSync } from 'node:fs';

export default async function recordingPlugin(eleventyConfig, options) {
  const rec = { globals: {}, filters: {} };
  const proxy = new Proxy(eleventyConfig, {
    get(target, prop) {
      if (prop === 'addFilter') {
        return (name, fn) => target.addFilter(name, function (...args) {
          const r = fn.apply(this, args);
          (rec.filters[name] ??= {})[JSON.stringify(args)] = r;
          return r;
        });
      }
      if (prop === 'addGlobalData') {
        return (name, data) => target.addGlobalData(name, typeof data === 'function' ? (...a) => {
          const r = data(...a);
          rec.globals[name] = r;
          return r;
        } : data);
      }
      const v = target[prop];
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  await real(proxy, options);
  eleventyConfig.on('eleventy.after', () => {
    const t0 = performance.now();
    writeFileSync(process.env.BENCH_RECORDING, JSON.stringify(rec));
    // How long writing the recording took: the harness subtracts it from this run's time.
    writeFileSync(\`\${process.env.BENCH_RECORDING}.ms\`, String(performance.now() - t0));
  });
}
`;

const STUB = `// Benchmark: no toolkit. Replays pre-rendered text (recorded from a real build) to the same templates.
import { readFileSync } from 'node:fs';

export default function prerendered(eleventyConfig) {
  const rec = JSON.parse(readFileSync(new URL('./prerendered.json', import.meta.url), 'utf8'));
  for (const [name, value] of Object.entries(rec.globals)) eleventyConfig.addGlobalData(name, value);
  for (const [name, table] of Object.entries(rec.filters)) {
    eleventyConfig.addFilter(name, (...args) => {
      const r = table[JSON.stringify(args)];
      if (r === undefined) throw new Error(\`bare: nothing pre-rendered for \${name}(\${JSON.stringify(args)})\`);
      return r;
    });
  }
}
`;

/**
 * A scratch copy of the site. `plugin`: 'real' (node_modules as the site's), 'record' or 'stub'
 * (@bilateral/i18n replaced by a small package whose ./eleventy is the recorder or the stub).
 */
/**
 * @param {string} dir
 * @param {'real' | 'record' | 'stub'} plugin
 * @param {readonly string[] | undefined} documents the generated documents (undefined: the
 *   repository's own)
 */
function siteCopy(dir, plugin, documents) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of ['eleventy.config.js', 'package.json'])
    cpSync(path.join(SITE_DIR, name), path.join(dir, name));
  cpSync(path.join(SITE_DIR, 'src'), path.join(dir, 'src'), { recursive: true });
  if (documents !== undefined) {
    mkdirSync(path.join(dir, 'src', '_bench'), { recursive: true });
    cpSync(
      path.join(SITE_DIR, 'src', '_data', 'site.js'),
      path.join(dir, 'src', '_bench', 'site-original.js'),
    );
    writeFileSync(path.join(dir, 'src', '_data', 'site.js'), SITE_DATA(documents));
  }
  const nm = path.join(dir, 'node_modules');
  mkdirSync(nm);
  const siteNm = path.join(SITE_DIR, 'node_modules');
  for (const entry of readdirSync(siteNm)) {
    if (entry === '@bilateral') {
      mkdirSync(path.join(nm, entry));
      for (const sub of readdirSync(path.join(siteNm, entry))) {
        if (sub === 'i18n' && plugin !== 'real') continue;
        symlinkSync(path.join(siteNm, entry, sub), path.join(nm, entry, sub));
      }
    } else {
      symlinkSync(path.join(siteNm, entry), path.join(nm, entry));
    }
  }
  if (plugin !== 'real') {
    const fake = path.join(nm, '@bilateral', 'i18n');
    mkdirSync(fake, { recursive: true });
    writeFileSync(
      path.join(fake, 'package.json'),
      JSON.stringify({
        name: '@bilateral/i18n',
        version: '0.0.0-bench',
        type: 'module',
        exports: { './eleventy': './eleventy.js' },
      }),
    );
    writeFileSync(path.join(fake, 'eleventy.js'), plugin === 'record' ? RECORDER(PLUGIN) : STUB);
  }
  return dir;
}

/** A scratch copy of the real site (with the generated documents when given). */
/** @type {(dir: string, documents: readonly string[] | undefined) => string} */
export const siteCopyForBench = (dir, documents) => siteCopy(dir, 'real', documents);

/**
 * Files and bytes under a folder; `html` counts .html files only.
 * @param {string} dir
 */
export function outputSummary(dir) {
  let files = 0;
  let html = 0;
  let bytes = 0;
  const hash = createHash('sha256');
  /** @param {string} d */
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        files++;
        bytes += st.size;
        if (name.endsWith('.html')) {
          html++;
          hash.update(path.relative(dir, p));
          hash.update(readFileSync(p));
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, html, bytes, htmlHash: hash.digest('hex').slice(0, 16) };
}

/**
 * @param {string} config
 * @returns {Record<string, string>}
 */
const eleventyEnv = (config) => ({
  BILATERAL_CONFIG: config,
  BILATERAL_MODE: 'production',
  SITE_URL: 'https://bench.example',
  // Each language's home lists every document: about 0.5 KB each, 0.5 MB at 1,000 documents,
  // over the site's default budget of 200 KB a page (which a production build enforces).
  SITE_PAGE_BUDGET_KB: '1024',
});

/**
 * The real site's warm-up run doubles as the recording of what the plugin returned (for bare
 * Eleventy and Hugo), unless a recording for the same site, plugin and corpus exists already.
 * @param {Json} meta
 */
function recordingFor(meta) {
  const fp = fingerprint([
    path.join(SITE_DIR, 'src'),
    path.join(SITE_DIR, 'eleventy.config.js'),
    path.join(REPO, 'packages', 'i18n', 'dist'),
    path.join(meta.dir, '.bench-meta.json'),
  ]);
  return path.join(WORK, 'recordings', `site-${meta.documents}-${fp}.json`);
}

/**
 * @param {{ sizes: Array<number | 'repo'>, runs: number, log: Log }} options
 */
export async function siteSuite({ sizes, runs, log }) {
  const available = siteAvailable();
  if (!available.ok) {
    log(`  site: ${available.why}`);
    return {
      unavailableReason: `The Bilateral site is not available yet: ${available.why}.`,
      cases: [],
    };
  }
  /** @type {Json[]} */
  const cases = [];
  /** @type {string[]} */
  const notes = [];
  const primary = 'Bilateral site';
  for (const size of sizes) {
    const docs = Number(size);
    const meta = siteCorpus(docs, log);
    const documents = Object.keys(
      JSON.parse(readFileSync(path.join(meta.dir, 'core', 'corpus.json'), 'utf8')).documents,
    );
    log(
      `site — ${docs} documents × ${LOCALES.length} languages (${meta.keysPerLocale.toLocaleString('en')} keys/locale)`,
    );
    const recording = recordingFor(meta);
    const needRecording = !existsSync(recording);
    mkdirSync(path.dirname(recording), { recursive: true });
    const realDir = siteCopy(path.join(WORK, 'sites', `real-${docs}`), 'real', documents);
    const recordDir = needRecording
      ? siteCopy(path.join(WORK, 'sites', `record-${docs}`), 'record', documents)
      : realDir;
    const bareDir = siteCopy(path.join(WORK, 'sites', `bare-${docs}`), 'stub', documents);
    const hugoDir = path.join(WORK, 'sites', `hugo-${docs}`);
    const outs = {
      real: path.join(WORK, 'out', `real-${docs}`),
      bare: path.join(WORK, 'out', `bare-${docs}`),
      hugo: path.join(WORK, 'out', `hugo-${docs}`),
      warm: path.join(WORK, 'out', `warm-${docs}`),
    };
    /** @type {Record<string, ReturnType<typeof outputSummary>>} */
    const summaries = {};
    /**
     * Summarises a contender's output on its warm-up run; `sameAs` [label] compares its HTML with
     * the Bilateral site's (which must have been summarised first).
     */
    /** @type {(key: keyof typeof outs, sameAs?: string) => string} */
    const summarise = (key, sameAs) => {
      const s = (summaries[key] = outputSummary(outs[key]));
      const same =
        sameAs === undefined || summaries.real === undefined
          ? ''
          : summaries.real.htmlHash === s.htmlHash
            ? `; HTML identical to ${sameAs}`
            : `; **HTML differs from ${sameAs}**`;
      return `${s.html.toLocaleString('en')} HTML pages, ${(s.bytes / 2 ** 20).toFixed(1)} MB${same}`;
    };
    let recordNote = '';
    // Where the plugin keeps its check and render caches (see siteCorpus).
    const caches = path.join(meta.dir, 'node_modules', '.cache', 'bilateral');
    const env = eleventyEnv(meta.config);
    /** @type {Contender} */
    const real = {
      name: primary,
      cmd: process.execPath,
      args: [siteEleventyBin(), `--output=${outs.real}`],
      cwd: realDir,
      env,
      timeoutMs: 600_000,
      budgetMs: 20_000,
      // Over budget, the warm-up (recording) run is the one measurement, less the time it spent
      // writing the recording (the recorder's other work is listening to filter calls).
      after(run, round) {
        if (round !== 0 || !needRecording) return;
        try {
          const writeMs = Number(readFileSync(`${recording}.ms`, 'utf8'));
          run.wallMs -= writeMs;
          if (run.cpuMs !== undefined) run.cpuMs -= writeMs;
          recordNote = `; its warm-up run recorded the text for bare Eleventy and Hugo (writing the recording, ${(writeMs / 1000).toFixed(1)} s, is subtracted from that run)`;
        } catch {
          recordNote =
            '; its warm-up run was to record the text for bare Eleventy and Hugo, and did not';
        }
      },
      before(round) {
        rmSync(outs.real, { recursive: true, force: true });
        // Cold: no check or render cache from an earlier build (the warm contender keeps them).
        rmSync(caches, { recursive: true, force: true });
        // The warm-up run records (the output is the same; the recorder only listens).
        this.cwd = round === 0 && needRecording ? recordDir : realDir;
        this.env = round === 0 && needRecording ? { ...env, BENCH_RECORDING: recording } : env;
      },
      validate: () => summarise('real'),
    };
    /** @type {Contender} */
    const bare = {
      name: 'bare Eleventy',
      cmd: process.execPath,
      args: [siteEleventyBin(), `--output=${outs.bare}`],
      cwd: bareDir,
      env,
      timeoutMs: 600_000,
      budgetMs: 20_000,
      before(round) {
        rmSync(outs.bare, { recursive: true, force: true });
        if (round === 0 && existsSync(recording))
          cpSync(
            recording,
            path.join(bareDir, 'node_modules', '@bilateral', 'i18n', 'prerendered.json'),
          );
      },
      validate: () => summarise('bare', 'the Bilateral site'),
    };
    /** @type {Contender} */
    const hugo = {
      name: 'Hugo',
      cmd: HUGO ?? 'hugo',
      args: ['--quiet', '--source', hugoDir, '--destination', outs.hugo],
      cwd: WORK,
      timeoutMs: 600_000,
      budgetMs: 20_000,
      before(round) {
        rmSync(outs.hugo, { recursive: true, force: true });
        if (round === 0) {
          rmSync(hugoDir, { recursive: true, force: true });
          mkdirSync(hugoDir, { recursive: true });
          if (existsSync(recording))
            writeHugoSite(hugoDir, JSON.parse(readFileSync(recording, 'utf8')));
        }
      },
      validate: () => summarise('hugo'),
    };
    // The same build with the caches of the previous Bilateral build (every other run is one):
    // what a content team's next build costs after a few edits, or none.
    /** @type {Contender} */
    const warm = {
      name: `${primary} (warm caches)`,
      cmd: process.execPath,
      args: [siteEleventyBin(), `--output=${outs.warm}`],
      cwd: realDir,
      env,
      timeoutMs: 600_000,
      budgetMs: 20_000,
      before() {
        rmSync(outs.warm, { recursive: true, force: true });
      },
      validate: () => summarise('warm', 'the cold build'),
    };
    const contenders = HUGO === undefined ? [real, warm, bare] : [real, warm, bare, hugo];
    if (HUGO === undefined)
      notes.push('Hugo is not installed (apt-get install hugo): not measured.');
    const results = await compare(contenders, { runs, log });
    if (recordNote !== '') results[0]?.notes.push(recordNote.slice(2));
    cases.push({
      size: `${docs} documents`,
      documents: docs,
      locales: LOCALES.length,
      pages: docs * LOCALES.length,
      keysPerLocale: meta.keysPerLocale,
      results,
    });
    for (const o of Object.values(outs)) rmSync(o, { recursive: true, force: true });
  }
  return { primary, notes, cases, growth: growth(cases, (/** @type {Json} */ c) => c.documents) };
}

/**
 * Median per size per contender; the exponent k of time ∝ size^k between the two largest sizes
 * (start-up cost makes k < 1 at small sizes); and the marginal cost per unit of size between them.
 * A contender killed at its time limit gets `> limit`.
 * @param {Json[]} cases
 * @param {(c: Json) => number} sizeOf
 */
export function growth(cases, sizeOf) {
  if (cases.length < 2) return undefined;
  /** @type {string[]} */
  const names = [
    ...new Set(cases.flatMap((c) => c.results.map((/** @type {Json} */ r) => r.name))),
  ];
  /** @type {Json} */
  const out = { _sizes: cases.map((c) => c.size), _units: cases.map(sizeOf) };
  for (const name of names) {
    /** @type {Array<Json | undefined>} */
    const rs = cases.map((c) => c.results.find((/** @type {Json} */ r) => r.name === name));
    /** @type {Array<number | undefined>} */
    const medians = rs.map((r) => r?.wallStats?.median);
    const killed = rs.map((r) => r?.killedAfterMs);
    const [a, b] = [cases.length - 2, cases.length - 1];
    const [ma, mb] = [medians[a], medians[b]];
    const [ca, cb] = [cases[a], cases[b]];
    const ok = ma !== undefined && mb !== undefined && ca !== undefined && cb !== undefined;
    const exponent = ok ? Math.log(mb / ma) / Math.log(sizeOf(cb) / sizeOf(ca)) : NaN;
    const marginalMs = ok ? (mb - ma) / (sizeOf(cb) - sizeOf(ca)) : NaN;
    out[name] = { medians, killed, exponent, marginalMs };
  }
  return out;
}
