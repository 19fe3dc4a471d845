import { MAIN, siteSettings } from '../_lib/settings.js';
import { updatedDates } from '../_lib/updated.js';

/**
 * Site settings (see src/_lib/settings.js for the URL): where the site is published, the main
 * article, and what each document is based on (for the attribution the
 * licence asks for).
 */
export default function () {
  const { url, pathPrefix, mode } = siteSettings();
  return {
    /** The public URL without a trailing slash (https://example.org/bilateral): absolute links. */
    url,
    pathPrefix,
    mode,
    /** The main article: the timeline, the map, the social card and the attribution are its. */
    document: MAIN,
    /** Flags drawn in src/assets/flags, by entity id of the core. */
    flags: { 'north-korea': 'kp', ukraine: 'ua' },
    /** ISO 3166-1 numeric codes of the countries the locator map highlights, by entity id. */
    countries: { 'north-korea': '408', ukraine: '804' },
    /** The work each document adapts (CC BY-SA 4.0: title, link, authors via its history). */
    sources: {
      'north-korea-ukraine-relations': {
        title: 'North Korea–Ukraine relations',
        lang: 'en',
        url: 'https://en.wikipedia.org/wiki/North_Korea%E2%80%93Ukraine_relations',
        history:
          'https://en.wikipedia.org/wiki/North_Korea%E2%80%93Ukraine_relations?action=history',
      },
    },
    license: {
      name: 'CC BY-SA 4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    },
    /** When a document last changed in a language (git history, else the core's newest event). */
    updated: updatedDates(),
  };
}
