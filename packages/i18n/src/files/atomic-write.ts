import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConcurrentChangeError, WriteError } from '../model/errors.js';
import { containedFile, isRefused, refuseNewFile, type Refused } from './contain.js';

/**
 * Crash-safe, edit-safe writes for every command that writes (`sync`, `accept`, `schema`).
 *
 * The new text goes to a temporary file next to the target (`.<name>.<pid>.<random>.tmp`, which
 * no locale pattern matches), is flushed to disk, and replaces the target with one `rename`: a
 * reader, a crash or a full disk leaves either the old file or the new one, never a mix. Right
 * before the rename the target is read again and compared with what the command read at the
 * start: if an editor (or another run) saved it meanwhile, the temporary file is removed and
 * {@link ConcurrentChangeError} is thrown, so no edit is ever overwritten. Symbolic links are
 * never written through (nor anything outside the project), and the file's permissions are kept. A file without any write
 * permission is treated as "do not touch": {@link WriteError}, nothing written.
 *
 * The module calls `fs.*` through the module object so that tests can inject faults (see
 * test/faults-preload.mjs); nothing here reads test settings.
 */

export interface SafeWrite {
  /** Absolute path. */
  readonly path: string;
  /** The project root: nothing is written outside it (see {@link refuseUncontained}). */
  readonly root: string;
  /** For messages, relative to the project root. */
  readonly relPath: string;
  readonly text: string;
  /**
   * What the file must still hold for the write to go ahead: the bytes read at the start,
   * `null` when it must not exist yet, or `'any'` for generated files nobody edits.
   */
  readonly expected: Uint8Array | null | 'any';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EISDIR: 'a folder has that name',
  ENOTDIR: 'a file is where a folder should be',
  EIO: 'an input/output error occurred',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
};

function reasonOf(e: unknown): { code: string; reason: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
  return { code, reason: REASONS[code] ?? `${(e as Error | undefined)?.message ?? String(e)}` };
}

const same = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === null || b === null ? a === b : Buffer.compare(a, b) === 0;

function readIfExists(file: string): Uint8Array | null {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Writes never follow symbolic links and never leave the project: a link (to anywhere), a path
 * through a linked folder, a file outside the root or anything but a regular file is refused
 * with {@link WriteError} (code `REFUSED`), and nothing is written.
 */
function refuseUncontained(w: SafeWrite): void {
  const existing = containedFile(w.path, w.root, w.relPath, true);
  let why: Refused | undefined;
  if (existing === undefined) why = refuseNewFile(w.path, w.root, w.relPath);
  else if (isRefused(existing)) why = existing;
  else if (existing.link)
    why = {
      refused: 'outside',
      link: true,
      message: `${w.relPath} is a symbolic link; it was not written (the toolkit never writes through links)`,
      hint: `Replace the link with the file itself (git rm ${w.relPath}, then add the real file).`,
    };
  if (why !== undefined) throw new WriteError(`${why.message}. ${why.hint}`, w.relPath, 'REFUSED');
}

/** Writes one file safely (see the module comment). Throws {@link ConcurrentChangeError} or {@link WriteError}. */
export function writeFileSafely(w: SafeWrite): void {
  refuseUncontained(w);
  const target = path.resolve(w.path);
  const fail = failure(w);
  const stat = writableStat(target, w, fail);
  const dir = path.dirname(target);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(e);
  }
  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const cleanup = () => {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Already gone (or never created).
    }
  };
  try {
    writeTemporary(tmp, w.text, stat);
  } catch (e) {
    cleanup();
    fail(e);
  }
  // The last look before the rename: no await in between, so the window is microseconds.
  if (w.expected !== 'any') compareBeforeRename(target, w, cleanup, fail);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    cleanup();
    fail(e);
  }
  removeStale(dir, path.basename(target));
  syncDirectory(dir);
}

/** Throws the {@link WriteError} for a failed system call, with what to do next. */
function failure(w: SafeWrite): (e: unknown) => never {
  return (e) => {
    const { code, reason } = reasonOf(e);
    const folder = path.dirname(w.relPath);
    const next =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? ' Free some space.'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? ` Check that you may write to ${folder === '.' ? 'the project folder' : folder}.`
          : '';
    throw new WriteError(
      `could not write ${w.relPath}: ${reason} (${code}); the file was not changed.${next}`,
      w.relPath,
      code,
    );
  };
}

