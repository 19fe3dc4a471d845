import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench package folder. */
export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const REPO = path.resolve(BENCH, '..');
/** Generated corpora and scratch output (outside the repository, reused between runs). */
export const WORK = process.env.BILATERAL_BENCH_DIR ?? path.join(os.tmpdir(), 'bilateral-bench');
/**
 * The CLI measured: this repository's build, or another one (`BILATERAL_BENCH_CLI`, e.g. an
 * earlier commit built elsewhere, to measure a change before and after in the same conditions).
 */
export const BILATERAL_CLI =
  process.env.BILATERAL_BENCH_CLI ?? path.join(REPO, 'packages', 'i18n', 'bin', 'bilateral.js');
