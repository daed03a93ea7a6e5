// Test runner configuration: one build of dist/ before all tests; browser tests run serially at the end.
import { defineConfig } from 'vitest/config';

// The script's local time follows the host; tests run in UTC while the sample spreadsheet is in Asia/Shanghai.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
