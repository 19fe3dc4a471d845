/**
 * Lookups by key over a list that is made once and read many times (a site's routes: every page
 * asks for its own, its switcher and its links). `find` over the list on each of thousands of
 * pages made a build quadratic in its documents; these index the list once, on first use, and
 * keep the index as long as the list lives. For lists that are not changed once made.
 */

const indexes = new WeakMap<object, Map<string, Map<string, readonly unknown[]>>>();

/**
 * Every item of `items` with key `key(item)`, in their order (the first is what `find` would
 * give); the index is made once per list and `name`.
 */
export function itemsBy<T>(
  items: readonly T[],
  name: string,
  key: (item: T) => string,
): (k: string) => readonly T[] {
  let byName = indexes.get(items);
  if (byName === undefined)
    indexes.set(items, (byName = new Map<string, Map<string, readonly unknown[]>>()));
  let index = byName.get(name) as Map<string, T[]> | undefined;
  if (index === undefined) {
    const made = new Map<string, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = made.get(k);
      if (list === undefined) made.set(k, [item]);
      else list.push(item);
    }
    byName.set(name, made);
    index = made;
  }
  const found = index;
  return (k) => found.get(k) ?? [];
}

/** The first item of `items` with key `k` (as `items.find` would give), from {@link itemsBy}. */
export function firstBy<T>(
  items: readonly T[],
  name: string,
  key: (item: T) => string,
): (k: string) => T | undefined {
  const all = itemsBy(items, name, key);
  return (k) => all(k)[0];
}
