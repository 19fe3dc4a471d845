/* global process */
import { HtmlBasePlugin } from '@11ty/eleventy';
import bilateral from '@bilateral/i18n/eleventy';
import { rasterise } from './src/_lib/card.js';
import { paths } from './src/_lib/page.js';
import { siteSettings } from './src/_lib/settings.js';

/** The article at /{lang}/ (src/_data/site.js `document`). */
const HOME_DOCUMENT = 'north-korea-ukraine-relations';

/**
 * The Bilateral site. Pages come from the core and the locale files through the
 * `@bilateral/i18n/eleventy` plugin, which runs the consistency checks before every build.
 *
 * Environment:
 * - SITE_URL: the absolute URL the site is published at (canonical, hreflang, sitemap, social
 *   cards), optionally with a path (https://example.org/bilateral/); overrides `homepage` in
 *   package.json. A production build without either, or with a local address, stops with a
 *   message (src/_lib/settings.js).
 * - BILATERAL_MODE: `production` (default for a build) or `development` (default under --serve).
 * - BILATERAL_CONFIG: another bilateral.config.json (tests point the site at a copy of the locales).
 */
/** @param {any} eleventyConfig */
export default async function (eleventyConfig) {
  // First, before the checks: a production build without a public URL stops here.
  const settings = siteSettings();
  const configFile = process.env['BILATERAL_CONFIG'] || undefined;
  // Hints name the CLI as this repository runs it (`pnpm i18n check`), like `pnpm i18n` does.
  await eleventyConfig.addPlugin(bilateral, {
    command: 'pnpm i18n',
    // Every document at /{lang}/{id}/, except the article each language's home page shows.
    permalink: (/** @type {string} */ lang, /** @type {string} */ id) =>
      id === HOME_DOCUMENT ? paths.article(lang) : `/${lang}/${id}/`,
    ...(configFile === undefined ? {} : { configFile }),
  });
  // Root-relative links in the pages (/en/, /assets/site.css) get the URL's path prefix.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Social cards: src/card.11ty.js writes each card as SVG to a .png path; this turns it into PNG.
  eleventyConfig.addTransform(
    'bilateral-card-png',
    /** @this {any} @param {string} content */
    function (content) {
      const out = this.page?.outputPath;
      return typeof out === 'string' && out.endsWith('.png') ? rasterise(content) : content;
    },
  );

  eleventyConfig.addPassthroughCopy({ 'src/assets': 'assets' });
  eleventyConfig.addWatchTarget('src/assets/');
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
  return { pathPrefix: settings.pathPrefix };
}

export const config = {
  dir: { input: 'src', output: '_site', data: '_data', includes: '_includes' },
  templateFormats: ['11ty.js'],
};
