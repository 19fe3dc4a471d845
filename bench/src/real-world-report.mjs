/**
 * The "Real-world projects" section of BENCHMARKS.md, from bench/results/real-world.json.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH } from './paths.mjs';

/** The judged samples and misses (hand-written; see the file). */
const JUDGEMENTS = path.join(BENCH, 'real-world', 'judgements.md');

const HEADING = '## Real-world projects';

/** @param {number | undefined} ms */
const sec = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
/** @param {number | undefined} mb */
const mb = (mb) => (mb === undefined ? '–' : `${mb.toFixed(0)} MB`);
/** @param {number | undefined} a @param {number | undefined} b */
const ratio = (a, b) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
/**
 * The wall-time ratio of each round (the two tools run one after the other, so each ratio shares
 * its round's load): their range, e.g. ` (rounds 1.02–1.31×)`; empty without them.
 * @param {number[] | undefined} r
 */
const rounds = (r) =>
  r === undefined || r.length < 2
    ? ''
    : ` (rounds ${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}×)`;
/** `a/b/c/de/file.json:3` → `de/file.json:3` (the cell keeps its backticks). */
const shortPath = (/** @type {string | undefined} */ s) =>
  (s ?? '').replace(/^`.*\/(?=[^/]*\/[^/]*$)/, '`');
/** @param {number} n */
const num = (n) => n.toLocaleString('en-US');

/**
 * The section as Markdown (or, with `header: false`, one project's tables for the terminal).
 * @param {any[]} projects
 * @param {any} [run]
 */
export function renderRealWorld(projects, run = { header: false }) {
  const measured = projects.filter((p) => p.skipped === undefined);
  const L = [];
  if (run.header !== false) {
    L.push(HEADING, '');
    L.push(
      '`bilateral check` and @lingual/i18n-check ' +
        `${run.i18nCheck} on open-source i18next projects, measured by \`pnpm bench --real-world\` ` +
        '(bench/src/real-world.mjs; projects, commits and settings in bench/real-world/manifest.json). ' +
        'Only the locale folders are extracted from a mirror of each repository, outside this ' +
        `repository. Both tools run in the same session, alternating, 1 warm-up and ${run.runs} ` +
        'counted runs; the figures are medians (wall time, CPU user+sys, peak RSS from GNU time), ' +
        'and the ratio of wall times is followed by its range over the rounds (each round runs the ' +
        'tools one after the other, so both share the load of that moment). ' +
        `Node ${run.node}, ${run.date.slice(0, 10)}. bilateral runs \`check --format json --no-cache\` ` +
        "with the project's settings as flags, which lists every finding; i18n-check runs `-f i18next` " +
        'with its default reporter, which lists every missing and invalid key (the like-for-like figure, ' +
        'since session 10), and again with `-r summary`, which prints only counts (the last column; ' +
        'earlier sessions compared against this one).' +
        (run.loadavg === undefined
          ? ''
          : ` Load average (1 min) at the start and end of the run: ${run.loadavg.start.toFixed(1)} and ${run.loadavg.end.toFixed(1)} on ${run.cpus} CPUs; CPU time is the steadier figure when the machine is shared.`),
    );
    L.push('');
    for (const p of projects.filter((x) => x.skipped !== undefined))
      L.push(`- ${p.name}: not measured (${p.skipped}).`);
  }
  L.push(
    '| project | layout | languages × source keys | strings | bilateral wall / CPU / RSS | i18n-check wall / CPU / RSS | bilateral ÷ i18n-check wall / CPU | bilateral ÷ i18n-check summary wall / CPU |',
  );
  L.push('|---|---|---|---|---|---|---|---|');
  for (const p of measured) {
    const b = p.bilateral;
    const c = p.i18nCheck;
    L.push(
      `| ${p.name} (${p.commit.slice(0, 8)}) | \`${p.files}\` | ${p.languages} × ${num(p.sourceKeys)} | ${num(p.strings)} | ${sec(b.wallMs)} / ${sec(b.cpuMs)} / ${mb(b.rssMb)} | ${sec(c.wallMs)} / ${sec(c.cpuMs)} / ${mb(c.rssMb)} | ${ratio(b.wallMs, c.wallMs)}${rounds(b.roundRatios)} / ${ratio(b.cpuMs, c.cpuMs)} | ${ratio(b.wallMs, p.i18nCheckSummary?.wallMs)} / ${ratio(b.cpuMs, p.i18nCheckSummary?.cpuMs)} |`,
    );
  }
  L.push('');
  const rules = [...new Set(measured.flatMap((p) => Object.keys(p.bilateral.rules)))].sort();
  L.push(`| project | settings | ${rules.join(' | ')} | i18n-check |`);
  L.push(`|---|---|${rules.map(() => '---|').join('')}---|`);
  for (const p of measured) {
    const cell = (/** @type {string} */ r) => {
      const s = p.bilateral.rules[r] ?? {};
      const parts = ['error', 'warning', 'info']
        .filter((k) => s[k])
        .map((k) => `${num(s[k])}${k[0]}`);
      return parts.length === 0 ? '0' : parts.join(' ');
    };
    const ic = Object.entries(p.i18nCheck.counts ?? {})
      .map(([k, v]) => `${k} ${num(/** @type {number} */ (v))}`)
      .join(', ');
    L.push(`| ${p.name} | \`${p.settings}\` | ${rules.map(cell).join(' | ')} | ${ic || '0'} |`);
  }
  L.push('');
  L.push('Findings per rule: e = error, w = warning, i = info.');
  if (run.header !== false) {
    L.push('');
    L.push('Detection without flags (`bilateral status` in the corpus):');
    L.push('');
    for (const p of measured) L.push(`- ${p.name}: ${p.detected}`);
    L.push('');
    L.push(
      'Precision is judged by a person on a seeded sample: `node bench/src/real-world.mjs --sample 20 --seed 42` ' +
        'prints 20 random error findings per project (the seed is printed with them), each with the source ' +
        'and target text of its key; read the files and mark each a true or false positive.',
    );
    L.push(...judged(measured));
  }
  L.push('');
  return `${L.join('\n')}\n`;
}

/**
 * The rows of the Markdown table under `## <heading>` in judgements.md, as arrays of cells.
 * @param {string} text
 * @param {string} heading
 * @returns {string[][]}
 */
function tableRows(text, heading) {
  const at = text.indexOf(`## ${heading}`);
  if (at === -1) return [];
  const end = text.indexOf('\n## ', at + 3);
  return text
    .slice(at, end === -1 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| project') && !/^[|\s:-]+$/.test(l))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    )
    .map((cells) => Array.from({ length: 7 }, (_, i) => cells[i] ?? ''));
}

/**
 * The Precision table (from the judged samples) and the comparison with i18n-check (from
 * --compare, with the verdicts on what bilateral does not report).
 * @param {any[]} measured
 */
function judged(measured) {
  const text = existsSync(JUDGEMENTS) ? readFileSync(JUDGEMENTS, 'utf8') : '';
  const samples = tableRows(text, 'Precision samples');
  const L = [];
  if (samples.length > 0) {
    L.push('', '### Precision', '');
    L.push(
      'Each finding of the seed-42 sample judged by reading the locale files, one line of reason each ' +
        'in [bench/real-world/judgements.md](bench/real-world/judgements.md) (TP: a real problem a ' +
        'translator must fix; FP: not a problem).',
      '',
    );
    L.push('| project | error findings | precision | false positives |');
    L.push('|---|---|---|---|');
    for (const p of measured) {
      const rows = samples.filter((r) => r[0] === p.name);
      if (rows.length === 0) continue;
      const tp = rows.filter((r) => r[5] === 'TP').length;
      const fps = rows
        .filter((r) => r[5] === 'FP')
        .map((r) => `${r[2]} ${shortPath(r[3])} ${r[4]}`);
      const errors = Object.values(p.bilateral.rules).reduce(
        (n, /** @type {any} */ s) => n + (s.error ?? 0),
        0,
      );
      L.push(
        `| ${p.name} | ${num(errors)} | ${tp}/${rows.length} (${Math.round((100 * tp) / rows.length)}%) | ${fps.join('; ') || 'none'} |`,
      );
    }
  }
  const compared = measured.filter((p) => p.comparison !== undefined);
  if (compared.length === 0) return L;
  const misses = tableRows(text, 'Not reported by bilateral');
  L.push('', '### Against i18n-check', '');
  L.push(
    "i18n-check's missing keys, placeholder and tag mismatches (its invalidKeys, split by its own " +
      "parser), matched with bilateral's findings by file and key (`--compare`, " +
      "bench/src/real-world-compare.mjs). Each cell: i18n-check → found by bilateral's own rule " +
      '(missing/empty/plurals, placeholders, markup) + found by another rule on the same key ' +
      '(e.g. an empty text reported as untranslated) + not reported. What bilateral does not ' +
      'report is judged in judgements.md ("real": a problem a translator must fix).',
    '',
  );
  L.push(
    '| project | missing keys | placeholder mismatches | tag mismatches | not reported that is real |',
  );
  L.push('|---|---|---|---|---|');
  const cell = (/** @type {any} */ c) =>
    `${num(c.total)} → ${num(c.found)} + ${num(c.other)} + **${c.misses.length}**`;
  for (const p of compared) {
    const c = p.comparison;
    const real = misses.filter((r) => r[0] === p.name && r[4] === 'yes');
    const unjudged =
      c.missing.misses.length +
      c.placeholders.misses.length +
      c.tags.misses.length -
      misses.filter((r) => r[0] === p.name && r[1] !== 'unclassified').length;
    L.push(
      `| ${p.name} | ${cell(c.missing)} | ${cell(c.placeholders)} | ${cell(c.tags)} | ${real.length === 0 ? 'none' : real.map((r) => `${r[1]} ${shortPath(r[2])} ${r[3]}`).join('; ')}${unjudged > 0 ? ` (${unjudged} not judged)` : ''} |`,
    );
  }
  return L;
}

/**
 * Replaces (or adds, before "## Analysis" or at the end) the section in BENCHMARKS.md.
 * @param {string} file
 * @param {string} section
 */
export async function updateBenchmarks(file, section) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(withSection(text, section), {
    ...options,
    filepath: file,
  });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatted);
  renameSync(tmp, file);
}

/**
 * @param {string} text
 * @param {string} section
 */
export function withSection(text, section) {
  const at = text.indexOf(`${HEADING}\n`);
  if (at !== -1) {
    const next = text.indexOf('\n## ', at + HEADING.length);
    return text.slice(0, at) + section.trimEnd() + '\n' + (next === -1 ? '' : text.slice(next));
  }
  const analysis = text.indexOf('\n## Analysis');
  if (analysis === -1) return `${text.trimEnd()}\n\n${section}`;
  return `${text.slice(0, analysis + 1)}${section.trimEnd()}\n\n${text.slice(analysis + 1)}`;
}

/** The section from bench/results/real-world.json, for `pnpm bench` to keep it (or ''). */
export function realWorldSection(/** @type {string} */ resultsFile) {
  if (!existsSync(resultsFile)) return '';
  const run = JSON.parse(readFileSync(resultsFile, 'utf8'));
  return renderRealWorld(run.projects, run);
}
