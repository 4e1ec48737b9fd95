import cluster from 'node:cluster';
import { EnvError } from '@switchboard/shared/env';
import { loadRelayEnv } from './env.js';
import { createLogger } from './log.js';
import { serveClusterMetrics } from './process/metrics.js';
import { startRelayWorker } from './server.js';

/**
 * Relay entry: the primary forks RELAY_WORKERS workers (respawning any that dies) and serves
 * cluster-wide /metrics to them; each worker serves /v1 on the shared port. RELAY_WORKERS=0
 * serves from this one process (benchmarks pin it to a core with taskset).
 */
let env: ReturnType<typeof loadRelayEnv>;
try {
  env = loadRelayEnv();
} catch (err) {
  if (err instanceof EnvError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
const log = createLogger(env.LOG_LEVEL, {
  proc: cluster.isPrimary ? 'relay' : `relay-${cluster.worker?.id}`,
});

if (cluster.isPrimary && env.RELAY_WORKERS > 0) {
  let stopping = false;
  serveClusterMetrics();
  for (let i = 0; i < env.RELAY_WORKERS; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.warn('relay worker died; respawning', { worker: worker.id, code, signal });
    setTimeout(() => cluster.fork(), 500);
  });
  log.info('relay listening', { port: env.RELAY_PORT, workers: env.RELAY_WORKERS });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const deadline = setTimeout(() => process.exit(0), env.RELAY_SHUTDOWN_GRACE_MS + 5_000);
    deadline.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  // A stray rejection must not take down a worker serving other streams.
  process.on('unhandledRejection', (err) =>
    log.error('unhandled rejection', { error: String((err as Error)?.stack ?? err) }),
  );
  startRelayWorker(env, log)
    .then((worker) => {
      if (env.RELAY_WORKERS === 0) log.info('relay listening', { port: worker.port, workers: 0 });
      let closing = false;
      const stop = () => {
        if (closing) return;
        closing = true;
        worker
          .close()
          .then(() => process.exit(0))
          .catch(() => process.exit(1));
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    })
    .catch((err) => {
      log.error('relay worker failed to start', { error: String((err as Error)?.stack ?? err) });
      process.exit(1);
    });
}
