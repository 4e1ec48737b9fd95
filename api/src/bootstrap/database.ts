import { MikroORM } from '@mikro-orm/core';
import { StartupError } from '../common/redis.js';
import type { ApiEnv } from '../env.js';
import { ormOptions } from '../mikro-orm.config.js';

/** Connects to MySQL/MariaDB, or throws an error that says what to check. */
export async function connectDatabase(env: ApiEnv): Promise<MikroORM> {
  const shown = env.DATABASE_URL.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@');
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(env.DATABASE_URL));
  } catch (err) {
    throw new StartupError(
      `Cannot connect to the database ${shown}: ${(err as Error).message}`,
      'Is MySQL/MariaDB running, and does the database exist (CREATE DATABASE switchboard CHARACTER SET utf8mb4)? ' +
        'Check DATABASE_URL (mysql:// for MySQL 8, mariadb:// for MariaDB); see DEVELOPERS.md.',
    );
  }
  if (!(await orm.isConnected())) {
    const check = await orm.checkConnection();
    const reason = check.ok ? 'unknown reason' : check.reason;
    await orm.close(true);
    throw new StartupError(
      `Cannot reach the database ${shown}: ${reason}`,
      'Is MySQL/MariaDB running and does the database exist? e.g. `CREATE DATABASE switchboard CHARACTER SET utf8mb4;` — see DEVELOPERS.md.',
    );
  }
  return orm;
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
