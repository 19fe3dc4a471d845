import { Parser } from 'htmlparser2';

/**
 * Parsers for what a translation string may contain besides prose: i18next interpolations
 * (`{{name, format(opt: v)}}`, `{{- name}}`), nesting (`$t(key, {...})`), and inline markup
 * (`<ref id="…"/>`, `<dubious/>`, `<i>…</i>`). They never throw, whatever the input, and report
 * offsets into the string so that findings can point at a line and column.
 */

export interface FormatCall {
  readonly name: string;
  /** Options as i18next parses them: `date(monthForm: genitive)` → `{ monthForm: 'genitive' }`. */
  readonly options: Readonly<Record<string, string>>;
}

export interface Interpolation {
  readonly type: 'interpolation';
  readonly name: string;
  readonly formats: readonly FormatCall[];
  /** `{{- name}}`: inserted without HTML escaping. */
  readonly unescaped: boolean;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export interface Nesting {
  readonly type: 'nesting';
  /** The nested key, with its namespace prefix if any (`terms:entities.kyiv.label`). */
  readonly key: string;
  /** The raw options text after the key, if any. */
  readonly options: string | undefined;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export type Placeholder = Interpolation | Nesting;

/** The delimiters of interpolations and nestings (i18next's `interpolation` options). */
export interface Delimiters {
  /** `{{` by default (`__` in projects that set `interpolation.prefix`). */
  readonly prefix: string;
  readonly suffix: string;
  /** `$t(` by default. */
  readonly nestingPrefix: string;
  readonly nestingSuffix: string;
}

const I18NEXT: Delimiters = {
  prefix: '{{',
  suffix: '}}',
  nestingPrefix: '$t(',
  nestingSuffix: ')',
};

/**
 * Finds every interpolation and nesting in a string, in order, with i18next's delimiters (or the
 * project's). Unclosed ones are skipped. Linear in the length of the string (hostile texts such as
 * `{{a{{a{{a…` or `$t($t($t(…` included): the next prefix and nesting prefix are searched once
 * each, and a `$t(` whose `)` is not within {@link MAX_NESTING_SPAN} characters counts as unclosed.
 */
export function scanPlaceholders(input: string, delimiters: Delimiters = I18NEXT): Placeholder[] {
  const { prefix, suffix, nestingPrefix, nestingSuffix } = delimiters;
  const parens = nestingPrefix.endsWith('(') && nestingSuffix === ')';
  const out: Placeholder[] = [];
  let i = 0;
  let open = input.indexOf(prefix);
  let nest = input.indexOf(nestingPrefix);
  while (i < input.length) {
    if (open !== -1 && open < i) open = input.indexOf(prefix, i);
    if (nest !== -1 && nest < i) nest = input.indexOf(nestingPrefix, i);
    if (open === -1 && nest === -1) break;
    if (nest !== -1 && (open === -1 || nest < open)) {
      const from = nest + nestingPrefix.length;
      const end = parens ? matchParen(input, from - 1) : closeWithin(input, nestingSuffix, from);
      if (end === -1) {
        i = from;
        continue;
      }
      const body = input.slice(from, end);
      const comma = topLevelComma(body);
      const key = (comma === -1 ? body : body.slice(0, comma)).trim();
      const options = comma === -1 ? undefined : body.slice(comma + 1).trim();
      const stop = end + nestingSuffix.length;
      out.push({
        type: 'nesting',
        key,
        options,
        raw: input.slice(nest, stop),
        start: nest,
        end: stop,
      });
      i = stop;
      continue;
    }
    const close = input.indexOf(suffix, open + prefix.length);
    if (close === -1) {
      // No interpolation after this point; nestings may still follow.
      open = -1;
      continue;
    }
    const stop = close + suffix.length;
    const raw = input.slice(open, stop);
    let body = input.slice(open + prefix.length, close).trim();
    const unescaped = body.startsWith('-');
    if (unescaped) body = body.slice(1).trim();
    const parts = splitFormats(body);
    out.push({
      type: 'interpolation',
      name: (parts[0] ?? '').trim(),
      formats: parts.slice(1).map(parseFormat),
      unescaped,
      raw,
      start: open,
      end: stop,
    });
    i = stop;
  }
  return out;
}

/** The index of `suffix` after `from`, within {@link MAX_NESTING_SPAN} characters, or -1. */
function closeWithin(s: string, suffix: string, from: number): number {
  const at = s.indexOf(suffix, from);
  return at === -1 || at - from > MAX_NESTING_SPAN ? -1 : at;
}

/** The longest `$t(…)` the scanner looks for a closing `)` in (a real one is a key and a few options). */
export const MAX_NESTING_SPAN = 500;

function matchParen(s: string, openIndex: number): number {
  let depth = 0;
  let quote: string | undefined;
  const last = Math.min(s.length, openIndex + MAX_NESTING_SPAN);
  for (let j = openIndex; j < last; j++) {
    const c = s[j];
    if (quote !== undefined) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === ')' ? j : -1;
    }
  }
  return -1;
}

function topLevelComma(s: string): number {
  let depth = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) return j;
  }
  return -1;
}

