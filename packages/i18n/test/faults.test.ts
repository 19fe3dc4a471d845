import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { planSync } from '../src/ops/sync.js';
import { CLI, copyFixture, project, read, replaceIn, tempDir, write } from './support.js';

vi.setConfig({ testTimeout: 30_000 });

/**
 * Fault injection on the CLI's writes (`sync`, `accept`, `schema`): a kill between writing the
 * new text and replacing the file, a full disk, read-only files and folders, and concurrent
 * changes (an editor saving, a second run). After each, every file is either exactly the old one
 * or exactly the new one, the user gets a message (never a stack), and nothing anyone wrote is lost.
 * The faults come from test/faults-preload.mjs, loaded with `node --import` (test-only).
 */

const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'faults-preload.mjs')).href;
const IS_ROOT = process.getuid?.() === 0;

/** Whether the unprivileged user `nobody` can load the CLI from where this checkout lives. */
function nobodyCanRun(): boolean {
  const r = spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`],
    {
      uid: 65534,
      gid: 65534,
    },
  );
  return r.status === 0;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(
  args: readonly string[],
  cwd: string,
  options: { fault?: string; env?: Record<string, string>; uid?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.fault === undefined ? [] : ['--import', PRELOAD]), CLI, ...args],
      {
        cwd,
        env: {
          ...process.env,
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          npm_lifecycle_event: '',
          ...(options.fault === undefined ? {} : { BILATERAL_TEST_FAULT: options.fault }),
          ...options.env,
        },
        ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const noStack = (r: Run) =>
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);

/** Every file below a folder (relative path → bytes), temporary files included. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

const temps = (dir: string) =>
  [...snapshot(dir).keys()].filter((f) => /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/.test(f));

/** The mini fixture with keys missing in uk and ja, so that `sync` has two files to write. */
async function needsSync(): Promise<{ dir: string; planned: Map<string, string> }> {
  const dir = copyFixture('mini');
  replaceIn(dir, 'locales/uk/ui.json', '    "greeting": "Привіт, {{name}}!",\n', '');
  replaceIn(dir, 'locales/ja/ui.json', '    "greeting": "こんにちは、{{name}}!",\n', '');
  const plan = planSync(await project(dir));
  const planned = new Map(plan.files.map((f) => [f.relPath, f.text]));
  expect([...planned.keys()].sort()).toEqual(['locales/ja/ui.json', 'locales/uk/ui.json']);
  return { dir, planned };
}

describe('a crash between writing the new text and replacing the file', () => {
  it('sync: the file stays exactly as it was; the next run finishes and clears the leftover', async () => {
    const { dir, planned } = await needsSync();
    const before = snapshot(dir);
    const checked = await run(['check', '--format', 'json'], dir);
    const r = await run(['sync'], dir, { fault: 'kill-before-rename' });
    expect(r.signal).toBe('SIGKILL');
    const after = snapshot(dir);
    const left = temps(dir);
    expect(left).toHaveLength(1);
    // Every file as it was; the one extra file is the complete new text, not yet in place.
    for (const [file, bytes] of before) expect(after.get(file), file).toBe(bytes);
    const leftover = read(dir, left[0] as string);
    expect([...planned.values()]).toContain(leftover);
    // The leftover is not a locale file: check sees the same project as before.
    expect((await run(['check', '--format', 'json'], dir)).stdout).toBe(checked.stdout);
    const again = await run(['sync'], dir);
    expect(again.code).toBe(0);
    for (const [file, text] of planned) expect(read(dir, file)).toBe(text);
    expect(temps(dir)).toEqual([]);
  });

  it('sync of several files: each is old or new, never partly written', async () => {
    const { dir, planned } = await needsSync();
    const before = snapshot(dir);
    const r = await run(['sync'], dir, {
      fault: 'kill-before-rename',
      env: { BILATERAL_TEST_FAULT_AFTER: '1' },
    });
    expect(r.signal).toBe('SIGKILL');
    const states = [...planned].map(([file, text]) => {
      const now = read(dir, file);
      if (now === text) return 'new';
      expect(Buffer.from(now).toString('base64')).toBe(before.get(file));
      return 'old';
    });
    expect(states.sort()).toEqual(['new', 'old']);
  });

  it('accept: the lock file is the old one (here: none) until the rename', async () => {
    const dir = copyFixture('mini');
    const r = await run(['accept', 'uk'], dir, { fault: 'kill-before-rename' });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(path.join(dir, 'locales/uk/.bilateral-lock.json'))).toBe(false);
    expect((await run(['accept', 'uk'], dir)).code).toBe(0);
    const first = read(dir, 'locales/uk/.bilateral-lock.json');
    // An existing lock: killed again, it stays byte for byte.
    replaceIn(dir, 'locales/en/ui.json', '"Contents"', '"Table of contents"');
    expect((await run(['accept', 'uk'], dir, { fault: 'kill-before-rename' })).signal).toBe(
      'SIGKILL',
    );
    expect(read(dir, 'locales/uk/.bilateral-lock.json')).toBe(first);
    expect(JSON.parse(first)).toMatchObject({ version: 2 });
  });

  it('schema: every schema file is absent or complete, and the editor settings untouched', async () => {
    const dir = copyFixture('mini');
    mkdirSync(path.join(dir, '.vscode'));
    write(dir, '.vscode/settings.json', '{\n  "editor.tabSize": 2\n}\n');
    const r = await run(['schema'], dir, {
      fault: 'kill-before-rename',
      env: { BILATERAL_TEST_FAULT_AFTER: '3' },
    });
    expect(r.signal).toBe('SIGKILL');
    const out = path.join(dir, '.bilateral/schema');
    const written = readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.schema.json'));
    expect(written).toHaveLength(3);
    for (const f of written)
      expect(() => JSON.parse(readFileSync(path.join(out, f), 'utf8'))).not.toThrow();
    expect(read(dir, '.vscode/settings.json')).toBe('{\n  "editor.tabSize": 2\n}\n');
  });
});

/** Asserts that a failed write left the project exactly as it was, said why, and named no stack. */
function unchanged(dir: string, before: Map<string, string>, r: Run, reason: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(reason);
  noStack(r);
  expect(temps(dir)).toEqual([]);
  expect(snapshot(dir)).toEqual(before);
}

describe('a full disk (ENOSPC)', () => {
  it('sync, accept and schema leave every file as it was and say so', async () => {
    const { dir } = await needsSync();
    mkdirSync(path.join(dir, '.vscode'));
    write(dir, '.vscode/settings.json', '{}\n');
    const before = snapshot(dir);
    const [sync, accept] = await Promise.all([
      run(['sync'], dir, { fault: 'enospc' }),
      run(['accept', 'uk'], dir, { fault: 'enospc' }),
    ]);
    unchanged(
      dir,
      before,
      sync,
      /could not write locales\/(uk|ja)\/ui\.json: the disk is full \(ENOSPC\); the file was not changed\. Free some space\.\nNothing was written\. Fix that, then run `bilateral sync` again\./,
    );
    unchanged(
      dir,
      before,
      accept,
      /could not write locales\/uk\/\.bilateral-lock\.json: the disk is full \(ENOSPC\)/,
    );
    const schema = await run(['schema'], dir, { fault: 'enospc' });
    expect(schema.code).toBe(1);
    expect(schema.stderr).toMatch(
      /could not write \.bilateral\/schema\/\w+\/\w+\.schema\.json: the disk is full \(ENOSPC\)/,
    );
    noStack(schema);
    expect(read(dir, '.vscode/settings.json')).toBe('{}\n');
    expect(temps(dir)).toEqual([]);
  });

  it('on a real, full file system (a small tmpfs; needs root)', async (ctx) => {
    const mnt = tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // not root, or no mount here: the preload test above covers the logic
      return;
    }
    try {
      const { dir } = await needsSync();
      execFileSync('cp', ['-r', `${dir}/.`, mnt]);
      // Fill the disk.
      const filler = Buffer.alloc(4096, 120);
      try {
        for (let i = 0; ; i++) writeFileSync(path.join(mnt, `filler-${i}`), filler);
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      const before = snapshot(mnt);
      unchanged(
        mnt,
        before,
        await run(['sync'], mnt),
        /the disk is full \(ENOSPC\); the file was not changed/,
      );
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});

describe('read-only files and folders', () => {
  it('a read-only locale file, lock file or settings file is not changed, and the message says how to allow it', async () => {
    const { dir } = await needsSync();
    expect((await run(['accept', 'uk'], dir)).code).toBe(0);
    replaceIn(dir, 'locales/en/ui.json', '"Contents"', '"Table of contents"');
    mkdirSync(path.join(dir, '.vscode'));
    write(dir, '.vscode/settings.json', '{}\n');
    for (const f of [
      'locales/uk/ui.json',
      'locales/uk/.bilateral-lock.json',
      '.vscode/settings.json',
    ])
      chmodSync(path.join(dir, f), 0o444);
    const before = snapshot(dir);
    const [sync, accept] = await Promise.all([
      run(['sync', '--locale', 'uk'], dir),
      run(['accept', 'uk'], dir),
    ]);
    unchanged(
      dir,
      before,
      sync,
      /locales\/uk\/ui\.json is read-only, so it was not changed\. If it should change, make it writable \(chmod u\+w locales\/uk\/ui\.json\)/,
    );
    unchanged(dir, before, accept, /locales\/uk\/\.bilateral-lock\.json is read-only/);
    const schema = await run(['schema'], dir);
    expect(schema.code).toBe(1);
    expect(schema.stderr).toContain('.vscode/settings.json is read-only');
    noStack(schema);
    expect(read(dir, '.vscode/settings.json')).toBe('{}\n');
  });

  it('a folder the user may not write to: permission denied, named, nothing changed', async () => {
    const { dir } = await needsSync();
    // As root every folder is writable: run the CLI as an ordinary user instead (nobody).
    for (const d of [
      dir,
      path.join(dir, 'locales'),
      ...['en', 'uk', 'ja'].map((l) => path.join(dir, 'locales', l)),
    ])
      chmodSync(d, 0o755);
    chmodSync(path.join(dir, 'locales/uk'), 0o555);
    try {
      const before = snapshot(dir);
      // As root, the real test runs the CLI as `nobody`; where `nobody` cannot even read the CLI
      // (a checkout inside a private folder, e.g. under `mktemp -d`), the same refusal is
      // injected at the open of the temporary file instead.
      const asNobody = IS_ROOT && nobodyCanRun();
      const r = await run(
        ['sync', '--locale', 'uk'],
        dir,
        asNobody ? { uid: 65534 } : IS_ROOT ? { fault: 'eacces' } : {},
      );
      unchanged(
        dir,
        before,
        r,
        /could not write locales\/uk\/ui\.json: permission denied \(EACCES\); the file was not changed\. Check that you may write to locales\/uk\./,
      );
    } finally {
      chmodSync(path.join(dir, 'locales/uk'), 0o755); // so that the folder can be cleaned up
    }
  });
});

describe('concurrent changes never lose an edit', () => {
  it('an editor saving while sync runs: sync refuses, the edit stays, the next sync builds on it', async () => {
    const { dir } = await needsSync();
    const edited = read(dir, 'locales/uk/ui.json').replace('"Зміст"', '"Зміст (ред.)"');
    const r = await run(['sync', '--locale', 'uk'], dir, {
      fault: 'edit-before-rename',
      env: { BILATERAL_TEST_FAULT_TEXT: edited },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'locales/uk/ui.json changed on disk while the command ran (an editor saving, or another run); it was not written, and nothing in it was lost.',
    );
    noStack(r);
    expect(read(dir, 'locales/uk/ui.json')).toBe(edited);
    expect(temps(dir)).toEqual([]);
    expect((await run(['sync', '--locale', 'uk'], dir)).code).toBe(0);
    const synced = read(dir, 'locales/uk/ui.json');
    expect(synced).toContain('"Зміст (ред.)"');
    expect(synced).toContain('"greeting": "Hello, {{name}}!"');
  });

  it('two syncs at once: the second to finish sees the first one’s write and refuses', async () => {
    const { dir, planned } = await needsSync();
    const signal = path.join(tempDir(), 'signal');
    const first = run(['sync'], dir, {
      fault: 'pause-before-rename',
      env: { BILATERAL_TEST_FAULT_SIGNAL: signal, BILATERAL_TEST_FAULT_MATCH: 'uk/ui.json' },
    });
    await vi.waitUntil(() => existsSync(`${signal}.ready`), { timeout: 15_000, interval: 20 });
    // The first run has read both files and written its temporary file: the second runs now.
    const second = await run(['sync'], dir);
    expect(second.code).toBe(0);
    writeFileSync(`${signal}.go`, '');
    const r = await first;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('changed on disk');
    noStack(r);
    for (const [file, text] of planned) expect(read(dir, file)).toBe(text);
    expect(temps(dir)).toEqual([]);
    expect((await run(['sync'], dir)).stdout).toContain('Everything is in sync');
  });

  it('syncs racing freely end with the synced files, whoever wins', async () => {
    for (let round = 0; round < 1; round++) {
      const { dir, planned } = await needsSync();
      const runs = await Promise.all([run(['sync'], dir), run(['sync'], dir), run(['sync'], dir)]);
      for (const r of runs) {
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) expect(r.stderr).toContain('changed on disk');
        noStack(r);
      }
      for (const [file, text] of planned) expect(read(dir, file)).toBe(text);
      expect(temps(dir)).toEqual([]);
    }
  });

  it('two accepts at once: neither review is lost', async () => {
    const dir = copyFixture('mini');
    const signal = path.join(tempDir(), 'signal');
    const first = run(['accept', 'uk', 'ui:nav.contents'], dir, {
      fault: 'pause-before-rename',
      env: { BILATERAL_TEST_FAULT_SIGNAL: signal },
    });
    await vi.waitUntil(() => existsSync(`${signal}.ready`), { timeout: 15_000, interval: 20 });
    expect((await run(['accept', 'uk', 'demo:**'], dir)).code).toBe(0);
    writeFileSync(`${signal}.go`, '');
    const r = await first;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('locales/uk/.bilateral-lock.json changed on disk');
    expect(r.stderr).toContain('Nothing was recorded. Run `bilateral accept uk …` again.');
    const lock = () =>
      Object.keys(
        (JSON.parse(read(dir, 'locales/uk/.bilateral-lock.json')) as { keys: object }).keys,
      );
    expect(lock()).not.toContain('ui:nav.contents');
    expect(lock()).toContain('demo:sections.lead.p1');
    expect((await run(['accept', 'uk', 'ui:nav.contents'], dir)).code).toBe(0);
    expect(lock()).toEqual(expect.arrayContaining(['ui:nav.contents', 'demo:sections.lead.p1']));
  });

  it('schema: an editor saving the VS Code settings meanwhile keeps its change', async () => {
    const dir = copyFixture('mini');
    mkdirSync(path.join(dir, '.vscode'));
    write(dir, '.vscode/settings.json', '{}\n');
    const edited = '{\n  "editor.wordWrap": "on"\n}\n';
    const r = await run(['schema'], dir, {
      fault: 'edit-before-rename',
      env: { BILATERAL_TEST_FAULT_TEXT: edited, BILATERAL_TEST_FAULT_MATCH: 'settings.json' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.vscode/settings.json changed on disk');
    expect(read(dir, '.vscode/settings.json')).toBe(edited);
    expect(temps(dir)).toEqual([]);
    rmSync(path.join(dir, '.bilateral'), { recursive: true });
  });
});
