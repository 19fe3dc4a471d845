import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCachesAllowed } from '../../model/cache-policy.js';

/**
 * `bilateral check` answered by a running `bilateral check --watch` of the same folder.
 *
 * A watching process keeps the project's results, its core and the file digests in memory; a
 * `bilateral check` started meanwhile in the same folder, with the same settings, asks it over a
 * local socket instead of loading all of that again (the second translator's terminal, an editor
 * task, a pre-commit hook). The watching process then does exactly what a cached run does — a
 * stat of every locale file, the namespaces whose inputs changed checked again — and sends back
 * the report in the asked format. Anything it cannot vouch for is refused and the command runs
 * by itself, as if no one were watching: other settings, another version of the toolkit, a
 * changed config or core (see serve.ts).
 *
 * This module is the client's whole code and the protocol both sides share; it is loaded before
 * anything else of the CLI (`cli.ts`), so it imports only Node's own modules.
 */

/** How long a client waits for the answer of a server that accepted its question. */
const ANSWER_MS = 120_000;

/** The protocol's version: a client and a server of different versions never talk. */
export const PROTOCOL = 1;

export interface ServedRequest {
  readonly protocol: number;
  /** The toolkit the client runs (see {@link toolkitStamp}). */
  readonly toolkit: string;
  /** The folder the client runs in (the server answers only for its own). */
  readonly cwd: string;
  /** The command line after `bilateral` (process.argv.slice(2)). */
  readonly argv: readonly string[];
  /** Whether the client's stdout takes colours (see `useColor`). */
  readonly color: boolean;
  /** `pnpm i18n` or `bilateral`, for the suggestions in the report. */
  readonly commandName: string;
  /**
   * When the client process started (ms since the epoch, `performance.timeOrigin`): a check that
   * began after it (by the server's wall clock, `Date.now()`) has seen every file as the user
   * left it before running the command.
   */
  readonly startedAt: number;
}

export type ServedResponse =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string; readonly code: number }
  | { readonly ok: false; readonly reason: string };

/**
 * The socket of the folder a command runs in: in a folder of the user's own in the system's
 * temporary folder (mode 0700, so that no other user can connect), named by a hash of the
 * folder's real path; a named pipe on Windows. Undefined when that folder is not the user's own.
 */
export function socketPath(cwd: string, create = false): string | undefined {
  let real: string;
  try {
    real = realpathSync(cwd);
  } catch {
    return undefined;
  }
  const name = createHash('sha256').update(real).digest('hex').slice(0, 24);
  if (process.platform === 'win32') return `\\\\.\\pipe\\bilateral-${name}`;
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(os.tmpdir(), `bilateral-${uid}`);
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return path.join(dir, `${name}.sock`);
}

/**
 * What identifies the toolkit a process runs: its version and when this module was built. A
 * client and a server that differ (an upgrade or a rebuild while watching) do not talk.
 */
export function toolkitStamp(version: string): string {
  let built = '';
  try {
    built = String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    // not a file (bundled): the version alone
  }
  return `${version}@${built}`;
}

const PACKAGE_NAME = '@bilateral/i18n';

/**
 * This package's version, from its package.json: the nearest one above this module that is this
 * package's (three folders up from src/ or dist/ adapters/cli, two from the bundle in
 * dist/bundle/).
 */
export function packageVersion(): string {
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 4; i++, dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === PACKAGE_NAME)
        return typeof pkg.version === 'string' ? pkg.version : 'unknown';
    } catch {
      // none here: one folder up
    }
  }
  return 'unknown';
}

/** Options of `check` that change only how the report is shown or made, not what it says. */
const SHOWN_WITH_VALUE = new Set(['-f', '--format', '-j', '--jobs', '--cache-location']);
const SHOWN_ALONE = new Set(['-w', '--watch', '--no-color']);
const LOCALE = new Set(['-l', '--locale']);

/** A command line split into what decides the findings and how to show them. */
export interface SplitArgs {
  /** Every token that decides the findings, in order (compared as is between the two sides). */
  readonly key: readonly string[];
  readonly format: string | undefined;
  readonly locale: readonly string[] | undefined;
  readonly noColor: boolean;
}

/**
 * Splits `bilateral check` arguments. Conservative: two command lines with the same `key` ask
 * for the same findings; different ones are simply not served (the client runs by itself).
 */
export function splitArgs(argv: readonly string[]): SplitArgs {
  const key: string[] = [];
  let format: string | undefined;
  let locale: string[] | undefined;
  let noColor = false;
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] as string;
    const eq = t.startsWith('--') ? t.indexOf('=') : -1;
    const name = eq === -1 ? t : t.slice(0, eq);
    if (SHOWN_ALONE.has(t)) {
      if (t === '--no-color') noColor = true;
    } else if (SHOWN_WITH_VALUE.has(name)) {
      const value = eq === -1 ? argv[++i] : t.slice(eq + 1);
      if (name === '-f' || name === '--format') format = value;
    } else if (/^-[fj]./.test(t)) {
      if (t[1] === 'f') format = t.slice(2);
    } else if (LOCALE.has(name)) {
      locale ??= [];
      if (eq !== -1) locale.push(t.slice(eq + 1));
      else
        while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-'))
          locale.push(argv[++i] as string);
    } else key.push(t);
  }
  return { key, format, locale, noColor };
}

/**
 * Whether a command line may be answered by a server: `check`, once, with the cache allowed, in
 * the folder it was started in. Help, versions, `--watch`, `--no-cache`, `--shard`, `--cwd` and
 * `--` always run by themselves.
 */
export function servable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (!argv.includes('check')) return false;
  if (env['BILATERAL_SERVED'] === '0') return false;
  // The default caches are off in CI (see `defaultCachesAllowed`): so is a server's memory.
  if (!defaultCachesAllowed(env)) return false;
  return !argv.some(
    (t) =>
      t === '--' ||
      /^(-h|--help|-v|-V|--version|-w|--watch|--no-cache|--shard|--cwd)(=|$)/.test(t) ||
      /^-[a-zA-Z]*[hw]/.test(t),
  );
}

/**
 * Asks the server of this folder to run the check; undefined when there is none, it refuses
 * (then the caller runs the command itself), or it goes away before answering.
 */
export async function askServer(
  request: ServedRequest,
  timeoutMs = 1_000,
): Promise<(ServedResponse & { ok: true }) | undefined> {
  const where = socketPath(request.cwd);
  if (where === undefined) return undefined;
  if (process.platform !== 'win32') {
    try {
      if (!statSync(where).isSocket()) return undefined;
    } catch {
      return undefined;
    }
  }
  // Loaded only when there is a socket to connect to.
  const net = await import('node:net');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (r: (ServedResponse & { ok: true }) | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const socket = net.connect(where);
    // A server that does not accept at once is not there; one that accepted is checking, which
    // may take a while after many edits (a branch checked out), but not forever: past
    // ANSWER_MS the command checks by itself.
    let timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(undefined), ANSWER_MS);
      socket.end(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('error', () => finish(undefined));
    socket.once('close', () => {
      try {
        const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServedResponse;
        finish(r.ok === true ? r : undefined);
      } catch {
        finish(undefined);
      }
    });
  });
}
