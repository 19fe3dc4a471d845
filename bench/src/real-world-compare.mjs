#!/usr/bin/env node
/**
 * Does `bilateral check` find every missing key, placeholder mismatch and tag mismatch that
 * @lingual/i18n-check finds? (`node bench/src/real-world-compare.mjs`, or `--compare` in
 * bench/src/real-world.mjs, which reuses the findings of its timed runs.)
 *
 * i18n-check is called through its library API (`checkTranslations`), with the file list built
 * as its CLI 0.9.5 builds it for `-l <locales root> -s <source> -f i18next` (bin/index.js): so the
 * keys are whole (its table truncates long ones) and each result names its file. Its invalidKeys
 * are split by parsing source and target with its own i18next parser: a "tag" mismatch when the
 * multisets of tags differ, a "placeholder" mismatch when those of `{{x}}`, `$t()` and `(n)`
 * elements differ (a key can be both).
 *
 * Matching is by file and key. A missing key (i18n-check strips the plural suffix and counts an
 * empty string as missing) is found when bilateral reports `missing` or `empty` on that key or on
 * any plural form of it. A placeholder (tag) mismatch is found when bilateral reports
 * `placeholders` (`markup`) on the key; a finding of another rule on the same key (e.g. `empty`
 * for an empty text) is counted separately as "another rule". The rest are misses, listed with
 * the source and target text.
 *
 *   --only outline,heroic    some projects
 *   --corpora DIR            where the corpora are (as for real-world.mjs)
 *   --misses N               misses listed per class (default 30; all: 0)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH, BILATERAL_CLI, WORK } from './paths.mjs';
import { I18N_CHECK_BIN } from './tools.mjs';

// The real path: its dependencies (glob) sit next to it in pnpm's store, not under bench/.
const icRequire = createRequire(realpathSync(I18N_CHECK_BIN));
/**
 * Rules whose finding on the same key is the same root cause seen another way (an empty or
 * fallback text, a missing form, a broken tag for a placeholder or the reverse). A `punctuation`
 * or `whitespace` note on the key is not: such a key counts as not reported.
 */
const COVERS = new Set([
  'missing',
  'empty',
  'untranslated',
  'plurals',
  'markup',
  'placeholders',
  'syntax',
]);
const SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other', '_interval'];

/** The locales root i18n-check is given: the part of the pattern before the first `{`. */
export const localesRootOf = (/** @type {string} */ files) =>
  files.slice(0, files.indexOf('{')).replace(/\/$/, '');

/**
 * i18n-check's findings, whole: `{ missing: [{file, key}], invalid: [{file, key, kinds, msg,
 * source, target}] }`.
 * @param {string} dir
 * @param {{ files: string, source: string }} project
 */
export async function i18nCheckFindings(dir, project) {
  const { checkTranslations } = icRequire('../index.js');
  const { parse } = icRequire('../utils/i18NextParser.js');
  const { flattenTranslations } = icRequire('../utils/flattenTranslations.js');
  const { glob } = icRequire('glob');
  const root = localesRootOf(project.files);
  /** @type {string[]} */
  const files = (
    await glob(`${root}/**/*.{json,yaml,yml}`, { cwd: dir, ignore: ['node_modules/**'] })
  ).sort();
  const infos = files.map((file) => {
    const parts = file.split(path.sep);
    const name = parts.pop() ?? '';
    return { file, name, path: parts };
  });
  const src = project.source.toLowerCase();
  const isSource = (/** @type {{name: string, path: string[]}} */ f) =>
    f.path.some((p) => p.toLowerCase() === src) || f.name.toLowerCase().slice(0, -5) === src;
  /** @type {any[]} */ const srcFiles = [];
  /** @type {any[]} */ const targetFiles = [];
  /** @type {Map<string, any>} */ const content = new Map();
  for (const info of infos) {
    if (!info.file.endsWith('.json')) throw new Error(`${info.file}: only JSON is read here`);
    const flat = flattenTranslations(JSON.parse(readFileSync(path.join(dir, info.file), 'utf8')));
    content.set(info.file, flat);
    if (isSource(info)) {
      srcFiles.push({ reference: null, name: info.file, content: flat });
      continue;
    }
    const full = info.path.join('-');
    const ref = infos.find(
      (/** @type {{ file: string, name: string, path: string[] }} */ r) =>
        isSource(r) &&
        (r.path.join('-') === full ||
          (r.path.slice(0, -1).join('-') === info.path.slice(0, -1).join('-') &&
            r.name === info.name)),
    );
    if (ref !== undefined)
      targetFiles.push({ reference: ref.file, name: info.file, content: flat });
  }
  const refOf = new Map(targetFiles.map((t) => [t.name, t.reference]));
  const result = checkTranslations(srcFiles, targetFiles, { format: 'i18next' });
  const missing = Object.entries(result.missingKeys ?? {}).flatMap(([file, keys]) =>
    /** @type {string[]} */ (keys).map((key) => ({ file, key })),
  );
  const elements = (/** @type {unknown} */ text) => {
    const tags = [];
    const other = [];
    for (const e of parse(String(text))) {
      if (e.type === 'text') continue;
      if (e.type === 'tag') tags.push(`${e.raw}${e.voidElement ? '/' : ''}`);
      else
        other.push(
          `${e.type}:${e.variable
            .split(',')
            .map((/** @type {string} */ v) => v.trim())
            .sort()
            .join('-')}`,
        );
    }
    return { tags: tags.sort().join('\u0000'), other: other.sort().join('\u0000') };
  };
  const invalid = Object.entries(result.invalidKeys ?? {}).flatMap(([file, entries]) =>
    /** @type {{key: string, msg: string}[]} */ (entries).map(({ key, msg }) => {
      const source = content.get(refOf.get(file))?.[key];
      const target = content.get(file)?.[key];
      const a = elements(source);
      const b = elements(target);
      const kinds = [];
      if (a.tags !== b.tags) kinds.push('tag');
      if (a.other !== b.other) kinds.push('placeholder');
      return { file, key, kinds, msg, source, target };
    }),
  );
  return { missing, invalid, files: srcFiles.length + targetFiles.length };
}

