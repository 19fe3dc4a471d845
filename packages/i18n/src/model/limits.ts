/**
 * Limits that keep the tools fast and safe on hostile or broken input. A locale file or text
 * beyond them is reported (by the `syntax` and `placeholders` checks, and as a render problem)
 * instead of being processed: real locale files stay far below every one of them.
 */
export const LIMITS = {
  /** A locale file larger than this is not read (a real one is a few hundred kilobytes at most). */
  fileBytes: 10 * 1024 * 1024,
  /** Objects and arrays nested deeper than this (a real file nests a handful of levels). */
  depth: 100,
  /** The renderer does not give i18next a text longer than this (UTF-16 code units). */
  textLength: 100_000,
  /** The renderer does not give i18next a text with more `{{` and `$t(` than this. */
  placeholders: 1_000,
  /** `$t(…)` nesting: at most this many nested texts when one text is fully expanded… */
  nestedTexts: 1_000,
  /** …and at most this many levels of nesting. */
  nestingDepth: 20,
  /** A check or render cache file larger than this is not read (it is rebuilt). */
  cacheBytes: 256 * 1024 * 1024,
  /** Findings of one rule about one key listed in full; the rest are counted in one more finding. */
  findingsPerKey: 20,
  /**
   * Findings of one rule in one file shown in the formats people read (`pretty`, GitHub
   * annotations); the rest are counted in one line that says how to see them all. A file can
   * hold hundreds of thousands of keys the source lacks (each an `obsolete` finding): code frames
   * for all of them help nobody (one fix, such as `sync --prune`, clears them all) and would cost
   * seconds and gigabytes to print. JSON and SARIF list every finding the check keeps.
   */
  findingsPerFile: 1_000,
  /**
   * Findings of one rule in one file that a check keeps at all; the rest are counted in one more
   * finding. Only a hostile file reaches it (the largest real locale files hold a few thousand
   * keys): it bounds the memory and the JSON a 10 MB file of tiny keys could make.
   */
  findingsKeptPerFile: 100_000,
} as const;
