import fs from 'node:fs';
import pc from 'picocolors';
import { type ConfigOverrides, type LoadConfigOptions } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import type { I18nextSettings } from '../../model/types.js';
import { visible } from '../../syntax/invisible.js';

/** Options every command accepts (before or after the command name). */
export interface GlobalOptions {
  readonly config?: string;
  readonly cwd?: string;
  readonly source?: string;
  readonly locales?: string;
  readonly languages?: string;
  readonly core?: string;
  readonly color?: boolean;
  /** i18next settings (override the project's own; see `I18nextSettings`). */
  readonly compatibilityJson?: 'v3' | 'v4';
  readonly icu?: boolean;
  readonly react?: boolean;
  readonly keySeparator?: string;
  readonly nsSeparator?: string;
  readonly interpolationPrefix?: string;
  readonly interpolationSuffix?: string;
  readonly returnEmptyString?: 'true' | 'false';
  readonly returnNull?: 'true' | 'false';
  readonly pluralSeparator?: string;
  readonly contextSeparator?: string;
  readonly transKeepBasicHtmlNodesFor?: string;
  readonly i18nextConfig?: string;
}

export function configOptions(g: GlobalOptions): LoadConfigOptions {
  const overrides: { -readonly [K in keyof ConfigOverrides]: ConfigOverrides[K] } = {};
  if (g.source !== undefined) overrides.sourceLocale = g.source;
  if (g.locales !== undefined) overrides.files = g.locales;
  if (g.languages !== undefined)
    overrides.locales = g.languages
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (g.core !== undefined) overrides.core = g.core;
  const i18next = i18nextFlags(g);
  if (i18next !== undefined) overrides.i18next = i18next;
  if (g.i18nextConfig !== undefined) overrides.i18nextConfig = g.i18nextConfig;
  return {
    ...(g.cwd === undefined ? {} : { cwd: g.cwd }),
    ...(g.config === undefined ? {} : { configFile: g.config }),
    ...(Object.keys(overrides).length === 0 ? {} : { overrides }),
    notify: (message, kind) => notify(message, kind, useColor(g, process.stderr)),
  };
}

/** The i18next settings the flags give, or undefined when they give none. */
export function i18nextFlags(g: GlobalOptions): I18nextSettings | undefined {
  const sep = (v: string | undefined): string | false | undefined =>
    v === undefined ? undefined : v === 'false' ? false : v;
  const s: { -readonly [K in keyof I18nextSettings]: I18nextSettings[K] } = {};
  if (g.compatibilityJson !== undefined) s.compatibilityJSON = g.compatibilityJson;
  if (g.icu === true) s.format = 'icu';
  if (g.react === true) s.react = true;
  const key = sep(g.keySeparator);
  if (key !== undefined) s.keySeparator = key;
  const ns = sep(g.nsSeparator);
  if (ns !== undefined) s.nsSeparator = ns;
  if (g.interpolationPrefix !== undefined || g.interpolationSuffix !== undefined)
    s.interpolation = {
      ...(g.interpolationPrefix === undefined ? {} : { prefix: g.interpolationPrefix }),
      ...(g.interpolationSuffix === undefined ? {} : { suffix: g.interpolationSuffix }),
    };
  if (g.returnEmptyString !== undefined) s.returnEmptyString = g.returnEmptyString === 'true';
  if (g.returnNull !== undefined) s.returnNull = g.returnNull === 'true';
  if (g.pluralSeparator !== undefined) s.pluralSeparator = g.pluralSeparator;
  if (g.contextSeparator !== undefined) s.contextSeparator = g.contextSeparator;
  if (g.transKeepBasicHtmlNodesFor !== undefined)
    s.transKeepBasicHtmlNodesFor = g.transKeepBasicHtmlNodesFor
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  return Object.keys(s).length === 0 ? undefined : { ...s, from: 'the command line' };
}

/** Said once per process (a watch loop reloads the config): what was detected, unknown tags. */
const told = new Set<string>();
function notify(message: string, kind: 'info' | 'warning', colour: boolean): void {
  if (told.has(message)) return;
  told.add(message);
  const label = kind === 'warning' ? (colour ? pc.yellow('warning') : 'warning') + ' ' : '';
  process.stderr.write(`${label}${visible(message)}\n`);
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

/**
 * A report on stdout, part after part: a large JSON or SARIF report is never one string of its
 * whole size (check/report/json-parts.ts). Each part is made once the one before has gone out:
 * written to a pipe, `write` only queues what the reader has not taken yet, so without waiting
 * for `drain` a report of 18 MB was held whole in memory until the command ended, copied by the
 * garbage collector on the way (bench/analysis.md, "Session 12"). To a terminal every write
 * completes at once. To a file (`> report.json`) the parts are encoded into one buffer, reused,
 * and written to the descriptor: through the stream each part became a `Buffer` of its own, up to
 * 48 KB of memory outside the heap made and dropped for every part (overleaf's report: 1,100 of
 * them, 2–7 % of the command in interleaved runs).
 */
export function writeParts(
  parts: Iterable<string>,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  // One report after the other (`check --watch` may report again while a report still waits).
  const written = writing.then(async () => {
    const file = fileOf(out);
    if (file !== undefined) return writeToFile(file, parts);
    for (const part of parts) if (!out.write(part)) await drained(out);
  });
  writing = written.catch(() => undefined);
  return written;
}
let writing: Promise<void> = Promise.resolve();

/**
 * Writes a report and gives the exit code its findings call for: 1 with an error, else 0. The
 * code is set before the report goes out, so that it holds when the reader stops reading early
 * (`bilateral check | head` ends the command at the first write it refuses, main.ts).
 */
export async function exitAfter(
  findings: readonly { readonly severity: string }[],
  parts: Iterable<string>,
): Promise<number> {
  const code = findings.some((f) => f.severity === 'error') ? 1 : 0;
  process.exitCode = code;
  await writeParts(parts);
  return code;
}

/** The stream's descriptor when it is a regular file with nothing queued, else undefined. */
function fileOf(out: NodeJS.WritableStream): number | undefined {
  const fd = (out as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || (out as { writableLength?: number }).writableLength !== 0)
    return undefined;
  try {
    return fs.fstatSync(fd).isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
}

/** Each part encoded as UTF-8 (as the stream would) into one buffer, and written whole. */
function writeToFile(fd: number, parts: Iterable<string>): void {
  let buf = Buffer.allocUnsafe(64 * 1024);
  for (const part of parts) {
    // Three bytes at most for each UTF-16 unit: the part always fits.
    if (part.length * 3 > buf.length) buf = Buffer.allocUnsafe(part.length * 3);
    const n = buf.write(part, 'utf8');
    for (let at = 0; at < n;) at += fs.writeSync(fd, buf, at, n - at);
  }
}

/** Resolves once the stream has taken what was queued (or can take nothing more). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
