import type { Node } from 'jsonc-parser';
import { LIMITS } from '../model/limits.js';
import { relativePath } from '../model/paths.js';
import type { Entry, LocaleFile, SyntaxProblem } from '../model/types.js';
import { collectEntries } from './entries.js';
import { NOT_JSON, walkJson } from './walk-json.js';
import { describeParseError, jsonc } from './parse-messages.js';

/**
 * Parsing a locale file's bytes into entries with positions (jsonc-parser: error-tolerant, with
 * offsets and duplicate keys), and the problems a translator must fix, each with a hint.
 */

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
export const tooLarge = (size: number): SyntaxProblem => ({
  kind: 'size',
  offset: 0,
  message: `the file is ${megabytes(size)}; locale files over ${megabytes(LIMITS.fileBytes)} are not read (a real one is far smaller)`,
  hint: 'Check that this is the right file (not a log, a dump or generated data); split a very large namespace into several files.',
  key: '',
});

/**
 * Where a JSON text nests objects and arrays deeper than {@link LIMITS.depth}, or -1. Linear and
 * not recursive: parsers and tree walks are recursive and would overflow the stack on a file
 * nested ten thousand levels deep, so such a file is reported and never parsed.
 */
export function tooDeep(text: string): number {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Jump over the string: to the next quote not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end === -1) return -1; // unterminated: the parser reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c /* \ */) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > LIMITS.depth) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    i++;
  }
  return -1;
}

const BAD = '\uFFFD';

/** Parses locale file bytes (exported for tests and for `sync`). */
export function parseLocaleFile(
  root: string,
  locale: string,
  namespace: string,
  file: string,
  bytes: Uint8Array,
  initialProblems: SyntaxProblem[] = [],
): LocaleFile {
  const problems = [...initialProblems];
  if (bytes.length > LIMITS.fileBytes && !problems.some((p) => p.kind === 'size'))
    problems.push(tooLarge(bytes.length));
  // A file that could not be read (or was too large to) has nothing more to report.
  const unread = problems.some((p) => p.kind === 'read' || p.kind === 'size');
  const { text, bom } = decode(bytes, unread, problems);
  const read = unread
    ? { entries: new Map<string, Entry>(), usable: false, rootOffset: 0 }
    : readEntries(text, problems);
  return {
    locale,
    namespace,
    path: file,
    relPath: relativePath(root, file),
    bytes,
    text,
    bom,
    usable: read.usable,
    problems,
    rootOffset: read.rootOffset,
    entries: read.entries,
    position: positionsOf(text),
    valueOffset: valueOffsetsOf(text),
  };
}

/** The text of the bytes (UTF-8, without a BOM), reporting a BOM and bytes that are not UTF-8. */
function decode(
  bytes: Uint8Array,
  unread: boolean,
  problems: SyntaxProblem[],
): { text: string; bom: boolean } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = unread ? new Uint8Array(0) : bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8').decode(body);
    problems.push({
      kind: 'encoding',
      offset: Math.max(0, text.indexOf(BAD)),
      message: 'the file is not valid UTF-8 (shown as \uFFFD here)',
      hint: 'Save the file as UTF-8 in your editor (VS Code: "Save with Encoding" → UTF-8) and retype the damaged characters.',
      key: '',
    });
  }
  if (bom && !unread) {
    problems.push({
      kind: 'bom',
      offset: 0,
      message: 'the file starts with a byte-order mark (BOM)',
      hint: 'Save the file as "UTF-8" without BOM; JSON.parse and many i18next backends reject it.',
      key: '',
    });
  }
  return { text, bom };
}

/**
 * 1-based line and column of an offset. Line starts are found on the first position asked for:
 * most files have no finding at all, and positions are only computed for findings.
 */
function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/**
 * Offset in the text of the character at `index` of a string entry's decoded value. A value
 * without escapes has one raw character per decoded one. With escapes, the raw literal is walked
 * up to the character asked for (most texts are asked once or twice, if at all: for a finding, or
 * a nesting); a text asked more often gets the offsets of all its characters, built once, so
 * that a finding's position is found in constant time however long the text and many the
 * findings.
 */
function valueOffsetsOf(text: string): (entry: Entry, index: number) => number {
  const escapedOffsets = new WeakMap<Entry, Uint32Array | number>();
  return (entry, index) => {
    const start = entry.valueOffset + 1;
    const end = entry.valueOffset + entry.valueLength - 1;
    const clamp = (raw: number) => Math.min(raw, Math.max(entry.valueOffset, end));
    const value = entry.value;
    const at = Math.max(0, index);
    if (typeof value === 'string' && value.length === entry.valueLength - 2) {
      return clamp(start + at); // no escapes: one raw character per decoded one
    }
    const step = (raw: number) => raw + (text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1);
    let map = escapedOffsets.get(entry);
    if (map === undefined || typeof map === 'number') {
      const asked = (map ?? 0) + 1;
      if (asked <= 4) {
        escapedOffsets.set(entry, asked);
        let raw = start;
        for (let i = 0; i < at && raw < end; i++) raw = step(raw);
        return clamp(raw);
      }
      // Walk the raw string literal, decoding escapes: map[i] is where decoded character i starts.
      const offsets: number[] = [];
      let raw = start;
      while (raw < end) {
        offsets.push(raw);
        raw = step(raw);
      }
      offsets.push(raw);
      map = Uint32Array.from(offsets);
      escapedOffsets.set(entry, map);
    }
    return clamp(map[Math.min(at, map.length - 1)] ?? start);
  };
}