function splitFormats(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, j));
      from = j + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

function parseFormat(text: string): FormatCall {
  const t = text.trim();
  const paren = t.indexOf('(');
  if (paren === -1) return { name: t, options: {} };
  const name = t.slice(0, paren).trim();
  const inner = t.slice(paren + 1, t.lastIndexOf(')') === -1 ? t.length : t.lastIndexOf(')'));
  const options: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of inner.split(';')) {
    const colon = pair.indexOf(':');
    if (colon === -1) continue;
    const k = pair.slice(0, colon).trim();
    if (k) options[k] = pair.slice(colon + 1).trim();
  }
  return { name, options };
}

export interface Tag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly kind: 'open' | 'close' | 'self-closing';
  readonly start: number;
  readonly end: number;
}

export interface MarkupScan {
  readonly tags: readonly Tag[];
  /** Comments, CDATA and processing instructions: never allowed in translations. */
  readonly other: readonly { readonly start: number; readonly end: number; readonly raw: string }[];
}

/**
 * react-i18next's numbered `<Trans>` components: `<0>`, `</0>`, `<1/>`. HTML has no such tags (a
 * browser reads `<0>` as text and `</0>` as a comment), so they are found before the HTML
 * tokenizer runs, and blanked out for it.
 */
const NUMBERED = /<(\/?)(\d{1,4})\s*(\/?)>/g;

/**
 * Finds the tags in a string with a real HTML tokenizer (htmlparser2), so that what the checker
 * sees is what a browser would see; plus react-i18next's numbered components (`<0>…</0>`, named
 * `<N>` in {@link Tag.name}), which are markup, not comments. Attribute names are lower-cased;
 * values are decoded.
 */
export function scanMarkup(input: string): MarkupScan {
  const numbered: Tag[] = [];
  let text = input;
  if (/<\/?\d/.test(input)) {
    for (const m of input.matchAll(NUMBERED)) {
      const closing = m[1] === '/';
      if (closing && m[3] === '/') continue;
      const start = m.index;
      const end = start + m[0].length;
      numbered.push({
        name: m[2] as string,
        attributes: {},
        kind: closing ? 'close' : m[3] === '/' ? 'self-closing' : 'open',
        start,
        end,
      });
    }
    if (numbered.length > 0) {
      let blanked = '';
      let at = 0;
      for (const t of numbered) {
        blanked += input.slice(at, t.start) + ' '.repeat(t.end - t.start);
        at = t.end;
      }
      text = blanked + input.slice(at);
    }
  }
  // Only numbered components (the common case in react-i18next projects): no HTML to tokenize.
  const html = numbered.length > 0 && !text.includes('<') ? NO_HTML : scanHtml(text);
  if (numbered.length === 0) return html;
  const tags = [...html.tags, ...numbered].sort((a, b) => a.start - b.start);
  return { tags, other: html.other };
}

const NO_HTML: MarkupScan = { tags: [], other: [] };

function scanHtml(input: string): MarkupScan {
  const tags: Tag[] = [];
  const other: { start: number; end: number; raw: string }[] = [];
  let pendingAttrs: Record<string, string> = Object.create(null) as Record<string, string>;
  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        pendingAttrs[name] = value;
      },
      onopentag(name) {
        const raw = input.slice(parser.startIndex, parser.endIndex + 1);
        tags.push({
          name,
          attributes: pendingAttrs,
          kind: /\/\s*>$/.test(raw) ? 'self-closing' : 'open',
          start: parser.startIndex,
          end: parser.endIndex + 1,
        });
        pendingAttrs = Object.create(null) as Record<string, string>;
      },
      onclosetag(name, isImplied) {
        if (isImplied) return;
        tags.push({
          name,
          attributes: {},
          kind: 'close',
          start: parser.startIndex,
          end: parser.endIndex + 1,
        });
      },
      oncomment() {
        other.push({
          start: parser.startIndex,
          end: parser.endIndex + 1,
          raw: input.slice(parser.startIndex, parser.endIndex + 1),
        });
      },
      onprocessinginstruction() {
        other.push({
          start: parser.startIndex,
          end: parser.endIndex + 1,
          raw: input.slice(parser.startIndex, parser.endIndex + 1),
        });
      },
    },
    { recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(input);
  return { tags, other };
}

/** Converts a string offset to a 1-based line and column. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
