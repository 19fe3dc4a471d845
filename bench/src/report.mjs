/** The stdout table and BENCHMARKS.md, both from the results object. */
import path from 'node:path';
import { BENCH } from './paths.mjs';
import { realWorldSection } from './real-world-report.mjs';

/** The results file: plain JSON written by bench.mjs. @typedef {Record<string, any>} Json */

/** @param {number | undefined} x */
const ms = (x) =>
  x === undefined || !Number.isFinite(x)
    ? '–'
    : x >= 10_000
      ? `${(x / 1000).toFixed(1)} s`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} s`
        : `${x.toFixed(0)} ms`;
/** @param {number | undefined} kb */
const mb = (kb) =>
  kb === undefined || !Number.isFinite(kb) ? '–' : `${(kb / 1024).toFixed(0)} MB`;
/** @param {number | undefined} x */
const ratio = (x) => (x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);

const FLOOR = 'floor (read + parse + visit)';
const STAT_FLOOR = 'floor (stat every file)';
const SERVED = 'bilateral check (answered by check --watch, 1 file edited)';

/**
 * A contender's figures as ratios to a floor of the same case: wall, CPU and peak RSS.
 * @param {Json} r
 * @param {Json | undefined} f
 */
const toFloor = (r, f) => ({
  wall: r.wallStats?.median / f?.wallStats?.median,
  cpu: r.cpuStats?.median / f?.cpuStats?.median,
  rss: r.rssStats?.max / f?.rssStats?.max,
});

/**
 * The "to the floor" cell of a row: wall / CPU / RSS as ratios to reading, parsing and visiting
 * the files; for a cached run also wall time as a ratio to stating every file.
 * @param {Json} c
 * @param {Json} r
 */
function floorCell(c, r) {
  const f = c.results.find((/** @type {Json} */ x) => x.name === FLOOR);
  if (f === undefined || r.name === FLOOR || r.name === STAT_FLOOR || r.wallStats === undefined)
    return '';
  const x = toFloor(r, f);
  const st = c.results.find((/** @type {Json} */ y) => y.name === STAT_FLOOR);
  const stat =
    st !== undefined && (r.name.includes('cached') || r.name.includes('answered'))
      ? `; ${ratio(r.wallStats.median / st.wallStats?.median)} stat`
      : '';
  return `${ratio(x.wall)} / ${ratio(x.cpu)} / ${ratio(x.rss)}${stat}`;
}

/** @type {Record<string, string>} */
const SUITE_TITLES = { checks: 'Checks', site: 'Site build', edit: 'Edit loop' };

/** Rows of one case: contender, median, spread, RSS, ratios to each peer. */
/**
 * @param {Json} c
 * @returns {Array<{ name: string, median: string, spread: string, iqr: string, rss: string, cpu: string, n: number, ratios: string, floor: string, notes: string }>}
 */
function caseRows(c) {
  return c.results.map((/** @type {Json} */ r) => ({
    name: r.name,
    floor: floorCell(c, r),
    median:
      r.killedAfterMs !== undefined
        ? `> ${ms(r.killedAfterMs)}`
        : r.failed
          ? 'failed'
          : ms(r.wallStats?.median),
    spread: r.wallStats === undefined ? '' : `${ms(r.wallStats.min)}–${ms(r.wallStats.max)}`,
    iqr: r.wallStats === undefined ? '' : `${ms(r.wallStats.q1)}–${ms(r.wallStats.q3)}`,
    rss: mb(r.rssStats?.max),
    cpu: r.cpuStats === undefined ? '–' : ms(r.cpuStats.median),
    n: r.wallStats?.n ?? 0,
    ratios: Object.entries(r.ratios ?? {})
      .map(([o, x]) => `${ratio(x)} ${o}`)
      .join(', '),
    notes: [...(r.notes ?? []), ...(r.error ? [r.error.split('\n')[0]] : [])].join('; '),
  }));
}

/**
 * @param {string} suite
 * @param {Json} c
 * @returns {string}
 */
function caseTitle(suite, c) {
  if (suite === 'checks')
    return `${c.size} — ${c.keysPerLocale.toLocaleString('en')} keys × ${c.locales} locales, ${c.files.toLocaleString('en')} files`;
  if (suite === 'site')
    return `${c.size} — ${c.documents.toLocaleString('en')} documents × ${c.locales} languages = ${c.pages.toLocaleString('en')} article pages`;
  return c.size;
}

/** @param {Json} results */
export function renderTable(results) {
  const out = [];
  for (const [suite, data] of Object.entries(
    /** @type {Record<string, Json>} */ (results.suites),
  )) {
    out.push(`\n${SUITE_TITLES[suite] ?? suite}`);
    if (data.unavailableReason) out.push(`  note: ${data.unavailableReason}`);
    for (const n of data.notes ?? []) out.push(`  note: ${n}`);
    for (const c of data.cases ?? []) {
      out.push(`  ${caseTitle(suite, c)}`);
      const rows = caseRows(c);
      const w = Math.max(10, ...rows.map((r) => r.name.length));
      out.push(
        `    ${'contender'.padEnd(w)}  ${'median'.padStart(8)}  ${'min–max'.padStart(17)}  ${'CPU'.padStart(8)}  ${'peak RSS'.padStart(8)}  ${'to floor (wall/CPU/RSS)'.padEnd(24)}  ratio to peers`,
      );
      for (const r of rows) {
        out.push(
          `    ${r.name.padEnd(w)}  ${r.median.padStart(8)}  ${r.spread.padStart(17)}  ${r.cpu.padStart(8)}  ${r.rss.padStart(8)}  ${r.floor.padEnd(24)}  ${r.ratios}`,
        );
        if (r.notes) out.push(`    ${' '.repeat(w)}  ↳ ${r.notes.slice(0, 300)}`);
      }
    }
  }
  out.push(
    `\nTotal ${results.totalSeconds} s on ${results.machine.cpus}× ${results.machine.cpu}, Node ${results.machine.node}; load average ${results.machine.loadAverageAtStart.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')}\n`,
  );
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------ targets
/**
 * @param {Json | undefined} c
 * @param {string} name
 * @returns {Json | undefined}
 */
