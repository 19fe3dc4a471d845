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
};
