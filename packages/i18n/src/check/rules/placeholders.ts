import { stringValue } from '../../model/keys.js';
import { LIMITS } from '../../model/limits.js';
import type { LocaleFile } from '../../model/types.js';
import type { FileRef, NamespaceContext, Pair, ProjectContext } from '../context.js';
import type { Scanned } from '../scan.js';
import { defineRule } from '../rule.js';
import { closest } from '../strings.js';
import { placeholderText } from '../i18next.js';
import { checkIcu } from './placeholders-icu.js';

/**
 * A `$t(…)` nesting, as the cycle check needs it: found while checking the namespace it is in,
 * kept (and cached) in this plain form, and analysed for the whole project at the end of a run.
 */
interface Edge {
  readonly locale: string;
  readonly namespace: string;
  /** `namespace:key` of the text that nests. */
  readonly from: string;
  /** `namespace:key` it nests. */
  readonly to: string;
  /** The file (relative path), the key and the offset of the `$t(` in the file's text. */
  readonly file: string;
  readonly key: string;
  readonly offset: number;
  readonly raw: string;
}

/**
 * The same interpolation names as the source (format options may differ); no unknown names;
 * `$t(…)` nesting pointing at keys that exist, without cycles. In paragraphs of a core document
 * the `facts` rule checks the slots against the core instead.
 */
export const placeholders = defineRule<Edge>({
  meta: {
    id: 'placeholders',
    severity: 'error',
    needsCore: false,
    description:
      "The same {{interpolations}} as the source (with the project's delimiters, or ICU {arguments} and select options with i18next-icu), each as often (else a warning; {{count}} may go only from a plural form read for one number); $t(…) nesting points at existing keys, without cycles.",
  },
  namespace(ctx) {
    checkPairs(ctx);
    checkNesting(ctx);
  },
  project(ctx, edges) {
    checkCycles(ctx, edges);
  },
});

/** Each target string against its source string: names, escaping, nestings. */
function checkPairs(ctx: NamespaceContext<Edge>): void {
  const paragraphs = ctx.paragraphs();
  const icu = ctx.i18next.format === 'icu';
  const pairs = ctx.pairs();
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p] as Pair;
    if (pair.value.trim() === '') continue; // `empty` (or `untranslated`) reports it
    const t = ctx.scan(pair.value, pair.entry);
    const s = ctx.scan(pair.sourceValue, pair.sourceEntry);
    if (icu) {
      checkIcu(ctx, pair, t, s);
      continue;
    }
    // Most texts have no interpolation and nest nothing: nothing to compare, nothing made.
    const named = t.interpolations.length > 0 || s.interpolations.length > 0;
    if (!named && s.nestings.length === 0) continue;
    if (named && !paragraphs.has(pair.entry.key)) checkNames(ctx, pair, t, s);
    // Unescaped interpolation where the source escapes.
    for (const i of t.interpolations) {
      if (!i.unescaped) continue;
      const si = s.interpolations.find((x) => x.name === i.name);
      if (si !== undefined && !si.unescaped) {
        ctx.report({
          file: pair.file,
          offset: pair.file.valueOffset(pair.entry, i.start),
          key: pair.entry.key,
          message: `{{- ${i.name}}} inserts the value without HTML escaping; the source escapes it`,
          hint: `Write {{${i.name}…}} without the "-".`,
        });
      }
    }
    // Nesting parity (a translation may inline the nested text, so only a warning).
    if (s.nestings.length === 0) continue;
    const sourceNests = new Set(s.nestings.map((n) => n.key));
    const nests = new Set(t.nestings.map((n) => n.key));
    for (const k of sourceNests) {
      if (nests.has(k)) continue;
      ctx.report({
        severity: 'warning',
        file: pair.file,
        offset: pair.file.valueOffset(pair.entry, 0),
        key: pair.entry.key,
        message: `the source nests $t(${k}); this text does not`,
        hint: `Use $t(${k}) as the source does, unless the text is deliberately written out.`,
      });
    }
  }
}

/**
 * The source's interpolation names, and no others, each as often as in the source. A plural form
 * may use `count` where the source does not, and may leave it out where i18next reads the form
 * for one number only (en `_one`: 1; not uk `_one`: 1, 21, 31, …), which is noted (info).
 */
