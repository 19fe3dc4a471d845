/**
 * A streaming walk over a JSON text that validates it as it goes, calling the same events as
 * jsonc-parser's visitor (objects, arrays, property names and literal values with their offsets
 * and lengths), several times faster. It accepts exactly what `JSON.parse` accepts, so the text
 * is not parsed a second time to be validated (that parse, whose result was thrown away, cost
 * 5–11 % of the check of a real project: bench/analysis.md, "Session 11"). A string without
 * escapes is a slice of the text; one with escapes, a number, `true`, `false` and `null` are
 * read by `JSON.parse` itself, exactly as everything else reads them (and it rejects a bad
 * escape or a malformed number). Linear in the length of the text and not recursive.
 */

/** The events the entry collector listens to (a subset of jsonc-parser's `JSONVisitor`). */
export interface JsonEvents {
  onObjectBegin?: (offset: number) => void;
  onObjectEnd?: () => void;
  onArrayBegin?: (offset: number) => void;
  onArrayEnd?: () => void;
  onObjectProperty?: (name: string, offset: number, length: number) => void;
  onLiteralValue?: (value: unknown, offset: number, length: number) => void;
}

/** What {@link walkJson} returns for a text that is not JSON (`JSON.parse` would throw). */
export const NOT_JSON = -2;

const QUOTE = 0x22;

/**
 * The control characters no JSON text holds as they are: inside a string they must be escaped,
 * and outside one only tab, line feed and carriage return are white space. (Those three, inside
 * a string, are looked for string by string.)
 */
// eslint-disable-next-line no-control-regex -- these are the characters it rejects
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

// What the walk expects next.
const VALUE = 0;
const NAME = 1;
const COLON = 2;
/** After a value in a container: a comma or the container's end. */
const AFTER = 3;
/** After the whole value: only white space. */
const END = 4;

/** What {@link token} returns for a token that is not JSON. */
const BAD = Symbol('not JSON');

/**
 * One token as `JSON.parse` reads it — a string literal with escapes, a number, `true`, `false`
 * or `null` — or {@link BAD} when it rejects it (a bad escape, a malformed number).
 */
function token(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return BAD;
  }
}

/**
 * Walks `text` and calls the events in document order, as long as it is JSON: returns -1 when the
 * whole text is one JSON value, {@link NOT_JSON} at the first thing `JSON.parse` rejects (the
 * events called up to there describe a broken text: the caller discards them). One parser loop
 * over the characters, kept in one function on purpose (the exception to the ~80-line rule):
 * splitting the states into calls costs a call per token.
 *
 * With `maxDepth`, the walk stops at the first `{` or `[` that opens more than `maxDepth` nested
 * containers and returns its offset (what `tooDeep` finds, without a second pass over the text).
 */
export function walkJson(text: string, events: JsonEvents, maxDepth: number = Infinity): number {
  if (CONTROL.test(text)) return NOT_JSON;
  const n = text.length;
  let i = 0;
  // One "is an object" flag per open container.
  const inObject: boolean[] = [];
  let state = VALUE;
  // Right after `{` or `[`: the container may end at once (not after a comma: `[1,]`).
  let empty = false;
  // The next backslash, line feed, carriage return and tab at or after where a string starts
  // (each searched again only once passed: a text is searched once for each, not once per
  // string). -2: not searched yet; -1: there is none further on.
  let backslash = -2;
  let lf = -2;
  let cr = -2;
  let tab = -2;
  let escaped = false;
  /** The end (exclusive) of the string literal at `at`, or -1 if it has none; sets {@link escaped}. */
  const stringEnd = (at: number): number => {
    let from = at + 1;
    escaped = false;
    for (;;) {
      if (backslash !== -1 && backslash < from) backslash = text.indexOf('\\', from);
      const q = text.indexOf('"', from);
      if (q === -1) return -1;
      if (backslash === -1 || q < backslash) return q + 1;
      escaped = true;
      from = backslash + 2; // past the escaped character (a quote, a backslash, a `u`…)
    }
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        i++;
        break;
      case 0x3a /* : */:
        if (state !== COLON) return NOT_JSON;
        state = VALUE;
        i++;
        break;
      case 0x2c /* , */:
        if (state !== AFTER) return NOT_JSON;
        state = inObject[inObject.length - 1] === true ? NAME : VALUE;
        empty = false;
        i++;
        break;
      case 0x7b /* { */:
        if (state !== VALUE) return NOT_JSON;
        if (inObject.length >= maxDepth) return i;
        events.onObjectBegin?.(i);
        inObject.push(true);
        state = NAME;
        empty = true;
        i++;
        break;
      case 0x5b /* [ */:
        if (state !== VALUE) return NOT_JSON;
        if (inObject.length >= maxDepth) return i;
        events.onArrayBegin?.(i);
        inObject.push(false);
        state = VALUE;
        empty = true;
        i++;
        break;
      case 0x7d /* } */:
        if (inObject[inObject.length - 1] !== true) return NOT_JSON;
        if (state !== AFTER && !(state === NAME && empty)) return NOT_JSON;
        events.onObjectEnd?.();
        inObject.pop();
        state = inObject.length === 0 ? END : AFTER;
        empty = false;
        i++;
        break;
      case 0x5d /* ] */:
        if (inObject[inObject.length - 1] !== false) return NOT_JSON;
        if (state !== AFTER && !(state === VALUE && empty)) return NOT_JSON;
        events.onArrayEnd?.();
        inObject.pop();
        state = inObject.length === 0 ? END : AFTER;
        empty = false;
        i++;
        break;
      case QUOTE: {
        if (state !== NAME && state !== VALUE) return NOT_JSON;
        const end = stringEnd(i);
        if (end === -1) return NOT_JSON;
        // A tab, line feed or carriage return inside the string (escaped, it is `\t`, `\n`, `\r`).
        if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
        if (lf !== -1 && lf < end) return NOT_JSON;
        if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
        if (cr !== -1 && cr < end) return NOT_JSON;
        if (tab !== -1 && tab < i) tab = text.indexOf('\t', i);
        if (tab !== -1 && tab < end) return NOT_JSON;
        const value = escaped ? token(text.slice(i, end)) : text.slice(i + 1, end - 1);
        if (typeof value !== 'string') return NOT_JSON;
        if (state === NAME) {
          events.onObjectProperty?.(value, i, end - i);
          state = COLON;
        } else {
          events.onLiteralValue?.(value, i, end - i);
          state = inObject.length === 0 ? END : AFTER;
        }
        empty = false;
        i = end;
        break;
      }
      default: {
        if (state !== VALUE) return NOT_JSON;
        // A number, true, false or null: up to the next delimiter, read (and judged) by JSON.parse.
        let end = i + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === 0x2c || d === 0x7d || d === 0x5d || d <= 0x20) break;
          end++;
        }
        const value = token(text.slice(i, end));
        if (value === BAD) return NOT_JSON;
        events.onLiteralValue?.(value, i, end - i);
        state = inObject.length === 0 ? END : AFTER;
        empty = false;
        i = end;
      }
    }
  }
  return state === END ? -1 : NOT_JSON;
}
