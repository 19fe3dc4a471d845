import type { Tag } from '../../syntax/inline.js';

/**
 * The shape of a text's markup, for comparing a translation with its source without an
 * allowlist: its elements (a tag opened and closed, or self-closing, or void), each with the
 * element it is in, and the first place where tags do not close as they open. Linear in the
 * number of tags.
 */

/** HTML void elements: they have no closing tag. */
export const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export interface Element {
  readonly name: string;
  /** The name of the element it is in (`''` at the top). */
  readonly parent: string;
  readonly paired: boolean;
}

export interface Structure {
  readonly elements: readonly Element[];
  /** The first tag that does not close as it opens: an opening tag never closed, or a stray close. */
  readonly problem: { readonly tag: Tag; readonly kind: 'unclosed' | 'stray' } | undefined;
  /** Characters of markup (the tags themselves). */
  readonly size: number;
  /** Tags (opening, closing and self-closing). */
  readonly count: number;
}

/** The structure of a list of tags (in text order). */
export function structure(tags: readonly Tag[]): Structure {
  const stack: Tag[] = [];
  const elements: Element[] = [];
  let problem: Structure['problem'];
  let size = 0;
  // Where each open name is on the stack (for a linear lookup of what a close closes).
  const depthOf = new Map<string, number[]>();
  const top = () => stack[stack.length - 1]?.name ?? '';
  const pop = (to: number) => {
    while (stack.length > to) {
      const t = stack.pop() as Tag;
      (depthOf.get(t.name) as number[]).pop();
    }
  };
  for (const t of tags) {
    size += t.end - t.start;
    if (t.kind === 'self-closing' || VOID.has(t.name)) {
      if (t.kind !== 'close') elements.push({ name: t.name, parent: top(), paired: false });
      continue;
    }
    if (t.kind === 'open') {
      elements.push({ name: t.name, parent: top(), paired: true });
      let d = depthOf.get(t.name);
      if (d === undefined) depthOf.set(t.name, (d = []));
      d.push(stack.length);
      stack.push(t);
      continue;
    }
    const at = depthOf.get(t.name)?.at(-1);
    if (at === undefined) {
      problem ??= { tag: t, kind: 'stray' };
      continue;
    }
    // Closing an outer element closes the inner ones: they were never closed.
    if (at !== stack.length - 1)
      problem ??= { tag: stack[stack.length - 1] as Tag, kind: 'unclosed' };
    pop(at);
  }
  // `<1>Chrome<1>`: the last tag left open is where a closing tag was meant.
  if (stack.length > 0) problem ??= { tag: stack[stack.length - 1] as Tag, kind: 'unclosed' };
  return { elements, problem, size, count: tags.length };
}

/** `<0>…</0>`, `<1/>`: how a message shows an element. */
export const show = (e: { readonly name: string; readonly paired: boolean }): string =>
  e.paired ? `<${e.name}>…</${e.name}>` : `<${e.name}/>`;

/** Elements by how they are shown, with counts. */
export function tally(elements: readonly Element[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of elements) m.set(show(e), (m.get(show(e)) ?? 0) + 1);
  return m;
}

/** Elements by where they are (`<1>…</1> in <0>`), with counts. */
export function placed(elements: readonly Element[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of elements) {
    const k = `${show(e)} ${e.parent === '' ? 'at the top' : `inside <${e.parent}>`}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The entries of `a` that `b` lacks (counts included), as a list for a message. */
export function lacking(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) {
    const d = n - (b.get(k) ?? 0);
    if (d > 0) out.push(d === 1 ? k : `${k} ×${d}`);
  }
  return out;
}
