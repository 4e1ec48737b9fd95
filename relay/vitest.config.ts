import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../test/dist/support/vitest-global-setup.js'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
