/**
 * A streaming walk over a text that `JSON.parse` has accepted, calling the same events as
 * jsonc-parser's visitor (objects, arrays, property names and literal values with their offsets
 * and lengths), several times faster: the text is known to be valid JSON, so the walk needs no
 * error handling, and a string without escapes is a slice of the text (one with escapes is
 * decoded by `JSON.parse`, exactly as everything else reads it). Linear in the length of the
 * text and not recursive.
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

const QUOTE = 0x22;
const COLON = 0x3a;

const decode = (text: string, start: number, end: number, escaped: boolean): string =>
  escaped ? (JSON.parse(text.slice(start, end)) as string) : text.slice(start + 1, end - 1);

/**
 * Walks `text`, which must be what `JSON.parse` accepts (the caller has checked), and calls the
 * events in document order. One parser loop over the characters, kept in one function on purpose
 * (the exception to the ~80-line rule): splitting the states into calls costs a call per token.
 *
 * With `maxDepth`, the walk stops at the first `{` or `[` that opens more than `maxDepth` nested
 * containers and returns its offset (what `tooDeep` finds, without a second pass over the text);
 * else it returns -1.
 */
export function walkValidJson(
  text: string,
  events: JsonEvents,
  maxDepth: number = Infinity,
): number {
  const n = text.length;
  let i = 0;
  // Whether the next string literal is a property name: after `{` or `,` inside an object
  // (a stack of "is an object" flags, one per open container).
  const inObject: boolean[] = [];
  let expectName = false;
  // The next backslash at or after where a string is searched (searched again only once passed,
  // so that a text without escapes is searched once, not once per string).
  let backslash = -2;
  let escaped = false;
  /** The end (exclusive) of the string literal at `at`; sets {@link escaped}. */
  const stringEnd = (at: number): number => {
    let from = at + 1;
    escaped = false;
    for (;;) {
      if (backslash !== -1 && backslash < from) backslash = text.indexOf('\\', from);
      const q = text.indexOf('"', from);
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
      case COLON:
        i++;
        break;
      case 0x2c /* , */:
        expectName = inObject[inObject.length - 1] === true;
        i++;
        break;
      case 0x7b /* { */:
        if (inObject.length >= maxDepth) return i;
        events.onObjectBegin?.(i);
        inObject.push(true);
        expectName = true;
        i++;
        break;
      case 0x5b /* [ */:
        if (inObject.length >= maxDepth) return i;
        events.onArrayBegin?.(i);
        inObject.push(false);
        expectName = false;
        i++;
        break;
      case 0x7d /* } */:
        events.onObjectEnd?.();
        inObject.pop();
        expectName = false;
        i++;
        break;
      case 0x5d /* ] */:
        events.onArrayEnd?.();
        inObject.pop();
        expectName = false;
        i++;
        break;
      case QUOTE: {
        const end = stringEnd(i);
        const value = decode(text, i, end, escaped);
        if (expectName) {
          events.onObjectProperty?.(value, i, end - i);
          expectName = false;
        } else events.onLiteralValue?.(value, i, end - i);
        i = end;
        break;
      }
      default: {
        // A number, true, false or null: up to the next delimiter.
        let end = i + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === 0x2c || d === 0x7d || d === 0x5d || d <= 0x20) break;
          end++;
        }
        const raw = text.slice(i, end);
        events.onLiteralValue?.(JSON.parse(raw) as unknown, i, end - i);
        i = end;
      }
    }
  }
  return -1;
}