const find = (c, name) => c?.results.find((/** @type {Json} */ r) => r.name === name);
/**
 * @param {Json | undefined} r
 * @returns {number}
 */
const med = (r) => r?.wallStats?.median;

/**
 * The targets of issue 17 (and 16), each from figures of one run: ratios to the floor and to the
 * peers measured alongside, so that the machine's load cancels out.
 * @param {Json} results
 */
export function evaluateTargets(results) {
  /** @type {Array<{ target: string, met: boolean | undefined, value: string }>} */
  const t = [];
  const checks = results.suites.checks;
  if (checks !== undefined) checkTargets(checks, t);
  const site = results.suites.site;
  if (site !== undefined) siteTargets(site, t);
  const edit = results.suites.edit;
  if (edit !== undefined) {
    for (const c of edit.cases ?? []) {
      for (const r of c.results) {
        const dev = r.name.startsWith('dev server');
        const limit = dev ? 500 : 1000;
        t.push({
          target: `edit loop (${r.name}, ${c.size}): < ${ms(limit)}`,
          met: med(r) === undefined ? undefined : med(r) < limit,
          value: med(r) === undefined ? (r.error ?? 'not measured') : ms(med(r)),
        });
      }
    }
    if (edit.unavailableReason)
      t.push({ target: 'edit loop: < 0.5 s', met: undefined, value: edit.unavailableReason });
  }
  return t;
}

/**
 * @param {Json} checks
 * @param {Array<{ target: string, met: boolean | undefined, value: string }>} t
 */
