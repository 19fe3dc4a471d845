import pc from 'picocolors';
import { type ConfigOverrides } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';

/** Options every command accepts (before or after the command name). */
export interface GlobalOptions {
  readonly config?: string;
  readonly cwd?: string;
  readonly source?: string;
  readonly locales?: string;
  readonly languages?: string;
  readonly core?: string;
  readonly color?: boolean;
}

export function configOptions(g: GlobalOptions): {
  cwd?: string;
  configFile?: string;
  overrides?: ConfigOverrides;
} {
  const overrides: { -readonly [K in keyof ConfigOverrides]: ConfigOverrides[K] } = {};
  if (g.source !== undefined) overrides.sourceLocale = g.source;
  if (g.locales !== undefined) overrides.files = g.locales;
  if (g.languages !== undefined)
    overrides.locales = g.languages
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (g.core !== undefined) overrides.core = g.core;
  return {
    ...(g.cwd === undefined ? {} : { cwd: g.cwd }),
    ...(g.config === undefined ? {} : { configFile: g.config }),
    ...(Object.keys(overrides).length === 0 ? {} : { overrides }),
  };
}

/** How the user invoked us, for "run this next" suggestions: `pnpm i18n` at this repo's root. */
export function commandName(): string {
  return process.env['npm_lifecycle_event'] === 'i18n' ? 'pnpm i18n' : 'bilateral';
}

/** Colours unless --no-color, NO_COLOR, or output is not a terminal (FORCE_COLOR forces them). */
export function useColor(g: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (g.color === false) return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  if (process.env['NO_COLOR'] !== undefined) return false;
  return stream.isTTY === true && pc.isColorSupported;
}

export function requireLocale(locales: readonly string[], locale: string, what: string): void {
  if (!locales.includes(locale)) {
    throw new ConfigError(
      `unknown locale "${locale}" for ${what}: this project has ${locales.join(', ')}`,
    );
  }
}
