import { ALLOWED_TAGS, CONTENT_TAGS } from '../../syntax/html-policy.js';
import type { Tag } from '../../syntax/inline.js';
import type { LocaleFile, Entry } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { defineRule } from '../rule.js';

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
/** HTML void elements: they have no closing tag. */
const VOID = new Set([
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
const URL_SCHEME = /^(?:javascript|vbscript|data|livescript):/i;

interface Issue {
  readonly text: string;
  readonly pinned: boolean;
}

/**
 * Inline markup: only allowlisted tags and attributes (the renderer's allowlist, plus
 * `rules.markup.allowTags`), never script, event handlers or `javascript:` URLs (always errors),
 * and the same tags as the source.
 */
export const markup = defineRule({
  meta: {
    id: 'markup',
    severity: 'error',
    needsCore: false,
    description:
      'The same inline tags as the source, only allowed tags and attributes, never anything that can run script.',
    options: {
      allowTags: {
        type: 'object',
        description:
          'extra inline tags and their allowed attributes, e.g. { "bold": [] }; script-capable tags and on* attributes are never allowed',
      },
    },
  },
  namespace(ctx) {
    const extra = (ctx.options()['allowTags'] ?? {}) as Record<string, readonly string[]>;
    // No prototype: a tag named `constructor` is looked up, not inherited.
    const allowed: Record<string, readonly string[]> = Object.assign(
      Object.create(null) as Record<string, readonly string[]>,
      ALLOWED_TAGS,
      CONTENT_TAGS,
      extra,
    );
    checkTags(ctx, allowed);
    compareWithSource(ctx, allowed);
  },
});

/** Every string's tags (and comments) against the allowlist; tags closed as they are opened. */
function checkTags(ctx: NamespaceContext, allowed: Record<string, readonly string[]>): void {
  for (const { file, entry, value } of ctx.strings()) {
    if (!value.includes('<')) continue;
    const s = ctx.scan(value);
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
          : `Allowed tags: ${Object.keys(allowed)
              .map((t) => `<${t}>`)
              .join(' ')}. Use the tags the source uses.`,
        pinned,
      });
    }
    balance(ctx, file, entry, s.tags);
  }
}

/** The same tags as the source, as many times (a warning). */
function compareWithSource(
  ctx: NamespaceContext,
  allowed: Record<string, readonly string[]>,
): void {
  const paragraphs = ctx.paragraphs();
  for (const pair of ctx.pairs()) {
    if (!pair.value.includes('<') && !pair.sourceValue.includes('<')) continue;
    const own = paragraphs.has(pair.entry.key);
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
    const mine = count(ctx.scan(pair.value).tags);
    const theirs = count(ctx.scan(pair.sourceValue).tags);
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
}

/** Browsers ignore whitespace and control characters inside a URL scheme (`java\tscript:`). */
const withoutControls = (v: string) => [...v].filter((c) => c.charCodeAt(0) > 0x20).join('');

function tagIssues(tag: Tag, allowed: Record<string, readonly string[]>): Issue[] {
  const issues: Issue[] = [];
  const attrs = allowed[tag.name];
  if (DANGEROUS.has(tag.name))
    issues.push({
      text: 'never allowed in a translation (it can run script or load content)',
      pinned: true,
    });
  else if (attrs === undefined) issues.push({ text: 'not an allowed tag', pinned: false });
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (name.startsWith('on')) {
      issues.push({ text: `event handler attribute ${name}="…" is never allowed`, pinned: true });
    } else if (URL_SCHEME.test(withoutControls(value))) {
      issues.push({
        text: `${name}="${value.slice(0, 20)}…" is a script URL, never allowed`,
        pinned: true,
      });
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