function checkTargets(checks, t) {
  const failed = (/** @type {Json | undefined} */ r) =>
    r?.killedAfterMs !== undefined ? `> ${ms(r.killedAfterMs)} (killed)` : 'failed';
  for (const c of checks.cases) {
    if (c.largeFile || !['10,000 keys', '100,000 keys'].includes(c.size)) continue;
    const b = find(c, 'bilateral check');
    const f = find(c, FLOOR);
    if (b === undefined || f === undefined) continue;
    const x = toFloor(b, f);
    t.push({
      target: `checks, ${c.size} × 4 (cold, all rules, no cache): wall ≤ 2× the floor`,
      met: Number.isFinite(x.wall) ? x.wall <= 2 : undefined,
      value: Number.isFinite(x.wall)
        ? `${ratio(x.wall)} (${ms(med(b))} / ${ms(med(f))}; CPU ${ratio(x.cpu)})`
        : failed(b),
    });
    const limitKb = 2 * f.rssStats?.max + 100 * 1024;
    t.push({
      target: `checks, ${c.size} × 4 (cold): peak RSS ≤ 2× the floor's + 100 MB`,
      met: b.rssStats === undefined ? undefined : b.rssStats.max <= limitKb,
      value: `${mb(b.rssStats?.max)} (limit ${mb(limitKb)}; ${ratio(x.rss)} the floor)`,
    });
    if (c.size !== '100,000 keys') continue;
    const peer = find(c, 'i18n-check');
    if (peer !== undefined && med(peer) !== undefined && med(b) !== undefined)
      t.push({
        target: `checks, ${c.size} (cold): ≥ 5× faster than i18n-check`,
        met: med(peer) / med(b) >= 5,
        value: `${(med(peer) / med(b)).toFixed(2)}× faster`,
      });
    const cached = find(c, 'bilateral check (cached, 1 file edited)');
    const stat = find(c, STAT_FLOOR);
    if (cached !== undefined && stat !== undefined)
      t.push({
        target: `checks, ${c.size} (cached, 1 file edited): ≤ 1.5× the time to stat every file`,
        met: med(cached) === undefined ? undefined : med(cached) / med(stat) <= 1.5,
        value: `${ratio(med(cached) / med(stat))} (${ms(med(cached))} / ${ms(med(stat))})`,
      });
    const served = find(c, SERVED);
    if (served !== undefined && stat !== undefined)
      t.push({
        target: `checks, ${c.size} (1 file edited, answered by a running \`check --watch\`): ≤ 1.5× the time to stat every file`,
        met: med(served) === undefined ? undefined : med(served) / med(stat) <= 1.5,
        value: `${ratio(med(served) / med(stat))} (${ms(med(served))} / ${ms(med(stat))})`,
      });
  }
  const large = checks.cases.find((/** @type {Json} */ c) => c.largeFile);
  if (large !== undefined) {
    const f = find(large, FLOOR);
    for (const r of large.results) {
      if (r.name.startsWith('floor')) continue;
      const x = toFloor(r, f);
      t.push({
        target: `one file of ${large.keysPerLocale.toLocaleString('en')} keys, ${r.name.replace(/^bilateral check /, '')}: < 3 s and < 500 MB`,
        met: med(r) === undefined ? undefined : med(r) < 3000 && r.rssStats.max < 500 * 1024,
        value:
          med(r) === undefined
            ? failed(r)
            : `${ms(med(r))}, ${mb(r.rssStats.max)} (${ratio(x.wall)} / ${ratio(x.rss)} reading and parsing it)`,
      });
    }
  }
  const g = checks.growth?.['bilateral check'];
  if (g !== undefined) {
    const sizes = checks.growth._sizes;
    const units = checks.growth._units;
    const pairs = [];
    for (let i = 1; i < sizes.length; i++) {
      if (g.medians[i] === undefined || g.medians[i - 1] === undefined) continue;
      pairs.push(
        `${sizes[i - 1]} → ${sizes[i]}: k = ${(Math.log(g.medians[i] / g.medians[i - 1]) / Math.log(units[i] / units[i - 1])).toFixed(2)}`,
      );
    }
    if (pairs.length > 0)
      t.push({
        target: 'checks: cost grows linearly with keys (time ∝ keys^k, k ≤ 1)',
        met: !pairs.some((p) => /k = (1\.[2-9]|[2-9])/.test(p)),
        value: pairs.join('; '),
      });
  }
}

/**
 * @param {Json} site
 * @param {Array<{ target: string, met: boolean | undefined, value: string }>} t
 */
function siteTargets(site, t) {
  const big = site.cases.at(-1);
  const primary = site.primary;
  const bare = find(big, 'bare Eleventy');
  const label = big?.size ?? '';
  for (const [name, how, limit] of /** @type {const} */ ([
    [primary, 'cold: no caches', 1.2],
    [`${primary} (warm caches)`, 'warm caches', 1.05],
  ])) {
    const b = find(big, name);
    if (med(b) === undefined || med(bare) === undefined) {
      t.push({
        target: `site, ${label} (${how}): ≤ ${limit}× bare Eleventy`,
        met: undefined,
        value: site.unavailableReason ?? b?.error?.split('\n')[0] ?? `${name} failed`,
      });
      continue;
    }
    t.push({
      target: `site, ${label} × 4 (${primary}, ${how}): ≤ ${limit}× bare Eleventy`,
      met: med(b) / med(bare) <= limit,
      value: `${ratio(med(b) / med(bare))} (${ms(med(b))} / ${ms(med(bare))})`,
    });
  }
}

