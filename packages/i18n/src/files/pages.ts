import { readdirSync } from 'node:fs';
import path from 'node:path';
import type * as Yaml from 'yaml';
import { lazyModule } from '../model/lazy.js';
import { LocaleLayout } from '../model/layout.js';
import { relativePath } from '../model/paths.js';
import type { Entry, LocaleFile, ProjectConfig, SyntaxProblem } from '../model/types.js';
import { cannotRead, readChecked } from './read.js';

/** The YAML parser, loaded only for a project with pages (front matter). */
const yaml = lazyModule<typeof Yaml>('yaml');

/**
 * Prose pages: Markdown with YAML front matter (`pages/{lng}/{id}.md`), one file per page and
 * language. The checks see each page as a locale file of namespace `pages/<id>` whose entries
 * are the front matter's text fields (`title`, `description`, …) and the body (`body`), with
 * their positions in the file, so that every rule that applies to text (missing, stale,
 * placeholders, markup, untranslated, …) applies to pages with file, line and column.
 *
 * Front matter is read with `yaml` (eemeli/yaml: YAML 1.2, source ranges, no dependencies, Node
 * ≥ 14.6); only `---` fenced YAML at the very start of the file is front matter.
 */

/** The key of a page's Markdown body among its entries. */
export const BODY_KEY = 'body';

export interface PageFileRef {
  readonly locale: string;
  readonly id: string;
  /** Absolute path. */
  readonly file: string;
}

/** The pages on disk: every `{lng}` × `{id}` the `pages` pattern matches (none without one). */
export function listPageFiles(config: ProjectConfig): PageFileRef[] {
  const layout = LocaleLayout.of(config);
  const out: PageFileRef[] = [];
  for (const locale of config.locales) {
    const folder = layout.pageFolder(locale);
    if (folder === undefined) return [];
    let names: string[];
    try {
      names = readdirSync(folder.dir);
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (!name.startsWith(folder.prefix) || !name.endsWith(folder.suffix)) continue;
      const id = name.slice(folder.prefix.length, name.length - folder.suffix.length);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) continue;
      out.push({ locale, id, file: path.join(folder.dir, name) });
    }
  }
  return out;
}

/** Reads and parses one page; never throws (a file it cannot read has a `read` problem). */
export function readPageFile(root: string, ref: PageFileRef): LocaleFile {
  let got: { bytes: Uint8Array; problems: SyntaxProblem[] };
  try {
    got = readChecked(ref.file, root);
  } catch (e) {
    got = { bytes: new Uint8Array(0), problems: [cannotRead(e)] };
  }
  const { bytes, problems } = got;
  return parsePageFile(root, ref.locale, ref.id, ref.file, bytes, problems);
}

/** The parts of a page: its front matter's text fields and its body, as entries with positions. */
export function parsePageFile(
  root: string,
  locale: string,
  id: string,
  file: string,
  bytes: Uint8Array,
  initialProblems: readonly SyntaxProblem[] = [],
): LocaleFile {
  const problems = [...initialProblems];
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8').decode(bom ? bytes.subarray(3) : bytes);
  const unread = problems.length > 0;
  const entries = new Map<string, Entry>();
  if (!unread) readParts(text, entries, problems);
  const starts = lineStarts(text);
  return {
    locale,
    namespace: LocaleLayout.pageNamespace(id),
    path: file,
    relPath: relativePath(root, file),
    bytes,
    text,
    bom,
    usable: !unread && !problems.some((p) => p.kind === 'parse'),
    problems,
    rootOffset: 0,
    entries,
    position: (offset) => {
      let line = 0;
      while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
      return { line: line + 1, column: offset - (starts[line] as number) + 1 };
    },
    valueOffset: (entry, index) => entry.valueOffset + Math.min(index, entry.valueLength),
  };
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** Front matter (`---` … `---`) and body into `entries`; YAML errors into `problems`. */
function readParts(text: string, entries: Map<string, Entry>, problems: SyntaxProblem[]): void {
  let bodyStart = 0;
  const open = FENCE.exec(text);
  if (open !== null) {
    const rest = text.slice(open[0].length);
    const close = CLOSE.exec(rest);
    if (close === null) {
      problems.push({
        kind: 'parse',
        offset: 0,
        message: 'the front matter is not closed',
        hint: 'End the front matter with a line of three dashes (---) before the text.',
        key: '',
      });
      return;
    }
    const yamlStart = open[0].length;
    frontMatter(rest.slice(0, close.index), yamlStart, entries, problems);
    bodyStart = yamlStart + close.index + close[0].length;
    if (text[bodyStart] === '\r') bodyStart++;
    if (text[bodyStart] === '\n') bodyStart++;
  }
  const body = text.slice(bodyStart);
  const lead = body.length - body.trimStart().length;
  const value = body.trim();
  entries.set(BODY_KEY, {
    key: BODY_KEY,
    path: [BODY_KEY],
    type: 'string',
    value,
    keyOffset: bodyStart + lead,
    valueOffset: bodyStart + lead,
    valueLength: value.length,
  });
}

/** The front matter's top-level text fields (numbers, lists and dates are data, not text). */
function frontMatter(
  source: string,
  offset: number,
  entries: Map<string, Entry>,
  problems: SyntaxProblem[],
): void {
  const { isMap, isScalar, parseDocument } = yaml();
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    problems.push({
      kind: 'parse',
      offset: offset + (error.pos[0] ?? 0),
      message: `the front matter is not valid YAML: ${error.message.split('\n')[0] ?? ''}`,
      hint: 'Write the front matter as YAML: one `name: value` per line; quote values that contain a colon.',
      key: '',
    });
  }
  if (doc.errors.length > 0 || doc.contents === null) return;
  if (!isMap(doc.contents)) {
    problems.push({
      kind: 'root',
      offset,
      message: 'the front matter is not a set of `name: value` fields',
      hint: 'Write the front matter as YAML fields, e.g. `title: About this edition`.',
      key: '',
    });
    return;
  }
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string')
      continue;
    const key = String(pair.key.value);
    if (key === BODY_KEY) continue;
    const [start = 0, end = 0] = pair.value.range ?? [];
    const quoted = pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE';
    entries.set(key, {
      key,
      path: [key],
      type: 'string',
      value: pair.value.value,
      keyOffset: offset + (pair.key.range?.[0] ?? start),
      valueOffset: offset + start + (quoted ? 1 : 0),
      valueLength: end - start - (quoted ? 2 : 0),
    });
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** A page's front matter as data and its body, for rendering (undefined when unusable). */
export function pageContent(
  file: LocaleFile,
): { readonly data: Readonly<Record<string, string>>; readonly body: string } | undefined {
  if (!file.usable) return undefined;
  const data: Record<string, string> = {};
  for (const [key, entry] of file.entries) {
    if (key !== BODY_KEY && typeof entry.value === 'string') data[key] = entry.value;
  }
  const body = file.entries.get(BODY_KEY)?.value;
  return { data, body: typeof body === 'string' ? body : '' };
}
