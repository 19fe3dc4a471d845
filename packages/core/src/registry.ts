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

/** Publishers and mastheads cited by documents; labels live in `terms` under `works.<id>`. */
export const works = {
  'mfa-ukraine': {},
  ncnk: {},
  time: {},
  'nk-news': {},
  cyol: {},
  wyzxwk: {},
  'meduza-tass': {},
  rferl: {},
  'radio-svoboda': {},
  cnn: {},
  reuters: {},
  'kyiv-independent': {},
  'us-dod': {},
  'nbc-news': {},
  'bbc-news': {},
  'financial-times': {},
  newsweek: {},
  'associated-press': {},
  oec: {},
} as const satisfies Record<string, Work>;

/** Units that quantities count; each locale gives plural phrases under `units.<id>`. */
export const units = {
  soldier: {},
  'military-unit': {},
} as const satisfies Record<string, Unit>;
