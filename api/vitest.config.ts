import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// swc keeps decorator metadata, which type-graphql and MikroORM read (esbuild drops it).
// graphql must load once: Node resolves `graphql` to its CommonJS index.js (no exports map),
// so our code is aliased there too (see graphql/limits.ts for graphql-query-complexity).
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    globalSetup: ['../test/dist/support/vitest-global-setup.js'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
