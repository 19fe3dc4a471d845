// The address the site is published at, for canonical links, hreflang and the sitemap.
export default {
  url: (process.env['SITE_URL'] ?? 'https://kettle.example.org').replace(/\/$/, ''),
};
