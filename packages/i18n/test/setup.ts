/**
 * Every test file starts here. CI services set `CI`, which turns the default on-disk caches off
 * (see `defaultCachesAllowed`); the tests of caching must behave the same on a laptop and in CI,
 * so they run with the caches on, and the CI rule has its own test with its own environment.
 */
process.env['BILATERAL_CACHE'] = '1';
