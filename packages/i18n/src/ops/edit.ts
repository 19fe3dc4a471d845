import type { Edit, Node } from 'jsonc-parser';
import { jsonc } from '../files/parse-messages.js';

/**
 * Minimal edits to hand-formatted JSON: insert or remove one property and leave every other byte
 * as it was (indentation, key order, inline objects, line endings, the final newline).
 * jsonc-parser's `modify` re-formats the lines around an edit when given formatting options, so
 * the edits are computed here from its parse tree and applied with its `applyEdits`.
 */

export interface Style {
  /** One level of indentation, e.g. two spaces or a tab. */
  readonly unit: string;
  readonly eol: string;
  /** What follows a key: `": "` or `":"`. */
  readonly colon: string;
}

export function detectStyle(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)"/.exec(text);
  const unit = m?.[1] ?? '  ';
  const c = /"\s*:([ \t]*)/.exec(text);
  return { unit, eol, colon: `:${c?.[1] ?? ' '}` };
}

export type JsonValue = string | { readonly [k: string]: JsonValue };

/** Serialises a value as the file's style would (nested objects one property per line). */
export function serialize(value: JsonValue, indent: string, style: Style, inline = false): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  if (inline) {
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}${style.colon}${serialize(v, '', style, true)}`).join(', ')} }`;
  }
  const inner = indent + style.unit;
  return `{${style.eol}${entries
    .map(([k, v]) => `${inner}${JSON.stringify(k)}${style.colon}${serialize(v, inner, style)}`)
    .join(`,${style.eol}`)}${style.eol}${indent}}`;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const indentOf = (text: string, offset: number) =>
  /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
const sameLine = (text: string, a: number, b: number) =>
  !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');

/** Finds the object node at a key path (undefined if some segment is missing or not an object). */
export function objectAt(root: Node | undefined, path: readonly string[]): Node | undefined {
  let node = root;
  for (const seg of path) {
    if (node?.type !== 'object') return undefined;
    const prop = (node.children ?? []).find((p) => p.children?.[0]?.value === seg);
    node = prop?.children?.[1];
  }
  return node?.type === 'object' ? node : undefined;
}

export const propertyNames = (obj: Node): string[] =>
  (obj.children ?? []).map((p) => String(p.children?.[0]?.value));

/**
 * Inserts `"name": value` into the object node `obj`, after the property named `after` (or first
 * when undefined), matching the object's layout: one property per line at the siblings'
 * indentation, or inline (`{ "a": "b", "c": "d" }`) when the object is written on one line.
 */
export function insertProperty(
  text: string,
  obj: Node,
  name: string,
  value: JsonValue,
  after: string | undefined,
  style: Style,
): string {
  return jsonc().applyEdits(text, [insertionEdit(text, obj, [[name, value]], after, style)]);
}

