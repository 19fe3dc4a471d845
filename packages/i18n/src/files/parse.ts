import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LIMITS } from '../model/limits.js';
import { relativePath } from '../model/paths.js';
import type { Entry, LocaleFile, SyntaxProblem, ValueType } from '../model/types.js';
import { findInvisible } from '../syntax/invisible.js';
import { describeParseError } from './parse-messages.js';

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
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = unread ? new Uint8Array(0) : bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8').decode(body);
    const at = text.indexOf(BAD);
    problems.push({
      kind: 'encoding',
      offset: Math.max(0, at),
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
  // Line starts are found on the first position asked for: most files have no finding at all.
  let starts: number[] | undefined;
  const lineStartsOf = (): number[] => {
    if (starts !== undefined) return starts;
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const position = (offset: number) => {
    const lineStarts = lineStartsOf();
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  const entries = new Map<string, Entry>();
  let tree: Node | undefined;
  let usable = true;
  const deep = unread ? -1 : tooDeep(text);
  if (unread) {
    usable = false;
  } else if (deep !== -1) {
    usable = false;
    problems.push({
      kind: 'depth',
      offset: deep,
      message: `objects are nested more than ${LIMITS.depth} levels deep here; the file is not read any further`,
      hint: 'Locale files nest a few levels (section → paragraph); look for a run of { or [ pasted by mistake.',
      key: '',
    });
  } else if (text.trim() === '') {
    usable = false;
    problems.push({
      kind: 'parse',
      offset: 0,
      message: 'the file is empty',
      hint: 'A locale file holds one JSON object: write {} at least.',
      key: '',
    });
  } else {
    const errors: ParseError[] = [];
    tree = parseTree(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    if (errors.length > 0) {
      usable = false;
      // The first error is the real one; later ones are usually its consequences.
      const e = errors[0] as ParseError;
      let offset = e.offset;
      if (printParseErrorCode(e.error) === 'CommaExpected') {
        // Point where the comma belongs: right after the previous value, not at the next key.
        let i = offset - 1;
        while (i >= 0 && /\s/.test(text[i] as string)) i--;
        offset = i + 1;
      }
      problems.push({
        kind: 'parse',
        offset,
        ...describeParseError(e.error, text, offset),
        key: keyAt(tree, Math.max(0, offset - 1)),
      });
    } else {
      try {
        JSON.parse(text);
      } catch (err) {
        usable = false;
        const m = /position (\d+)/.exec((err as Error).message);
        problems.push({
          kind: 'parse',
          offset: m ? Number(m[1]) : 0,
          message: `not valid JSON: ${(err as Error).message}`,
          hint: 'Fix the JSON at this position.',
          key: '',
        });
      }
    }
    if (usable && tree !== undefined) {
      if (tree.type !== 'object') {
        usable = false;
        problems.push({
          kind: 'root',
          offset: tree.offset,
          message: `the file holds ${article(tree.type)}, not an object of keys`,
          hint: 'A locale file is one JSON object: { "key": "text", … }.',
          key: '',
        });
      } else {
        flatten(tree, [], entries, problems);
      }
    }
  }

  // Offsets of the decoded characters of string literals with escapes, built once per entry: a
  // finding's position is then found in constant time, however long the text and many the findings.
  const escapedOffsets = new WeakMap<Entry, Uint32Array>();
  const valueOffset = (entry: Entry, index: number): number => {
    const start = entry.valueOffset + 1;
    const end = entry.valueOffset + entry.valueLength - 1;
    const clamp = (raw: number) => Math.min(raw, Math.max(entry.valueOffset, end));
    const value = entry.value;
    if (typeof value === 'string' && value.length === entry.valueLength - 2) {
      return clamp(start + Math.max(0, index)); // no escapes: one raw character per decoded one
    }
    let map = escapedOffsets.get(entry);
    if (map === undefined) {
      // Walk the raw string literal, decoding escapes: map[i] is where decoded character i starts.
      const offsets: number[] = [];
      let raw = start;
      while (raw < end) {
        offsets.push(raw);
        raw += text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1;
      }
      offsets.push(raw);
      map = Uint32Array.from(offsets);
      escapedOffsets.set(entry, map);
    }
    return clamp(map[Math.min(Math.max(0, index), map.length - 1)] ?? start);
  };

  return {
    locale,
    namespace,
    path: file,
    relPath: relativePath(root, file),
    bytes,
    text,
    bom,
    usable,
    problems,
    // The parse tree is not kept: a large project would hold every node in memory.
    rootOffset: tree?.offset ?? 0,
    entries,
    position,
    valueOffset,
  };
}

const article = (t: string) =>
  t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`;

function flatten(
  node: Node,
  prefix: string[],
  out: Map<string, Entry>,
  problems: SyntaxProblem[],
): void {
  if (node.type === 'object') {
    const seen = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const valueNode = prop.children?.[1];
      if (keyNode === undefined || valueNode === undefined) continue;
      const name = String(keyNode.value);
      const p = [...prefix, name];
      const hidden = findInvisible(name, { marks: true });
      if (hidden.length > 0) {
        const h = hidden[0] as (typeof hidden)[number];
        problems.push({
          kind: 'key',
          offset: keyNode.offset,
          message: `the key "${p.join('.')}" contains the invisible character ${h.code} (${h.name})${hidden.length > 1 ? ` and ${hidden.length - 1} more` : ''}: it looks like "${[...prefix, [...name].filter((_, i) => !hidden.some((x) => x.index === i)).join('')].join('.')}" but is another key`,
          hint: 'Retype the key, or copy it from the source file: keys are never translated.',
          key: p.join('.'),
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        problems.push({
          kind: 'duplicate',
          offset: keyNode.offset,
          message: `duplicate key "${p.join('.')}": JSON.parse keeps only this last one and silently drops the first`,
          hint: 'Delete one of the two, keeping the right text.',
          key: p.join('.'),
        });
        // Keep the last, as JSON.parse and i18next do.
        for (const k of [...out.keys()])
          if (k === p.join('.') || k.startsWith(`${p.join('.')}.`)) out.delete(k);
      }
      seen.set(name, keyNode);
      if (valueNode.type === 'object' || valueNode.type === 'array') {
        flatten(valueNode, p, out, problems);
        continue;
      }
      const type = valueNode.type as ValueType;
      if (type !== 'string') {
        problems.push({
          kind: 'type',
          offset: valueNode.offset,
          message: `"${p.join('.')}" is ${article(type)}${type === 'null' ? '' : ` (${JSON.stringify(valueNode.value)})`}; translations are strings`,
          hint: `Write it as a string: "${String(valueNode.value)}".`,
          key: p.join('.'),
        });
      }
      const clash = out.get(p.join('.'));
      if (clash !== undefined && clash.path.join('\u0000') !== p.join('\u0000')) {
        // `"a.b": "…"` and `"a": { "b": "…" }` are one key to i18next, which reads the nested one.
        const flat = clash.path.length < p.length ? clash : undefined;
        problems.push({
          kind: 'duplicate',
          offset: keyNode.offset,
          message: `"${p.join('.')}" is written twice, once with dots in the key and once nested; i18next reads only the nested one`,
          hint: 'Keep one of the two (nested, like the rest of the file) with the right text, and delete the other.',
          key: p.join('.'),
        });
        if (flat === undefined) continue; // the nested one is already there: keep it
      }
      out.set(p.join('.'), {
        key: p.join('.'),
        path: p,
        type,
        value: valueNode.value,
        keyOffset: keyNode.offset,
        valueOffset: valueNode.offset,
        valueLength: valueNode.length,
      });
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => {
      const p = [...prefix, String(i)];
      if (child.type === 'object' || child.type === 'array') flatten(child, p, out, problems);
      else {
        const type = child.type as ValueType;
        if (type !== 'string') {
          problems.push({
            kind: 'type',
            offset: child.offset,
            message: `"${p.join('.')}" is ${article(type)}; translations are strings`,
            hint: 'Write it as a string.',
            key: p.join('.'),
          });
        }
        out.set(p.join('.'), {
          key: p.join('.'),
          path: p,
          type,
          value: child.value,
          keyOffset: child.offset,
          valueOffset: child.offset,
          valueLength: child.length,
        });
      }
    });
  }
}

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
