// Templates use the `markup` tag (not `html`) so that Prettier leaves the markup as written.
import { attr, markup, raw } from './html.js';
import { direction, ogLocale } from './locales.js';

/**
 * The translation helpers a template needs for one page language, on top of the plugin's filters
 * (`this` of an 11ty.js template).
 * @param {any} eleventy `this` inside an 11ty.js render function
 * @param {any} data the page data
 * @param {string} lang
 * @param {string} [documentId] the document the page shows (development: its texts' findings are
 * marked in place; the result has `marker(key)`, `placed` and `unreadable` of findingMarks)
 */
export function context(eleventy, data, lang, documentId) {
  /** @param {string} key @param {Record<string, unknown>} [values] */
  const t = (key, values) => eleventy.bilateralText(key, lang, values);
  const dev = data.bilateral.mode === 'development';
  const marks = findingMarks(eleventy, dev, lang, documentId);
  /** The "not yet translated" notice, in the page's language. */
  const note = (/** @type {string} */ tag, /** @type {string} */ extra = '') => {
    const n = t('article.notTranslated');
    return markup`<${raw(tag)} class="untranslated-note"${raw(extra)}${attr('lang', n.lang === lang ? undefined : n.lang)}>${n.text}</${raw(tag)}>`;
  };
  /**
   * Inline text (a RenderedText) for this page: with its own `lang` when it is in another
   * language, and in development a visible notice when it is a fallback (or a marker when missing).
   * @param {any} rt @param {{ notice?: boolean }} [options] `notice: false` where the notice is shown elsewhere
   */
  const inline = (rt, options = {}) => {
    if (rt.missing) return markup`<span class="missing-text">⟨${rt.key}⟩</span>`;
    if (rt.fallback && options.notice !== false) {
      return markup`<span class="untranslated"><span lang="${rt.lang}">${raw(rt.html)}</span> ${note('small')}</span>`;
    }
    if (rt.lang !== lang) return markup`<span lang="${rt.lang}">${raw(rt.html)}</span>`;
    return raw(rt.html);
  };
  /**
   * A block of text (a paragraph): in another language, it is wrapped with the notice before it.
   * @param {any} rt @param {string} [tag]
   */
  const block = (rt, tag = 'p') => {
    const t = raw(tag);
    if (rt.missing)
      return markup`<${t} class="missing-text">⟨${rt.key}⟩</${t}>${marks.marker(rt.key)}`;
    if (rt.fallback) {
      return markup`<div class="untranslated">${note('p', ' role="note"')}<${t} lang="${rt.lang}">${raw(rt.html)}</${t}></div>${marks.marker(rt.key)}`;
    }
    return markup`<${t}${attr('lang', rt.lang === lang ? undefined : rt.lang)}>${raw(rt.html)}</${t}>${marks.marker(rt.key)}`;
  };
  /**
   * A heading: in another language it carries its `lang`, with the notice after it (not inside,
   * so that the table of contents and the outline stay clean). `place`: the reader's place is
   * kept by this heading (the script writes its id into the URL while the reader is in its section).
   * @param {string} tag @param {any} rt @param {string} [id] @param {boolean} [place]
   */
  const heading = (tag, rt, id, place = false) => {
    const t = raw(tag);
    const at = markup`${attr('id', id)}${attr('data-place', place)}`;
    const m = marks.marker(rt.key);
    if (rt.missing) return markup`<${t}${at} class="missing-text">⟨${rt.key}⟩</${t}>${m}`;
    const h = markup`<${t}${at}${attr('lang', rt.lang === lang ? undefined : rt.lang)}>${raw(rt.html)}</${t}>`;
    return rt.fallback ? markup`${h}\n${note('p', ' role="note"')}${m}` : markup`${h}${m}`;
  };
  /**
   * A UI string whose placeholders are markup (links, <time>): each placeholder gets a token that
   * survives interpolation and escaping, then the token is replaced by the markup.
   * @param {string} key @param {Record<string, unknown>} parts placeholder → markup
   */
  const linked = (key, parts) => {
    const tokens = Object.fromEntries(Object.keys(parts).map((k) => [k, `@@${k}@@`]));
    const rt = t(key, tokens);
    let html = rt.html;
    for (const [k, m] of Object.entries(parts)) html = html.split(`@@${k}@@`).join(String(m));
    return inline({ ...rt, html });
  };
  return {
    lang,
    dir: direction(lang),
    dev,
    t,
    /** A UI string as marked-up inline text. @param {string} key @param {Record<string, unknown>} [values] */
    text: (key, values) => inline(t(key, values)),
    /** A UI string as plain text (for attributes and <title>). @param {string} key @param {Record<string, unknown>} [values] */
    plain: (key, values) => t(key, values).text,
    inline,
    block,
    heading,
    linked,
    ...marks,
    /** @param {string} l */
    languageName: (l) => eleventy.bilateralLanguageName(l),
    /** The prose pages (About this edition) in this language: their URL and title. */
    proseLinks: () => proseLinks(eleventy, data, lang),
    /** The URLs of the site's pages in this language, all from the plugin's routing. */
    urls: {
      home: /** @type {string} */ (eleventy.bilateralUrl('home', lang)),
      article: /** @type {string} */ (eleventy.bilateralRoute(data.site.document, lang).url),
      timeline: /** @type {string} */ (eleventy.bilateralUrl('timeline', lang)),
      translations: /** @type {string} */ (eleventy.bilateralUrl('translations', lang)),
      root: /** @type {string} */ (data.bilateral.root.url),
    },
  };
}

