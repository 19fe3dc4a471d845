/* global process, URL */
import { readFileSync } from 'node:fs';

/**
 * Where the site is published, and in which mode it is built: one answer for the Eleventy config
 * (pathPrefix) and the templates (absolute URLs), so they cannot disagree.
 *
 * - Production (a plain `eleventy` build): the public URL is `SITE_URL` when set, else `homepage`
 *   in apps/site/package.json. Without one, or with a loopback host (localhost, 127.x, [::1]), the
 *   build stops: canonical links, hreflang, the sitemap and social cards would point nowhere.
 * - Development (`eleventy --serve`, or BILATERAL_MODE=development): `SITE_URL` when set, else the
 *   development server, http://localhost:8080/.
 *
 * A URL with a path (https://example.org/bilateral/) publishes the site below that path: it
 * becomes Eleventy's pathPrefix, which the HTML base plugin adds to every link in the pages.
 */

/**
 * The site's main article, the one place that names it: the timeline, the locator map, the social
 * card and the attribution are its (every document is listed on each language's home).
 */
export const MAIN = 'north-korea-ukraine-relations';

/** A mistake in the site's configuration: Eleventy prints the message, without a stack. */
export class SiteConfigError extends Error {
  /** @override */
  name = 'SiteConfigError';
  skipOriginalStack = true;
}

export const DEVELOPMENT_URL = 'http://localhost:8080/';

/**
 * @typedef {object} SiteSettings
 * @property {'production' | 'development'} mode
 * @property {string} url the public URL without a trailing slash, e.g. https://example.org/bilateral
 * @property {string} pathPrefix the URL's path, e.g. `/bilateral/` (`/` at the root of a host)
 * @property {string} from where the URL came from, for messages: `SITE_URL`, `package.json homepage` or `development default`
 * @property {number | undefined} [pageBudget] the most HTML a page may have, in bytes
 *   (`SITE_PAGE_BUDGET_KB`); undefined: the plugin's default (200 KB)
 */

/**
 * The mode, as the `@bilateral/i18n/eleventy` plugin decides it: BILATERAL_MODE when set, else
 * development under `--serve`/`--watch` and production for a build.
 * @param {Record<string, string | undefined>} env
 * @returns {'production' | 'development'}
 */
export function siteMode(env) {
  const mode = env['BILATERAL_MODE'];
  if (mode === 'production' || mode === 'development') return mode;
  if (mode !== undefined && mode !== '') {
    throw new SiteConfigError(
      `BILATERAL_MODE must be "production" or "development", not "${mode}"`,
    );
  }
  const run = env['ELEVENTY_RUN_MODE'];
  return run === 'serve' || run === 'watch' ? 'development' : 'production';
}

/** @param {string} hostname */
const isLoopback = (hostname) =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
  hostname === '[::1]' ||
  hostname === '0.0.0.0';

/**
 * @param {{ env?: Record<string, string | undefined>, packageFile?: URL | string }} [options]
 * @returns {SiteSettings}
 */
export function siteSettings(options = {}) {
  const env = options.env ?? process.env;
  const packageFile = options.packageFile ?? new URL('../../package.json', import.meta.url);
  const mode = siteMode(env);
  /** @type {string | undefined} */
  let value;
  let from = 'SITE_URL';
  if (env['SITE_URL'] !== undefined && env['SITE_URL'] !== '') {
    value = env['SITE_URL'];
  } else if (mode === 'production') {
    /** @type {{ homepage?: unknown }} */
    const pkg = JSON.parse(readFileSync(packageFile, 'utf8'));
    from = 'package.json homepage';
    if (typeof pkg.homepage === 'string' && pkg.homepage !== '') value = pkg.homepage;
  } else {
    value = DEVELOPMENT_URL;
    from = 'development default';
  }
  if (value === undefined) {
    throw new SiteConfigError(
      'The site has no public URL, so a production build cannot write its canonical links, ' +
        'hreflang alternates, sitemap or social cards. Set "homepage" in apps/site/package.json ' +
        '(e.g. "https://example.org/" or "https://example.org/bilateral/"), or the SITE_URL ' +
        'environment variable. A development server (`pnpm start`) needs neither.',
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError(
      `The site URL (${from}) must be an absolute URL such as https://example.org/, not "${value}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SiteConfigError(`The site URL (${from}) must be an http(s) URL, not "${value}".`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new SiteConfigError(
      `The site URL (${from}) must be an origin with an optional path, without query, fragment or credentials: not "${value}".`,
    );
  }
  if (mode === 'production' && isLoopback(url.hostname)) {
    throw new SiteConfigError(
      `The site URL (${from}) is "${value}", a local address: a production build must name the ` +
        'public URL readers and search engines will use. Set SITE_URL or "homepage" in ' +
        'apps/site/package.json to it; for a local preview run `pnpm start` (development).',
    );
  }
  const pathPrefix = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const pageBudget = pageBudgetOf(env['SITE_PAGE_BUDGET_KB']);
  return {
    mode,
    url: `${url.origin}${pathPrefix}`.replace(/\/$/, ''),
    pathPrefix,
    from,
    ...(pageBudget === undefined ? {} : { pageBudget }),
  };
}

/**
 * `SITE_PAGE_BUDGET_KB`: the page budget in kilobytes (a whole number over 0), for a site whose
 * listings outgrow the plugin's default (a home listing a thousand documents).
 * @param {string | undefined} value
 * @returns {number | undefined} bytes
 */
function pageBudgetOf(value) {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new SiteConfigError(
      `SITE_PAGE_BUDGET_KB must be a whole number of kilobytes, such as 400, not "${value}".`,
    );
  }
  return Number(value) * 1024;
}
