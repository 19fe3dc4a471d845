import type { Entry, SyntaxProblem, ValueType } from '../model/types.js';
import { findInvisible } from '../syntax/invisible.js';
import type { JsonEvents } from './walk-json.js';

/**
 * The leaves of a locale file as entries with offsets, from one streaming pass of jsonc-parser's
 * visitor: no parse tree is built (a large file would hold a node per value), and work is linear
 * in the size of the file, however many keys it has. Reports what a translator must fix about
 * keys and values: invisible characters in keys, duplicate keys (JSON.parse keeps the last),
 * a key written both dotted and nested (i18next reads the nested one), values that are not text.
 */

interface Frame {
  readonly array: boolean;
  readonly path: readonly string[];
  /** The dotted key of this container followed by a dot (empty at the root). */
  readonly prefix: string;
  /** Object: names seen so far (duplicates). */
  readonly seen: Set<string>;
  /** Array: the next element's index. */
  index: number;
  /** Object: the property whose value comes next, and where its name is. */
  name: string;
  nameOffset: number;
}

export interface EntryCollector {
  /** The events of jsonc-parser's `visit` and of {@link walkValidJson} (both call them alike). */
  readonly visitor: JsonEvents;
  /** The root value's type and offset (`undefined` type when the text held no value). */
  readonly root: () => { type: ValueType | 'object' | 'array' | undefined; offset: number };
  /** The entries, once the visitor has seen the whole text (without errors). */
  finish(): Map<string, Entry>;
}

const article = (t: string) =>
  t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`;

const typeOf = (value: unknown): ValueType =>
  value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');

/** A visitor that collects a file's entries and key problems (see the module comment). */
export function collectEntries(problems: SyntaxProblem[]): EntryCollector {
  const out = new Map<string, Entry>();
  const stack: Frame[] = [];
  // Keys written again later in the same object, with the latest offset: what came before is dropped.
  const duplicates = new Map<string, number>();
  let rootType: ValueType | 'object' | 'array' | undefined;
  let rootOffset = 0;
  // Another entry can have the same key only after a duplicate name, or when some name holds a
  // dot (`"a.b"` beside `"a": { "b" }`, or `"list.0"` beside a list): until then, no lookup.
  let collisions = false;

  // Where the value that comes next is, in the innermost container (set by `place`, read at
  // once: no object per value).
  let placePath: string[] = [];
  let placeKey = '';
  let placeKeyOffset = 0;
  let placeInArray = false;
  const place = (valueOffset: number): void => {
    const top = stack[stack.length - 1] as Frame;
    const name = top.array ? String(top.index++) : top.name;
    placePath = top.path.concat(name);
    placeKey = top.prefix + name;
    placeKeyOffset = top.array ? valueOffset : top.nameOffset;
    placeInArray = top.array;
  };
  const frame = (array: boolean, path: readonly string[], prefix: string): Frame => ({
    array,
    path,
    prefix,
    seen: new Set(),
    index: 0,
    name: '',
    nameOffset: 0,
  });
  const open = (array: boolean, offset: number) => {
    if (stack.length === 0) {
      rootType = array ? 'array' : 'object';
      rootOffset = offset;
      stack.push(frame(array, [], ''));
      return;
    }
    place(offset);
    stack.push(frame(array, placePath, `${placeKey}.`));
  };
  const close = () => void stack.pop();

  const property = (name: string, offset: number) => {
    const top = stack[stack.length - 1] as Frame;
    top.name = name;
    top.nameOffset = offset;
    const key = top.prefix + name;
    // Most keys are plain ASCII: only others can hold an invisible character.
    const hidden = /^[\x21-\x7e]*$/.test(name) ? [] : findInvisible(name, { marks: true });
    if (hidden.length > 0) {
      const h = hidden[0] as (typeof hidden)[number];
      const looks = [
        ...top.path,
        [...name].filter((_, i) => !hidden.some((x) => x.index === i)).join(''),
      ];
      problems.push({
        kind: 'key',
        offset,
        message: `the key "${key}" contains the invisible character ${h.code} (${h.name})${hidden.length > 1 ? ` and ${hidden.length - 1} more` : ''}: it looks like "${looks.join('.')}" but is another key`,
        hint: 'Retype the key, or copy it from the source file: keys are never translated.',
        key,
      });
    }
    if (name.includes('.')) collisions = true;
    if (top.seen.has(name)) {
      collisions = true;
      problems.push({
        kind: 'duplicate',
        offset,
        message: `duplicate key "${key}": JSON.parse keeps only this last one and silently drops the first`,
        hint: 'Delete one of the two, keeping the right text.',
        key,
      });
      duplicates.set(key, offset); // keep the last, as JSON.parse and i18next do
    }
    top.seen.add(name);
  };

  const literal = (value: unknown, offset: number, length: number) => {
    if (stack.length === 0) {
      rootType = typeOf(value);
      rootOffset = offset;
      return;
    }
    place(offset);
    const path = placePath;
    const key = placeKey;
    const keyOffset = placeKeyOffset;
    const inArray = placeInArray;
    const type = typeOf(value);
    if (type !== 'string') problems.push(typeProblem(key, type, value, offset, inArray));
    const existing = collisions ? out.get(key) : undefined;
    if (!inArray && existing !== undefined && !samePath(existing.path, path)) {
      // `"a.b": "…"` and `"a": { "b": "…" }` are one key to i18next, which reads the nested one.
      problems.push({
        kind: 'duplicate',
        offset: keyOffset,
        message: `"${key}" is written twice, once with dots in the key and once nested; i18next reads only the nested one`,
        hint: 'Keep one of the two (nested, like the rest of the file) with the right text, and delete the other.',
        key,
      });
      if (existing.path.length >= path.length) return; // the nested one is already there: keep it
    } else if (existing !== undefined) out.delete(key); // a duplicate: the last one goes last
    out.set(key, { key, path, type, value, keyOffset, valueOffset: offset, valueLength: length });
  };

  return {
    visitor: {
      onObjectBegin: (offset) => open(false, offset),
      onObjectEnd: close,
      onArrayBegin: (offset) => open(true, offset),
      onArrayEnd: close,
      onObjectProperty: property,
      onLiteralValue: literal,
    },
    root: () => ({ type: rootType, offset: rootOffset }),
    finish: () => dropOverwritten(out, duplicates),
  };
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function typeProblem(
  key: string,
  type: ValueType,
  value: unknown,
  offset: number,
  inArray: boolean,
): SyntaxProblem {
  return inArray
    ? {
        kind: 'type',
        offset,
        message: `"${key}" is ${article(type)}; translations are strings`,
        hint: 'Write it as a string.',
        key,
      }
    : {
        kind: 'type',
        offset,
        message: `"${key}" is ${article(type)}${type === 'null' ? '' : ` (${JSON.stringify(value)})`}; translations are strings`,
        hint: `Write it as a string: "${String(value)}".`,
        key,
      };
}

/**
 * Drops the entries a later duplicate key replaced: an entry named by (or under) a key written
 * again after it. One pass over the entries, whatever the number of duplicates.
 */
function dropOverwritten(out: Map<string, Entry>, duplicates: ReadonlyMap<string, number>) {
  if (duplicates.size === 0) return out;
  for (const [key, entry] of out) {
    for (let at = key.indexOf('.'); ; at = key.indexOf('.', at + 1)) {
      const prefix = at === -1 ? key : key.slice(0, at);
      const later = duplicates.get(prefix);
      if (later !== undefined && later > entry.keyOffset) {
        out.delete(key);
        break;
      }
      if (at === -1) break;
    }
  }
  return out;
}
