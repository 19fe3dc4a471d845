/* global process */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { locatorMap } from './map.js';
import { SiteConfigError, siteMode } from './settings.js';

/**
 * Social cards (og:image): one 1200×630 PNG per language, drawn at build time. The card is an SVG
 * (site name, the document's title wrapped to fit, the two flags, the locator map, the date) that
 * resvg (@resvg/resvg-js, a prebuilt native module) turns into PNG. Latin and Cyrillic text is set
 * in Noto Sans, from npm (@expo-google-fonts/noto-sans: the same glyphs on every machine); Japanese,
 * Korean and Chinese in the system's Noto Sans CJK (Debian: fonts-noto-cjk), whose Cyrillic lacks
 * Ukrainian letters (і, ї, є, ґ). src/card.11ty.js writes each card's description (JSON) to its .png path, and the
 * Eleventy transform in eleventy.config.js replaces it with `rasterise(description)`.
 *
 * Cards are kept by a hash of everything they are drawn from, in memory and in
 * node_modules/.cache/bilateral-site/: a build draws only a card that changed.
 */

export const CARD = { width: 1200, height: 630 };

/**
 * @typedef {object} CardSpec
 * @property {string} lang
 * @property {string} siteName
 * @property {string} tagline
 * @property {string} title
 * @property {string} updated the "Last updated" line, as shown
 * @property {string[]} flags flag file names in src/assets/flags (without .svg)
 * @property {string[]} countries ISO numeric ids to highlight on the map
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const siteRoot = path.resolve(here, '..', '..');
const flagsDir = path.join(siteRoot, 'src', 'assets', 'flags');

const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  path.join(process.env['HOME'] ?? '/nonexistent', '.fonts'),
  path.join(process.env['HOME'] ?? '/nonexistent', '.local/share/fonts'),
  '/Library/Fonts',
  '/System/Library/Fonts',
];

const require = createRequire(import.meta.url);
/** Noto Sans (Latin, Greek, Cyrillic), regular and bold, from its npm package. */
const NOTO_SANS = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'].map((f) =>
  require.resolve(`@expo-google-fonts/noto-sans/${f}`),
);

/** @type {string[] | undefined} */
let fontFiles;

/** The Noto Sans CJK font files of this machine (regular and bold), found once. */
export function cardFonts() {
  if (fontFiles !== undefined) return fontFiles;
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ dir, /** @type {number} */ depth) => {
    if (depth > 5 || !existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (/^NotoSansCJK.*-(Regular|Bold)\.(ttc|otf)$/i.test(name)) found.push(p);
    }
  };
  for (const d of FONT_DIRS) walk(d, 0);
  fontFiles = found;
  return found;
}

/** The font family for a language: Noto Sans CJK in the region's glyph forms, else Noto Sans. */
const family = (/** @type {string} */ lang) =>
  lang.startsWith('ko')
    ? 'Noto Sans CJK KR'
    : lang.startsWith('zh')
      ? 'Noto Sans CJK SC'
      : lang.startsWith('ja')
        ? 'Noto Sans CJK JP'
        : 'Noto Sans';

/** @param {string} s */
const xml = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** @param {string} svg */
function resvg(svg) {
  const files = cardFonts();
  return new Resvg(svg, {
    font:
      files.length > 0
        ? {
            fontFiles: [...NOTO_SANS, ...files],
            loadSystemFonts: false,
            defaultFontFamily: 'Noto Sans',
          }
        : { fontFiles: NOTO_SANS, loadSystemFonts: true, defaultFontFamily: 'Noto Sans' },
  });
}

