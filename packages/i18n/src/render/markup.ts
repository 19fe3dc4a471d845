import { Parser } from 'htmlparser2';
import { ALLOWED_TAGS } from '../syntax/html-policy.js';

/** Turning a translation's inline markup into safe HTML (see `syntax/html-policy.ts`). */

const VOID = new Set(['br']);
/** Elements whose content is dropped with them (never shown as text). */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
]);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const DIR = new Set(['ltr', 'rtl', 'auto']);

function safeAttribute(name: string, value: string): boolean {
  if (name === 'lang') return LANG_TAG.test(value);
  if (name === 'dir') return DIR.has(value);
  return true;
}

export interface InlineHandlers {
  /** Returns the HTML and text that replace `<ref id="…"/>`. */
  cite(id: string): { html: string; text: string };
  /** Returns the HTML and text that replace `<dubious/>`. */
  dubious(): { html: string; text: string };
}

export interface SanitizedInline {
  readonly html: string;
  readonly text: string;
  /** Tags and attributes that were dropped (the checker reports them; the renderer is safe anyway). */
  readonly dropped: readonly string[];
}

/**
 * Turns the output of i18next (prose with inline markup; interpolated values already escaped)
 * into HTML that can carry no script: text is re-escaped, only allowlisted tags and attributes
 * survive, citations and dubious markers are replaced through `handlers`. Also returns plain text.
 */
export function renderInline(input: string, handlers: InlineHandlers): SanitizedInline {
  // Plain prose (no tag, no entity) needs no parser: escaping it is the whole job.
  if (!input.includes('<') && !input.includes('&')) {
    return { html: escapeHtml(input), text: input, dropped: [] };
  }
  let html = '';
  let text = '';
  const dropped: string[] = [];
  const open: string[] = [];
  let dropDepth = 0;
  let attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  const parser = new Parser(
    {
      onattribute(name, value) {
        attrs[name] = value;
      },
      onopentag(name) {
        const a = attrs;
        attrs = Object.create(null) as Record<string, string>;
        if (dropDepth > 0 || DROP_CONTENT.has(name)) {
          dropDepth++;
          dropped.push(name);
          return;
        }
        if (name === 'ref') {
          const id = a['id'];
          if (id !== undefined) {
            const r = handlers.cite(id);
            html += r.html;
            text += r.text;
          } else dropped.push('ref (no id)');
          return;
        }
        if (name === 'dubious') {
          const r = handlers.dubious();
          html += r.html;
          text += r.text;
          return;
        }
        // Own properties only: `<constructor>` is not an allowed tag because every object has one.
        const allowed = Object.hasOwn(ALLOWED_TAGS, name) ? ALLOWED_TAGS[name] : undefined;
        if (allowed === undefined) {
          dropped.push(name);
          return;
        }
        let tag = `<${name}`;
        for (const [k, v] of Object.entries(a)) {
          if (allowed.includes(k) && safeAttribute(k, v)) tag += ` ${k}="${escapeHtml(v)}"`;
          else dropped.push(`${name}[${k}]`);
        }
        html += `${tag}>`;
        if (name === 'br') text += '\n';
        if (!VOID.has(name)) open.push(name);
      },
      ontext(data) {
        if (dropDepth > 0) return;
        html += escapeHtml(data);
        text += data;
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          dropDepth--;
          return;
        }
        if (VOID.has(name) || name === 'ref' || name === 'dubious') return;
        const at = open.lastIndexOf(name);
        if (at === -1) return;
        // Close anything left open inside, so the output is always well nested.
        while (open.length > at) html += `</${open.pop()}>`;
      },
    },
    {
      recognizeSelfClosing: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      decodeEntities: true,
    },
  );
  parser.end(input);
  while (open.length > 0) html += `</${open.pop()}>`;
  return { html, text, dropped };
}
