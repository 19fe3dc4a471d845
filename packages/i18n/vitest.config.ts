import { defineConfig } from 'vitest/config';

// Timeouts only guard against hangs; speed is measured by `pnpm bench`, never asserted in tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
