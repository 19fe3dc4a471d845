/**
 * The Hugo contender: a multilingual Hugo site (one language per content folder, UI strings in
 * Hugo's own i18n files) with the page structure of the Bilateral article page translated to Go
 * templates, and the same pre-rendered text (recorded from the real plugin) as JSON front matter.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const UI_KEYS = [
  'site.name',
  'site.tagline',
  'nav.skipToContent',
  'nav.article',
  'nav.timeline',
  'nav.translations',
  'nav.contents',
  'language.switcherLabel',
  'language.chooseLanguage',
  'article.references',
  'article.bibliography',
  'article.corrections',
  'article.correctionTarget',
  'article.backToText',
];
/** Plain JSON (the recorded build, rendered documents). @typedef {Record<string, any>} Json */

/** @param {string} k */
const hugoKey = (k) => k.replace(/\./g, '_');
/** @param {unknown} s */
const toml = (s) => JSON.stringify(s);

/**
 * @param {string} dir
 * @param {Json} rec what the real build asked the plugin for (globals and filter results)
 */
export function writeHugoSite(dir, rec) {
  rmSync(dir, { recursive: true, force: true });
  /** @type {{ locales: string[], documents: string[] }} */
  const { locales, documents } = rec.globals.bilateral;
  const docTable = rec.filters.bilateralDocument ?? {};
  const textTable = rec.filters.bilateralText ?? {};
  const names = rec.filters.bilateralLanguageName ?? {};
  // UI strings per language, from what the real build asked for.
  /** @type {Record<string, Record<string, string>>} */
  const ui = Object.fromEntries(locales.map((/** @type {string} */ l) => [l, {}]));
  for (const [args, value] of Object.entries(textTable)) {
    const [key, lang, values] = JSON.parse(args);
    if (
      (values === undefined || values === null || Object.keys(values).length === 0) &&
      ui[lang] !== undefined
    )
      ui[lang][key] = value.text;
  }
  /** @type {(rel: string, text: string) => void} */
  const w = (rel, text) => {
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
  };
  w(
    'config.toml',
    [
      'baseURL = "https://bench.example/"',
      `defaultContentLanguage = ${toml(locales.includes('en') ? 'en' : locales[0])}`,
      'defaultContentLanguageInSubdir = true',
      'disableKinds = ["taxonomy", "term", "RSS"]',
      'enableRobotsTXT = true',
      '[languages]',
      ...locales.flatMap((l, i) => [
        `[languages.${l}]`,
        `weight = ${i + 1}`,
        `languageName = ${toml(names[JSON.stringify([l])] ?? l)}`,
        `contentDir = "content/${l}"`,
      ]),
      '',
    ].join('\n'),
  );
  for (const l of locales) {
    w(
      `i18n/${l}.toml`,
      UI_KEYS.map((k) => `${hugoKey(k)} = ${toml(ui[l]?.[k] ?? k)}`).join('\n') + '\n',
    );
  }
  for (const id of documents) {
    for (const l of locales) {
      /** @type {Json | undefined} */
      const d = docTable[JSON.stringify([id, l])];
      if (d === undefined) continue;
      const body = d.sections.filter((/** @type {Json} */ s) => s.level > 0);
      /** @type {Json[]} */
      const toc = [];
      for (const s of body) {
        const e = { id: s.id, title: s.title?.html ?? s.id, children: [] };
        const parent = toc.at(-1);
        if (s.level > 1 && parent !== undefined) parent.children.push(e);
        else toc.push(e);
      }
      const fm = {
        title: d.title.text,
        description: d.description.text,
        doc: {
          h1: d.title.html,
          caption: d.infobox.caption.html,
          parties: d.infobox.parties.map((/** @type {Json} */ p) => p.label.html),
          rows: d.infobox.rows.map((/** @type {Json} */ r) => ({
            label: r.label.html,
            html: r.html,
          })),
          lead: d.sections
            .filter((/** @type {Json} */ s) => s.level === 0)
            .flatMap((/** @type {Json} */ s) =>
              s.paragraphs.map((/** @type {Json} */ p) => p.html),
            ),
          toc,
          sections: body.map((/** @type {Json} */ s) => ({
            id: s.id,
            level: s.level,
            title: s.title?.html ?? '',
            paragraphs: s.paragraphs.map((/** @type {Json} */ p) => p.html),
          })),
          references: d.references.map((/** @type {Json} */ r) => ({
            anchor: r.anchor,
            number: r.number,
            html: r.html,
            backlinks: r.backlinks,
          })),
          bibliography: d.bibliography.map((/** @type {Json} */ b) => ({
            anchor: b.anchor,
            html: b.html,
          })),
          corrections: {
            intro: d.corrections.intro.html,
            items: d.corrections.items.map((/** @type {Json} */ c) => ({
              id: c.id,
              href: c.target.href,
              label: c.target.label,
              note: c.note.html,
            })),
          },
        },
      };
      w(`content/${l}/${id}.md`, JSON.stringify(fm) + '\n');
    }
  }
  w('layouts/_default/baseof.html', BASEOF);
  w('layouts/_default/single.html', SINGLE);
  w('layouts/index.html', HOME);
  w('layouts/_default/list.html', HOME);
  w('static/assets/site.css', 'body{font-family:system-ui}\n');
}

