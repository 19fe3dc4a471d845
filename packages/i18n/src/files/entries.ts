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
  /** The events of jsonc-parser's `visit` (functions it may call unbound). */
  readonly visitor: JsonEvents;
  /** The same events as methods of one object, for {@link walkJson} (one call each, no closure). */
  readonly events: JsonEvents;
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
  const c = new Collector(problems);
  return {
    // jsonc-parser calls its visitor's functions unbound: the collector's own methods, bound.
    visitor: {
      onObjectBegin: c.onObjectBegin.bind(c),
      onObjectEnd: c.onObjectEnd.bind(c),
      onArrayBegin: c.onArrayBegin.bind(c),
      onArrayEnd: c.onArrayEnd.bind(c),
      onObjectProperty: c.onObjectProperty.bind(c),
      onLiteralValue: c.onLiteralValue.bind(c),
    },
    events: c,
    root: () => ({ type: c.rootType, offset: c.rootOffset }),
    finish: () => dropOverwritten(c.out, c.duplicates),
  };
}

const frame = (array: boolean, path: readonly string[], prefix: string): Frame => ({
  array,
  path,
  prefix,
  seen: new Set(),
  index: 0,
  name: '',
  nameOffset: 0,
});

/** The state of one pass: the entries so far, the open containers, the duplicates seen. */
class Collector implements JsonEvents {
  readonly out = new Map<string, Entry>();
  readonly stack: Frame[] = [];
  /** Keys written again later in the same object, with the latest offset: what came before is dropped. */
  readonly duplicates = new Map<string, number>();
  rootType: ValueType | 'object' | 'array' | undefined;
  rootOffset = 0;
  /**
   * Another entry can have the same key only after a duplicate name, or when some name holds a
   * dot (`"a.b"` beside `"a": { "b" }`, or `"list.0"` beside a list): until then, no lookup.
   */
  private collisions = false;
  // Where the value that comes next is, in the innermost container (set by `place`, read at
  // once: no object per value).
  private placeParent: readonly string[] = [];
  private placeName = '';
  private placeKey = '';
  private placeKeyOffset = 0;
  private placeInArray = false;

  constructor(private readonly problems: SyntaxProblem[]) {}

  onObjectBegin(offset: number): void {
    this.open(false, offset);
  }
  onObjectEnd(): void {
    this.stack.pop();
  }
  onArrayBegin(offset: number): void {
    this.open(true, offset);
  }
  onArrayEnd(): void {
    this.stack.pop();
  }
  onObjectProperty(name: string, offset: number): void {
    this.property(name, offset);
  }
  onLiteralValue(value: unknown, offset: number, length: number): void {
    this.literal(value, offset, length);
  }

  private place(valueOffset: number): void {
    const top = this.stack[this.stack.length - 1] as Frame;
    const name = top.array ? String(top.index++) : top.name;
    this.placeParent = top.path;
    this.placeName = name;
    this.placeKey = top.prefix + name;
    this.placeKeyOffset = top.array ? valueOffset : top.nameOffset;
    this.placeInArray = top.array;
  }

  open(array: boolean, offset: number): void {
    if (this.stack.length === 0) {
      this.rootType = array ? 'array' : 'object';
      this.rootOffset = offset;
      this.stack.push(frame(array, [], ''));
      return;
    }
    this.place(offset);
    this.stack.push(frame(array, [...this.placeParent, this.placeName], `${this.placeKey}.`));
  }

  property(name: string, offset: number): void {
    const top = this.stack[this.stack.length - 1] as Frame;
    top.name = name;
    top.nameOffset = offset;
    // The dotted key is made only for a problem (`place` makes it for the value).
    // Most keys are plain printable ASCII (spaces too: keys that are the source text): only
    // others can hold an invisible character.
    if (!/^[\x20-\x7e]*$/.test(name)) this.invisibleInKey(top, name, top.prefix + name, offset);
    if (name.includes('.')) this.collisions = true;
    if (top.seen.has(name)) {
      const key = top.prefix + name;
      this.collisions = true;
      this.problems.push({
        kind: 'duplicate',
        offset,
        message: `duplicate key "${key}": JSON.parse keeps only this last one and silently drops the first`,
        hint: 'Delete one of the two, keeping the right text.',
        key,
      });
      this.duplicates.set(key, offset); // keep the last, as JSON.parse and i18next do
    }
    top.seen.add(name);
  }