// ------------------------------------------------------------------ BENCHMARKS.md
/**
 * @param {Json} results
 * @param {string} analysis the hand-written analysis (bench/analysis.md)
 */
export function renderMarkdown(results, analysis) {
  const m = results.machine;
  const L = [];
  L.push('# Benchmarks');
  L.push('');
  L.push(
    'Bilateral against the tools people would use instead, on the same input, in the same run.',
  );
  L.push('Generated by `pnpm bench` (bench/src/bench.mjs) from `bench/results/latest.json`; the');
  L.push(
    '"Analysis" section is kept in `bench/analysis.md`. Re-run: `pnpm bench` (about 10 minutes on a',
  );
  L.push(
    `quiet machine; this run took ${Math.round(results.totalSeconds / 60)} minutes under the load of other work), \`pnpm bench --quick\``,
  );
  L.push(
    '(< 1 min: checks and site at the smaller sizes, writes `bench/results/quick.json` only), or',
  );
  L.push('`pnpm bench --report` (re-renders this file from `bench/results/latest.json`).');
  L.push('');
  L.push('## Targets');
  L.push('');
  L.push('| target | result | met |');
  L.push('|---|---|---|');
  for (const x of evaluateTargets(results))
    L.push(
      `| ${x.target} | ${x.value.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')} | ${x.met === undefined ? 'n/a' : x.met ? 'yes' : '**no**'} |`,
    );
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(`- ${m.cpus} × ${m.cpu}, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}`);
  L.push(
    `- Load average (1/5/15 min) at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd.join(' / ')}.`,
  );
  L.push(
    '  **The 2 cores are shared with other work running at the same time** (other sessions build and',
  );
  L.push(
    '  test in parallel), so absolute times are noisy. What counts are the ratios between contenders',
  );
  L.push('  measured in the same run, run for run alternated, under the same load.');
  L.push(
    `- Versions: Bilateral ${results.versions.bilateral}, Eleventy ${results.versions.eleventy}, @lingual/i18n-check ${results.versions['i18n-check']}, ${results.versions.hugo ?? 'Hugo not installed'}${results.suites.checks?.i18nextCli?.usable ? `, i18next-cli ${results.suites.checks.i18nextCli.usable.version}` : ''}.`,
  );
  L.push(`- Run: ${results.generatedAt}, ${results.totalSeconds} s in total.`);
  L.push('');
  L.push('## Method');
  L.push('');
  L.push(METHOD.trim());
  L.push('');
  L.push(
    `Each figure: ${results.runs} counted runs after ${results.warmup} warm-up run; median wall time, the spread as`,
  );
  L.push(
    'min–max and the interquartile range, the median CPU time (user + sys of the whole process tree: less',
  );
  L.push(
    'sensitive than wall time to the other work on the machine), and the peak resident set (the highest of the',
  );
  L.push(
    `counted runs; ${m.rssSource}). "ratio" is this contender's median wall time divided by the peer's:`,
  );
  L.push(
    'below 1 is faster. A contender whose warm-up run exceeds the time budget is measured once (noted).',
  );
  L.push('');
  L.push('## Results');
  for (const [suite, data] of Object.entries(
    /** @type {Record<string, Json>} */ (results.suites),
  )) {
    L.push('');
    L.push(`### ${SUITE_TITLES[suite] ?? suite}`);
    L.push('');
    if (data.unavailableReason) L.push(`> ${data.unavailableReason}\n`);
    for (const n of data.notes ?? []) L.push(`- ${n}`);
    if ((data.notes ?? []).length > 0) L.push('');
    for (const c of data.cases ?? []) {
      L.push(`**${caseTitle(suite, c)}**`);
      L.push('');
      const rows = caseRows(c);
      const floors = rows.some((r) => r.floor !== '');
      L.push(
        `| contender | median wall | min–max | IQR | CPU (user+sys) | peak RSS |${floors ? ' to the floor: wall / CPU / RSS |' : ''} ratio to peers (wall) |`,
      );
      L.push(`|---|---:|---:|---:|---:|---:|${floors ? '---:|' : ''}---|`);
      for (const r of rows)
        L.push(
          `| ${r.name} | ${r.median} | ${r.spread} | ${r.iqr} | ${r.cpu} | ${r.rss} |${floors ? ` ${r.floor} |` : ''} ${r.ratios} |`,
        );
      const notes = rows.filter((r) => r.notes);
      if (notes.length > 0) {
        L.push('');
        for (const r of notes) L.push(`- ${r.name}: ${r.notes}`);
      }
      L.push('');
    }
    if (data.growth !== undefined) {
      const unit = suite === 'checks' ? 'per 1,000 keys' : 'per document';
      const scale = suite === 'checks' ? 1000 : 1;
      L.push(
        `How cost grows with size (median wall time). k: exponent of time ∝ size^k between the two largest sizes (1 = linear; start-up time pulls it below 1). Marginal: extra time ${unit} between those sizes.`,
      );
      L.push('');
      L.push('| contender | ' + data.growth._sizes.join(' | ') + ' | k | marginal |');
      L.push('|---|' + data.growth._sizes.map(() => '---:').join('|') + '|---:|---:|');
      for (const [name, g] of Object.entries(data.growth)) {
        if (name.startsWith('_')) continue;
        const cells = g.medians.map((/** @type {number} */ m, /** @type {number} */ i) =>
          g.killed?.[i] !== undefined ? `> ${ms(g.killed[i])}` : ms(m),
        );
        L.push(
          `| ${name} | ${cells.join(' | ')} | ${Number.isFinite(g.exponent) ? g.exponent.toFixed(2) : '–'} | ${Number.isFinite(g.marginalMs) ? ms(g.marginalMs * scale) : '–'} |`,
        );
      }
      L.push('');
    }
  }
  if (results.suites.checks?.i18nextCli !== undefined) {
    const c = results.suites.checks.i18nextCli;
    L.push('### i18next-cli on Node 20');
    L.push('');
    L.push(
      `- \`npm i --engine-strict=false i18next-cli@latest\` installs ${c.latest?.version ?? '?'} (engines: node ${c.latest?.engines ?? '?'}).`,
    );
    L.push(
      c.latest?.runs
        ? '  It runs on this Node.'
        : `  On ${c.node} it does not start; any command, even \`--help\`, fails with:\n\n\`\`\`\n${c.latest?.error ?? c.latest?.error}\n\`\`\`\n`,
    );
    L.push(
      `- \`npm i --engine-strict=false i18next-cli\` (unpinned) lets npm pick the newest release whose engines accept Node 20: ${c.compatible?.version ?? '?'} (engines: ${c.compatible?.engines ?? '?'}), which ${c.compatible?.runs ? 'runs and is the one measured above' : `fails too: ${c.compatible?.error}`}.`,
    );
    L.push(
      '- Its `status` derives the key list from source code (`t()` calls), not from the source locale, so the',
    );
    L.push(
      '  harness gives it a generated `src/keys.js` with one `t()` call per source key and an `i18next.config.js`.',
    );
    L.push(
      '  It checks presence only (no interpolation). `lint` looks for hard-coded strings in source code and',
    );
    L.push('  has no counterpart among translation checks, so it is not measured.');
    L.push('');
  }
  // Kept from the last `pnpm bench --real-world` (bench/results/real-world.json), when there is one.
  const realWorld = realWorldSection(path.join(BENCH, 'results', 'real-world.json'));
  if (realWorld !== '') L.push(realWorld.trimEnd(), '');
  if (analysis.trim() !== '') {
    L.push('## Analysis');
    L.push('');
    L.push(analysis.trim());
    L.push('');
  }
  return L.join('\n') + '\n';
}

