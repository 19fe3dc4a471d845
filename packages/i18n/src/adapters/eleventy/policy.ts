import { formatFindings } from '../../check/report/format.js';
import { ConfigError, TranslationCheckError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import type { Project } from '../../model/types.js';

/**
 * What a build does with what it found:
 * - in production (`eleventy`), any error-level finding of the checks fails the build, and so does
 *   any text that would reach a reader empty; warnings are counted, not listed;
 * - in development (`eleventy --serve`, or `BILATERAL_MODE=development`), everything is listed and
 *   the site keeps serving (missing text falls back, and pages carry banners).
 * Listings are `bilateral check`'s own (`formatFindings`, pretty), naming the CLI as the user runs it.
 */
export type BilateralMode = 'production' | 'development';

/** Resolves the mode from the option, `BILATERAL_MODE`, or how Eleventy runs. */
export function resolveMode(
  option: BilateralMode | undefined,
  runMode: string | undefined,
): BilateralMode {
  if (option !== undefined) return option;
  const env = process.env['BILATERAL_MODE'];
  if (env !== undefined && env !== '') {
    if (env !== 'production' && env !== 'development') {
      throw new ConfigError(`BILATERAL_MODE must be "production" or "development", not "${env}"`);
    }
    return env;
  }
  return runMode === 'serve' || runMode === 'watch' ? 'development' : 'production';
}

export interface Found {
  /** The checks' findings, on the project checked (for code frames). */
  readonly checks: readonly Finding[];
  readonly project: Project;
  /** Text the pages cannot show (a key missing in the whole fallback chain, …). */
  readonly rendered: readonly Finding[];
}

export interface Output {
  readonly log: (text: string) => void;
  readonly color: boolean;
  /** How hints name the CLI, e.g. `pnpm i18n`. */
  readonly command: string;
}

/** Applies the mode's rules: prints, and throws {@link TranslationCheckError} to fail a build. */
export function enforce(mode: BilateralMode, found: Found, out: Output): void {
  const { checks, rendered } = found;
  const listing = (findings: readonly Finding[], project?: Project) =>
    formatFindings(findings, 'pretty', {
      color: out.color,
      root: found.project.root,
      commandName: out.command,
      // Code frames for the checks' findings; rendered ones point at no line of a file.
      ...(project === undefined ? {} : { project }),
    });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (mode === 'development') {
    if (checks.length > 0) out.log(listing(checks, found.project));
    if (rendered.length > 0) out.log(listing(rendered));
    const count = checks.length + rendered.length;
    if (count > 0)
      out.log(
        `bilateral (development): ${plural(count, 'finding')}; the site keeps serving, with banners on the affected pages.\n`,
      );
    return;
  }
  const errors = checks.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    out.log(listing(checks, found.project));
    throw new TranslationCheckError(
      `${plural(errors.length, 'translation error')} (listed above): the build refuses inconsistent translations. Fix them and run \`${out.command} check\`.`,
    );
  }
  const empty = rendered.filter((f) => f.severity === 'error');
  if (empty.length > 0) {
    out.log(listing(empty));
    throw new TranslationCheckError(
      `${plural(empty.length, 'text')} cannot be shown (listed above). Add the missing keys and run \`${out.command} check\`.`,
    );
  }
  if (checks.length > 0) {
    const n = checks.length;
    out.log(
      `bilateral: ${plural(n, 'translation warning')} (not blocking); run \`${out.command} check\` to see ${n === 1 ? 'it' : 'them'}.\n`,
    );
  }
}
