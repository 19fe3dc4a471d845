/* global process */
/**
 * Test-only fault injection for the CLI's writes: loaded with `node --import <this file>` by
 * faults.test.ts, never by the package. It wraps `fs.openSync`/`writeSync`/`closeSync`/`renameSync`
 * (which src/files/atomic-write.ts calls through the `fs` module object) and acts on the temporary
 * files the CLI writes (`.<name>.<pid>.<hex>.tmp`), as BILATERAL_TEST_FAULT says:
 *
 * - `kill-before-rename`: SIGKILL the process once the temporary file is complete, right before
 *   the rename that would replace the target (after BILATERAL_TEST_FAULT_AFTER renames, default 0);
 * - `enospc`: the disk fills up while the temporary file is written (half of it gets written);
 * - `eacces`: the folder refuses the temporary file (open fails with EACCES, as for a folder the
 *   user may not write to);
 * - `edit-before-rename`: an editor saves BILATERAL_TEST_FAULT_TEXT to the target while the
 *   temporary file is being written (after the command read the file, before it replaces it);
 * - `pause-before-rename`: create `<BILATERAL_TEST_FAULT_SIGNAL>.ready`, then wait until
 *   `<…>.go` exists, so that a test can run another command exactly then.
 *
 * BILATERAL_TEST_FAULT_MATCH restricts the fault to targets whose path contains it.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const fault = process.env.BILATERAL_TEST_FAULT;
const match = process.env.BILATERAL_TEST_FAULT_MATCH ?? '';
let renamesLeft = Number(process.env.BILATERAL_TEST_FAULT_AFTER ?? '0');

const TEMP = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;
const targetOf = (tmp) => {
  const m = TEMP.exec(path.basename(tmp));
  return m === null ? undefined : path.join(path.dirname(tmp), m[1]);
};
const concerned = (tmp) => {
  const target = targetOf(String(tmp));
  return target !== undefined && target.includes(match);
};

const sleep = new Int32Array(new SharedArrayBuffer(4));
function waitFor(file, ms) {
  const end = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > end) throw new Error(`faults-preload: ${file} never appeared`);
    Atomics.wait(sleep, 0, 0, 20);
  }
}

if (fault !== undefined && fault !== '') {
  const temps = new Map(); // fd → temporary file
  const half = new Set(); // fds that got half their bytes already (enospc)
  const { openSync, writeSync, closeSync, renameSync } = fs;

  fs.openSync = function (file, ...rest) {
    if (fault === 'eacces' && concerned(file)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), {
        code: 'EACCES',
        errno: -13,
        syscall: 'open',
        path: String(file),
      });
    }
    const fd = openSync.call(this, file, ...rest);
    if (concerned(file)) temps.set(fd, String(file));
    return fd;
  };
  fs.writeSync = function (fd, buffer, offset, length, ...rest) {
    if (fault === 'enospc' && temps.has(fd) && typeof length === 'number') {
      if (half.has(fd)) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      }
      half.add(fd);
      return writeSync.call(this, fd, buffer, offset, Math.max(1, Math.floor(length / 2)), ...rest);
    }
    return writeSync.call(this, fd, buffer, offset, length, ...rest);
  };
  fs.closeSync = function (fd) {
    const tmp = temps.get(fd);
    temps.delete(fd);
    closeSync.call(this, fd);
    if (tmp === undefined) return;
    if (fault === 'edit-before-rename') {
      fs.writeFileSync(targetOf(tmp), process.env.BILATERAL_TEST_FAULT_TEXT ?? '{}\n');
    } else if (fault === 'pause-before-rename') {
      const signal = process.env.BILATERAL_TEST_FAULT_SIGNAL;
      fs.writeFileSync(`${signal}.ready`, String(process.pid));
      waitFor(`${signal}.go`, 20_000);
    }
  };
  fs.renameSync = function (from, to) {
    if (fault === 'kill-before-rename' && concerned(from)) {
      if (renamesLeft === 0) {
        process.kill(process.pid, 'SIGKILL');
        // SIGKILL is delivered at once; never go on to the rename.
        Atomics.wait(sleep, 0, 0, 10_000);
      }
      renamesLeft--;
    }
    return renameSync.call(this, from, to);
  };
  syncBuiltinESMExports();
}