/** The entries of a decoded text, and whether the checks can use the file. */
function readEntries(
  text: string,
  problems: SyntaxProblem[],
): { entries: Map<string, Entry>; usable: boolean; rootOffset: number } {
  const unusable = (problem: SyntaxProblem) => {
    problems.push(problem);
    return { entries: new Map<string, Entry>(), usable: false, rootOffset: 0 };
  };
  const tooDeepAt = (offset: number) =>
    unusable({
      kind: 'depth',
      offset,
      message: `objects are nested more than ${LIMITS.depth} levels deep here; the file is not read any further`,
      hint: 'Locale files nest a few levels (section → paragraph); look for a run of { or [ pasted by mistake.',
      key: '',
    });
  if (text.trim() === '')
    return unusable({
      kind: 'parse',
      offset: 0,
      message: 'the file is empty',
      hint: 'A locale file holds one JSON object: write {} at least.',
      key: '',
    });
  const found: SyntaxProblem[] = [];
  let collector = collectEntries(found);
  // One pass that reads and validates (nearly every file is valid JSON), which also finds
  // nesting too deep without recursing.
  const walked = walkJson(text, collector.events, LIMITS.depth);
  if (walked >= 0) return tooDeepAt(walked);
  if (walked === NOT_JSON) {
    // jsonc-parser is recursive: a file nested too deep is reported, never given to it.
    const deep = tooDeep(text);
    if (deep !== -1) return tooDeepAt(deep);
    // jsonc-parser names the first error a translator must fix; JSON.parse is stricter in a few
    // corners jsonc-parser lets pass.
    let error: { code: number; offset: number } | undefined;
    jsonc().visit(
      text,
      { onError: (code, offset) => void (error ??= { code, offset }) },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
    if (error !== undefined) return unusable(syntaxError(text, error.code, error.offset));
    const strict = strictJsonProblem(text);
    if (strict !== undefined) return unusable(strict);
    // The walk and JSON.parse disagree (a property test holds that they never do): the text is
    // read as JSON.parse reads it, by jsonc-parser's visitor.
    found.length = 0;
    collector = collectEntries(found);
    jsonc().visit(text, collector.visitor, { disallowComments: true });
  }
  const root = collector.root();
  if (root.type !== 'object')
    return unusable({
      kind: 'root',
      offset: root.offset,
      message: `the file holds ${article(root.type ?? 'null')}, not an object of keys`,
      hint: 'A locale file is one JSON object: { "key": "text", … }.',
      key: '',
    });
  problems.push(...found);
  return { entries: collector.finish(), usable: true, rootOffset: root.offset };
}

/** The first syntax error, where a translator should look, with a hint. */
function syntaxError(text: string, code: number, at: number): SyntaxProblem {
  let offset = at;
  if (jsonc().printParseErrorCode(code) === 'CommaExpected') {
    // Point where the comma belongs: right after the previous value, not at the next key.
    let i = offset - 1;
    while (i >= 0 && /\s/.test(text[i] as string)) i--;
    offset = i + 1;
  }
  // Only a broken file is parsed into a tree, to name the key around the error.
  const tree = jsonc().parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return {
    kind: 'parse',
    offset,
    ...describeParseError(code, text, offset),
    key: keyAt(tree, Math.max(0, offset - 1)),
  };
}

/** What JSON.parse (stricter than jsonc-parser in a few corners) rejects, if anything. */
function strictJsonProblem(text: string): SyntaxProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    return {
      kind: 'parse',
      offset: m ? Number(m[1]) : 0,
      message: `not valid JSON: ${(err as Error).message}`,
      hint: 'Fix the JSON at this position.',
      key: '',
    };
  }
}

const article = (t: string) =>
  t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`;

/** The dotted key of the innermost property containing an offset (best effort, for messages). */
function keyAt(tree: Node | undefined, offset: number): string {
  const p: string[] = [];
  let node = tree;
  while (node !== undefined && (node.type === 'object' || node.type === 'array')) {
    const child: Node | undefined = (node.children ?? []).find(
      (c) => c.offset <= offset && offset <= c.offset + c.length,
    );
    if (child === undefined) break;
    if (child.type === 'property') {
      const k = child.children?.[0];
      if (k !== undefined) p.push(String(k.value));
      node = child.children?.[1];
    } else {
      p.push(String((node.children ?? []).indexOf(child)));
      node = child;
    }
  }
  return p.join('.');
}

/**
 * The problem that makes a file unsafe to rewrite, if any: a command that writes a locale file
 * (`sync`) leaves it untouched when `check` would call it unusable — not valid UTF-8 (a rewrite
 * would turn the undecodable bytes into U+FFFD for good), a byte-order mark, a syntax error,
 * duplicate keys, or a file that could not be read. Problems of single entries (a number where
 * text belongs, an invisible character in a key) do not block a rewrite.
 */
export function rewriteBlocker(file: LocaleFile): SyntaxProblem | undefined {
  return file.problems.find((p) => p.kind !== 'type' && p.kind !== 'key');
}
