/* global process */
import bilateral from '@bilateral/i18n/eleventy';

/**
 * The Bilateral site. Pages come from the core and the locale files through the
 * `@bilateral/i18n/eleventy` plugin, which runs the consistency checks before every build.
 *
 * Environment:
 * - SITE_URL: absolute URL the site is published at (canonical, hreflang, sitemap); default
 *   http://localhost:8080.
 * - BILATERAL_MODE: `production` (default for a build) or `development` (default under --serve).
 * - BILATERAL_CONFIG: another bilateral.config.json (tests point the site at a copy of the locales).
 */
/** @param {any} eleventyConfig */
export default async function (eleventyConfig) {
  const configFile = process.env.BILATERAL_CONFIG || undefined;
  // Hints name the CLI as this repository runs it (`pnpm i18n check`), like `pnpm i18n` does.
  await eleventyConfig.addPlugin(bilateral, {
    command: 'pnpm i18n',
    ...(configFile === undefined ? {} : { configFile }),
  });

  eleventyConfig.addPassthroughCopy({ 'src/assets': 'assets' });
  eleventyConfig.addWatchTarget('src/assets/');
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: 'src', output: '_site', data: '_data', includes: '_includes' },
  templateFormats: ['11ty.js'],
};
