import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122020909 } from './Migration20261122020909.js';
import { Migration20261122031729 } from './Migration20261122031729.js';
import { Migration20261122053300 } from './Migration20261122053300.js';

/**
 * Every migration in order. A new one: migrate a scratch database, run
 * `node dist/cli/create-migration.js` against it, then list the written class here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122020909', class: Migration20261122020909 },
  // users.must_change_password
  { name: 'Migration20261122031729', class: Migration20261122031729 },
  // channels.first_byte_timeout_ms default 600 s
  { name: 'Migration20261122053300', class: Migration20261122053300 },
];
