import type { AnyRule } from '../rule.js';
import { citations } from './citations.js';
import { dubious } from './dubious.js';
import { empty } from './empty.js';
import { facts } from './facts.js';
import { literalFacts } from './literal-facts.js';
import { markup } from './markup.js';
import { missing } from './missing.js';
import { obsolete } from './obsolete.js';
import { pages } from './pages.js';
import { placeholders } from './placeholders.js';
import { plurals } from './plurals.js';
import { punctuation } from './punctuation.js';
import { stale } from './stale.js';
import { syntax } from './syntax.js';
import { terminology } from './terminology.js';
import { untranslated } from './untranslated.js';
import { whitespace } from './whitespace.js';

/**
 * The built-in rules, in the order they run and report. `../catalogue.ts` lists their metadata
 * for what must not load the rules (the CLI's help); a test keeps the two in step.
 */
export const BUILTIN_RULES: readonly AnyRule[] = [
  syntax,
  missing,
  obsolete,
  empty,
  plurals,
  placeholders,
  facts,
  literalFacts,
  citations,
  dubious,
  markup,
  untranslated,
  stale,
  terminology,
  whitespace,
  pages,
  punctuation,
];
