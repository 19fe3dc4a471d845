import type { Edit, Node } from 'jsonc-parser';
import { jsonc } from '../files/parse-messages.js';
import {
  detectStyle,
  insertionEdit,
  objectIndex,
  parseObject,
  propertyNames,
  removalEdits,
  type JsonValue,
} from './edit.js';
import type { PluralKeys } from '../check/plural-keys.js';
import { contextBase, PLURAL_CATEGORIES, stringValue, type Logical } from '../model/keys.js';
import type { LocaleFile } from '../model/types.js';
import { formPath } from './namespaces.js';

/** How the project's i18next names plural forms and context variants (as `check` reads them). */
export interface KeyForms {
  readonly keys: PluralKeys;
  readonly contextSeparator: string;
  /**
   * Whether a key's dots are nesting (i18next's `keySeparator`, `.` by default: a new `a.b` is
   * written nested) or part of a flat key's name (`keySeparator: false`).
   */
  readonly nested: boolean;
}

/** What `sync` does to one locale file. */
export interface FilePlan {
  readonly locale: string;
  readonly namespace: string;
  readonly path: string;
  readonly relPath: string;
  /** The file does not exist yet. */
  readonly create: boolean;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Keys that could not be added (a text sits where an object is needed, …). */
  readonly skipped: readonly string[];
  /** The bytes read (empty when created), to detect a concurrent change before writing. */
  readonly original: Uint8Array;
  readonly text: string;
}

/**
 * How `sync` edits one existing locale file: `--prune` removes what the source no longer has,
 * then the missing leaves are added in the source's order, each run of new properties that goes
 * to one place as one edit. Everything else stays byte for byte.
 */

/**
 * The leaves a locale needs for a logical source key: a plural family expands to the forms the
 * locale reads (CLDR's with JSON v4; v3: `key`/`key_plural` or `key_0`…), each with the source
 * form it is translated from.
 */
export function leavesFor(
  s: Logical,
  locale: string,
  have: ReadonlySet<string>,
  { keys, nested }: KeyForms,
): Leaf[] {
  const path = (key: string) => (nested ? key.split('.') : formPath(s, key));
  if (s.kind === 'plain') {
    const v = stringValue(s.entry);
    return have.has(s.key) || v === undefined ? [] : [{ key: s.key, path: path(s.key), value: v }];
  }
  return keys.required(locale, s.ordinal).flatMap((c) => {
    const key = keys.formKey(s.base, s.ordinal, c);
    if (have.has(key)) return [];
    const v = stringValue(keys.sourceFormFor(s, c));
    return v === undefined ? [] : [{ key, path: path(key), value: v }];
  });
}

/** A text a locale lacks: its key, its place in the file (JSON property names), the source text. */
export interface Leaf {
  readonly key: string;
  readonly path: readonly string[];
  readonly value: string;
}

export function editFile(
  source: LocaleFile,
  sourceLogical: ReadonlyMap<string, Logical>,
  target: LocaleFile,
  families: ReadonlySet<string>,
  prune: boolean,
  exempt: (rule: string, key: string) => boolean,
  forms: KeyForms,
): FilePlan {
  const have = new Set(target.entries.keys());
  // Removals first (with --prune), so that a text the source now has as an object is replaced
  // in one run: additions are then computed on what is left.
  const pruned = prune
    ? pruneText(target, source, sourceLogical, families, have, exempt, forms)
    : { text: target.text, removed: [] };
  const additions = addText(pruned.text, source, sourceLogical, target.locale, have, exempt, forms);
  return {
    locale: target.locale,
    namespace: target.namespace,
    path: target.path,
    relPath: target.relPath,
    create: false,
    added: additions.added,
    removed: pruned.removed,
    skipped: additions.skipped,
    original: target.bytes,
    text: target.bom ? `\uFEFF${additions.text}` : additions.text,
  };
}

/**
 * `--prune`: the target's text without the keys the source no longer has (one parse, one pass,
 * one batch of edits: linear however many keys go). Removed keys, and keys under them, leave
 * `have`. Kept: the forms the locale reads of a family the source has (and v4's `_zero`), and
 * context variants of a source key (`friend_male`), which `check` does not call obsolete either.
 */
