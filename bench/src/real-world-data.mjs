/**
 * What the real-world suite reads from a corpus and from the tools' output: the size of a
 * project (through Bilateral's own loader, so that languages and keys are counted as `check`
 * counts them), findings per rule, i18n-check's summary, and a seeded sample of findings with
 * the source and target text side by side, for a person to judge.
 */
import { loadConfig, loadProject } from '@bilateral/i18n';
import { createRng } from './rng.mjs';

/**
 * Languages, files, source keys and strings of a corpus.
 * @param {string} dir
 * @param {{ files: string, source: string }} project
 */
export async function inventory(dir, project) {
  const config = await loadConfig({
    cwd: dir,
    overrides: { files: project.files, sourceLocale: project.source, i18nextConfig: 'none' },
  });
  const p = await loadProject(config);
  let sourceKeys = 0;
  let strings = 0;
  for (const f of p.files) {
    const n = [...f.entries.values()].filter((e) => e.type === 'string').length;
    strings += n;
    if (f.locale === p.sourceLocale) sourceKeys += n;
  }
  return {
    languages: p.locales.length,
    localeFiles: p.files.length,
    namespaces: p.namespaces.length,
    sourceKeys,
    strings,
  };
}

/**
 * Findings per rule and severity: `{ missing: { error: 40961 }, … }`.
 * @param {readonly any[]} findings
 */
export function rulesOf(findings) {
  /** @type {Record<string, Record<string, number>>} */
  const out = {};
  for (const f of findings) {
    const r = (out[f.rule] ??= {});
    r[f.severity] = (r[f.severity] ?? 0) + 1;
  }
  return out;
}

/**
 * i18n-check's summary reporter: the "total" column of each table.
 * @param {string} text
 */
export function parseI18nCheck(text) {
  /** @type {Record<string, number>} */
  const counts = {};
  let current;
  for (const line of text.split('\n')) {
    const heading = /Found (\w+) keys!/.exec(line);
    if (heading !== null) {
      current = `${heading[1]}Keys`;
      counts[current] ??= 0;
      continue;
    }
    const row = /│\s*\S.*?\s*│\s*(\d+)\s*│/.exec(line);
    if (current !== undefined && row !== null)
      counts[current] = (counts[current] ?? 0) + Number(row[1]);
  }
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/**
 * N error findings drawn at random (seeded: the same seed, the same sample) with the source
 * and target text of their key side by side, for a person to judge by reading the files.
 * @param {readonly any[]} findings
 * @param {string} dir
 * @param {{ name: string, files: string, source: string }} project
 * @param {number} n
 * @param {number} seed
 */
export async function sampleFindings(findings, dir, project, n, seed) {
  const errors = findings.filter((f) => f.severity === 'error');
  const picked = createRng(seed).sample(errors, n);
  const config = await loadConfig({
    cwd: dir,
    overrides: { files: project.files, sourceLocale: project.source, i18nextConfig: 'none' },
  });
  const p = await loadProject(config);
  const byPath = new Map(p.files.map((f) => [f.relPath, f]));
  const text = (/** @type {any} */ file, /** @type {string} */ key) => {
    if (file === undefined) return '(no file)';
    const e =
      file.entries.get(key) ?? file.entries.get(key.replace(/_(zero|one|two|few|many)$/, '_other'));
    return e === undefined ? '(absent)' : JSON.stringify(e.value);
  };
  const L = [
    `\n${project.name}: ${picked.length} of ${errors.length} error findings, seed ${seed} (judge each by reading the files: true or false positive)\n`,
  ];
  picked.forEach((f, i) => {
    const target = byPath.get(f.file);
    const source = target === undefined ? undefined : p.file(p.sourceLocale, target.namespace);
    L.push(
      `${String(i + 1).padStart(2)}. ${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.key ?? ''}`,
    );
    L.push(`    ${f.message}`);
    if (f.key !== undefined) {
      L.push(`    source ${p.sourceLocale}: ${text(source, f.key)}`);
      L.push(`    target ${f.locale}: ${text(target, f.key)}`);
    }
  });
  return `${L.join('\n')}\n`;
}
