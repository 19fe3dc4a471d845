import { ALLOWED_TAGS, CONTENT_TAGS } from '../../syntax/html-policy.js';
import type { Tag } from '../../syntax/inline.js';
import type { LocaleFile, Entry } from '../../model/types.js';
import type { NamespaceContext, Pair, StringEntry } from '../context.js';
import { defineRule } from '../rule.js';
import { lacking, placed, structure, tally, VOID, type Structure } from './markup-structure.js';

/** Elements that can run script, load content or restyle the page: never allowed, whatever the config says. */
const DANGEROUS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'img',
  'video',
  'audio',
  'source',
  'picture',
  'portal',
  'xmp',
  'plaintext',
  'noembed',
  'title',
]);
const URL_SCHEME = /^(?:javascript|vbscript|data|livescript):/i;

interface Issue {
  readonly text: string;
  readonly pinned: boolean;
}

/**
 * Inline markup. Always: never script, event handlers or `javascript:` URLs (errors that
 * configuration cannot lower), no comments, and no markup out of proportion to the source's.
 * With an allowlist (a project with a core, whose pages the toolkit renders, or one that sets
 * `rules.markup.allowTags`): only the allowed tags and attributes, and the same tags as the source
 * (a warning). Without one (any other i18next project): exactly the source's tags, react-i18next's
 * numbered and named components included, closed as they are opened and nested as in the source.
 */
export const markup = defineRule({
  meta: {
    id: 'markup',
    severity: 'error',
    needsCore: false,
    description:
      "The same inline tags as the source (react-i18next's <0>…</0> and <bold> included), closed and nested as in the source; only allowed tags where the project has an allowlist; never anything that can run script; no markup out of proportion to the source's.",
    options: {
      allowTags: {
        type: 'object',
        description:
          'extra inline tags and their allowed attributes, e.g. { "bold": [] } (turns the allowlist on); script-capable tags and on* attributes are never allowed',
      },
      allowlist: {
        type: 'boolean',
        description:
          "whether only the renderer's tags (plus allowTags) are allowed; default: when the project has a core or sets allowTags, else the source's tags are the reference",
      },
    },
  },
  namespace(ctx) {
    const allowed = allowlist(ctx);
    checkTags(ctx, allowed);
    // Never-allowed tags are reported once, as such, not again as a difference from the source.
    const shape = (v: string) => structure(ctx.scan(v).tags.filter((x) => !DANGEROUS.has(x.name)));
    // A source text's shape and tag counts, made once for every language that translates it.
    const sources = new Map<Entry, SourceMarkup>();
    const pairs = ctx.pairs();
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p] as Pair;
      if (pair.value.trim() === '') continue; // `empty` reports it
      if (!pair.value.includes('<') && !pair.sourceValue.includes('<')) continue;
      const tags = ctx.scan(pair.value, pair.entry).tags;
      const sourceTags = ctx.scan(pair.sourceValue, pair.sourceEntry).tags;
      if (tags.length === 0 && sourceTags.length === 0) continue; // nothing to compare
      let src = sources.get(pair.sourceEntry);
      if (src === undefined) {
        src = { shape: shape(pair.sourceValue), counts: [undefined, undefined] };
        sources.set(pair.sourceEntry, src);
      }
      const notDangerous = (x: Tag) => !DANGEROUS.has(x.name);
      const t = structure(
        keptByTrans(ctx, tags.filter(notDangerous), sourceTags.filter(notDangerous), allowed),
      );
      if (outOfProportion(ctx, pair, t, src.shape)) continue;
      if (allowed !== undefined) compareCounts(ctx, pair, allowed, src);
      else compareStructure(ctx, pair, t, src.shape);
    }
  },
});

/**
 * react-i18next (`react`, no allowlist): a plain HTML tag of `transKeepBasicHtmlNodesFor` (`<br/>`,
 * `<strong>`; no attributes) that a translation adds is rendered as itself, as a translator may
 * want (a line break the language needs): it is left out of the comparison with the source.
 */
