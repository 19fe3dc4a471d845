import { readdirSync, realpathSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { coreModuleFile } from '../../files/core.js';
import { fileStamp } from '../../files/read.js';
import type { ProjectConfig } from '../../model/types.js';
import {
  packageVersion,
  PROTOCOL,
  socketPath,
  splitArgs,
  toolkitStamp,
  type ServedRequest,
  type ServedResponse,
} from './served.js';

/**
 * The server side of served.ts: a `bilateral check --watch` answers the `bilateral check` runs
 * started in its folder with the same settings. Each answer is a check like a cached run's — a
 * stat of every locale file, the changed namespaces checked again — from what this process keeps
 * in memory. It refuses (and the client runs by itself) when it cannot vouch for the answer:
 * another protocol or toolkit, other settings, a format or language it does not know, or a
 * config or core file changed since it loaded them (a core stays loaded in a process: see
 * {@link InputStamps}).
 */
export interface ServeOptions {
  /** The watching process's own command line (process.argv.slice(2)). */
  readonly argv: readonly string[];
  /** Its folder. */
  readonly cwd: string;
  /** The configuration now being checked. */
  config(): ProjectConfig;
  /** Runs the check, after any re-check under way, and gives the report and exit code. */
  answer(request: {
    readonly format: string;
    readonly locale: readonly string[] | undefined;
    readonly color: boolean;
    readonly commandName: string;
    /** When the client started (ms since the epoch): the answer must look at the files after it. */
    readonly startedAt: number;
  }): Promise<{ output: string; code: number }>;
  /** Told about each answer (on the watching terminal). */
  onAnswer?(ms: number): void;
  /** Told, once per reason, why a question was left to the asking command. */
  onRefused?(reason: string): void;
}

export interface CheckServer {
  /** Where it listens. */
  readonly where: string;
  /** The config was loaded again (`--watch` saw it change): its files are the ones to watch. */
  reloaded(): void;
  close(): Promise<void>;
}

const FORMATS = new Set(['pretty', 'json', 'sarif', 'github']);
/** A request is one line of JSON: a command line, not a file. */
const MAX_REQUEST = 256 * 1024;

/**
 * Starts answering; undefined when there is nowhere to listen (no private folder for the socket)
 * or another process already answers for this folder.
 */
export async function serveChecks(options: ServeOptions): Promise<CheckServer | undefined> {
  const where = socketPath(options.cwd, true);
  if (where === undefined) return undefined;
  const key = JSON.stringify(splitArgs(options.argv).key);
  const toolkit = toolkitStamp(packageVersion());
  const folder = realFolder(options.cwd);
  let inputs = new InputStamps(options.config());

  const told = new Set<string>();
  const refuse = (reason: string): ServedResponse => {
    if (!told.has(reason)) {
      told.add(reason);
      options.onRefused?.(reason);
    }
    return { ok: false, reason };
  };

  const handle = async (request: ServedRequest): Promise<ServedResponse> => {
    if (request.protocol !== PROTOCOL || request.toolkit !== toolkit)
      return refuse('another version or build of the toolkit (restart `check --watch`)');
    if (typeof request.cwd !== 'string' || realFolder(request.cwd) !== folder)
      return { ok: false, reason: 'another folder' };
    const split = splitArgs(request.argv);
    if (JSON.stringify(split.key) !== key)
      return refuse('other settings than this process checks with');
    const format = split.format ?? 'pretty';
    const config = options.config();
    if (!FORMATS.has(format) || split.locale?.some((l) => !config.locales.includes(l)))
      return { ok: false, reason: 'an option to report on' };
    if (inputs.changed())
      return refuse(
        'a config or core file changed since this process loaded it (restart `check --watch` to answer again)',
      );
    const started = performance.now();
    const { output, code } = await options.answer({
      format,
      locale: split.locale,
      color: request.color && !split.noColor,
      commandName: request.commandName,
      startedAt: typeof request.startedAt === 'number' ? request.startedAt : Date.now(),
    });
    options.onAnswer?.(performance.now() - started);
    return {
      ok: true,
      stdout: output,
      stderr: `(answered by the \`bilateral check --watch\` running in this folder, process ${process.pid})\n`,
      code,
    };
  };

  // Half-open: the client ends its side after the request, and still reads the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST) socket.destroy();
      else chunks.push(c);
    });
    socket.on('error', () => socket.destroy());
    socket.on('end', () => {
      let request: ServedRequest;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServedRequest;
      } catch {
        socket.destroy();
        return;
      }
      handle(request)
        .catch((e: unknown): ServedResponse => ({ ok: false, reason: String(e) }))
        .then((r) => {
          if (!socket.destroyed) socket.end(JSON.stringify(r));
        })
        .catch(() => undefined);
    });
  });
  if (!(await listen(server, where))) return undefined;
  return {
    where,
    reloaded: () => {
      inputs = new InputStamps(options.config());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Listens at `where`, taking over a socket left by a process that is gone. */
async function listen(server: net.Server, where: string): Promise<boolean> {
  const attempt = () =>
    new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(where, () => {
        server.off('error', resolve);
        resolve(undefined);
      });
    });
  let e = await attempt();
  if (e?.code === 'EADDRINUSE' && process.platform !== 'win32') {
    if (await answers(where)) return false;
    try {
      unlinkSync(where);
    } catch {
      return false;
    }
    e = await attempt();
  }
  return e === undefined;
}

/** Whether a process listens at `where`. */
const answers = (where: string) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(where);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/**
 * The files a watching process read once and keeps: the config file, i18next's settings files at
 * the root, and the core module's folder (a core is an ES module: a process cannot load an edited
 * one again). Their stamps are taken when the config is loaded; an answer is refused once any
 * differs.
 */
class InputStamps {
  private readonly stamps = new Map<string, string>();

  constructor(config: ProjectConfig) {
    for (const f of inputFiles(config)) this.stamps.set(f, stampOf(f));
  }

  changed(): boolean {
    for (const [f, s] of this.stamps) if (stampOf(f) !== s) return true;
    return false;
  }
}

const SETTINGS = /^(bilateral|i18next|next-i18next|i18next-parser)\.config\.[cm]?[jt]s(on)?$/;
/** What a core's modules are written in. */
const MODULE = /\.([cm]?[jt]s|json)$/;
/** How many files of a core's folder are watched: a core is a few modules, not a tree. */
const MAX_CORE_FILES = 2_000;

function inputFiles(config: ProjectConfig): string[] {
  const files = new Set<string>();
  if (config.configFile !== undefined) files.add(config.configFile);
  try {
    for (const name of readdirSync(config.root))
      if (SETTINGS.test(name)) files.add(path.join(config.root, name));
  } catch {
    // no root to list: nothing there to change
  }
  const core = coreModuleFile(config);
  if (core === undefined) return [...files];
  files.add(core);
  // The modules beside the core's entry and below it (a core in the project's root: those of the
  // root itself, not its locale files or anything else below).
  const top = path.dirname(core);
  const inRoot = top === config.root;
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (files.size >= MAX_CORE_FILES) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!inRoot && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (MODULE.test(e.name)) files.add(p);
    }
  };
  walk(top);
  // A folder's own stamp changes when a file is added, removed or renamed in it.
  if (!inRoot) files.add(top);
  return [...files];
}

/** A folder's real path (links resolved), or undefined when it is gone. */
const realFolder = (dir: string): string | undefined => {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
};

const stampOf = (file: string): string => fileStamp(file)?.stamp ?? '-';
