import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBounded } from '../src/files/contain.js';
import { cli, copyFixture, tempDir } from './support.js';

vi.setConfig({ testTimeout: 30_000 });

/**
 * Nothing outside the project is read or written, nothing but regular files is read, and a file
 * `check` calls unusable is never rewritten (the red-team reproductions, one test each).
 */

const SECRET = 'CI_SECRET_TOKEN=ghp_SuperSecret123';
const UK_UI = 'locales/uk/ui.json';

/** A secret file outside the project, and a project whose `locales/uk/ui.json` links to it. */
function linkedToSecret(): { dir: string; secret: string } {
  const outside = tempDir();
  const secret = path.join(outside, 'environ');
  writeFileSync(secret, `${SECRET}\u0000SHELL=/bin/bash\n`);
  const dir = copyFixture('mini');
  rmSync(path.join(dir, UK_UI));
  symlinkSync(secret, path.join(dir, UK_UI));
  return { dir, secret };
}

/** The source (English in the mini fixture) gains a key: sync would add it to every locale. */
function addSourceKey(dir: string): void {
  const file = path.join(dir, 'locales/en/ui.json');
  const en = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...en, added: 'Added' }, null, 2));
}

const every = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('symbolic links out of the project', () => {
  it('check names the link and the class of its target, and never prints the target', async () => {
    const { dir } = linkedToSecret();
    for (const format of ['pretty', 'json', 'github', 'sarif']) {
      const r = await cli(['check', '--no-cache', '--format', format], dir);
      expect(r.code).toBe(1);
      expect(every(r)).not.toContain('ghp_SuperSecret123');
      expect(every(r)).not.toContain('SHELL=');
    }
    const pretty = await cli(['check', '--no-cache'], dir);
    expect(pretty.stdout).toContain('is a symbolic link to a file outside the project');
    expect(pretty.stdout).toContain(UK_UI);
  });

  it('sync does not write through the link, and says so (exit 1); the outside file is unchanged', async () => {
    const { dir, secret } = linkedToSecret();
    const before = readFileSync(secret);
    const r = await cli(['sync', '--locale', 'uk'], dir);
    expect(r.code).toBe(1);
    expect(every(r)).toContain('symbolic link');
    expect(readFileSync(secret)).toEqual(before);
    expect(lstatSync(path.join(dir, UK_UI)).isSymbolicLink()).toBe(true);
  });

  it('a linked locale folder that leaves the project is refused for reading and writing', async () => {
    const dir = copyFixture('mini');
    const outside = tempDir();
    renameSync(path.join(dir, 'locales/uk'), path.join(outside, 'uk'));
    symlinkSync(path.join(outside, 'uk'), path.join(dir, 'locales/uk'));
    const before = readFileSync(path.join(outside, 'uk/ui.json'));
    addSourceKey(dir);
    const check = await cli(['check', '--no-cache', '--locale', 'uk'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('is a symbolic link to a file outside the project');
    const sync = await cli(['sync', '--locale', 'uk'], dir);
    expect(sync.code).toBe(1);
    expect(readFileSync(path.join(outside, 'uk/ui.json'))).toEqual(before);
  });

  it('a link inside the project is read, but never written through', async () => {
    const dir = copyFixture('mini');
    mkdirSync(path.join(dir, 'shared'));
    renameSync(path.join(dir, UK_UI), path.join(dir, 'shared/uk-ui.json'));
    symlinkSync(path.join(dir, 'shared/uk-ui.json'), path.join(dir, UK_UI));
    expect((await cli(['check', '--no-cache', '--locale', 'uk'], dir)).code).toBe(0);
    addSourceKey(dir);
    const before = readFileSync(path.join(dir, 'shared/uk-ui.json'));
    const sync = await cli(['sync', '--locale', 'uk'], dir);
    expect(sync.code).toBe(1);
    expect(every(sync)).toContain('never writes through links');
    expect(readFileSync(path.join(dir, 'shared/uk-ui.json'))).toEqual(before);
  });
});

describe('special files', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    it(`a locale file linked to ${device} is refused at once (no unbounded read)`, async () => {
      const dir = copyFixture('mini');
      rmSync(path.join(dir, UK_UI));
      symlinkSync(device, path.join(dir, UK_UI));
      for (const args of [
        ['check', '--no-cache'],
        ['status'],
        ['sync', '--locale', 'uk'],
        ['render', '--locale', 'ja'],
      ]) {
        const r = await cli(args, dir);
        expect(r.code, args.join(' ')).not.toBe(3);
        expect(every(r)).not.toMatch(/internal error/);
      }
      const r = await cli(['check', '--no-cache'], dir);
      expect(r.stdout).toMatch(/is a symbolic link to (a device|a file outside the project)/);
    });
  }

  it('a FIFO is refused without opening it (opening one would wait for a writer)', async () => {
    const dir = copyFixture('mini');
    rmSync(path.join(dir, UK_UI));
    execFileSync('mkfifo', [path.join(dir, UK_UI)]);
    const r = await cli(['check', '--no-cache'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('is a named pipe (FIFO), not a regular file');
  });

  it('readBounded stops one byte past the limit, and refuses what is not a regular file', () => {
    const file = path.join(tempDir(), 'big.json');
    writeFileSync(file, Buffer.alloc(5000, 0x20));
    expect(readBounded(file, 1024)).toEqual({ tooLarge: 5000 });
    const got = readBounded(file, 5000);
    expect(got).toMatchObject({ bytes: Buffer.alloc(5000, 0x20) });
    // With the metadata of the descriptor it read through (the file's stamp, without a stat).
    expect('stats' in got && got.stats?.size).toBe(5000);
    expect(() => readBounded('/dev/zero', 1024)).toThrow(/not a regular file/);
  });

  it('readBounded keeps a small file in memory of its own size, not a view of its read buffer', () => {
    const file = path.join(tempDir(), 'small.json');
    writeFileSync(file, Buffer.alloc(5000, 0x20));
    const got = readBounded(file, 1 << 20);
    if (!('bytes' in got)) throw new Error('expected the bytes');
    expect(got.bytes).toEqual(Buffer.alloc(5000, 0x20));
    // What is kept has a buffer of its own, of its size and the byte that finds the end.
    expect(got.bytes.buffer.byteLength).toBe(5001);
  });

  it('readBounded reads a file longer than its size says (a /proc file says 0), and a large one', () => {
    if (process.platform === 'linux') {
      const got = readBounded('/proc/self/status', 1 << 20);
      if (!('bytes' in got)) throw new Error('expected the bytes');
      expect(got.bytes.toString('utf8')).toMatch(/^Name:/);
      expect(got.stats?.size).toBe(0);
      expect(readBounded('/proc/self/status', 10)).toMatchObject({ tooLarge: 11 });
    }
    const file = path.join(tempDir(), 'large.json');
    const bytes = Buffer.alloc(200_000, 0x61);
    writeFileSync(file, bytes);
    const got = readBounded(file, 1 << 20);
    expect('bytes' in got && got.bytes.equals(bytes)).toBe(true);
  });
});

describe('encodings are sacred', () => {
  it('sync leaves a file that is not UTF-8 byte for byte as it was, exit 1, naming the fix', async () => {
    const dir = copyFixture('mini');
    const file = path.join(dir, UK_UI);
    const text = readFileSync(file, 'utf8');
    // "Привіт" in Windows-1251 inside an otherwise valid file.
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2]);
    const at = text.indexOf('"', text.indexOf(':') + 1) + 1;
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at), 'utf8'),
      cp1251,
      Buffer.from(text.slice(at), 'utf8'),
    ]);
    writeFileSync(file, bytes);
    addSourceKey(dir);
    const check = await cli(['check', '--no-cache', '--locale', 'uk'], dir);
    expect(check.stdout).toContain('not valid UTF-8');
    const sync = await cli(['sync'], dir);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toContain(`not changed ${UK_UI}`);
    expect(sync.stdout).toContain('Save the file as UTF-8');
    expect(readFileSync(file)).toEqual(bytes);
    // The other locales were still synced.
    expect(readFileSync(path.join(dir, 'locales/ja/ui.json'), 'utf8')).toContain('"added"');
  });

  it('sync leaves a file with a byte-order mark as it was', async () => {
    const dir = copyFixture('mini');
    const file = path.join(dir, UK_UI);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]);
    writeFileSync(file, bytes);
    addSourceKey(dir);
    const sync = await cli(['sync', '--locale', 'uk'], dir);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toContain('byte-order mark');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('a lock file linked out of the project is not read, and accept does not write through it', async () => {
    const dir = copyFixture('mini');
    const outside = tempDir();
    const target = path.join(outside, 'lock.json');
    writeFileSync(target, `{"keys":{"x":"${SECRET}"}}`);
    const lock = path.join(dir, 'locales/uk/.bilateral-lock.json');
    if (existsSync(lock)) rmSync(lock);
    symlinkSync(target, lock);
    const check = await cli(['check', '--no-cache', '--locale', 'uk'], dir);
    expect(every(check)).not.toContain('ghp_SuperSecret123');
    const accept = await cli(['accept', 'uk'], dir);
    expect(accept.code).toBe(1);
    expect(readFileSync(target, 'utf8')).toContain(SECRET);
  });
});