function keptByTrans(
  ctx: NamespaceContext,
  tags: readonly Tag[],
  sourceTags: readonly Tag[],
  allowed: Record<string, readonly string[]> | undefined,
): readonly Tag[] {
  const keep = ctx.i18next.keepBasicHtml;
  if (!ctx.i18next.react || allowed !== undefined || keep.size === 0) return tags;
  // A name the source has, or that has attributes anywhere in the text, is compared as usual.
  const compared = new Set(sourceTags.map((x) => x.name));
  for (const x of tags) if (Object.keys(x.attributes).length > 0) compared.add(x.name);
  return tags.filter((x) => !keep.has(x.name) || compared.has(x.name));
}

/** What a namespace pass computes once per source text. */
interface SourceMarkup {
  readonly shape: Structure;
  /** Its tag counts (compareCounts), outside and inside a paragraph. */
  readonly counts: [Map<string, number> | undefined, Map<string, number> | undefined];
}

/** The allowlist (the renderer's tags and the configured ones), or undefined when there is none. */
function allowlist(ctx: NamespaceContext): Record<string, readonly string[]> | undefined {
  const o = ctx.options();
  const extra = o['allowTags'];
  const on =
    typeof o['allowlist'] === 'boolean'
      ? o['allowlist']
      : ctx.corpus !== undefined || ctx.project.config.core !== undefined || extra !== undefined;
  if (!on) return undefined;
  // No prototype: a tag named `constructor` is looked up, not inherited.
  return Object.assign(
    Object.create(null) as Record<string, readonly string[]>,
    ALLOWED_TAGS,
    CONTENT_TAGS,
    (extra ?? {}) as Record<string, readonly string[]>,
  );
}

/** Markup this many times the source's (plus a margin) is a page made heavy, not a translation. */
const MAX_TAGS = (source: number) => 2 * source + 10;
const MAX_MARKUP = (source: number) => 4 * source + 300;

/** A translation whose markup is out of proportion to its source's: one error, nothing else. */
function outOfProportion(ctx: NamespaceContext, pair: Pair, t: Structure, s: Structure): boolean {
  const tags = t.count > MAX_TAGS(s.count);
  if (!tags && t.size <= MAX_MARKUP(s.size)) return false;
  ctx.report({
    file: pair.file,
    offset: pair.file.valueOffset(pair.entry, 0),
    key: pair.entry.key,
    message: tags
      ? `${t.count.toLocaleString('en')} tags where the source (${pair.source.locale}) has ${s.count}: markup out of proportion to the source makes the page heavy`
      : `${t.size.toLocaleString('en')} characters of markup where the source (${pair.source.locale}) has ${s.size}: markup out of proportion to the source makes the page heavy`,
    hint: "Keep the source's tags, around the words they mark; remove the rest.",
    pinned: true,
  });
  return true;
}

/**
 * Every string's tags (and comments): never-allowed ones everywhere; with an allowlist, only
 * allowed ones, closed as they are opened (a warning).
 */
function checkTags(
  ctx: NamespaceContext,
  allowed: Record<string, readonly string[]> | undefined,
): void {
  const strings = ctx.strings();
  for (let i = 0; i < strings.length; i++) {
    const { file, entry, value } = strings[i] as StringEntry;
    if (value.includes('<')) checkTagsOf(ctx, allowed, file, entry, value);
  }
}

/** {@link checkTags} for one string that holds a `<`. */
function checkTagsOf(
  ctx: NamespaceContext,
  allowed: Record<string, readonly string[]> | undefined,
  file: LocaleFile,
  entry: Entry,
  value: string,
): void {
  const s = ctx.scan(value, entry);
  for (const o of s.other) {
    ctx.report({
      file,
      offset: file.valueOffset(entry, o.start),
      key: entry.key,
      message: `${o.raw.slice(0, 30)}: comments and processing instructions are not allowed in translations`,
      hint: 'Remove it; put notes for other translators in the pull request.',
    });
  }
  for (const tag of s.tags) {
    if (tag.kind === 'close') continue;
    const issues = tagIssues(tag, allowed);
    if (issues.length === 0) continue;
    const pinned = issues.some((i) => i.pinned);
    ctx.report({
      file,
      offset: file.valueOffset(entry, tag.start),
      key: entry.key,
      message: `<${tag.name}>: ${issues.map((i) => i.text).join('; ')}`,
      hint: pinned
        ? 'Remove it. Translations may only use the inline tags the source uses; nothing that can run script or load content is ever allowed.'
        : allowed === undefined
          ? 'Use the tags the source uses.'
          : `Allowed tags: ${Object.keys(allowed)
              .map((t) => `<${t}>`)
              .join(' ')}. Use the tags the source uses.`,
      pinned,
    });
  }
  if (allowed !== undefined) balance(ctx, file, entry, s.tags);
}

