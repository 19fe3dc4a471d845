/* global process */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * When each document was last changed in each language: the newer of the last commits of the
 * language's document file (`locales/uk/<document>.json`) and of the core's document module
 * (`packages/core/src/documents/<document>.ts`), from one `git log` per build. Where git or the
 * history is unavailable (an export, a copy outside the repository, a file never committed), the
 * date falls back to the newest event the core records for the document: deterministic, and an
 * honest "as of" for the facts.
 */

/**
 * @typedef {object} Updated
 * @property {string} iso a W3C/ISO 8601 date-time with offset (git), or a plain date (fallback)
 * @property {string} date the calendar day, YYYY-MM-DD
 * @property {'git' | 'core'} from
 */

/** The project config the plugin uses: BILATERAL_CONFIG, else bilateral.config.json upwards. */
function projectConfig() {
  let file = process.env['BILATERAL_CONFIG'];
  if (file === undefined || file === '') {
    for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'bilateral.config.json');
      if (existsSync(candidate)) {
        file = candidate;
        break;
      }
      if (path.dirname(dir) === dir) return undefined;
    }
  }
  try {
    /** @type {{ files?: unknown, core?: unknown }} */
    const config = JSON.parse(readFileSync(file, 'utf8'));
    return { root: path.dirname(path.resolve(file)), config };
  } catch {
    return undefined;
  }
}

/** The folder of the core's package (for its document sources), when it can be found. */
function coreRoot(/** @type {string} */ root, /** @type {unknown} */ core) {
  if (typeof core !== 'string') return undefined;
  try {
    if (core.startsWith('.') || path.isAbsolute(core)) return undefined;
    const require = createRequire(path.join(root, 'x.js'));
    return path.dirname(require.resolve(`${core}/package.json`));
  } catch {
    return undefined;
  }
}

/** @param {string} cwd @param {string[]} args */
function git(cwd, args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * Last commit date of every file below the given folders, by absolute path (newest first wins).
 * @param {string} cwd @param {string[]} folders
 * @returns {Map<string, string>}
 */
function lastCommits(cwd, folders) {
  const dates = new Map();
  const top = git(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  if (top === undefined || top === '') return dates;
  const log = git(top, [
    'log',
    '--format=%x1e%cI',
    '--name-only',
    '--no-renames',
    '--',
    ...folders.map((f) => path.relative(top, f) || '.'),
  ]);
  if (log === undefined) return dates;
  for (const record of log.split('\x1e')) {
    const [date, ...files] = record.trim().split('\n');
    if (date === undefined || date === '') continue;
    for (const f of files) {
      const abs = path.join(top, f.trim());
      if (f.trim() !== '' && !dates.has(abs)) dates.set(abs, date.trim());
    }
  }
  return dates;
}

/**
 * A per-build lookup: `updated(documentId, lang, events)` → the date. Git is asked once, on first use.
 * @returns {(documentId: string, lang: string, eventDates: readonly string[]) => Updated}
 */
export function updatedDates() {
  /** @type {{ files: (documentId: string, lang: string) => string[], dates: Map<string, string> } | undefined} */
  let known;
  const load = () => {
    const project = projectConfig();
    if (project === undefined) return { files: () => [], dates: new Map() };
    const { root, config } = project;
    const pattern = typeof config.files === 'string' ? config.files : undefined;
    const core = coreRoot(root, config.core);
    const coreDocs = core === undefined ? undefined : path.join(core, 'src', 'documents');
    /** @param {string} documentId @param {string} lang */
    const files = (documentId, lang) => [
      ...(pattern === undefined
        ? []
        : [path.resolve(root, pattern.replaceAll('{lng}', lang).replaceAll('{ns}', documentId))]),
      ...(coreDocs === undefined ? [] : [path.join(coreDocs, `${documentId}.ts`)]),
    ];
    const folders = new Set();
    if (pattern !== undefined) {
      const first = pattern.split('{')[0] ?? '';
      folders.add(path.resolve(root, first === '' ? '.' : first));
    }
    if (coreDocs !== undefined && existsSync(coreDocs)) folders.add(coreDocs);
    return { files, dates: lastCommits(root, [...folders]) };
  };
  return (documentId, lang, eventDates) => {
    known ??= load();
    const commits = known
      .files(documentId, lang)
      .map((f) => known?.dates.get(f))
      .filter((d) => d !== undefined);
    if (commits.length > 0) {
      // ISO dates with offsets compare correctly only as instants.
      const newest = commits.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
      return { iso: newest, date: newest.slice(0, 10), from: 'git' };
    }
    const newest = [...eventDates]
      .filter((d) => /^\d{4}(-\d{2}){0,2}$/.test(d))
      .sort()
      .at(-1);
    const day = newest === undefined ? '1970-01-01' : completeDate(newest);
    return { iso: day, date: day, from: 'core' };
  };
}

/** `2025` → `2025-01-01`, `2025-03` → `2025-03-01`: the first day a partial date covers. */
function completeDate(/** @type {string} */ iso) {
  return iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
}