function checkNames(ctx: NamespaceContext<Edge>, pair: Pair, t: Scanned, s: Scanned): void {
  // Nearly every translation says the source's names in the source's order: nothing to report,
  // and nothing made to find that out.
  if (sameNames(t.interpolations, s.interpolations)) return;
  // Whether the text is a plural form matters only where `count` differs: found then.
  let form: Form | undefined | null = null;
  const formOfPair = () => (form === null ? (form = formOf(ctx, pair)) : form);
  const show = (name: string) => placeholderText(ctx.i18next, name);
  const sourceNames = new Map(s.interpolations.map((i) => [i.name, i]));
  const names = new Set(t.interpolations.map((i) => i.name));
  const at = { file: pair.file, offset: pair.file.valueOffset(pair.entry, 0), key: pair.entry.key };
  for (const [name, i] of sourceNames) {
    if (names.has(name)) continue;
    const f = name === 'count' ? formOfPair() : undefined;
    if (f !== undefined) {
      countLeftOut(ctx, pair, f, show(name));
      continue;
    }
    ctx.report({
      ...at,
      message: `missing ${show(name)}: the source has ${i.raw}`,
      hint: `Put ${i.raw} where it belongs in the sentence (the name must stay "${name}"; format options may change).`,
    });
  }
  for (const i of t.interpolations) {
    if (sourceNames.has(i.name) || (i.name === 'count' && formOfPair() !== undefined)) continue;
    const near = closest(i.name, sourceNames.keys());
    ctx.report({
      file: pair.file,
      offset: pair.file.valueOffset(pair.entry, i.start),
      key: pair.entry.key,
      message: `unknown interpolation ${show(i.name)}: the source has no such name${near === undefined ? '' : ` (did you mean ${show(near)}?)`}`,
      hint:
        near === undefined
          ? `Use only the source's names: ${[...sourceNames.keys()].map(show).join(', ') || 'none'}. The value is filled in by the program, not typed.`
          : `Rename it to ${show(near)}: interpolation names are never translated.`,
    });
  }
  // The same names, a different number of times: one finding per text (a warning: a name may be
  // said twice on purpose, but one too few or too many is often an outdated or garbled copy).
  const times = (list: Scanned['interpolations']) => {
    const m = new Map<string, number>();
    for (const i of list) m.set(i.name, (m.get(i.name) ?? 0) + 1);
    return m;
  };
  const mine = times(t.interpolations);
  const theirs = times(s.interpolations);
  const differ: string[] = [];
  for (const [name, n] of theirs) {
    const m = mine.get(name);
    if (m !== undefined && m !== n)
      differ.push(`${show(name)} appears ${often(m)} (in the source ${often(n)})`);
  }
  if (differ.length > 0)
    ctx.report({
      ...at,
      severity: 'warning',
      message: `${differ.join('; ')}`,
      hint: 'Check that the text says everything the source says, each value where it belongs (an outdated copy, or a value put in twice, shows this); if the repeat is deliberate, nothing to fix.',
    });
}

/** The same names in the same order (so none missing, none unknown, each as often). */
function sameNames(a: Scanned['interpolations'], b: Scanned['interpolations']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.name !== b[i]?.name) return false;
  return true;
}