/** With an allowlist: the same allowed tags as the source, as many times (a warning). */
function compareCounts(
  ctx: NamespaceContext,
  pair: Pair,
  allowed: Record<string, readonly string[]>,
  source: SourceMarkup,
): void {
  const own = ctx.paragraphs().has(pair.entry.key);
  const count = (tags: readonly Tag[]) => {
    const m = new Map<string, number>();
    for (const t of tags) {
      // Content tags in paragraphs belong to `citations`/`dubious`; disallowed tags are already errors.
      if (
        t.kind === 'close' ||
        (own && Object.hasOwn(CONTENT_TAGS, t.name)) ||
        !(t.name in allowed)
      )
        continue;
      m.set(t.name, (m.get(t.name) ?? 0) + 1);
    }
    return m;
  };
  const mine = count(ctx.scan(pair.value, pair.entry).tags);
  const theirs = (source.counts[own ? 1 : 0] ??= count(
    ctx.scan(pair.sourceValue, pair.sourceEntry).tags,
  ));
  for (const name of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(name) ?? 0;
    const b = theirs.get(name) ?? 0;
    if (a === b) continue;
    ctx.report({
      severity: 'warning',
      file: pair.file,
      offset: pair.file.valueOffset(pair.entry, 0),
      key: pair.entry.key,
      message: `<${name}> appears ${a} time(s); the source (${pair.source.locale}) has it ${b} time(s)`,
      hint:
        a < b
          ? `Keep the source's <${name}> markup around the matching words.`
          : `Remove the <${name}> the source does not have.`,
    });
  }
}

/**
 * Without an allowlist: the source's tags, each closed as it is opened and nested as in the
 * source. One finding per text: the first of an unclosed tag, different tags, different nesting.
 */
function compareStructure(ctx: NamespaceContext, pair: Pair, t: Structure, s: Structure): void {
  const src = pair.source.locale;
  const at = (offset: number) => ({
    file: pair.file,
    offset: pair.file.valueOffset(pair.entry, offset),
    key: pair.entry.key,
  });
  if (t.problem !== undefined && s.problem === undefined) {
    const tag = t.problem.tag;
    const name = tag.name;
    ctx.report({
      ...at(tag.start),
      message:
        t.problem.kind === 'unclosed'
          ? `<${name}> is not closed; the source (${src}) closes every tag it opens`
          : `</${name}> closes nothing; the source (${src}) opens every tag it closes`,
      hint:
        t.problem.kind === 'unclosed'
          ? `Close it with </${name}> after the words it marks (a "<${name}>" typed where "</${name}>" was meant is a common slip).`
          : `Remove it, or add the opening <${name}> before the words it marks.`,
    });
    return;
  }
  const mine = tally(t.elements);
  const theirs = tally(s.elements);
  const dropped = lacking(theirs, mine);
  const added = lacking(mine, theirs);
  if (dropped.length > 0 || added.length > 0) {
    const list = (m: Map<string, number>) =>
      m.size === 0 ? 'none' : [...m].map(([k, n]) => (n === 1 ? k : `${k} ×${n}`)).join(' ');
    ctx.report({
      ...at(0),
      message: `the tags differ from the source (${src}): it has ${list(theirs)}, this text has ${list(mine)}${shownAsText(ctx, t, s)}`,
      hint: `Use the source's tags, each around the words it marks${dropped.length > 0 ? ` (missing: ${dropped.join(' ')})` : ''}${added.length > 0 ? ` (not in the source: ${added.join(' ')})` : ''}: the program fills each one in by its name or number.`,
    });
    return;
  }
  const where = lacking(placed(t.elements), placed(s.elements));
  if (where.length === 0) return;
  ctx.report({
    ...at(0),
    message: `the tags are nested differently from the source (${src}): here ${where.join(', ')}`,
    hint: `Nest the tags as the source does: ${[...placed(s.elements).keys()].join(', ')}.`,
  });
}

