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
  /**
   * How to fix it, in words a translator can act on. When the fix is a command, the hint names
   * it as {@link DEFAULT_COMMAND} runs it (`` `bilateral sync` ``) and {@link suggestion} says
   * which; reporters print the hint with the user's own command name (`pnpm i18n sync`).
   */
  readonly hint: string;
  /** The command that fixes it, when there is one (JSON output includes it). */
  readonly suggestion?: Suggestion;
}

/** A toolkit command that fixes a finding: `{ command: 'accept', args: ['uk', 'ui:nav.more'] }`. */
export interface Suggestion {
  readonly command: 'sync' | 'accept' | 'check' | 'status' | 'schema' | 'render';
  readonly args: readonly string[];
}

/** How hints name the CLI unless told otherwise. */
export const DEFAULT_COMMAND = 'bilateral';

/**
 * A suggestion as a command line, with the CLI named as the user runs it (`bilateral`,
 * `pnpm i18n`, `npx bilateral`): `bilateral accept uk ui:nav.more`.
 */
export function commandLine(s: Suggestion, commandName: string = DEFAULT_COMMAND): string {
  return [commandName, s.command, ...s.args].join(' ');
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