function pruneText(
  target: LocaleFile,
  source: LocaleFile,
  sourceLogical: ReadonlyMap<string, Logical>,
  families: ReadonlySet<string>,
  have: Set<string>,
  exempt: (rule: string, key: string) => boolean,
  { keys, contextSeparator }: KeyForms,
): { text: string; removed: string[] } {
  const locale = target.locale;
  const removed: string[] = [];
  const sourceLeaves = new Set(source.entries.keys());
  const sourcePrefixes = prefixesOf(sourceLeaves, false);
  const inSource = (k: string) => sourceLogical.has(k);
  const keep = (key: string): boolean => {
    if (sourceLeaves.has(key)) return true;
    const p = keys.parse(key);
    const family = p === undefined ? undefined : keys.family(p.base, p.ordinal);
    if (p !== undefined && family !== undefined && families.has(family)) {
      if (!inSource(family) && contextBase(family, contextSeparator, inSource) === undefined)
        return false;
      return (
        keys.required(locale, p.ordinal).includes(p.category) || (!keys.v3 && p.category === 'zero')
      );
    }
    return contextBase(key, contextSeparator, inSource) !== undefined;
  };
  // Keys under which something is exempt from `obsolete` (the entry itself and its ancestors).
  const exemptPrefixes = prefixesOf(
    [...target.entries.keys()].filter((k) => exempt('obsolete', k)),
    true,
  );
  const edits: Edit[] = [];
  const visit = (obj: Node, prefix: readonly string[]) => {
    const remove = (obj.children ?? []).map((prop) => {
      const name = String(prop.children?.[0]?.value);
      const value = prop.children?.[1];
      const key = [...prefix, name].join('.');
      let gone: boolean;
      if (value?.type === 'object' || value?.type === 'array') {
        // A list stays when the source has one there too (its items are not pruned one by one).
        gone = !sourcePrefixes.has(key) && !exemptPrefixes.has(key);
        if (!gone && value.type === 'object') visit(value, [...prefix, name]);
      } else {
        gone = !keep(key) && !exempt('obsolete', key);
      }
      if (gone) removed.push(key);
      return gone;
    });
    edits.push(...removalEdits(obj, remove));
  };
  const tree = parseObject(target.text);
  if (tree !== undefined) visit(tree, []);
  // What is left: keys under a removed key are gone too.
  const gone = new Set(removed);
  for (const k of [...have]) {
    const parts = k.split('.');
    for (let i = 1; i <= parts.length; i++) {
      if (gone.has(parts.slice(0, i).join('.'))) {
        have.delete(k);
        break;
      }
    }
  }
  return { text: jsonc().applyEdits(target.text, edits), removed };
}

