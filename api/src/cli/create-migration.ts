import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { fileURLToPath } from 'node:url';
import { loadEnv } from '../env.js';
import { ormOptions } from '../mikro-orm.config.js';

/**
 * Writes a migration for the difference between the entities and the database (run against a
 * database migrated to the latest state; the first one against an empty database).
 * Usage: pnpm --filter @switchboard/api build && node dist/cli/create-migration.js
 */
const env = loadEnv();
const dir = fileURLToPath(new URL('../../src/migrations', import.meta.url));
const orm = await MikroORM.init(
  ormOptions(env.DATABASE_URL, { migrations: { ...ormOptions(env.DATABASE_URL).migrations, path: dir } }),
);
await orm.getMigrator().up();
const result = await orm.getMigrator().createMigration(dir);
console.log(result.fileName ? `written ${result.fileName}; add it to src/migrations/index.ts` : 'no changes');
await orm.close();
