/* global process, URL */
/**
 * Site settings. SITE_URL is where the site is published (canonical, hreflang, og:url, sitemap);
 * it must be an absolute http(s) URL and defaults to the development server.
 */
function siteUrl() {
  const value = process.env.SITE_URL || 'http://localhost:8080';
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must be an http(s) URL, not "${value}"`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(
      `SITE_URL must be an origin without a path (the site is served from /), not "${value}"`,
    );
  }
  return url.origin;
}

export default function () {
  return {
    url: siteUrl(),
    /** The article each language's home page shows. */
    document: 'north-korea-ukraine-relations',
    /** Flags drawn in src/assets/flags, by entity id of the core. */
    flags: { 'north-korea': 'kp', ukraine: 'ua' },
  };
}