  private invisibleInKey(top: Frame, name: string, key: string, offset: number): void {
    const hidden = findInvisible(name, { marks: true });
    if (hidden.length === 0) return;
    const h = hidden[0] as (typeof hidden)[number];
    const looks = [
      ...top.path,
      [...name].filter((_, i) => !hidden.some((x) => x.index === i)).join(''),
    ];
    this.problems.push({
      kind: 'key',
      offset,
      message: `the key "${key}" contains the invisible character ${h.code} (${h.name})${hidden.length > 1 ? ` and ${hidden.length - 1} more` : ''}: it looks like "${looks.join('.')}" but is another key`,
      hint: 'Retype the key, or copy it from the source file: keys are never translated.',
      key,
    });
  }

  literal(value: unknown, offset: number, length: number): void {
    if (this.stack.length === 0) {
      this.rootType = typeOf(value);
      this.rootOffset = offset;
      return;
    }
    this.place(offset);
    const key = this.placeKey;
    const keyOffset = this.placeKeyOffset;
    const inArray = this.placeInArray;
    const type = typeOf(value);
    if (type !== 'string') this.problems.push(typeProblem(key, type, value, offset, inArray));
    const existing = this.collisions ? this.out.get(key) : undefined;
    if (
      !inArray &&
      existing !== undefined &&
      !samePath(existing.path, [...this.placeParent, this.placeName])
    ) {
      // `"a.b": "…"` and `"a": { "b": "…" }` are one key to i18next, which reads the nested one.
      this.problems.push({
        kind: 'duplicate',
        offset: keyOffset,
        message: `"${key}" is written twice, once with dots in the key and once nested; i18next reads only the nested one`,
        hint: 'Keep one of the two (nested, like the rest of the file) with the right text, and delete the other.',
        key,
      });
      // The nested one is already there: keep it.
      if (existing.path.length >= this.placeParent.length + 1) return;
    } else if (existing !== undefined) this.out.delete(key); // a duplicate: the last one goes last
    this.out.set(
      key,
      new ParsedEntry(
        key,
        this.placeParent,
        this.placeName,
        type,
        value,
        keyOffset,
        offset,
        length,
      ),
    );
  }
}

/**
 * An entry as the collector makes it: its path (the names from the root) is made only when asked
 * for, from its container's, which its siblings share (most entries' paths are never asked for).
 */
export class ParsedEntry implements Entry {
  private made: readonly string[] | undefined;
  /**
   * A slot for one memo about this entry (the check run's scan of its value), valid for the
   * `memoOwner` that set it: an identity lookup without a map of every entry (a map of 600,000
   * entries cost a tenth of the check of one file at the key-count limit, bench/analysis.md).
   */
  memoOwner: object | undefined = undefined;
  memo: unknown = undefined;

  constructor(
    readonly key: string,
    private readonly parent: readonly string[],
    private readonly name: string,
    readonly type: ValueType,
    readonly value: unknown,
    readonly keyOffset: number,
    readonly valueOffset: number,
    readonly valueLength: number,
  ) {}

  get path(): readonly string[] {
    return (this.made ??= [...this.parent, this.name]);
  }

  /** The path of the container holding it: one array shared by its siblings. */
  get container(): readonly string[] {
    return this.parent;
  }

  /**
   * A parsed entry that is no plural form is its own logical key (`Logical` of kind `plain`, see
   * `PluralKeys.logical`): no object made for each key of each file.
   */
  get kind(): 'plain' {
    return 'plain';
  }
  get entry(): this {
    return this;
  }

  /** As a plain entry (what `JSON.stringify` writes of it). */
  toJSON(): Entry {
    const { key, path, type, value, keyOffset, valueOffset, valueLength } = this;
    return { key, path, type, value, keyOffset, valueOffset, valueLength };
  }
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
