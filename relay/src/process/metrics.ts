import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one worker. Under node:cluster, /metrics on any worker asks the
 * primary, which gathers every worker's registry (prom-client's AggregatorRegistry).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'relay_requests_total',
    help: 'Relayed requests by endpoint, model, channel and HTTP status',
    labelNames: ['endpoint', 'model', 'channel', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'relay_request_duration_seconds',
    help: 'Whole request duration',
    labelNames: ['endpoint', 'stream'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly ttft = new Histogram({
    name: 'relay_time_to_first_token_seconds',
    help: 'Time until the first streamed event reached the client',
    labelNames: ['model'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly tokens = new Counter({
    name: 'relay_tokens_total',
    help: 'Tokens billed, by model and kind',
    labelNames: ['model', 'kind'] as const,
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: 'relay_upstream_retries_total',
    help: 'Attempts that failed and were retried on another channel',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    if (cluster.isWorker) {
      // Constructing one installs prom-client's worker-side listener for the primary's requests.
      new AggregatorRegistry();
      AggregatorRegistry.setRegistries([this.registry]);
    }
  }

  /** Text exposition: this process alone, or every worker through the primary. */
  async render(): Promise<{ contentType: string; body: string }> {
    if (cluster.isWorker && process.send) {
      const body = await askPrimary();
      if (body !== null) return { contentType: this.registry.contentType, body };
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

const REQUEST = 'sb:metrics:request';
const REPLY = 'sb:metrics:reply';

function askPrimary(): Promise<string | null> {
  return new Promise((resolve) => {
    const id = Math.random().toString(36).slice(2);
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      resolve(null);
    }, 3_000);
    const onMessage = (msg: unknown) => {
      const m = msg as { type?: string; id?: string; body?: string };
      if (m?.type !== REPLY || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(m.body ?? null);
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** In the primary: answer workers' metric requests with the cluster-wide aggregate. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, msg: { type?: string; id?: string }) => {
    if (msg?.type !== REQUEST) return;
    aggregator
      .clusterMetrics()
      .then((body) => worker.send({ type: REPLY, id: msg.id, body }))
      .catch(() => worker.send({ type: REPLY, id: msg.id, body: null }));
  });
}
