import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { eleventy, TEST_SITE_URL } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

/** Builds the site once, in production mode, for the build and browser tests. */
export default async function setup(project: TestProject) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'bilateral-site-build-'));
  const started = Date.now();
  const result = await eleventy(['--output', out], {
    SITE_URL: TEST_SITE_URL,
    BILATERAL_MODE: 'production',
    // The repository's project, unless the run names another (BILATERAL_CONFIG=…, e.g. a snapshot).
    BILATERAL_CONFIG: process.env['BILATERAL_CONFIG'],
  });
  if (result.code !== 0) {
    throw new Error(
      `the site build failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  process.stderr.write(`site built for the tests in ${Date.now() - started} ms\n`);
  project.provide('siteDir', out);
  return () => rmSync(out, { recursive: true, force: true });
}
