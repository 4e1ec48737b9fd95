import 'reflect-metadata';
import { EnvError } from '@switchboard/shared/env';
import { connectDatabase, migrate } from '../bootstrap/database.js';
import { StartupError } from '../common/redis.js';
import { loadEnv } from '../env.js';

/** `pnpm db:migrate`: applies pending migrations and exits. */
try {
  const env = loadEnv();
  const orm = await connectDatabase(env);
  const applied = await migrate(orm);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  await orm.close(true);
} catch (err) {
  if (err instanceof EnvError) console.error(err.message);
  else if (err instanceof StartupError) console.error(`${err.message}\n  hint: ${err.hint}`);
  else console.error(err);
  process.exit(1);
}