/** The target's stat (undefined: it does not exist yet); a file without write permission is refused. */
function writableStat(
  target: string,
  w: SafeWrite,
  fail: (e: unknown) => never,
): fs.Stats | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') fail(e);
  }
  if (stat !== undefined && (stat.mode & 0o222) === 0) {
    throw new WriteError(
      `${w.relPath} is read-only, so it was not changed. If it should change, make it writable (chmod u+w ${w.relPath}) and run the command again.`,
      w.relPath,
      'READONLY',
    );
  }
  return stat;
}

/** Writes and flushes the new text to a new temporary file, with the target's mode and owner. */
function writeTemporary(tmp: string, text: string, stat: fs.Stats | undefined): void {
  const fd = fs.openSync(tmp, 'wx', stat === undefined ? 0o666 : stat.mode & 0o7777);
  try {
    if (stat !== undefined) fs.fchmodSync(fd, stat.mode & 0o7777); // the umask does not apply to a rewrite
    const data = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (stat !== undefined && process.getuid?.() === 0) {
    try {
      fs.chownSync(tmp, stat.uid, stat.gid); // root keeps the owner of what it rewrites
    } catch {
      // Not supported here; the content is what matters.
    }
  }
}

/** Refuses the rename when the target no longer holds what the command read at the start. */
function compareBeforeRename(
  target: string,
  w: SafeWrite,
  cleanup: () => void,
  fail: (e: unknown) => never,
): void {
  let now: Uint8Array | null;
  try {
    now = readIfExists(target);
  } catch (e) {
    cleanup();
    fail(e);
  }
  if (!same(now, w.expected as Uint8Array | null)) {
    cleanup();
    throw new ConcurrentChangeError(
      `${w.relPath} changed on disk while the command ran (an editor saving, or another run); it was not written, and nothing in it was lost.`,
      [w.relPath],
    );
  }
}

/** Makes the rename itself durable (best effort: not every system can sync a directory). */
function syncDirectory(dir: string): void {
  try {
    const d = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(d);
    } finally {
      fs.closeSync(d);
    }
  } catch {
    // Ignored.
  }
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files a killed run left next to `name` (their process is gone). They are
 * harmless (no locale pattern matches them) but would clutter the folder and `git status`.
 */
function removeStale(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMP.exec(e);
    if (m === null || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, e));
    } catch {
      // Someone else removed it.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes several files safely. Every file is first compared with what was read (so a concurrent
 * change to any of them stops the whole batch before anything is written); then each is written
 * as {@link writeFileSafely} does. A failure part-way names the files already written (each of
 * them complete).
 */
export function writeFilesSafely(writes: readonly SafeWrite[]): void {
  const changed: string[] = [];
  for (const w of writes) {
    if (w.expected === 'any') continue;
    let now: Uint8Array | null;
    try {
      now = readIfExists(w.path);
    } catch (e) {
      const { code, reason } = reasonOf(e);
      throw new WriteError(
        `could not read ${w.relPath}: ${reason} (${code}); nothing was written.`,
        w.relPath,
        code,
      );
    }
    if (!same(now, w.expected)) changed.push(w.relPath);
  }
  if (changed.length > 0) {
    throw new ConcurrentChangeError(
      `${changed.join(', ')} changed on disk since ${changed.length === 1 ? 'it was' : 'they were'} read (an editor saving, or another run); nothing was written.`,
      changed,
    );
  }
  const written: string[] = [];
  for (const w of writes) {
    try {
      writeFileSafely(w);
    } catch (e) {
      const tail =
        written.length === 0 ? '' : ` Already written (complete): ${written.join(', ')}.`;
      if (e instanceof WriteError)
        throw new WriteError(`${e.message}${tail}`, e.file, e.code, written);
      if (e instanceof ConcurrentChangeError)
        throw new ConcurrentChangeError(`${e.message}${tail}`, e.files);
      throw e;
    }
    written.push(w.relPath);
  }
}

/**
 * Writes a whole file or nothing (a temporary file next to it, then one `rename`), creating its
 * folder: for the toolkit's caches, which only it writes and which are safe to lose. Unlike
 * {@link writeFileSafely} it neither compares the file with an earlier read nor syncs to disk.
 * Throws the system error; the temporary file is gone either way.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  // Not `.<name>.<pid>.<hex>.tmp` (writeFileSafely's temporary files): another pattern.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // Never replace what is not a regular file: a device (`--cache-location /dev/full`), a folder
  // or a link keeps its place, and the cache is simply not written.
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isFile())
    throw new Error(`${file} is not a regular file; nothing was written there`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
