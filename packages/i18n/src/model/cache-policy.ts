/*
 * When the default on-disk caches may be used: read by the check cache and by the CLI's client
 * of a watching process (adapters/cli/served.ts), which loads nothing else; so this module
 * imports nothing.
 */

/**
 * Whether the default on-disk caches are used. Not in CI (`CI` set, as every CI service sets it):
 * there node_modules, and the caches in it, may be restored from a cache shared between branches,
 * and a cache is as trusted as the code next to it. `BILATERAL_CACHE=1` turns them on anyway,
 * `BILATERAL_CACHE=0` off everywhere; a location given explicitly (`--cache-location`) is always
 * used.
 */
export function defaultCachesAllowed(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const forced = env['BILATERAL_CACHE'];
  if (forced === '1' || forced === 'true') return true;
  if (forced === '0' || forced === 'false') return false;
  const ci = env['CI'];
  return ci === undefined || ci === '' || ci === '0' || ci === 'false';
}