const METHOD = `
**Corpus.** A seeded generator (bench/src/corpus.mjs, seed 20261125) writes N documents × 4 locales
(ja source; en, uk, ko) shaped like the real article: per document 6–10 facts (dates at day, month
or year precision, quantities with plural unit phrases, money), 6–12 references, a lead and 3–5
sections of 1–4 paragraphs. Paragraph text carries fact slots (\`{{f3, date}}\`,
\`{{f5, quantity}}\`, \`{{f6, money(currencyDisplay: name)}}\`), entity labels (Ukrainian in
inflected forms listed in \`terms\`), \`<ref id="r2"/>\` citations, a few \`<dubious/>\` markers and
inline tags (\`<i>\`, \`<b>\`, \`<em>\`); descriptions nest the title with \`$t(meta.title)\`. Each
document is generated from its own seed, so smaller corpora are prefixes of larger ones. The
\`ui\` namespace is the repository's own. The same files are written once as a Bilateral project
(\`bilateral.config.json\`, a core module exporting \`corpus\`, \`locales/{lng}/{ns}.json\`) and read
by every contender from there.

**Checks.** Whole processes, cold (a fresh Node each run), on the same \`locales/{lng}/{ns}.json\`:
- \`bilateral check --format json\` with the project's config and core: every rule (syntax, missing,
  obsolete, empty, plurals, placeholders, facts, citations, markup, untranslated, stale,
  terminology, whitespace/punctuation), with \`--no-cache\`: every namespace checked, on one
  worker thread per core from 2,000 locale files (the default). "(1 thread)" adds \`--jobs 1\`.
  "(cached, 1 file edited)" is what a translator runs while editing: the same command with its
  cache (\`--cache-location\`, filled by the warm-up run), after one English file was changed
  before each run (untimed: a title's first letter toggles case; the findings stay the same).
  "(answered by check --watch, 1 file edited)" is the same command, after the same kind of edit,
  while a \`bilateral check --watch\` runs in the folder (started before the runs, not timed): the
  watching process answers from what it keeps in memory, after a stat of every locale file, and
  the command's stderr says so (checked on the warm-up run). Its peak RSS is the command's; the
  watching process's own is noted under the table.
  "(no core)" is the same command on the bare tree with
  \`--source ja --locales 'locales/{lng}/{ns}.json'\` — the rules that need no core.
- \`@lingual/i18n-check --locales locales --source ja --format i18next\`: its default checks, missing
  keys and interpolation (its comparable subset).
- \`i18next-cli status\` (see below for which version runs on Node 20).
For the generated sizes, 3 missing keys and 3 renamed placeholders are injected per target locale,
and each contender's output is checked for them on the warm-up run ("found k/n injected defects"),
so that a contender cannot win by not doing the work.

**Site.** The contenders build the same documents × 4 languages as static HTML, each whole
process from an empty output folder, in production mode:
- *Bilateral site*: the real site — \`apps/site\`'s Eleventy config and templates with the
  \`@bilateral/i18n/eleventy\` plugin, which runs every check (a production build refuses errors)
  and renders every document — pointed at the generated project (\`BILATERAL_CONFIG\`). The site
  shows one document (\`site.document\`), so the harness runs it from a scratch copy with two
  additions: \`_data/site.js\` names the first generated document, and \`bench-documents.11ty.js\`
  renders the site's own \`article.11ty.js\` for every document × language at \`/{lang}/{doc}/\`.
  Cold: its caches (\`node_modules/.cache/bilateral\` in the generated project: check results,
  rendered documents) are deleted before each run. *Bilateral site (warm caches)* is the same
  build with the caches the previous Bilateral build left (the next build of a site after a few
  edits, or none); its HTML must be byte-identical to the cold build's.
- *bare Eleventy*: the very same copy (config, templates, data) with \`@bilateral/i18n/eleventy\`
  replaced by a stub that replays pre-rendered text: every global data value and filter result the
  real plugin returned, recorded (by the real site's warm-up run, or cached) into one JSON file.
  Same templates, same pages, no toolkit — no checks, no i18next, no rendering.
- *Hugo*: a generated multilingual Hugo site (a content folder per language, UI strings in Hugo's
  i18n files, the article page's structure translated to Go templates, the same pre-rendered text
  as JSON front matter), built by Debian's \`hugo\` (which uses both cores).
The outputs are compared on the warm-up run: page count and size; bare Eleventy's HTML must be
byte-identical to the Bilateral site's. Hugo's pages differ only in details (no flags, no
timeline/status/404 pages) and are about the same size.

**Edit loop.** One string in one locale file (\`sections.lead.p1\` in English) is changed — written
atomically, temp file + rename, as editors do — and the time is taken until the affected output
page contains the new text:
- *dev server*: \`eleventy --serve\` (development mode: the plugin re-runs the checks in a worker
  and falls back for missing text), the output file polled every 10 ms; on a scratch copy of this
  repository and on the real site (scratch copy, all documents) over a generated project;
- *\`pnpm build\`* in the scratch copy of the repository (its own git repository, turbo's cache
  copied from the repository and warm): turbo rebuilds what the edit invalidates.
Each edit waits until the server has finished rewriting before the next. The edit-loop figures
are sequential runs of one contender (two servers cannot share the machine fairly), so no
ratios; peak RSS of the dev server is its VmHWM over all edits.
`;
