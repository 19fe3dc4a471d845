import fs from 'node:fs';
import path from 'node:path';

/**
 * Containment: nothing outside the project is read or written, and nothing that is not a regular
 * file is read. Locale files, lock files and caches can arrive in a pull request, and git can
 * carry a symbolic link: `locales/uk/ui.json -> /proc/self/environ` must not put a CI secret into
 * a code frame, `-> ~/.ssh/id_rsa` must not be printed, `-> /dev/zero` must not hang a command,
 * and `sync` must never write through a link into a file elsewhere.
 *
 * Every path is resolved to its real path and must lie inside the project root's real path; the
 * file it names must be a regular file. Reads are bounded by the bytes actually read (a device
 * reports a size of 0 and never ends), on a descriptor opened without following a final link and
 * checked again with `fstat`, so the file cannot be swapped between the check and the read.
 *
 * The module calls `fs.*` through the module object so that tests can inject faults.
 */

/** What a refused path is, for a message that names the class of its target, not its contents. */
export type Refusal =
  'outside' | 'directory' | 'device' | 'fifo' | 'socket' | 'not-a-file' | 'link-loop';

const CLASS_WORDS: Readonly<Record<Refusal, string>> = {
  outside: 'a file outside the project',
  directory: 'a folder',
  device: 'a device',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'not-a-file': 'something that is not a regular file',
  'link-loop': 'a loop of symbolic links',
};

export interface Refused {
  readonly refused: Refusal;
  /** Whether the path itself (or a folder on the way) is a symbolic link. */
  readonly link: boolean;
  /** A sentence for the user: what the path is, never what the target contains. */
  readonly message: string;
  readonly hint: string;
}

const roots = new Map<string, string>();

/** The real path of a project root (remembered; a root that cannot be resolved is used as given). */
export function realRoot(root: string): string {
  let real = roots.get(root);
  if (real === undefined) {
    try {
      real = fs.realpathSync(root);
    } catch {
      real = path.resolve(root);
    }
    roots.set(root, real);
  }
  return real;
}

/** Whether `real` (a real path) is `root` or inside it. */
export function isInside(real: string, root: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function classOf(st: fs.Stats): Refusal | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'not-a-file';
}

function refusal(rel: string, refused: Refusal, link: boolean, writing: boolean): Refused {
  const what = CLASS_WORDS[refused];
  const message = link
    ? `${rel} is a symbolic link to ${what}; it was not ${writing ? 'written' : 'read'}`
    : `${rel} is ${what}, not a regular file; it was not ${writing ? 'written' : 'read'}`;
  const hint = link
    ? `Replace the link with the file itself (git rm ${rel}, then add the real file). The toolkit never follows links out of the project, nor to devices or pipes.`
    : 'Put a regular JSON file at this path.';
  return { refused, link, message, hint };
}

/**
 * Checks that an existing path is a regular file inside the project (following links only within
 * it). Returns its real path, `undefined` when nothing is there, or why it is refused.
 */
export function containedFile(
  file: string,
  root: string,
  rel: string,
  writing = false,
): { real: string; link: boolean } | Refused | undefined {
  let lst: fs.Stats;
  try {
    lst = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refusal(rel, 'link-loop', true, writing);
    // A dangling link: nothing is there to read; writing through it is refused.
    if (code === 'ENOENT') return writing ? refusal(rel, 'outside', true, writing) : undefined;
    throw e;
  }
  const link = lst.isSymbolicLink() || !sameWithin(file, real, root);
  if (!isInside(real, realRoot(root))) return refusal(rel, 'outside', link, writing);
  const cls = classOf(lst.isSymbolicLink() ? fs.statSync(real) : lst);
  if (cls !== undefined) return refusal(rel, cls, link, writing);
  return { real, link };
}

/**
 * Whether a path's real path is the path itself (no link on the way), relative to the project:
 * the root may itself sit below a linked folder (`/tmp` → `/private/tmp`), which is not a link
 * of the project's.
 */
function sameWithin(file: string, real: string, root: string): boolean {
  return (
    path.relative(realRoot(root), real) === path.relative(path.resolve(root), path.resolve(file))
  );
}

/**
 * Where a file that does not exist yet may be created: its nearest existing folder must be inside
 * the project and reached without a symbolic link. Returns why not, or undefined when it may.
 */