/**
 * react-i18next: what a `<Trans>` shows as text, said in the message: an HTML tag that is neither
 * one of the source's (a component the program fills in) nor kept (`transKeepBasicHtmlNodesFor`).
 */
function shownAsText(ctx: NamespaceContext, t: Structure, s: Structure): string {
  const { react, keepBasicHtml } = ctx.i18next;
  if (!react) return '';
  const inSource = new Set(s.elements.map((e) => e.name));
  const text = [
    ...new Set(
      t.elements
        .filter((e) => !inSource.has(e.name) && !/^\d+$/.test(e.name) && !keepBasicHtml.has(e.name))
        .map((e) => `<${e.name}>`),
    ),
  ];
  if (text.length === 0) return '';
  const kept = [...keepBasicHtml].join(' ') || 'none';
  return `; react-i18next shows ${text.join(' ')} as text (not a component of the source, not in transKeepBasicHtmlNodesFor: ${kept})`;
}

/** Browsers ignore whitespace and control characters inside a URL scheme (`java\tscript:`). */
const withoutControls = (v: string) =>
  // eslint-disable-next-line no-control-regex -- what it removes
  /[\u0000-\u0020]/.test(v) ? [...v].filter((c) => c.charCodeAt(0) > 0x20).join('') : v;

/** What is wrong with a tag: never-allowed markup always; with an allowlist, what it does not allow. */
function tagIssues(tag: Tag, allowed: Record<string, readonly string[]> | undefined): Issue[] {
  const issues: Issue[] = [];
  const attrs = allowed?.[tag.name];
  if (DANGEROUS.has(tag.name))
    issues.push({
      text: 'never allowed in a translation (it can run script or load content)',
      pinned: true,
    });
  else if (allowed !== undefined && attrs === undefined)
    issues.push({ text: 'not an allowed tag', pinned: false });
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (name.startsWith('on')) {
      issues.push({ text: `event handler attribute ${name}="…" is never allowed`, pinned: true });
    } else if (URL_SCHEME.test(withoutControls(value))) {
      issues.push({
        text: `${name}="${value.slice(0, 20)}…" is a script URL, never allowed`,
        pinned: true,
      });
    } else if (allowed === undefined && (name === 'style' || name === 'srcdoc')) {
      issues.push({ text: `attribute "${name}" is never allowed`, pinned: true });
    } else if (attrs !== undefined && !attrs.includes(name)) {
      issues.push({
        text: `attribute "${name}" is not allowed${attrs.length > 0 ? ` (allowed: ${attrs.join(', ')})` : ''}`,
        pinned: name === 'style' || name === 'srcdoc',
      });
    } else if (name === 'lang' && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) {
      issues.push({ text: `lang="${value}" is not a language tag`, pinned: false });
    } else if (name === 'dir' && !['ltr', 'rtl', 'auto'].includes(value)) {
      issues.push({ text: `dir="${value}" must be ltr, rtl or auto`, pinned: false });
    }
  }
  return issues;
}

/** With an allowlist: tags closed as they are opened (a warning). */
function balance(
  ctx: NamespaceContext,
  file: LocaleFile,
  entry: Entry,
  tags: readonly Tag[],
): void {
  const open: Tag[] = [];
  for (const t of tags) {
    if (t.kind === 'self-closing' || VOID.has(t.name) || Object.hasOwn(CONTENT_TAGS, t.name))
      continue;
    if (t.kind === 'open') open.push(t);
    else {
      const at = open.map((o) => o.name).lastIndexOf(t.name);
      if (at === -1) {
        ctx.report({
          severity: 'warning',
          file,
          offset: file.valueOffset(entry, t.start),
          key: entry.key,
          message: `</${t.name}> closes nothing`,
          hint: `Remove it, or add the opening <${t.name}>.`,
        });
      } else open.splice(at);
    }
  }
  for (const t of open) {
    ctx.report({
      severity: 'warning',
      file,
      offset: file.valueOffset(entry, t.start),
      key: entry.key,
      message: `<${t.name}> is not closed`,
      hint: `Close it with </${t.name}> after the words it marks.`,
    });
  }
}
