import { defineConfig } from 'vitest/config';

// Timeouts only guard against hangs.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});