/** Every dotted prefix of the keys (`a`, `a.b` for `a.b.c`), with the keys themselves or not. */
function prefixesOf(keys: Iterable<string>, withKeys: boolean): Set<string> {
  const out = new Set<string>();
  for (const k of keys) {
    const parts = k.split('.');
    const end = withKeys ? parts.length : parts.length - 1;
    for (let i = 1; i <= end; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

/** New properties that go to one place: a text, or an object holding several new leaves. */
interface Group {
  readonly parentPath: string;
  readonly name: string;
  readonly value: JsonValue;
  readonly keys: string[];
}

/**
 * The additions, computed against one parse of the file and applied in one go: each run of new
 * properties that goes to the same place becomes a single edit.
 */
function addText(
  text: string,
  source: LocaleFile,
  sourceLogical: ReadonlyMap<string, Logical>,
  locale: string,
  have: Set<string>,
  exempt: (rule: string, key: string) => boolean,
  forms: KeyForms,
): { text: string; added: string[]; skipped: string[] } {
  const root = parseObject(text);
  if (root === undefined) return { text, added: [], skipped: [] };
  const objects = objectIndex(root);
  const names = new Map<string, Set<string>>();
  const namesOf = (path: string) => {
    let n = names.get(path);
    if (n === undefined) {
      n = new Set(propertyNames(objects.get(path) as Node));
      names.set(path, n);
    }
    return n;
  };
  const { groups, skipped } = groupAdditions(
    sourceLogical,
    locale,
    have,
    objects,
    namesOf,
    exempt,
    forms,
  );
  const sourceOrder = orderOf(source);
  const added: string[] = [];
  const clusters = new Map<
    string,
    { parentPath: string; after: string | undefined; items: [string, JsonValue][] }
  >();
  for (const g of groups.values()) {
    const after = precedingSibling(
      [...namesOf(g.parentPath)],
      g.name,
      sourceOrder.get(g.parentPath) ?? [],
      forms.keys,
    );
    const id = `${g.parentPath}\u0000${after ?? ''}`;
    const c = clusters.get(id) ?? { parentPath: g.parentPath, after, items: [] };
    c.items.push([g.name, g.value]);
    clusters.set(id, c);
    added.push(...g.keys);
  }
  const style = detectStyle(text);
  const edits = [...clusters.values()].map((c) =>
    insertionEdit(text, objects.get(c.parentPath) as Node, c.items, c.after, style),
  );
  return { text: jsonc().applyEdits(text, edits), added, skipped };
}

/** The leaves the locale lacks, grouped by the existing object they go into. */
function groupAdditions(
  sourceLogical: ReadonlyMap<string, Logical>,
  locale: string,
  have: Set<string>,
  objects: ReadonlyMap<string, Node>,
  namesOf: (path: string) => ReadonlySet<string>,
  exempt: (rule: string, key: string) => boolean,
  forms: KeyForms,
): { groups: Map<string, Group>; skipped: string[] } {
  const groups = new Map<string, Group>();
  const skipped: string[] = [];
  for (const s of sourceLogical.values()) {
    if (exempt('missing', s.key)) continue;
    for (const leaf of leavesFor(s, locale, have, forms)) {
      const parts = leaf.path;
      let depth = 0;
      while (depth < parts.length - 1 && objects.has(parts.slice(0, depth + 1).join('.'))) depth++;
      const parentPath = parts.slice(0, depth).join('.');
      const name = parts[depth] as string;
      const rest = parts.slice(depth + 1);
      const id = `${parentPath}\u0000${name}`;
      let group = groups.get(id);
      if (group === undefined) {
        if (!objects.has(parentPath) || namesOf(parentPath).has(name)) {
          skipped.push(leaf.key); // a text where the source has an object, or the reverse
          continue;
        }
        group = { parentPath, name, value: rest.length === 0 ? leaf.value : newObject(), keys: [] };
        groups.set(id, group);
      }
      // A text where the new object needs an object (or the reverse): skipped, never misplaced.
      const fits =
        rest.length > 0
          ? typeof group.value !== 'string' && setLeaf(group.value, rest, leaf.value)
          : typeof group.value === 'string';
      if (!fits) {
        skipped.push(leaf.key);
        continue;
      }
      group.keys.push(leaf.key);
      have.add(leaf.key);
    }
  }
  return { groups, skipped };
}

export const newObject = (): Record<string, JsonValue> =>
  Object.create(null) as Record<string, JsonValue>;

/**
 * Sets `path` to `value` in a tree of prototype-less objects, creating objects on the way.
 * Returns false, changing nothing, when a text is in the way or the leaf is already set.
 */
export function setLeaf(
  root: Record<string, JsonValue>,
  path: readonly string[],
  value: string,
): boolean {
  let node = root;
  for (const p of path.slice(0, -1)) {
    const next = Object.hasOwn(node, p) ? node[p] : undefined;
    if (typeof next === 'string') return false;
    if (next === undefined) {
      const created = newObject();
      node[p] = created;
      node = created;
    } else node = next;
  }
  const last = path.at(-1) as string;
  if (Object.hasOwn(node, last)) return false;
  node[last] = value;
  return true;
}

/** Child names of every object of a file, in order, by dotted path ('' for the root). */
function orderOf(file: LocaleFile): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const e of file.entries.values()) {
    for (let i = 0; i < e.path.length; i++) {
      const parent = e.path.slice(0, i).join('.');
      let set = out.get(parent);
      if (set === undefined) {
        set = new Set();
        out.set(parent, set);
      }
      set.add(e.path[i] as string);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/**
 * The existing property a new one goes after, following the source's order. A plural form the
 * source does not have (`pages_few` when Japanese has only `pages_other`) ranks with its family,
 * in CLDR order (v3: `_plural`, then `_0`, `_1`, …).
 */
function precedingSibling(
  existing: readonly string[],
  name: string,
  order: readonly string[],
  keys: PluralKeys,
): string | undefined {
  const rank = ranker(order, keys);
  const mine = rank(name);
  if (mine === undefined) return existing.at(-1);
  let after: string | undefined;
  for (const e of existing) {
    const r = rank(e);
    if (r !== undefined && r < mine) after = e;
  }
  return after;
}

const rankers = new WeakMap<readonly string[], (n: string) => number | undefined>();

/** The order of forms within a family: CLDR's (v4), or `_plural`, `_0`, `_1`, … (v3). */
const formRank = (category: string): number => {
  const v4 = (PLURAL_CATEGORIES as readonly string[]).indexOf(category);
  if (v4 !== -1) return v4;
  return category === 'plural' ? 1 : 2 + Number(category);
};

/** Ranks names by the source order; plural forms rank with their family, in their order. */
function ranker(order: readonly string[], keys: PluralKeys): (n: string) => number | undefined {
  let r = rankers.get(order);
  if (r === undefined) {
    const index = new Map(order.map((n, i) => [n, i]));
    const families = new Map<string, number>();
    order.forEach((o, i) => {
      const q = keys.parse(o);
      const id = q === undefined ? undefined : `${q.base}\u0000${q.ordinal}`;
      if (id !== undefined && !families.has(id)) families.set(id, i);
    });
    r = (n: string) => {
      const p = keys.parse(n);
      const first = p === undefined ? undefined : families.get(`${p.base}\u0000${p.ordinal}`);
      if (p !== undefined && first !== undefined) return first + formRank(p.category) / 100;
      return index.get(n);
    };
    rankers.set(order, r);
  }
  return r;
}
