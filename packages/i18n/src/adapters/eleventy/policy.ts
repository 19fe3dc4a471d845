import { formatFindings } from '../../check/report/format.js';
import { ConfigError, TranslationCheckError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import type { Project } from '../../model/types.js';

/**
 * What a build does with what it found:
 * - in production (`eleventy`), any error-level finding of the checks fails the build, and so does
 *   any text that would reach a reader empty; warnings are counted, not listed. What readers can
 *   be given with a notice does not block: a stale translation (a warning of the `stale` rule)
 *   and a text missing in the page's language (`missing`: the page shows the fallback
 *   language's, marked with its `lang`). A strict build (`strict: true` or `BILATERAL_STRICT=1`)
 *   fails on those too, as `bilateral check --strict` does;
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

/** Resolves strictness from the option or `BILATERAL_STRICT` (`1`/`true`, `0`/`false`). */
export function resolveStrict(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const env = process.env['BILATERAL_STRICT'];
  if (env === undefined || env === '' || env === '0' || env === 'false') return false;
  if (env === '1' || env === 'true') return true;
  throw new ConfigError(`BILATERAL_STRICT must be "1" or "0" (or "true"/"false"), not "${env}"`);
}

/** The plugin's `incremental` option, else `BILATERAL_INCREMENTAL`, else true. */
export function resolveIncremental(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const env = process.env['BILATERAL_INCREMENTAL'];
  if (env === undefined || env === '' || env === '1' || env === 'true') return true;
  if (env === '0' || env === 'false') return false;
  throw new ConfigError(
    `BILATERAL_INCREMENTAL must be "1" or "0" (or "true"/"false"), not "${env}"`,
  );
}

/** Rules whose errors a (non-strict) production build publishes with a notice instead. */
const PUBLISHED_WITH_NOTICE = new Set(['missing']);

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
export function enforce(mode: BilateralMode, found: Found, out: Output, strict = false): void {
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
  const blocking = (f: Finding) => strict || !PUBLISHED_WITH_NOTICE.has(f.rule);
  const errors = checks.filter((f) => f.severity === 'error' && blocking(f));
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
  const noticed = checks.filter((f) => f.severity === 'error' || f.rule === 'stale');
  if (noticed.length > 0) {
    const n = noticed.length;
    out.log(
      `bilateral: ${plural(n, 'text')} missing or stale in a translation ${n === 1 ? 'is' : 'are'} published with a notice (a strict build, BILATERAL_STRICT=1, refuses ${n === 1 ? 'it' : 'them'}).\n`,
    );
  }
  const warnings = checks.length - noticed.length;
  if (warnings > 0) {
    out.log(
      `bilateral: ${plural(warnings, 'translation warning')} (not blocking); run \`${out.command} check\` to see ${warnings === 1 ? 'it' : 'them'}.\n`,
    );
  }
}
