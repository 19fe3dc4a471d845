/* global process */
import { HtmlBasePlugin } from '@11ty/eleventy';
import bilateral from '@bilateral/i18n/eleventy';
import { rasterise } from './src/_lib/card.js';
import { updatedDates } from './src/_lib/updated.js';
import { MAIN, siteMode, siteSettings, SiteConfigError } from './src/_lib/settings.js';

const DEFAULT_PORT = 8080;

/**
 * The development server's port: `--port N` / `--port=N` as given to Eleventy (the last one),
 * else PORT, else 8080.
 * @param {readonly string[]} argv
 * @param {Record<string, string | undefined>} env
 */
export function serverPort(argv, env) {
  let given = env['PORT'] || undefined;
  argv.forEach((a, i) => {
    if (a === '--port') given = argv[i + 1];
    else if (a.startsWith('--port=')) given = a.slice('--port='.length);
  });
  if (given === undefined) return DEFAULT_PORT;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new SiteConfigError(`the port must be a whole number from 1 to 65535, not "${given}"`);
  return n;
}

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
 * - PORT: the development server's port (default 8080); `--port N` on the command line wins
 *   (`pnpm start -- --port 8751` or `PORT=8751 pnpm start`). In development, SITE_URL defaults
 *   to that server's address.
 */
/** @param {any} eleventyConfig */
export default async function (eleventyConfig) {
  const port = serverPort(process.argv, process.env);
  if (!process.env['SITE_URL'] && port !== DEFAULT_PORT && siteMode(process.env) === 'development')
    process.env['SITE_URL'] = `http://localhost:${port}/`;
  // First, before the checks: a production build without a public URL stops here.
  const settings = siteSettings();
  const configFile = process.env['BILATERAL_CONFIG'] || undefined;
  // Hints name the CLI as this repository runs it (`pnpm i18n check`), like `pnpm i18n` does.
  const updated = updatedDates();
  // The plugin routes the whole site: every document at /{lang}/{id}/ (its default), a home per
  // language at /{lang}/ listing them, the root page, the 404 pages, the sitemap, and the site's
  // own pages named here. Templates take every URL from it.
  await eleventyConfig.addPlugin(bilateral, {
    command: 'pnpm i18n',
    routes: {
      timeline: { path: '/{lng}/timeline/', sitemap: true },
      translations: '/{lng}/translations/',
      card: { path: '/{lng}/card.png', keepAnchor: false },
      map: '/assets/maps/{id}.svg',
      mapDark: '/assets/maps/{id}-dark.svg',
    },
    // An article's date in a language (git, else its newest event); the timeline is its article's.
    lastModified: (
      /** @type {import('@bilateral/i18n/eleventy').SitemapEntry} */ entry,
      /** @type {(id: string) => import('@bilateral/i18n').RenderedDocument | undefined} */ document,
    ) => {
      const id = entry.kind === 'article' ? entry.id : entry.name === 'timeline' ? MAIN : undefined;
      const doc = id === undefined ? undefined : document(id);
      if (id === undefined || doc === undefined) return undefined;
      return updated(
        id,
        entry.locale,
        doc.events.map((e) => e.iso),
      ).iso;
    },
    ...(configFile === undefined ? {} : { configFile }),
    // The most HTML a page may have (the plugin's default, 200 KB, unless SITE_PAGE_BUDGET_KB says):
    // a site of a thousand documents lists them all on each home page.
    ...(settings.pageBudget === undefined ? {} : { pageBudget: settings.pageBudget }),
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
  eleventyConfig.setServerOptions({ port, showAllHosts: false });
  // A saved file is rebuilt once its size has been stable for 30 ms, not Eleventy's default
  // 150 ms (polled every 25 ms), which was a third of the edit loop's 0.5 s budget: editors and
  // `pnpm i18n sync` write whole files (a temporary file, then a rename). A slower writer at
  // worst starts one rebuild too early, and the next change event builds again.
  eleventyConfig.setChokidarConfig({
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  eleventyConfig.setQuietMode(true);
  return { pathPrefix: settings.pathPrefix };
}

export const config = {
  dir: { input: 'src', output: '_site', data: '_data', includes: '_includes' },
  templateFormats: ['11ty.js'],
};
