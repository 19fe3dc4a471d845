import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeParts } from '../src/adapters/cli/shared.js';
import { CLI, tempDir, write } from './support.js';

/**
 * A writable like a pipe whose reader is slow: it takes a chunk when `take` is called, and
 * `write` returns false once more than `room` characters wait.
 */
function slowReader(room: number) {
  const got: string[] = [];
  const waiting: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: room,
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      waiting.push(() => {
        got.push(chunk);
        done();
      });
    },
  });
  const take = () => waiting.shift()?.();
  return { stream, got, take, waiting };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('writeParts: a report goes out part after part, as the reader takes it', () => {
  it('makes the next part only once the stream has drained', async () => {
    const { stream, got, take } = slowReader(4);
    const made: number[] = [];
    function* parts() {
      for (let i = 0; i < 5; i++) {
        made.push(i);
        yield `part ${i};`;
      }
    }
    const done = writeParts(parts(), stream);
    await tick();
    // The first part filled the stream: nothing more is made (or held) until it is taken.
    expect(made).toEqual([0]);
    for (let i = 0; i < 5; i++) {
      take();
      await tick();
    }
    await done;
    expect(made).toEqual([0, 1, 2, 3, 4]);
    expect(got.join('')).toBe('part 0;part 1;part 2;part 3;part 4;');
  });

  it('writes one report after the other, never interleaved', async () => {
    const { stream, got, take, waiting } = slowReader(2);
    const a = writeParts(['a1', 'a2', 'a3'], stream);
    const b = writeParts(['b1', 'b2'], stream);
    while (got.length < 5) {
      await tick();
      if (waiting.length > 0) take();
    }
    await Promise.all([a, b]);
    expect(got).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
  });

  it('writes everything at once to a stream that always has room', async () => {
    const got: string[] = [];
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: string, _enc, done) {
        got.push(chunk);
        done();
      },
    });
    await writeParts(['x', 'y'], stream);
    expect(got).toEqual(['x', 'y']);
  });
});

describe('writeParts to a file', () => {
  it('writes the parts to the descriptor, as UTF-8, whatever their size', async () => {
    const file = path.join(tempDir(), 'report.json');
    const fd = openSync(file, 'w');
    // A stream that is a regular file with nothing queued: written through its descriptor.
    const stream = Object.assign(new Writable({ write: () => undefined }), { fd });
    const parts = ['[\n', 'ascii, ', 'Українська, 日本語, emoji 🙂, ', 'x'.repeat(100_000), ']\n'];
    await writeParts(parts, stream);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(parts.join(''));
  });

  it('gives the same bytes as a pipe does (bilateral check --format json > file)', async () => {
    const dir = tempDir();
    // Enough findings for many parts, with text outside Latin-1.
    const keys = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`ключ${i}`, `Текст ${i} — 日本語`]),
    );
    write(dir, 'locales/en/app.json', JSON.stringify(keys));
    write(dir, 'locales/de/app.json', '{}');
    const args = [CLI, 'check', '--source', 'en', '--locales', 'locales/{lng}/{ns}.json'];
    const run = (stdout: 'pipe' | number) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [...args, '--format', 'json'], {
          cwd: dir,
          env: { ...process.env, BILATERAL_SERVED: '0' },
          stdio: ['ignore', stdout, 'ignore'],
        });
        let out = '';
        child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.on('error', reject);
        child.on('close', () => resolve(out));
      });
    const piped = await run('pipe');
    const file = path.join(dir, 'report.json');
    const fd = openSync(file, 'w');
    await run(fd);
    closeSync(fd);
    expect(piped.length).toBeGreaterThan(200_000);
    expect(readFileSync(file, 'utf8')).toBe(piped);
  });
});

describe('a reader that stops early (bilateral check --format json | head)', () => {
  it('still gets exit code 1 when the report has errors', async () => {
    // 3,000 missing keys: a report far larger than a pipe holds, so writes are still pending
    // when the reader goes away.
    const dir = tempDir();
    const keys = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`key${i}`, `Text ${i}`]),
    );
    write(dir, 'locales/en/app.json', JSON.stringify(keys));
    write(dir, 'locales/de/app.json', '{}');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          CLI,
          'check',
          '--source',
          'en',
          '--locales',
          'locales/{lng}/{ns}.json',
          '--format',
          'json',
        ],
        {
          cwd: dir,
          env: { ...process.env, BILATERAL_SERVED: '0' },
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      // Read the first chunk, then close the pipe, as `head -c` does.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(1);
  });
});
