/**
 * Characters a reader cannot see but that change what a text means or how it displays: bidi
 * controls (the "Trojan Source" trick: U+202E shows `abc` as `cba`), zero-width characters (a key
 * `nav\u200B` looks like `nav` but is another key), and control characters (U+001B starts a
 * terminal escape sequence). The checks report them; the CLI never prints them raw.
 */

export type InvisibleKind = 'bidi' | 'zero-width' | 'control';

const NAMES: ReadonlyMap<number, readonly [string, InvisibleKind]> = new Map([
  [0x202a, ['LEFT-TO-RIGHT EMBEDDING', 'bidi']],
  [0x202b, ['RIGHT-TO-LEFT EMBEDDING', 'bidi']],
  [0x202c, ['POP DIRECTIONAL FORMATTING', 'bidi']],
  [0x202d, ['LEFT-TO-RIGHT OVERRIDE', 'bidi']],
  [0x202e, ['RIGHT-TO-LEFT OVERRIDE', 'bidi']],
  [0x2066, ['LEFT-TO-RIGHT ISOLATE', 'bidi']],
  [0x2067, ['RIGHT-TO-LEFT ISOLATE', 'bidi']],
  [0x2068, ['FIRST STRONG ISOLATE', 'bidi']],
  [0x2069, ['POP DIRECTIONAL ISOLATE', 'bidi']],
  [0x200b, ['ZERO WIDTH SPACE', 'zero-width']],
  [0x2060, ['WORD JOINER', 'zero-width']],
  [0xfeff, ['ZERO WIDTH NO-BREAK SPACE', 'zero-width']],
  [0x180e, ['MONGOLIAN VOWEL SEPARATOR', 'zero-width']],
]);

/**
 * Marks that are legitimate in running text (right-to-left scripts, Persian and Indic joining,
 * emoji): never reported in a text, but shown escaped in keys and terminal output.
 */
const MARKS: ReadonlyMap<number, string> = new Map([
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x061c, 'ARABIC LETTER MARK'],
]);

export interface Invisible {
  /** Index in the string (UTF-16). */
  readonly index: number;
  readonly char: string;
  /** `U+202E`. */
  readonly code: string;
  readonly name: string;
  readonly kind: InvisibleKind;
}

const isControl = (cp: number) =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);

export const codeOf = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The invisible characters of a text that the checks report: bidi controls, zero-width characters
 * and control characters other than tab and line breaks. With `marks`, also the joiners and
 * direction marks that running text may need (for keys, where nothing invisible belongs).
 */
export function findInvisible(text: string, options: { marks?: boolean } = {}): Invisible[] {
  const out: Invisible[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    // Everything reported is in the BMP and outside the surrogate range: a quick range test first.
    if (cp >= 0x20 && cp < 0x7f) continue;
    const named = NAMES.get(cp);
    if (named !== undefined) {
      out.push({
        index: i,
        char: text[i] as string,
        code: codeOf(cp),
        name: named[0],
        kind: named[1],
      });
    } else if (isControl(cp)) {
      out.push({
        index: i,
        char: text[i] as string,
        code: codeOf(cp),
        name: 'CONTROL CHARACTER',
        kind: 'control',
      });
    } else if (options.marks === true && MARKS.has(cp)) {
      out.push({
        index: i,
        char: text[i] as string,
        code: codeOf(cp),
        name: MARKS.get(cp) as string,
        kind: 'zero-width',
      });
    }
  }
  return out;
}

/** Whether {@link visible} escapes this character (a quick test for one character). */
export function isHidden(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  if (cp >= 0x20 && cp < 0x7f) return false;
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

const SHOWN =
  // eslint-disable-next-line no-control-regex -- these are the characters it escapes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A text safe to print on a terminal and unambiguous to read: every control, bidi and zero-width
 * character is shown as `\u202E`. Tabs and line breaks are kept.
 */
export function visible(text: string): string {
  return text.replace(
    SHOWN,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

// eslint-disable-next-line no-control-regex -- these are the characters it escapes
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A text safe to print on a terminal: control characters (ESC starts an escape sequence) are shown
 * as `\u001B`; everything else, bidi marks included, is left for the reader (rendered documents).
 */
export function printable(text: string): string {
  return text.replace(
    CONTROLS,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Embeddings and overrides (closed by U+202C) and isolates (closed by U+2069). */
const EMBEDDINGS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);

/**
 * The bidi controls a text opens and never closes: an embedding or override (U+202A, U+202B,
 * U+202D, U+202E) without its U+202C, an isolate (U+2066–U+2068) without its U+2069. Such a control
 * keeps acting after the text, on whatever the page shows next in the same paragraph. Closing an
 * isolate closes the embeddings opened inside it, as the Unicode bidi algorithm does. Linear.
 */
export function unclosedBidi(text: string): Invisible[] {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x202a || cp > 0x2069) continue;
    if (EMBEDDINGS.has(cp) || ISOLATES.has(cp)) open.push(i);
    else if (cp === 0x202c) {
      const top = open[open.length - 1];
      if (top !== undefined && EMBEDDINGS.has(text.charCodeAt(top))) open.pop();
    } else if (cp === 0x2069) {
      let k = open.length - 1;
      while (k >= 0 && !ISOLATES.has(text.charCodeAt(open[k] as number))) k--;
      if (k >= 0) open.length = k;
    }
  }
  return open.map((i) => {
    const cp = text.charCodeAt(i);
    const [name, kind] = NAMES.get(cp) as readonly [string, InvisibleKind];
    return { index: i, char: text[i] as string, code: codeOf(cp), name, kind };
  });
}
