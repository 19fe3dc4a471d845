import type { Entity, Unit, Work } from './types.js';

/**
 * Entities shared by every document. Ids are stable kebab-case slugs; Wikidata ids are given only
 * where they are certain. Labels and accepted inflected forms live in each locale's `terms`
 * namespace under `entities.<id>`.
 */
export const entities = {
  'north-korea': { kind: 'country', wikidata: 'Q423' },
  ukraine: { kind: 'country', wikidata: 'Q212' },
  russia: { kind: 'country', wikidata: 'Q159' },
  'united-states': { kind: 'country', wikidata: 'Q30' },
  'south-korea': { kind: 'country', wikidata: 'Q884' },
  china: { kind: 'country', wikidata: 'Q148' },
  dpr: { kind: 'state', wikidata: 'Q16150196' },
  lpr: { kind: 'state', wikidata: 'Q16746854' },
  crimea: { kind: 'region', wikidata: 'Q7835' },
  'kursk-oblast': { kind: 'region' },
  'russian-far-east': { kind: 'region' },
  'eastern-bloc': { kind: 'concept' },
  moscow: { kind: 'city', wikidata: 'Q649' },
  beijing: { kind: 'city', wikidata: 'Q956' },
  kyiv: { kind: 'city', wikidata: 'Q1899' },
  nis: { kind: 'organization' },
  nato: { kind: 'organization', wikidata: 'Q7184' },
  kcna: { kind: 'organization' },
  'us-dod': { kind: 'organization', wikidata: 'Q11209' },
  'workers-party-of-korea': { kind: 'organization' },
  'center-for-countering-disinformation': { kind: 'organization' },
  'lloyd-austin': { kind: 'person' },
  'volodymyr-zelenskyy': { kind: 'person', wikidata: 'Q3874799' },
  'mark-rutte': { kind: 'person', wikidata: 'Q57792' },
  'andriy-kovalenko': { kind: 'person' },
  'vladimir-putin': { kind: 'person', wikidata: 'Q7747' },
  'ri-hi-yong': { kind: 'person' },
  polyacetal: { kind: 'substance' },
} as const satisfies Record<string, Entity>;

/**
 * Publishers and mastheads cited by documents; labels live in `terms` under `works.<id>`. `name` is
 * the work's own name in its own language and script, so that a renderer can tag it with `lang`
 * wherever a locale shows it untranslated (`中青在线` is Chinese on every page, never Ukrainian).
 */
export const works = {
  'mfa-ukraine': { name: { text: 'Ministry of Foreign Affairs of Ukraine', lang: 'en' } },
  ncnk: { name: { text: 'NCNK', lang: 'en' } },
  time: { name: { text: 'Time', lang: 'en' } },
  'nk-news': { name: { text: 'NK News', lang: 'en' } },
  cyol: { name: { text: '中青在线', lang: 'zh-Hans' } },
  wyzxwk: { name: { text: '乌有之乡', lang: 'zh-Hans' } },
  // A Russian-language outlet relaying a Russian agency, cited by their Latin-script names.
  'meduza-tass': { name: { text: 'Meduza / TASS', lang: 'en' } },
  rferl: { name: { text: 'Radio Free Europe/Radio Liberty', lang: 'en' } },
  // RFE/RL's Ukrainian service, under its Ukrainian name.
  'radio-svoboda': { name: { text: 'Радіо Свобода', lang: 'uk' } },
  cnn: { name: { text: 'CNN', lang: 'en' } },
  reuters: { name: { text: 'Reuters', lang: 'en' } },
  'kyiv-independent': { name: { text: 'The Kyiv Independent', lang: 'en' } },
  'us-dod': { name: { text: 'U.S. Department of Defense', lang: 'en' } },
  'nbc-news': { name: { text: 'NBC News', lang: 'en' } },
  'bbc-news': { name: { text: 'BBC News', lang: 'en' } },
  'financial-times': { name: { text: 'Financial Times', lang: 'en' } },
  newsweek: { name: { text: 'Newsweek', lang: 'en' } },
  'associated-press': { name: { text: 'Associated Press', lang: 'en' } },
  oec: { name: { text: 'OEC', lang: 'en' } },
} as const satisfies Record<string, Work>;

/** Units that quantities count; each locale gives plural phrases under `units.<id>`. */
export const units = {
  soldier: {},
  'military-unit': {},
} as const satisfies Record<string, Unit>;
