/**
 * `JSON.stringify(value, null, 2)` in parts of about {@link PART} characters: joined, the very same
 * text. A report of 40,000 findings is 18 MB of JSON: made as one string, it is flattened and then
 * encoded to UTF-8 whole, as two-byte text as soon as one character of it is not Latin-1 (18 MB of
 * text, 36 MB flattened, 18 MB of bytes, all alive at once). In parts, each is encoded and written
 * on its own and let go: on overleaf's report the command peaks at 156 MB instead of 229 MB
 * (bench/analysis.md, "Session 9"), and with long lists written in runs (below), in less time
 * ("Session 10").
 *
 * Objects and short lists are walked, down to {@link DEPTH} levels; a long list (findings, SARIF
 * results) is given to `JSON.stringify` a run of items at a time, and whatever lies deeper whole,
 * each indented to its place. Values with a `toJSON` method are given to `JSON.stringify` whole too,
 * which calls it.
 */
export function* jsonParts(value: unknown): Generator<string> {
  const out = { text: '' };
  yield* walk(value, '', 0, out);
  yield `${out.text}\n`;
}

/**
 * Characters gathered before a part is closed. A part is made (flattened, then encoded) and let go
 * at once, so it must stay a regular heap object: past 128 KB V8 gives each string pages of its
 * own, mapped and unmapped every time (a part of two-byte text is two bytes a character as soon as
 * one character of it is not Latin-1). Parts of 64 K characters did that on real reports: 300 more
 * mmap/munmap pairs and 7,500 more page faults on overleaf's, 4–12 % of the command's time
 * (bench/analysis.md, "Session 12"). 16 K leaves a run room to overshoot.
 */
const PART = 16 * 1024;
/** Levels of containers walked at most (SARIF's results are at the fourth). */
const DEPTH = 4;
/** A list of more items than this is a long one. */
const FEW = 8;
const INDENT = '  ';

/** The text of the part being gathered. */
interface Part {
  text: string;
}

function* walk(value: unknown, pad: string, depth: number, out: Part): Generator<string> {
  if (
    depth >= DEPTH ||
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean
  ) {
    out.text += whole(value, pad);
    return;
  }
  const inner = pad + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += '[]';
      return;
    }
    if (value.length > FEW) {
      yield* longList(value, pad, out);
      return;
    }
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out.text += i === 0 ? `\n${inner}` : `,\n${inner}`;
      // In an array, what JSON cannot hold is written as null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
        out.text += 'null';
      else yield* walk(item, inner, depth + 1, out);
    }
    out.text += `\n${pad}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // In an object, what JSON cannot hold is left out, key and all.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out.text += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(item, inner, depth + 1, out);
  }
  out.text += first ? '{}' : `\n${pad}}`;
}

/**
 * A long list (findings, SARIF results), given out in runs of items. Each run is one
 * `JSON.stringify` of a slice of the list: one flat string made in one call, where a string per
 * item joined by `+=` made a rope of thousands of pieces that had to be flattened again before it
 * could be encoded (on overleaf's 40,000 findings: about 470 ms against 100 ms, bench/analysis.md,
 * "Session 10"). `JSON.stringify` writes what JSON cannot hold in an array as null, as
 * `JSON.stringify` of the whole list does.
 */
function* longList(list: readonly unknown[], pad: string, out: Part): Generator<string> {
  // Items per run: adjusted after each run so a part stays near PART characters.
  let run = 64;
  for (let i = 0; i < list.length;) {
    const end = Math.min(list.length, i + run);
    // `[\n  a,\n  b\n]` → `\n  a,\n  b`: the items at one level in, each led by a line break.
    const text = whole(list.slice(i, end), pad);
    const items = text.slice(1, text.length - 2 - pad.length);
    // The comma between runs is a part of its own: joined to the run, the run would be copied
    // once more (a slice of a flat string is written as it is).
    yield i === 0 ? `${out.text}[` : ',';
    out.text = '';
    // Given out at once: written and let go, a part dies young (kept, they cost the garbage
    // collector more than writing them whole did).
    yield items;
    run = Math.max(1, Math.min(4096, Math.round((run * PART) / Math.max(1, items.length))));
    i = end;
  }
  out.text = `\n${pad}]`;
}

/** `JSON.stringify(value, null, 2)` placed at an indentation of `pad`. */
function whole(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  // A JSON text has no line break but its own indentation (strings escape theirs).
  return pad === '' ? text : text.replaceAll('\n', `\n${pad}`);
}