/**
 * The key without a plural suffix: i18n-check strips the v4 suffixes (the first occurrence, as it
 * does) but keeps v3's `_plural` and `_0`…`_5`, which bilateral (with `--compatibility-json v3`)
 * reports as one family; so both sides are reduced to the family's name.
 */
const baseKey = (/** @type {string} */ key) => {
  const s = SUFFIXES.find((x) => key.endsWith(x));
  const k = s === undefined ? key : key.replace(s, '');
  return k.replace(/_(?:plural|[0-5])$/, '');
};

/**
 * Matches i18n-check's findings with bilateral's.
 * @param {{ missing: any[], invalid: any[] }} ic
 * @param {readonly any[]} findings bilateral's JSON findings
 */
export function compareFindings(ic, findings) {
  /** @type {Map<string, Set<string>>} file + key → rules */
  const byKey = new Map();
  /** @type {Map<string, Set<string>>} file + base key → rules */
  const byBase = new Map();
  const add = (
    /** @type {Map<string, Set<string>>} */ m,
    /** @type {string} */ k,
    /** @type {string} */ r,
  ) => {
    if (!m.has(k)) m.set(k, new Set());
    m.get(k)?.add(r);
  };
  for (const f of findings) {
    if (f.key === undefined) continue;
    add(byKey, `${f.file}\u0000${f.key}`, f.rule);
    add(byBase, `${f.file}\u0000${baseKey(f.key)}`, f.rule);
  }
  const missing = {
    total: ic.missing.length,
    found: 0,
    other: 0,
    otherRules: /** @type {Record<string, number>} */ ({}),
    /** @type {any[]} */ others: [],
    /** @type {any[]} */ misses: [],
  };
  for (const m of ic.missing) {
    const base = baseKey(m.key);
    const rules = byBase.get(`${m.file}\u0000${base}`) ?? new Set();
    // A missing plural form of a family that is there is the plurals rule's finding.
    if (rules.has('missing') || rules.has('empty') || (base !== m.key && rules.has('plurals')))
      missing.found++;
    else if ([...rules].some((r) => COVERS.has(r))) {
      missing.other++;
      for (const r of rules) missing.otherRules[r] = (missing.otherRules[r] ?? 0) + 1;
      missing.others.push({ ...m, rules: [...rules] });
    } else missing.misses.push({ ...m, rules: [...rules] });
  }
  const cls = (/** @type {string} */ kind, /** @type {string} */ rule) => {
    const out = {
      total: 0,
      found: 0,
      other: 0,
      otherRules: /** @type {Record<string, number>} */ ({}),
      misses: /** @type {any[]} */ ([]),
    };
    for (const v of ic.invalid.filter((x) => x.kinds.includes(kind))) {
      out.total++;
      const rules = byKey.get(`${v.file}\u0000${v.key}`) ?? new Set();
      if (rules.has(rule)) out.found++;
      else if ([...rules].some((r) => COVERS.has(r))) {
        out.other++;
        for (const r of rules) out.otherRules[r] = (out.otherRules[r] ?? 0) + 1;
      } else out.misses.push({ ...v, rules: [...rules] });
    }
    return out;
  };
  const unclassified = ic.invalid.filter((x) => x.kinds.length === 0);
  return {
    missing,
    placeholders: cls('placeholder', 'placeholders'),
    tags: cls('tag', 'markup'),
    unclassified: unclassified.length,
  };
}