export function refuseNewFile(file: string, root: string, rel: string): Refused | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    let real: string | undefined;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return refusal(rel, 'link-loop', true, true);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    if (real !== undefined) {
      if (!isInside(real, realRoot(root))) return refusal(rel, 'outside', true, true);
      if (!sameWithin(dir, real, root)) return refusal(rel, 'outside', true, true);
      return undefined;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export const isRefused = (x: unknown): x is Refused =>
  typeof x === 'object' && x !== null && 'refused' in x;

/** The result of a bounded read: the bytes, or that the file holds more than the limit. */
export type BoundedRead =
  | {
      readonly bytes: Buffer;
      /** The descriptor's metadata, taken before its bytes were read. */
      readonly stats?: fs.Stats;
    }
  | { readonly tooLarge: number };

/**
 * Reads at most `limit` bytes of a regular file through one descriptor (opened without following
 * a final link, checked with `fstat`): a file that grows past the limit while being read, or a
 * device that never ends, stops at `limit + 1` bytes and is reported as too large.
 */
export function readBounded(real: string, limit: number): BoundedRead {
  const fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    return readOpen(fd, st, limit);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads an open regular file of (about) `st.size` bytes, at most `limit + 1` of them, into a
 * buffer of its own of `st.size + 1` bytes: one read for the bytes and one that finds the end
 * (the extra byte is where a file that grew since `fstat` shows it). A file longer than it said
 * (it grew, or a device or `/proc` file that reports 0) gets a buffer twice as large, and so on up
 * to the limit. Never a 64 KB buffer per small file: at 12,000 files that was 1.5 GB allocated
 * and given back (bench/analysis.md, "Session 9").
 */
function readOpen(fd: number, st: fs.Stats, limit: number): BoundedRead {
  const size = st.size;
  // Its own ArrayBuffer (not a slice of Node's pool, which would keep a shared slab alive for as
  // long as the file's bytes are kept).
  let buf = Buffer.allocUnsafeSlow(Math.min(size, limit) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > limit) return { tooLarge: Math.max(total, size) };
      const larger = Buffer.allocUnsafeSlow(Math.min(Math.max(total * 2, 64 * 1024), limit + 1));
      buf.copy(larger, 0, 0, total);
      buf = larger;
    }
    const n = fs.readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
  }
  if (total > limit) return { tooLarge: Math.max(total, size) };
  return { bytes: total === buf.length ? buf : buf.subarray(0, total), stats: st };
}

/** Where the kernel names an open descriptor's file (Linux), if it does. */
const FD_PATHS = process.platform === 'linux' && fs.existsSync('/proc/self/fd');

/**
 * The common case in one open and one `readlink`, without resolving every folder on the way
 * (`realpath` costs an `lstat` per path component, ten times the read itself): the file is
 * opened (not following a final link, not waiting on a pipe), and the kernel's name for what was
 * opened (`/proc/self/fd/N`) must be the path itself below the root's real path — no link on the
 * way, inside the project — and a regular file; then it is read through that same descriptor.
 * Anything else (absent, a link, outside, not a file, another system) is left to the careful
 * path, which says what it is: undefined.
 */
function readDirect(file: string, root: string, limit: number): BoundedRead | undefined {
  if (!FD_PATHS) return undefined;
  let fd: number;
  try {
    const flags =
      fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);
    fd = fs.openSync(file, flags);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    const real = fs.readlinkSync(`/proc/self/fd/${fd}`);
    const top = realRoot(root);
    const expected = path.join(top, path.relative(path.resolve(root), path.resolve(file)));
    if (real !== expected || !isInside(real, top)) return undefined;
    return readOpen(fd, st, limit);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a file inside the project, bounded: the bytes, `undefined` when it does not exist, or
 * why it was not read ({@link Refused}, or too large).
 */
export function readContained(
  file: string,
  root: string,
  rel: string,
  limit: number,
): BoundedRead | Refused | undefined {
  const direct = readDirect(file, root, limit);
  if (direct !== undefined) return direct;
  const where = containedFile(file, root, rel);
  if (where === undefined || isRefused(where)) return where;
  return readBounded(where.real, limit);
}
