/**
 * The "Real-world projects" section of BENCHMARKS.md, from bench/results/real-world.json.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const HEADING = '## Real-world projects';

/** @param {number | undefined} ms */
const sec = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
/** @param {number | undefined} mb */
const mb = (mb) => (mb === undefined ? '–' : `${mb.toFixed(0)} MB`);
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
        'counted runs; the figures are medians (wall time, CPU user+sys, peak RSS from GNU time). ' +
        `Node ${run.node}, ${run.date.slice(0, 10)}. bilateral runs \`check --format json --no-cache\` ` +
        "with the project's settings as flags; i18n-check runs `-f i18next -r summary`.",
    );
    L.push('');
    for (const p of projects.filter((x) => x.skipped !== undefined))
      L.push(`- ${p.name}: not measured (${p.skipped}).`);
  }
  L.push(
    '| project | layout | languages × source keys | strings | bilateral wall / CPU / RSS | i18n-check wall / CPU / RSS |',
  );
  L.push('|---|---|---|---|---|---|');
  for (const p of measured) {
    const b = p.bilateral;
    const c = p.i18nCheck;
    L.push(
      `| ${p.name} (${p.commit.slice(0, 8)}) | \`${p.files}\` | ${p.languages} × ${num(p.sourceKeys)} | ${num(p.strings)} | ${sec(b.wallMs)} / ${sec(b.cpuMs)} / ${mb(b.rssMb)} | ${sec(c.wallMs)} / ${sec(c.cpuMs)} / ${mb(c.rssMb)} |`,
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
  }
  L.push('');
  return `${L.join('\n')}\n`;
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