/**
 * The prose pages in a language, with their URL and title (in the language the page is in).
 * @param {any} eleventy @param {any} data @param {string} lang
 * @returns {{ url: string, title: string, lang: string }[]}
 */
function proseLinks(eleventy, data, lang) {
  return data.bilateral.routes
    .filter((/** @type {any} */ r) => r.kind === 'page' && r.locale === lang)
    .map((/** @type {any} */ r) => {
      const page = eleventy.bilateralPage(r.id, lang);
      return { url: r.url, title: page.data.title ?? r.id, lang: page.lang };
    });
}

/**
 * Development: the findings about a document's texts, by text key, and `marker(key)`: a note
 * next to a text (its `<namespace>:<key>`, or the document's key) with its findings, in the
 * page's language, with the id the banner links to (`placed` records the ids placed).
 * @param {any} eleventy @param {boolean} dev @param {string} lang @param {string | undefined} documentId
 */
function findingMarks(eleventy, dev, lang, documentId) {
  /** @type {Map<string, any[]>} */
  const byText = new Map();
  if (dev && documentId !== undefined) {
    for (const f of eleventy.bilateralFindings(lang)) {
      if (f.document !== documentId || f.text === undefined) continue;
      // Rendered texts are keyed `<namespace>:<key>`; a template may name the key alone.
      for (const key of [`${f.namespace}:${f.text}`, f.text])
        byText.set(key, [...(byText.get(key) ?? []), f]);
    }
  }
  /** @type {Set<string>} */
  const placed = new Set();
  const marker = (/** @type {string} */ key) => {
    const found = byText.get(key);
    if (found === undefined) return '';
    const anchor = eleventy.bilateralAnchor(key.slice(key.indexOf(':') + 1));
    placed.add(anchor);
    const here = eleventy.bilateralText('devBanner.here', lang).text;
    return markup`<div class="finding-marker" id="${anchor}" role="note"><a href="#dev-banner-title">${here}</a>
<ul>${found.map((/** @type {any} */ f) => markup`<li class="finding-${f.severity}" lang="en">${f.message}${f.hint ? markup` (${f.hint})` : ''}</li>`)}</ul></div>`;
  };
  /** Locale files of this language that cannot be read. */
  const unreadable = dev ? /** @type {string[]} */ (eleventy.bilateralUnreadable(lang)) : [];
  return { marker, placed, unreadable };
}

/**
 * @typedef {object} PageOptions
 * @property {string} lang
 * @property {string} title the whole <title>
 * @property {string} description
 * @property {string} path this page's path
 * @property {{ hreflang: string, path: string }[]} alternates this page in every language
 * @property {string | undefined} xDefault the path for readers whose language is not offered
 * @property {'article' | 'website'} [ogType]
 * @property {unknown} body the page between header and footer
 * @property {unknown} [header] the site header
 * @property {unknown} [footer]
 * @property {boolean} [noindex]
 * @property {unknown} [skip] the "skip to content" link text
 * @property {Record<string, string>} [htmlData] data-* attributes of <html>
 * @property {{ path: string, alt: string, width: number, height: number }} [image] the social card
 * @property {string} [modified] when the content last changed (ISO 8601), for article:modified_time
 * @property {Record<string, unknown>} [jsonLd] structured data (schema.org), as a JSON-LD data block
 */

/**
 * The Content-Security-Policy: nothing but the site's own files; no inline or foreign script, no
 * inline style. (A JSON-LD block is data, not script: browsers never run it, and CSP does not
 * apply to it.)
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>`, `&` and the two line
 * separators escaped, so that no text (a translation's `</script>`) can end the block.
 * @param {unknown} value
 */
