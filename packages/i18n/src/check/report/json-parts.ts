/**
 * `JSON.stringify(value, null, 2)` in parts of about {@link PART} characters: joined, the very same
 * text. A report of 40,000 findings is 18 MB of JSON: made as one string, it is flattened and then
 * encoded to UTF-8 whole, as two-byte text as soon as one character of it is not Latin-1 (18 MB of
 * text, 36 MB flattened, 18 MB of bytes, all alive at once). In parts, each is encoded and written
 * on its own and let go: on overleaf's report the command peaks at 156 MB instead of 229 MB, in the
 * same time (bench/analysis.md, "Session 9").
 *
 * Objects and short lists are walked, down to {@link DEPTH} levels; each item of a long list (a
 * finding, a SARIF result), and whatever lies deeper, is given to `JSON.stringify` whole and
 * indented to its place. Values with a `toJSON` method are given to `JSON.stringify` whole too,
 * which calls it.
 */
export function* jsonParts(value: unknown): Generator<string> {
  const out = { text: '' };
  yield* walk(value, '', 0, out);
  yield `${out.text}\n`;
}

/** Characters gathered before a part is closed. */
const PART = 64 * 1024;
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
    // One string added per item, into a local string: the hot loop of a large report.
    let text = `${out.text}[`;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sep = i === 0 ? `\n${inner}` : `,\n${inner}`;
      // In an array, what JSON cannot hold is written as null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
        text += `${sep}null`;
      // The items of a long list (findings, SARIF results) are small: each is written whole.
      else if (value.length > FEW) text += sep + whole(item, inner);
      else {
        out.text = text + sep;
        yield* walk(item, inner, depth + 1, out);
        text = out.text;
      }
      if (text.length >= PART) {
        // Given out at once: written and let go, a part dies young (kept, they cost the
        // garbage collector more than writing them whole did).
        yield text;
        text = '';
      }
    }
    out.text = `${text}\n${pad}]`;
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

/** `JSON.stringify(value, null, 2)` placed at an indentation of `pad`. */
function whole(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  // A JSON text has no line break but its own indentation (strings escape theirs).
  return pad === '' ? text : text.replaceAll('\n', `\n${pad}`);
}