/** The drawn width of a line of text (resvg lays it out with the real font). */
function measure(
  /** @type {string} */ text,
  /** @type {number} */ size,
  /** @type {string} */ lang,
) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="400"><text x="0" y="200" font-family="${family(lang)}" font-weight="700" font-size="${size}">${xml(text)}</text></svg>`;
  return resvg(svg).getBBox()?.width ?? 0;
}

/** An estimate of a text's width in em, to choose line breaks before measuring them. */
function estimate(/** @type {string} */ text) {
  let em = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) em += 0.25;
    else if (
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(
        ch,
      )
    )
      em += 1;
    else em += 0.64;
  }
  return em;
}

/**
 * Breaks a title into at most `maxLines` lines that fit `width` at the largest font size (from
 * `size` down): breaks where the language allows (Intl.Segmenter words; never inside a word).
 * @returns {{ lines: string[], size: number }}
 */
export function wrapTitle(
  /** @type {string} */ text,
  /** @type {string} */ lang,
  /** @type {number} */ width,
  /** @type {number} */ size,
  /** @type {number} */ maxLines,
) {
  /** @type {string[]} */
  const pieces = [];
  for (const s of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    // Spaces and punctuation stay with the word before them (no line starts with them).
    if (pieces.length > 0 && !s.isWordLike) pieces[pieces.length - 1] += s.segment;
    else pieces.push(s.segment);
  }
  for (let fontSize = size; ; fontSize = Math.floor(fontSize * 0.9)) {
    /** @type {string[]} */
    const lines = [];
    let line = '';
    for (const piece of pieces) {
      const candidate = line + piece;
      if (line !== '' && estimate(candidate.trimEnd()) * fontSize > width) {
        lines.push(line.trimEnd());
        line = piece;
      } else line = candidate;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    const fits =
      lines.length <= maxLines && lines.every((l) => measure(l, fontSize, lang) <= width);
    if (fits || fontSize < 24) return { lines, size: fontSize };
  }
}

/** A flag as an embedded SVG image (data URL). */
const flagImage = (/** @type {string} */ code) =>
  `data:image/svg+xml;base64,${readFileSync(path.join(flagsDir, `${code}.svg`)).toString('base64')}`;

/** The card as SVG. @param {CardSpec} spec */
export function cardSvg(spec) {
  const font = family(spec.lang);
  const left = 72;
  const textWidth = 600;
  const title = wrapTitle(spec.title, spec.lang, textWidth, 68, 3);
  const lineHeight = Math.round(title.size * 1.25);
  const titleTop = 250;
  const titleLines = title.lines
    .map(
      (l, i) =>
        `<text x="${left}" y="${titleTop + i * lineHeight}" font-size="${title.size}" font-weight="700" fill="#1b1b1b">${xml(l)}</text>`,
    )
    .join('\n');
  const map = locatorMap({
    highlight: spec.countries,
    theme: 'light',
    width: 640,
    height: 400,
  }).replace(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="([^"]+)" width="\d+" height="\d+">/,
    '<svg x="700" y="140" width="440" height="275" viewBox="$1">',
  );
  const flags = spec.flags
    .map((code, i) => {
      const h = 56;
      const w = code === 'ua' ? Math.round((h * 3) / 2) : h * 2;
      const x = left + i * 136;
      return `<image x="${x}" y="478" width="${w}" height="${h}" href="${flagImage(code)}" preserveAspectRatio="xMidYMid meet"/><rect x="${x}" y="478" width="${w}" height="${h}" fill="none" stroke="#c8ccd1" stroke-width="1.5"/>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${font}">
<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>
<rect width="16" height="${CARD.height}" fill="#1d3b6e"/>
<text x="${left}" y="110" font-size="44" font-weight="700" fill="#1d3b6e">${xml(spec.siteName)}</text>
<text x="${left}" y="158" font-size="28" fill="#4a4a4a">${xml(spec.tagline)}</text>
${titleLines}
${flags}
<text x="${left}" y="590" font-size="26" fill="#4a4a4a">${xml(spec.updated)}</text>
<rect x="699" y="139" width="442" height="277" fill="none" stroke="#a2a9b1" stroke-width="2"/>
${map}
</svg>
`;
}

/** What every card depends on besides its description: this code, the map's, the fonts. */
function salt() {
  const h = createHash('sha256');
  for (const f of ['card.js', 'map.js']) h.update(readFileSync(path.join(here, f)));
  for (const f of [...NOTO_SANS, ...cardFonts()]) h.update(`${f}:${statSync(f).size}`);
  for (const f of readdirSync(flagsDir).sort()) h.update(readFileSync(path.join(flagsDir, f)));
  return h.digest('hex');
}

/** @type {Map<string, Buffer>} */
const memory = new Map();
const cacheDir = path.join(siteRoot, 'node_modules', '.cache', 'bilateral-site');

/**
 * The PNG of a card, from its description (JSON of a {@link CardSpec}). A production build
 * refuses to draw a card without the fonts (it would have no text); development draws it with
 * whatever fonts the system has.
 * @param {string} description
 */
export function rasterise(description) {
  /** @type {CardSpec} */
  const spec = JSON.parse(description);
  if (cardFonts().length === 0) {
    if (siteMode(process.env) === 'production') {
      throw new SiteConfigError(
        'The social cards (og:image) are drawn with the Noto Sans CJK fonts, which this machine ' +
          'lacks. Install them (Debian/Ubuntu: apt-get install fonts-noto-cjk; others: the ' +
          '"Noto Sans CJK" fonts in /usr/share/fonts or ~/.fonts), then build again.',
      );
    }
    process.stderr.write('bilateral site: no Noto Sans CJK fonts; social cards use system fonts\n');
  }
  const key = createHash('sha256').update(salt()).update(description).digest('hex');
  const kept = memory.get(key);
  if (kept !== undefined) return kept;
  const file = path.join(cacheDir, `card-${key.slice(0, 32)}.png`);
  if (existsSync(file)) {
    const png = readFileSync(file);
    memory.set(key, png);
    return png;
  }
  const png = resvg(cardSvg(spec)).render().asPng();
  memory.set(key, png);
  if (existsSync(path.join(siteRoot, 'node_modules'))) {
    // Written aside, then renamed: a build running at the same time never reads half a file.
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  }
  return png;
}