export function jsonLdText(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The whole HTML document: head with language metadata, CSP and assets, then the body. */
export function documentHtml(/** @type {any} */ site, /** @type {PageOptions} */ o) {
  const abs = (/** @type {string} */ p) => site.url + p;
  const htmlData = Object.entries(o.htmlData ?? {}).map(([k, v]) => attr(`data-${k}`, v));
  const others = o.alternates.filter((a) => a.hreflang !== o.lang);
  const image =
    o.image === undefined
      ? markup`<meta name="twitter:card" content="summary">`
      : markup`<meta property="og:image" content="${abs(o.image.path)}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${o.image.width}">
<meta property="og:image:height" content="${o.image.height}">
<meta property="og:image:alt" content="${o.image.alt}">
<meta name="twitter:card" content="summary_large_image">`;
  const head = markup`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="color-scheme" content="light dark">
<title>${o.title}</title>
<meta name="description" content="${o.description}">
${o.noindex ? markup`<meta name="robots" content="noindex">` : markup`<link rel="canonical" href="${abs(o.path)}">`}
${o.alternates.map((a) => markup`<link rel="alternate" hreflang="${a.hreflang}" href="${abs(a.path)}">\n`)}${o.xDefault === undefined ? '' : markup`<link rel="alternate" hreflang="x-default" href="${abs(o.xDefault)}">\n`}<meta property="og:type" content="${o.ogType ?? 'website'}">
<meta property="og:site_name" content="Bilateral">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${o.description}">
<meta property="og:url" content="${abs(o.path)}">
<meta property="og:locale" content="${ogLocale(o.lang)}">
${others.map((a) => markup`<meta property="og:locale:alternate" content="${ogLocale(a.hreflang)}">\n`)}${image}
${o.modified === undefined ? '' : markup`<meta property="article:modified_time" content="${o.modified}">\n`}<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/site.js" defer></script>${o.jsonLd === undefined ? '' : markup`\n<script type="application/ld+json">${raw(jsonLdText(o.jsonLd))}</script>`}`;
  const html = markup`<html lang="${o.lang}" dir="${direction(o.lang)}"${htmlData}>
<head>
${head}
</head>
<body>
<a class="skip-link" href="#content">${o.skip ?? 'Skip to content'}</a>
${o.header ?? ''}
${o.body}
${o.footer ?? ''}
</body>
</html>
`;
  return `<!DOCTYPE html>\n${html.toString()}`;
}

/**
 * The site header: name, page links and the language switcher. It stays at the top of the
 * window while the reader scrolls (compact on phones), so the switcher is always at hand. The name
 * leads to the language's home. Every
 * URL comes from the plugin: the home and the named pages (`bilateralUrl`), the main article
 * (`bilateralRoute`), the switcher (`bilateralSwitcher` of this page's URL).
 * @param {ReturnType<typeof context>} ctx
 * @param {{ current: 'home' | 'article' | 'timeline' | 'translations' | 'other', switcher: readonly import('@bilateral/i18n/eleventy').SwitcherLink[] }} o
 */
export function header(ctx, o) {
  const { lang, urls } = ctx;
  const nav = /** @type {const} */ ([
    ['article', 'nav.article', urls.article],
    ['timeline', 'nav.timeline', urls.timeline],
  ]);
  const links = nav.map(
    ([id, key, href]) =>
      markup`<li><a href="${href}"${attr('aria-current', o.current === id ? 'page' : undefined)}>${ctx.text(key)}</a></li>\n`,
  );
  return markup`<header class="site-header">
<p class="brand"><a href="${urls.home}" hreflang="${lang}"${attr('aria-current', o.current === 'home' ? 'page' : undefined)}>${ctx.text('site.name')}</a> <span class="tagline">${ctx.text('site.tagline')}</span></p>
<nav class="site-nav" aria-label="${ctx.plain('nav.site')}"><ul>
${links}</ul></nav>
${switcher(ctx, o.switcher)}
</header>`;
}

/**
 * Links to this page in every language (the plugin's `bilateralSwitcher`), each named in its own
 * language. Where the page's anchors are the same in every language (`keepAnchor`), the script
 * keeps the section (#fragment) when switching; every link records the reader's choice.
 * @param {ReturnType<typeof context>} ctx
 * @param {readonly import('@bilateral/i18n/eleventy').SwitcherLink[]} links
 */
export function switcher(ctx, links) {
  const items = links.map(
    (l) =>
      markup`<li><a href="${l.url}" hreflang="${l.locale}" lang="${l.locale}" data-lang-choice="${l.locale}"${attr('data-keep-hash', l.keepAnchor)}${attr('aria-current', l.current ? 'page' : undefined)}>${l.name}</a></li>\n`,
  );
  return markup`<nav class="switcher" aria-labelledby="switcher-label"><span id="switcher-label" class="switcher-label">${ctx.text('language.switcherLabel')}</span>
<ul>
${items}</ul>
</nav>`;
}

/**
 * The attribution the licence asks for (CC BY-SA 4.0, section 3): the original's title linked to
 * it, its authors (the edit history), the licence, and what was changed; on every page and in
 * print, with the page's address (shown in print only).
 * @param {ReturnType<typeof context>} ctx
 * @param {any} site
 * @param {string} path this page's path
 */
export function attribution(ctx, site, path) {
  const source = site.sources[site.document];
  const title = markup`<a href="${source.url}" hreflang="${source.lang}" lang="${source.lang}">${source.title}</a>`;
  const contributors = markup`<a href="${source.history}" hreflang="${source.lang}">${ctx.text('attribution.contributors')}</a>`;
  const license = markup`<a rel="license" href="${site.license.url}">${site.license.name}</a>`;
  const url = site.url + path;
  return markup`<div class="attribution" id="attribution">
<p>${ctx.linked('attribution.source', { title, contributors, license })}</p>
<p>${ctx.text('attribution.changes')}</p>
<p class="print-only page-url">${ctx.linked('attribution.pageUrl', { url: markup`<a href="${url}">${url}</a>` })}</p>
</div>`;
}

/**
 * @param {ReturnType<typeof context>} ctx
 * @param {any} site
 * @param {string} path this page's path
 */
export function footer(ctx, site, path) {
  return markup`<footer class="site-footer">
${attribution(ctx, site, path)}
<p class="site-links">${ctx.proseLinks().map((/** @type {any} */ p) => markup`<a href="${p.url}"${attr('lang', p.lang === ctx.lang ? undefined : p.lang)}>${p.title}</a> · `)}<a href="${ctx.urls.root}?choose">${ctx.text('language.chooseLanguage')}</a> · <a href="${ctx.urls.translations}">${ctx.text('nav.translations')}</a></p>
</footer>`;
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const longDates = new Map();

/**
 * A language's long date format, made once: making an `Intl.DateTimeFormat` costs about 0.15 ms,
 * and a site of 1,000 documents asked for one on each of its 4,000 article pages (0.6 s).
 * @param {string} lang
 */
function longDate(lang) {
  let format = longDates.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(lang, format);
  }
  return format;
}

/**
 * "Last updated", with the date in a <time> element (machine-readable datetime).
 * @param {ReturnType<typeof context>} ctx
 * @param {{ iso: string, date: string }} updated
 */
export function lastUpdated(ctx, updated) {
  const [y, m, d] = updated.date.split('-').map(Number);
  const shown = longDate(ctx.lang).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
  return markup`<p class="updated">${ctx.linked('article.lastUpdated', { date: markup`<time datetime="${updated.iso}">${shown}</time>` })}</p>`;
}

/**
 * Development only: the findings of the checks that concern this page, as a banner (open when
 * there are errors; collapsed to its heading when there are only warnings).
 * @param {ReturnType<typeof context>} ctx
 * @param {readonly any[]} findings
 */
export function devBanner(ctx, findings) {
  if (!ctx.dev) return '';
  const notices = ctx.unreadable.map(
    (file) =>
      markup`<p class="unreadable-notice" role="alert">${ctx.text('devBanner.unreadable', { file })}</p>\n`,
  );
  if (findings.length === 0)
    return notices.length === 0 ? '' : markup`<section class="dev-banner">${notices}</section>`;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const counts = [
    errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const items = findings.map(
    (f) =>
      markup`<li class="finding finding-${f.severity}"><span class="severity" lang="en">${f.severity}</span> <code>${f.file}:${f.line}:${f.column}</code> ${ctx.placed.has(f.anchor) ? markup`<a href="#${f.anchor}"><code>${f.key}</code></a>` : markup`<code>${f.key}</code>`} <span lang="en">${f.message}</span>${f.hint ? markup` <span class="hint" lang="en">${f.hint}</span>` : ''} <span class="rule" lang="en">(${f.rule})</span></li>\n`,
  );
  return markup`<section class="dev-banner" aria-labelledby="dev-banner-title">
${notices}<details${attr('open', errors > 0)}>
<summary><h2 id="dev-banner-title">${ctx.text('devBanner.title')} <span lang="en">(${counts})</span></h2></summary>
<ul>
${items}</ul>
</details>
</section>`;
}