const often = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A plural form: its category (v3's bare key: `''`), its family's categories, cardinal or ordinal. */
interface Form {
  readonly category: string;
  readonly present: ReadonlySet<string>;
  readonly ordinal: boolean;
}

/** The plural form a pair's target text is, or undefined for a plain text. */
function formOf(ctx: NamespaceContext<Edge>, pair: Pair): Form | undefined {
  const families = ctx.families(pair.file.namespace);
  if (!ctx.keys.isForm(pair.entry.key, families)) return undefined;
  const p = ctx.keys.parse(pair.entry.key);
  const fk = p === undefined ? undefined : ctx.keys.family(p.base, p.ordinal);
  // A suffixed form of a family, else (v3) the family's bare key itself.
  const form: Omit<Form, 'present'> =
    p !== undefined && fk !== undefined && families.has(fk)
      ? { category: p.category, ordinal: p.ordinal }
      : { category: '', ordinal: false };
  const l = ctx.logical(pair.file).get(form.category === '' ? pair.entry.key : (fk as string));
  return { ...form, present: new Set(l?.kind === 'plural' ? l.forms.keys() : []) };
}

/**
 * `count` left out of a plural form: fine where i18next reads the form for one number only (the
 * text can say it in words), an error where it reads it for several (the reader cannot tell).
 */
function countLeftOut(ctx: NamespaceContext<Edge>, pair: Pair, form: Form, raw: string): void {
  const locale = pair.file.locale;
  const counts = ctx.keys.counts(locale, form.category, form.ordinal, form.present);
  if (counts.length === 0) return; // never read with a count
  const at = { file: pair.file, offset: pair.file.valueOffset(pair.entry, 0), key: pair.entry.key };
  const examples = ctx.keys.examples(locale, form.category, form.ordinal);
  if (counts.length === 1) {
    ctx.report({
      ...at,
      severity: 'info',
      message: `${raw} is left out: i18next reads this form in ${locale} only for ${counts[0]}, so the text may say it in words`,
      hint: `Nothing to fix if the text is right for ${counts[0]}; else put ${raw} back.`,
    });
    return;
  }
  ctx.report({
    ...at,
    message: `missing ${raw}: i18next reads this form in ${locale} for ${examples}, and the text does not say which`,
    hint: `Put ${raw} where the number belongs in the sentence (only a form for one number, such as "one" in English, may say it in words).`,
  });
}

function resolveNested(
  ctx: NamespaceContext<Edge>,
  locale: string,
  ns: string,
  key: string,
): { ns: string; key: string; exists: boolean } {
  const sep = ctx.i18next.nsSeparator;
  const colon = sep === false ? -1 : key.indexOf(sep);
  const targetNs = colon === -1 ? ns : key.slice(0, colon);
  const targetKey = colon === -1 ? key : key.slice(colon + (sep as string).length);
  const file = ctx.usable(locale, targetNs);
  const exists =
    file !== undefined && (file.entries.has(targetKey) || ctx.logical(file).has(targetKey));
  return { ns: targetNs, key: targetKey, exists };
}

/**
 * Every `$t(…)` of one namespace, in every locale: reports those pointing at a key that does not
 * exist, and keeps each as an edge for the cycle check (which needs the whole project: a cycle can
 * run through several namespaces, whose results are cached apart).
 */
function checkNesting(ctx: NamespaceContext<Edge>): void {
  const ns = ctx.namespace;
  for (const locale of ctx.project.locales) {
    const file = ctx.usable(locale, ns);
    if (file === undefined) continue;
    for (const entry of file.entries.values()) {
      const v = stringValue(entry);
      if (v === undefined || !v.includes(ctx.i18next.delimiters.nestingPrefix)) continue;
      const p = ctx.keys.parse(entry.key);
      const fk = p === undefined ? undefined : ctx.keys.family(p.base, p.ordinal);
      const from = `${ns}:${fk !== undefined && ctx.logical(file).has(fk) ? fk : entry.key}`;
      for (const n of ctx.scan(v).nestings) {
        const r = resolveNested(ctx, locale, ns, n.key);
        const offset = file.valueOffset(entry, n.start);
        ctx.collect({
          locale,
          namespace: ns,
          from,
          to: `${r.ns}:${r.key}`,
          file: file.relPath,
          key: entry.key,
          offset,
          raw: n.raw,
        });
        if (r.exists) continue;
        const targetFile = ctx.project.file(locale, r.ns);
        if (targetFile !== undefined && !targetFile.usable) continue; // syntax reports that file
        ctx.report({
          file,
          offset,
          key: entry.key,
          message: `$t(${n.key}) points at a key that ${locale} does not have (${r.ns}:${r.key})`,
          hint: 'Fix the key name (namespace:key.path), or add the key it points at.',
        });
      }
    }
  }
}

/**
 * The nestings of the last project pass that found neither a cycle nor a runaway expansion, and
 * the locales they were checked for: whether a graph is clean depends on nothing else, so the same
 * graph again (a watching process re-checking after an edit elsewhere) is clean again without the
 * walk. Edges are compared by what the walk reads: locale, from, to.
 */
let lastClean: { readonly locales: readonly string[]; readonly edges: readonly Edge[] } | undefined;

function sameGraph(a: readonly Edge[], b: readonly Edge[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Edge;
    const y = b[i] as Edge;
    if (x !== y && (x.locale !== y.locale || x.from !== y.from || x.to !== y.to)) return false;
  }
  return true;
}

/** `$t(…)` cycles and runaway expansions, over the nestings of every namespace, per locale. */
function checkCycles(ctx: ProjectContext, edges: readonly Edge[]): void {
  const locales = ctx.project.locales;
  if (lastClean !== undefined && lastClean.locales === locales && sameGraph(lastClean.edges, edges))
    return;
  let reported = false;
  const report: ProjectContext['report'] = (raw) => {
    reported = true;
    ctx.report(raw);
  };
  walkNestings(ctx, edges, report);
  lastClean = reported ? undefined : { locales, edges };
}

function walkNestings(
  ctx: ProjectContext,
  edges: readonly Edge[],
  report: ProjectContext['report'],
): void {
  // Where an edge is: the `$t(` in its file (its position is worked out only for a finding).
  const fileOf = (e: Edge): { file: LocaleFile | FileRef; offset: number } => ({
    file: ctx.project.file(e.locale, e.namespace) ?? {
      relPath: e.file,
      locale: e.locale,
      namespace: e.namespace,
    },
    offset: e.offset,
  });
  for (const locale of ctx.project.locales) {
    const graph = new Map<string, Edge[]>();
    for (const e of edges) {
      if (e.locale !== locale) continue;
      const list = graph.get(e.from) ?? [];
      list.push(e);
      graph.set(e.from, list);
    }
    // Depth-first, with an explicit stack: a chain of ten thousand nested keys must not overflow
    // the checker's own stack. On the way back up, each key gets the size of its full expansion.
    const state = new Map<string, 1 | 2>();
    const path: string[] = [];
    const texts = new Map<string, number>();
    const depth = new Map<string, number>();
    for (const root of graph.keys()) {
      if (state.has(root)) continue;
      const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
      state.set(root, 1);
      path.push(root);
      while (work.length > 0) {
        const top = work[work.length - 1] as { node: string; next: number };
        const edges = graph.get(top.node) ?? [];
        if (top.next < edges.length) {
          const e = edges[top.next++] as Edge;
          const s = state.get(e.to);
          if (s === 1) {
            const cycle = [...path.slice(path.indexOf(e.to)), e.to];
            report({
              ...fileOf(e),
              key: e.key,
              message: `${e.raw} makes a cycle: ${cycle.join(' → ')}`,
              hint: 'A nested key must not (even indirectly) nest the key it is in: write one of them out.',
            });
          } else if (s === undefined) {
            state.set(e.to, 1);
            path.push(e.to);
            work.push({ node: e.to, next: 0 });
          }
          continue;
        }
        // Every child is done (or is an ancestor: a cycle, reported above, counted as nothing).
        let n = 0;
        let d = 0;
        for (const e of edges) {
          if (state.get(e.to) !== 2) continue;
          n = Math.min(Number.MAX_SAFE_INTEGER, n + 1 + (texts.get(e.to) ?? 0));
          d = Math.max(d, 1 + (depth.get(e.to) ?? 0));
        }
        texts.set(top.node, n);
        depth.set(top.node, d);
        state.set(top.node, 2);
        path.pop();
        work.pop();
        const first = edges[0];
        if (first !== undefined && (n > LIMITS.nestedTexts || d > LIMITS.nestingDepth)) {
          report({
            ...fileOf(first),
            key: first.key,
            message:
              d > LIMITS.nestingDepth
                ? `$t(…) nesting from here goes ${d} levels deep (at most ${LIMITS.nestingDepth}): the page cannot show it`
                : `$t(…) nesting from here expands to ${n.toLocaleString('en')} texts (at most ${LIMITS.nestedTexts.toLocaleString('en')}): the page cannot show it`,
            hint: 'Nest a text once or twice, not texts that nest texts that nest texts: write the repeated part out.',
          });
        }
      }
    }
  }
}