/** The single edit that inserts several properties, in order, at one place of an object. */
export function insertionEdit(
  text: string,
  obj: Node,
  items: readonly (readonly [string, JsonValue])[],
  after: string | undefined,
  style: Style,
): Edit {
  const props = obj.children ?? [];
  const open = obj.offset;
  const close = obj.offset + obj.length - 1;
  if (props.length === 0) {
    // `{ }` is written inline; so is `{}` inside an object written on one line (`{ "a": {} }`).
    const lineEnd = text.indexOf('\n', close);
    const after = text.slice(close + 1, lineEnd === -1 ? text.length : lineEnd).trim();
    if (sameLine(text, open, close) && (close - open > 1 || (after !== '' && after !== ','))) {
      const body = items
        .map(([k, v]) => `${JSON.stringify(k)}${style.colon}${serialize(v, '', style, true)}`)
        .join(', ');
      return { offset: open + 1, length: close - open - 1, content: ` ${body} ` };
    }
    const indent = indentOf(text, open);
    const inner = indent + style.unit;
    const body = items
      .map(([k, v]) => `${JSON.stringify(k)}${style.colon}${serialize(v, inner, style)}`)
      .join(`,${style.eol}${inner}`);
    return {
      offset: open + 1,
      length: close - open - 1,
      content: `${style.eol}${inner}${body}${style.eol}${indent}`,
    };
  }
  const first = props[0] as Node;
  const inline = sameLine(text, open, first.offset);
  const indent = inline ? '' : indentOf(text, first.offset);
  const prev =
    after === undefined ? undefined : props.find((p) => p.children?.[0]?.value === after);
  // A new object value follows its siblings' layout: `{ "label": "…" }` on one line if they are.
  const near = [prev, ...props].find((p) => p?.children?.[1]?.type === 'object')?.children?.[1];
  const inlineValue =
    inline || (near !== undefined && sameLine(text, near.offset, near.offset + near.length));
  const rendered = items.map(
    ([k, v]) => `${JSON.stringify(k)}${style.colon}${serialize(v, indent, style, inlineValue)}`,
  );
  if (prev === undefined) {
    const sep = inline ? ', ' : `,${style.eol}${indent}`;
    return { offset: first.offset, length: 0, content: rendered.map((r) => `${r}${sep}`).join('') };
  }
  const sep = inline ? ', ' : `,${style.eol}${indent}`;
  return {
    offset: prev.offset + prev.length,
    length: 0,
    content: rendered.map((r) => `${sep}${r}`).join(''),
  };
}

/** Every object node of a tree by dotted path ('' for the root). */
export function objectIndex(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (node: Node, path: string) => {
    out.set(path, node);
    for (const p of node.children ?? []) {
      const v = p.children?.[1];
      if (v?.type === 'object')
        walk(
          v,
          path === ''
            ? String(p.children?.[0]?.value)
            : `${path}.${String(p.children?.[0]?.value)}`,
        );
    }
  };
  walk(root, '');
  return out;
}

/** Removes the property named `name` from the object node `obj`, with its comma and line. */
export function removeProperty(text: string, obj: Node, name: string): string {
  const props = obj.children ?? [];
  const i = props.findIndex((p) => p.children?.[0]?.value === name);
  if (i === -1) return text;
  const prop = props[i] as Node;
  let from: number;
  let to: number;
  if (props.length === 1) {
    from = obj.offset + 1;
    to = obj.offset + obj.length - 1;
  } else if (i > 0) {
    const prev = props[i - 1] as Node;
    from = prev.offset + prev.length;
    to = prop.offset + prop.length;
  } else {
    from = prop.offset;
    to = (props[1] as Node).offset;
  }
  return jsonc().applyEdits(text, [{ offset: from, length: to - from, content: '' }]);
}

/**
 * The edits that remove the properties of `obj` marked in `remove` (by index), each with its comma
 * and line, in one batch: runs of neighbouring properties go in one edit, so edits never overlap.
 */
export function removalEdits(obj: Node, remove: readonly boolean[]): Edit[] {
  const props = obj.children ?? [];
  const edits: Edit[] = [];
  let i = 0;
  while (i < props.length) {
    if (remove[i] !== true) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < props.length && remove[j + 1] === true) j++;
    const first = props[i] as Node;
    const last = props[j] as Node;
    let from: number;
    let to: number;
    if (i === 0 && j === props.length - 1) {
      from = obj.offset + 1;
      to = obj.offset + obj.length - 1;
    } else if (i > 0) {
      const prev = props[i - 1] as Node;
      from = prev.offset + prev.length;
      to = last.offset + last.length;
    } else {
      from = first.offset;
      to = (props[j + 1] as Node).offset;
    }
    edits.push({ offset: from, length: to - from, content: '' });
    i = j + 1;
  }
  return edits;
}

/** Parses JSON text into a tree for the edits above (undefined if it does not parse). */
export function parseObject(text: string): Node | undefined {
  const errors: { error: number }[] = [];
  const tree = jsonc().parseTree(text, errors as never, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  return errors.length === 0 && tree?.type === 'object' ? tree : undefined;
}
