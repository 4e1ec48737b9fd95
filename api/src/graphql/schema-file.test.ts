import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from './print-schema.js';

describe('schema.graphql', () => {
  it('matches the code (run `pnpm --filter @switchboard/api schema:print` after changing the schema)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });
});
