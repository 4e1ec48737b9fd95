import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import type { Options } from '@mikro-orm/core';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * `mysql://` → MySQL 8 driver, `mariadb://` → MariaDB driver. The mysql driver on MariaDB
 * returns JSON columns as strings, so the scheme decides (see STACK-NOTES).
 */
export function ormOptions(databaseUrl: string, extra: Partial<Options> = {}): Options {
  const url = new URL(databaseUrl);
  const scheme = url.protocol.replace(':', '');
  if (scheme !== 'mysql' && scheme !== 'mariadb') {
    throw new Error(`DATABASE_URL must start with mysql:// or mariadb:// (got ${scheme}://)`);
  }
  const dbName = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'switchboard';
  return {
    driver: scheme === 'mariadb' ? MariaDbDriver : MySqlDriver,
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    dbName,
    entities: ENTITIES,
    extensions: [Migrator],
    timezone: '+00:00',
    forceUtcTimezone: true,
    // Explicit types on every property; metadata reflection is only a fallback.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Listed explicitly: works the same from dist/ (tsc) and src/ (vitest), no globbing.
      migrationsList: MIGRATIONS,
      path: 'src/migrations',
      emit: 'ts',
      // MySQL commits DDL implicitly: a wrapping transaction would only pretend.
      transactional: false,
      allOrNothing: false,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    debug: false,
    ...extra,
  } as Options;
}
