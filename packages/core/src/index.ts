export type * from './types.js';
export { corpus } from './corpus.js';
export { entities, units, works } from './registry.js';
export { northKoreaUkraineRelations } from './documents/north-korea-ukraine-relations.js';
export { parseIsoDate, toUtcDate, type ParsedDate } from './dates.js';
export {
  validateCorpus,
  languageTagProblem,
  sourceUrlProblem,
  type CorpusProblem,
} from './validate.js';
export {
  paragraphKey,
  citationsOf,
  factsOf,
  entitiesOf,
  dubiousCountOf,
  allParagraphs,
  titleStatusOf,
  referenceSource,
  documentsOf,
  type DocumentEntry,
  type ParagraphRef,
} from './query.js';
