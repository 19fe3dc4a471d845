import { northKoreaUkraineRelations } from './documents/north-korea-ukraine-relations.js';
import { entities, units, works } from './registry.js';
import type { Corpus } from './types.js';

/** Every document Bilateral publishes, with the registries they share. */
export const corpus: Corpus = {
  entities,
  units,
  works,
  documents: {
    [northKoreaUkraineRelations.id]: northKoreaUkraineRelations,
  },
  pages: {
    /** "About this edition": what the site is, its sources and licence, how to correct and translate. */
    about: { kind: 'page', id: 'about', sourceLocale: 'ja' },
  },
};