/**
 * The comparison as text, for the terminal.
 * @param {string} name
 * @param {ReturnType<typeof compareFindings>} c
 * @param {number} limit misses listed per class (0: all)
 */
export function renderComparison(name, c, limit = 30) {
  const L = [`\n${name}: bilateral vs i18n-check (by file and key)`];
  const q = (/** @type {unknown} */ s) => (s === undefined ? '(absent)' : JSON.stringify(s));
  const m = c.missing;
  const mOthers = Object.entries(m.otherRules)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  L.push(
    `  missing keys: i18n-check ${m.total}, bilateral missing/empty/plurals ${m.found}, another rule ${m.other}${mOthers ? ` (${mOthers})` : ''}, not reported ${m.misses.length}`,
  );
  for (const x of limit === 0 ? m.misses : m.misses.slice(0, limit))
    L.push(
      `    ${x.file}  ${x.key}${x.rules.length ? `  (bilateral only: ${x.rules.join(', ')})` : ''}`,
    );
  for (const [label, k] of /** @type {const} */ ([
    ['placeholder mismatches', 'placeholders'],
    ['tag mismatches', 'tags'],
  ])) {
    const x = c[k];
    const others = Object.entries(x.otherRules)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    L.push(
      `  ${label}: i18n-check ${x.total}, bilateral ${k === 'tags' ? 'markup' : 'placeholders'} ${x.found}, another rule ${x.other}${others ? ` (${others})` : ''}, not reported ${x.misses.length}`,
    );
    for (const v of limit === 0 ? x.misses : x.misses.slice(0, limit))
      L.push(
        `    ${v.file}  ${v.key}${v.rules.length ? `  (bilateral only: ${v.rules.join(', ')})` : ''}\n      source ${q(v.source)}\n      target ${q(v.target)}`,
      );
  }
  if (c.unclassified > 0) L.push(`  invalidKeys not classified: ${c.unclassified}`);
  return `${L.join('\n')}\n`;
}

/** The comparison for results JSON: counts, and the misses (whole, for the record). */
export function comparisonSummary(/** @type {ReturnType<typeof compareFindings>} */ c) {
  const keyOf = (/** @type {any} */ v) => ({ file: v.file, key: v.key });
  return {
    missing: {
      total: c.missing.total,
      found: c.missing.found,
      other: c.missing.other,
      otherRules: c.missing.otherRules,
      misses: c.missing.misses.map((x) => ({ ...keyOf(x), rules: x.rules })),
    },
    placeholders: {
      total: c.placeholders.total,
      found: c.placeholders.found,
      other: c.placeholders.other,
      otherRules: c.placeholders.otherRules,
      misses: c.placeholders.misses.map((x) => ({ ...keyOf(x), rules: x.rules })),
    },
    tags: {
      total: c.tags.total,
      found: c.tags.found,
      other: c.tags.other,
      otherRules: c.tags.otherRules,
      misses: c.tags.misses.map((x) => ({ ...keyOf(x), rules: x.rules })),
    },
  };
}

async function main(argv = process.argv.slice(2)) {
  const { values: opts } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      misses: { type: 'string', default: '30' },
      corpora: {
        type: 'string',
        default: process.env.BILATERAL_CORPORA ?? path.join(WORK, 'real-world'),
      },
    },
  });
  const manifest = JSON.parse(
    readFileSync(path.join(BENCH, 'real-world', 'manifest.json'), 'utf8'),
  );
  for (const project of manifest.projects) {
    if (opts.only !== undefined && !opts.only.split(',').includes(project.name)) continue;
    const dir = path.join(opts.corpora, project.name);
    const run = spawnSync(
      process.execPath,
      [
        BILATERAL_CLI,
        'check',
        '--locales',
        project.files,
        '--source',
        project.source,
        ...project.settings,
        '--format',
        'json',
        '--no-cache',
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (run.status !== 0 && run.status !== 1) {
      process.stderr.write(`${project.name}: bilateral exited ${run.status}: ${run.stderr}\n`);
      continue;
    }
    const c = compareFindings(await i18nCheckFindings(dir, project), JSON.parse(run.stdout));
    process.stdout.write(renderComparison(project.name, c, Number(opts.misses)));
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