const BASEOF = `<!DOCTYPE html>
<html lang="{{ .Lang }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title>{{ .Title }} — {{ i18n "site_name" }}</title>
<meta name="description" content="{{ .Params.description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="alternate" hreflang="x-default" href="{{ .Site.BaseURL }}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Bilateral">
<meta property="og:title" content="{{ .Title }} — {{ i18n "site_name" }}">
<meta property="og:description" content="{{ .Params.description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:locale" content="{{ .Lang }}">
{{ range .Translations }}<meta property="og:locale:alternate" content="{{ .Lang }}">
{{ end }}<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/site.js" defer></script>
</head>
<body>
<a class="skip-link" href="#content">{{ i18n "nav_skipToContent" }}</a>
<header class="site-header">
<p class="brand"><a href="{{ .Site.Home.RelPermalink }}">{{ i18n "site_name" }}</a> <span class="tagline">{{ i18n "site_tagline" }}</span></p>
<nav class="site-nav" aria-label="{{ i18n "site_name" }}"><ul>
<li><a href="{{ .RelPermalink }}" aria-current="page">{{ i18n "nav_article" }}</a></li>
<li><a href="{{ .RelPermalink }}timeline/">{{ i18n "nav_timeline" }}</a></li>
<li><a href="/{{ .Lang }}/translations/">{{ i18n "nav_translations" }}</a></li>
</ul></nav>
<nav class="switcher" aria-labelledby="switcher-label"><span id="switcher-label" class="switcher-label">{{ i18n "language_switcherLabel" }}</span>
<ul>
{{ $cur := .Lang }}{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}" data-lang-choice="{{ .Lang }}" data-keep-hash{{ if eq .Lang $cur }} aria-current="page"{{ end }}>{{ .Language.LanguageName }}</a></li>
{{ end }}</ul>
</nav>
</header>
{{ block "main" . }}{{ end }}
<footer class="site-footer">
<p><a href="/?choose">{{ i18n "language_chooseLanguage" }}</a> · <a href="/{{ .Lang }}/translations/">{{ i18n "nav_translations" }}</a></p>
</footer>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}{{ $d := .Params.doc }}<main id="content">
<article class="article">
<h1>{{ $d.h1 | safeHTML }}</h1>
<table class="infobox">
<caption>{{ $d.caption | safeHTML }}</caption>
<tbody>
<tr class="parties"><td colspan="2"><ul>
{{ range $d.parties }}<li><span class="party">{{ . | safeHTML }}</span></li>
{{ end }}</ul></td></tr>
{{ range $d.rows }}<tr><th scope="row">{{ .label | safeHTML }}</th><td>{{ .html | safeHTML }}</td></tr>
{{ end }}</tbody>
</table>
{{ range $d.lead }}<p>{{ . | safeHTML }}</p>
{{ end }}
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">{{ i18n "nav_contents" }}</h2>
<ol>
{{ range $d.toc }}<li><a href="#{{ .id }}">{{ .title | safeHTML }}</a>{{ with .children }}<ol>{{ range . }}<li><a href="#{{ .id }}">{{ .title | safeHTML }}</a></li>{{ end }}</ol>{{ end }}</li>
{{ end }}<li><a href="#references">{{ i18n "article_references" }}</a></li>
<li><a href="#bibliography">{{ i18n "article_bibliography" }}</a></li>
<li><a href="#corrections">{{ i18n "article_corrections" }}</a></li>
</ol>
</nav>
{{ range $d.sections }}<section class="section level-{{ .level }}">
{{ if eq .level 1 }}<h2 id="{{ .id }}">{{ .title | safeHTML }}</h2>{{ else }}<h3 id="{{ .id }}">{{ .title | safeHTML }}</h3>{{ end }}
{{ range .paragraphs }}<p>{{ . | safeHTML }}</p>
{{ end }}</section>
{{ end }}<section class="references-section">
<h2 id="references">{{ i18n "article_references" }}</h2>
<ol class="references">
{{ range $d.references }}<li id="{{ .anchor }}" value="{{ .number }}"><span class="backlinks">{{ if eq (len .backlinks) 1 }}{{ range .backlinks }}<a class="backlink" href="#{{ .anchor }}" aria-label="{{ i18n "article_backToText" }}">^</a>{{ end }}{{ else }}<span class="caret" aria-hidden="true">^</span> {{ range .backlinks }}<a class="backlink" href="#{{ .anchor }}" aria-label="{{ i18n "article_backToText" }} {{ .label }}"><sup>{{ .label }}</sup></a> {{ end }}{{ end }}</span> {{ .html | safeHTML }}</li>
{{ end }}</ol>
</section>
<section>
<h2 id="bibliography">{{ i18n "article_bibliography" }}</h2>
<ul class="bibliography">
{{ range $d.bibliography }}<li id="{{ .anchor }}">{{ .html | safeHTML }}</li>
{{ end }}</ul>
</section>
<section>
<h2 id="corrections">{{ i18n "article_corrections" }}</h2>
<p>{{ $d.corrections.intro | safeHTML }}</p>
<ul class="corrections">
{{ range $d.corrections.items }}<li id="correction-{{ .id }}"><span class="correction-target">{{ i18n "article_correctionTarget" }}: <a href="{{ .href }}">{{ .label }}</a></span> {{ .note | safeHTML }}</li>
{{ end }}</ul>
</section>
</article>
</main>{{ end }}
`;

const HOME = `{{ define "main" }}<main id="content">
<h1>{{ i18n "site_name" }}</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</main>{{ end }}
`;
