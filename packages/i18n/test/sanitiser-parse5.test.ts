import fc from 'fast-check';
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderInline } from '../src/render/markup.js';
import { ALLOWED_TAGS } from '../src/syntax/html-policy.js';

/**
 * A differential test of the sanitiser against a browser-grade parser. The sanitiser tokenizes
 * with htmlparser2; browsers parse with the WHATWG algorithm (parse5 implements it), whose tree
 * building differs (foreign content, implied end tags, adoption agency). What the sanitiser lets
 * through is read here as a browser reads it: only allowlisted elements and attributes may appear,
 * no comment, and re-serialising and re-parsing changes nothing (no mutation XSS).
 */

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
const noop = { cite: () => ({ html: '', text: '' }), dubious: () => ({ html: '', text: '' }) };

/** Every element and attribute in a parsed tree, and whether it holds a comment. */
function walk(node: Node, seen: { tags: string[]; attrs: string[]; comments: number }): void {
  if (node.nodeName === '#comment') seen.comments++;
  if ('tagName' in node) {
    seen.tags.push(node.tagName);
    for (const a of node.attrs) seen.attrs.push(`${node.tagName}[${a.name}]`);
  }
  if ('childNodes' in node) for (const c of node.childNodes) walk(c, seen);
  if ('content' in node && node.content !== undefined) walk(node.content, seen);
}

function expectSafe(input: string): void {
  const out = renderInline(input, noop).html;
  const tree = parseFragment(out);
  const seen = { tags: [] as string[], attrs: [] as string[], comments: 0 };
  walk(tree, seen);
  for (const t of seen.tags)
    expect(Object.hasOwn(ALLOWED_TAGS, t), `<${t}> from ${input}`).toBe(true);
  for (const a of seen.attrs) {
    const [tag, name] = a.slice(0, -1).split('[') as [string, string];
    expect(ALLOWED_TAGS[tag], `${a} from ${input}`).toContain(name);
  }
  expect(seen.comments, `comment from ${input}`).toBe(0);
  // A fixed point for the browser: what it serialises, it parses back to the same tree.
  const once = serialize(tree);
  expect(serialize(parseFragment(once)), `unstable reparse of ${out}`).toBe(once);
  // And the sanitiser is a fixed point on its own output.
  expect(renderInline(out, noop).html).toBe(out);
}

/** Vectors that exploit differences between tokenizers and the WHATWG tree builder. */
const VECTORS = [
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext><img src=x onerror=alert(1)>',
  '<noembed><img title="</noembed><img src onerror=alert(1)>">',
  '<title><img src=x onerror=alert(1)></title>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<i>a<b>b</i>c</b>',
  '<b><p>x</b>y</p>',
  '<table><i>x</table>',
  '<select><i>x</i><img src=x onerror=alert(1)>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<!--!><img src=x onerror=alert(1)>-->',
  '--!><img src=x onerror=alert(1)>',
  '<![CDATA[><img src=x onerror=alert(1)>]]>',
  '<?xml><img src=x onerror=alert(1)>?>',
  '<i lang="en" lang="x onmouseover=alert(1)">x</i>',
  '<i\u0000 onclick=alert(1)>x</i>',
  '<ſcript>alert(1)</ſcript>',
  '<İmg src=x onerror=alert(1)>',
  '<span dir="rtl">\u202Ex</span>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '<abbr title="&#x22; onmouseover=alert(1) x=&#x22;">a</abbr>',
  '<bdi dir=ltr/onmouseover=alert(1)>x</bdi>',
  `${'<i>'.repeat(600)}deep`,
  '<sub><sup><sub><sup>x</sub></sup></sub></sup>',
  '<br/><br></br><br />',
];

describe('the sanitiser, read by a WHATWG parser (parse5)', () => {
  for (const v of VECTORS) it(`keeps ${JSON.stringify(v).slice(0, 60)} inert`, () => expectSafe(v));

  it('lets nothing outside the allowlist through, and is stable on reparse, for token soups', () => {
    const token = fc.oneof(
      fc.constantFrom(...VECTORS),
      fc.constantFrom(
        '<',
        '>',
        '</',
        '/>',
        '"',
        "'",
        '=',
        '&',
        '&amp;',
        '&lt;',
        '&#',
        ';',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<?',
        '\u0000',
        '\n',
        ' ',
        '<i>',
        '</i>',
        '<b>',
        '</b>',
        '<span lang="uk">',
        '</span>',
        '<svg>',
        '<math>',
        '<table>',
        '<p>',
        '<style>',
        '<script>',
        '<template>',
        '<textarea>',
        '<img',
        ' src=x',
        ' onerror=alert(1)',
        ' lang="en"',
        ' dir="rtl"',
        ' title="',
        'javascript:',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (parts) => expectSafe(parts.join(''))),
      { numRuns: 3000 },
    );
  });
});
