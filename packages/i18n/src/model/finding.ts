/** A finding: what every check reports, and every reporter prints. */

export type Severity = 'error' | 'warning' | 'info';

/** One problem found by a check, with where it is and how to fix it. */
export interface Finding {
  /** Rule id, e.g. `placeholders` (see the check layer's rule list). */
  readonly rule: string;
  readonly severity: Severity;
  readonly locale: string;
  /** Path relative to the project root, `/`-separated. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units (as editors count). */
  readonly column: number;
  /** The key inside the file (`sections.history.p1`); empty for a problem with the whole file. */
  readonly key: string;
  readonly message: string;
  /** How to fix it, in words a translator can act on. */
  readonly hint: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
