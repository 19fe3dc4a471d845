import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(siteRoot, '../..');
export const artifacts = path.join(siteRoot, 'test-artifacts');
export const LOCALES = ['ja', 'en', 'uk', 'ko'] as const;
export const DOCUMENT = 'north-korea-ukraine-relations';
/** Debian's Chromium and the flags a network with no outside access needs. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** The SITE_URL the test build uses (not the package's, to prove it is configurable). */
export const TEST_SITE_URL = 'https://bilateral.example';

const eleventyBin = path.join(siteRoot, 'node_modules/@11ty/eleventy/cmd.cjs');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the Eleventy CLI of the site (a build unless `args` say otherwise). */
export function eleventy(
  args: readonly string[],
  env: Record<string, string | undefined>,
  cwd = siteRoot,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [eleventyBin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A copy of the project's config, locale files and pages in a temporary folder, changed by `edit`: the
 * site can be pointed at it with BILATERAL_CONFIG. The core stays the repository's built core.
 */
export function tempProject(edit: (dir: string) => void = () => {}): {
  dir: string;
  configFile: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bilateral-site-'));
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'bilateral.config.json'), 'utf8'));
  delete config.$schema;
  config.core = path.join(repoRoot, 'packages/core/dist/index.js');
  const configFile = path.join(dir, 'bilateral.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  for (const locale of LOCALES) {
    const from = path.join(repoRoot, 'locales', locale);
    for (const name of readdirSync(from)) {
      const isLocaleFile =
        name.endsWith('.json') && name !== 'package.json' && name !== 'turbo.json';
      if (isLocaleFile && statSync(path.join(from, name)).isFile()) {
        cpSync(path.join(from, name), path.join(dir, 'locales', locale, name));
      }
    }
  }
  // Prose pages (`pages` in the config), when the project has them.
  const pages = path.join(repoRoot, 'pages');
  if (existsSync(pages)) cpSync(pages, path.join(dir, 'pages'), { recursive: true });
  edit(dir);
  return { dir, configFile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes a key (dotted path) from a locale file of a temporary project, keeping the rest. */
export function removeKey(dir: string, locale: string, namespace: string, key: string): string {
  const file = path.join(dir, 'locales', locale, `${namespace}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const parts = key.split('.');
  const last = parts.pop() as string;
  let at = data;
  for (const p of parts) at = at[p];
  const removed = at[last];
  delete at[last];
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return removed;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/**
 * A small static server for the built site, on 127.0.0.1 and a free port. Folders serve their
 * index.html; a missing page under /{lang}/ gets that language's 404 page (status 404), any other
 * the root 404 page — as a host configured for the site would. With `prefix` (`/bilateral/`), the
 * site is served below that path, as a site built for https://host/bilateral/ is published.
 */
export async function serve(
  dir: string,
  prefix = '/',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('outside the site');
      return;
    }
    const inside = `/${url.pathname.slice(prefix.length)}`;
    let file = path.join(dir, decodeURIComponent(inside));
    if (!file.startsWith(dir)) file = dir;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      const lang = inside.split('/')[1] ?? '';
      const localized = path.join(dir, lang, '404.html');
      file = lang !== '' && existsSync(localized) ? localized : path.join(dir, '404.html');
    }
    res.writeHead(status, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A copy of the site (its config, package.json and templates, its node_modules linked) in a
 * temporary folder, with package.json changed by `edit`: a fork, to build without this
 * repository's settings. Eleventy runs in it with `eleventy(args, env, copy.dir)`.
 */
export function siteCopy(edit: (pkg: Record<string, unknown>) => void): {
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bilateral-site-copy-'));
  cpSync(path.join(siteRoot, 'src'), path.join(dir, 'src'), { recursive: true });
  cpSync(path.join(siteRoot, 'eleventy.config.js'), path.join(dir, 'eleventy.config.js'));
  const pkg = JSON.parse(readFileSync(path.join(siteRoot, 'package.json'), 'utf8'));
  edit(pkg);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  symlinkSync(path.join(siteRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Polls `test` until it holds or `ms` pass (then fails, naming `what`): for conditions no event
 * announces.
 */
export async function until(what: string, test: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await test().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Text content of HTML, tags removed and the few entities the site emits decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every file below a folder, relative paths. */
export function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}
