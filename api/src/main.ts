import 'reflect-metadata';
import { EnvError } from '@switchboard/shared/env';
import { bootApi } from './boot.js';
import { StartupError } from './common/redis.js';
import { loadEnv } from './env.js';

/** The api process: migrate, seed, serve /graphql, heal Redis; graceful on SIGTERM/SIGINT. */
async function main() {
  const env = loadEnv();
  const api = await bootApi(env);
  if (api.generatedRootPassword) {
    console.log('\n  First start: created user "root" with password');
    console.log(`    ${api.generatedRootPassword}`);
    console.log(
      '  It is shown only now. Sign in and change it (or set ROOT_PASSWORD before the first start).\n',
    );
  }
  console.log(`[api] GraphQL at ${api.server.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[api] ${signal}: draining…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await api.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof EnvError) console.error(err.message);
  else if (err instanceof StartupError) console.error(`[api] ${err.message}\n  hint: ${err.hint}`);
  else console.error('[api] failed to start:', err);
  process.exit(1);
});
