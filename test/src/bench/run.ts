/**
 * The relay benchmark (a script, not a test): `pnpm --filter @switchboard/test bench`.
 *
 * One run on this machine, alternating between the targets so that drift hits all alike:
 *   direct   the mock OpenAI upstream itself (the floor)
 *   relay    Switchboard's relay, RELAY_WORKERS=1, pinned to core 1, full path on
 *            (token auth, IP check, routing, quota reserve + settle, usage record)
 *   portkey  @portkey-ai/gateway from npm, pinned to core 1, same mock upstream
 *   floor    a bare Node proxy (one Redis script call + one upstream exchange, nothing else),
 *            pinned to core 1: what any Node gateway with a reservation pays here
 * The mock, Redis (a private redis-server), the api and this load client share core 0.
 * Results: a markdown summary on stdout and JSON + markdown in .bench/ (git-ignored);
 * docs/benchmarks.md carries the numbers of a reference run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, setPriority } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import { connectMysql, createDatabase } from '../support/mysql.js';
import { freePort, sleep, waitForPort } from '../support/ports.js';
import { PrivateRedis } from '../support/private-redis.js';
import { ManagedProcess, childPids, cpuMs, rssBytes } from '../support/processes.js';
import { repoRoot, Stack } from '../support/stack.js';
import {
  chatBody,
  concurrentStreams,
  percentiles,
  saturate,
  sequentialLatency,
  sequentialTtfb,
  type Target,
  type ThroughputResult,
} from './load.js';
import { ensurePortkey, PORTKEY_VERSION, portkeyEntry } from './portkey.js';

const QUICK = process.env.BENCH_QUICK === '1';
const CFG = {
  warmup: QUICK ? 200 : 1000,
  latencyRounds: QUICK ? 2 : 5,
  latencyPerRound: QUICK ? 200 : 600,
  ttfbRounds: QUICK ? 2 : 3,
  ttfbPerRound: QUICK ? 100 : 300,
  satConnections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  satSeconds: QUICK ? 4 : 8,
  satRounds: QUICK ? 1 : 2,
  redisProbeRequests: 1000,
  slowStreams: Number(process.env.BENCH_STREAMS ?? 1000),
  /** Mock pacing for the slow streams: ~10 events × 300 ms ≈ 3 s each. */
  slowChunkDelayMs: 300,
};
const MODEL = 'gpt-4o-mini';
const SLOW_MODEL = 'gpt-4o';
const UPSTREAM_KEY = 'sk-upstream-bench';

const log = (line: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const us = (n: number) => `${Math.round(n)} µs`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const cleanups: (() => Promise<void> | void)[] = [];

/**
 * The machine is shared with other work: give the processes under measurement (and their
 * cluster workers) a higher scheduling priority, so that measurements see them, not the
 * neighbours. BENCH_NICE=0 turns it off; needs root for negative values.
 */
const NICE = Number(process.env.BENCH_NICE ?? -10);
function boost(pid: number): void {
  if (NICE === 0) return;
  for (const p of [pid, ...childPids(pid)]) {
    // Linux keeps a nice value per thread: set it on every thread of the process.
    let tids: string[] = [String(p)];
    try {
      tids = readdirSync(`/proc/${p}/task`);
    } catch {
      // gone already
    }
    for (const tid of tids) {
      try {
        setPriority(Number(tid), NICE);
      } catch {
        // not permitted (not root): measure at normal priority
      }
    }
  }
}

/** Moves a process, its threads and its children's onto one core. */
function pinTo(pid: number, core: number): void {
  for (const p of [pid, ...childPids(pid)]) {
    execFileSync('taskset', ['-a', '-cp', String(core), String(p)], { stdio: 'ignore' });
  }
}

async function main(): Promise<void> {
  // Load client on core 0, away from the gateway under test on core 1.
  execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  boost(process.pid);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const logDir = join(repoRoot, '.bench', runId);
  mkdirSync(logDir, { recursive: true });

  // Own Redis (commandstats are then ours alone) and own database on the shared MariaDB.
  const redisServer = await PrivateRedis.start();
  cleanups.push(() => redisServer.destroy());
  execFileSync('taskset', ['-a', '-cp', '0', String(redisServerPid(redisServer))], { stdio: 'ignore' });
  boost(redisServerPid(redisServer));
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'mariadb://root@127.0.0.1:3306';
  const database = `sb_bench_${runId}`;
  await createDatabase(adminUrl, database);
  cleanups.push(async () => {
    if (process.env.KEEP_BENCH_DB) return;
    const c = await connectMysql(adminUrl);
    await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await c.end();
  });
  const databaseUrl = `${adminUrl}/${database}`;
  const prefix = `sbb:${runId}:`;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: prefix,
    SECRET_KEY: `bench-${randomBytes(16).toString('hex')}`,
    SB_TEST_RUN_ID: runId,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });

  // Mock upstreams: a fast one and a slow-streaming one, in their own processes on core 0.
  const mockPort = await freePort();
  const slowPort = await freePort();
  const mockScript = join(repoRoot, 'test/dist/bench/mock-server.js');
  const mock = ManagedProcess.start({
    name: 'mock',
    command: 'taskset',
    args: ['-c', '0', process.execPath, mockScript, String(mockPort)],
    logDir,
  });
  const slowMock = ManagedProcess.start({
    name: 'mock-slow',
    command: 'taskset',
    args: [
      '-c',
      '0',
      process.execPath,
      mockScript,
      String(slowPort),
      JSON.stringify({ chunkDelayMs: CFG.slowChunkDelayMs }),
    ],
    logDir,
  });
  cleanups.push(
    () => mock.stop(),
    () => slowMock.stop(),
  );
  await waitForPort(mockPort);
  await waitForPort(slowPort);
  boost(mock.pid);
  boost(slowMock.pid);

  log('starting api and relay (RELAY_WORKERS=1, relay pinned to core 1)');
  const stack = await Stack.start({
    relayWorkers: 1,
    relayWrap: ['taskset', '-c', '1'],
    apiWrap: ['taskset', '-c', '0'],
    relayEnv: { RELAY_CHANNEL_TASKS: 'false' },
    env: { DATABASE_URL: databaseUrl, REDIS_PREFIX: prefix, REDIS_URL: redisServer.url },
  });
  cleanups.push(() => stack.stop());
  boost(stack.relay!.pid);
  boost(stack.api.pid);

  const root = await stack.rootClient();
  await createOpenAIChannel(root, {
    name: 'bench-fast',
    baseUrl: `http://127.0.0.1:${mockPort}/v1`,
    keys: [UPSTREAM_KEY],
    models: [MODEL],
  });
  await createOpenAIChannel(root, {
    name: 'bench-slow',
    baseUrl: `http://127.0.0.1:${slowPort}/v1`,
    keys: [UPSTREAM_KEY],
    models: [SLOW_MODEL],
  });
  // A limited token with an IP whitelist: the full check path, not the unlimited shortcut.
  const customer = await createCustomer(root, 'bench-customer', '900000000000000');
  const token = await createToken(root, {
    name: 'bench',
    userId: customer.id,
    unlimited: false,
    remainQuota: '900000000000000',
    ipWhitelist: ['127.0.0.1/32', '::1/128'],
  });
  await sleep(1_500); // config push reaches the worker

  log('starting the floor proxy (pinned to core 1)');
  const floorPort = await freePort();
  const floor = ManagedProcess.start({
    name: 'floor',
    command: 'taskset',
    args: [
      '-c',
      '1',
      process.execPath,
      join(repoRoot, 'test/dist/bench/floor-proxy.js'),
      String(floorPort),
      `http://127.0.0.1:${mockPort}`,
      redisServer.url,
    ],
    logDir,
  });
  cleanups.push(() => floor.stop());
  await waitForPort(floorPort);
  boost(floor.pid);

  log(`installing/starting the peer @portkey-ai/gateway@${PORTKEY_VERSION} (pinned to core 1)`);
  const portkeyDir = ensurePortkey(log);
  const portkeyPort = await freePort();
  const portkey = ManagedProcess.start({
    name: 'portkey',
    command: 'taskset',
    args: ['-c', '1', process.execPath, portkeyEntry(portkeyDir), `--port=${portkeyPort}`, '--headless'],
    cwd: portkeyDir,
    logDir,
  });
  cleanups.push(() => portkey.stop());
  await waitForPort(portkeyPort, '127.0.0.1', 60_000);
  boost(portkey.pid);

  const json = { 'content-type': 'application/json' };
  const targets: Record<'direct' | 'relay' | 'portkey' | 'floor', Target> = {
    direct: {
      name: 'direct',
      origin: `http://127.0.0.1:${mockPort}`,
      path: '/v1/chat/completions',
      headers: { ...json, authorization: `Bearer ${UPSTREAM_KEY}` },
    },
    relay: {
      name: 'relay',
      origin: stack.relayUrl,
      path: '/v1/chat/completions',
      headers: { ...json, authorization: `Bearer ${token.key}` },
    },
    portkey: {
      name: 'portkey',
      origin: `http://127.0.0.1:${portkeyPort}`,
      path: '/v1/chat/completions',
      headers: {
        ...json,
        authorization: `Bearer ${UPSTREAM_KEY}`,
        'x-portkey-provider': 'openai',
        'x-portkey-custom-host': `http://127.0.0.1:${mockPort}/v1`,
      },
    },
    floor: {
      name: 'floor',
      origin: `http://127.0.0.1:${floorPort}`,
      path: '/v1/chat/completions',
      headers: { ...json, authorization: `Bearer ${UPSTREAM_KEY}` },
    },
  };
  /** Every request sent to the relay, by kind, for the accounting check at the end. */
  let relayRequests = 0;

  const nonStream = chatBody(false, MODEL);
  const stream = chatBody(true, MODEL);

  log(`warm-up: ${CFG.warmup} requests per target`);
  for (const t of Object.values(targets)) {
    await sequentialLatency(t, nonStream, CFG.warmup);
    await sequentialTtfb(t, stream, Math.ceil(CFG.warmup / 5));
    if (t.name === 'relay') relayRequests += CFG.warmup + Math.ceil(CFG.warmup / 5);
  }

  // While the api runs, its usage writer drains every record into MariaDB on this same 2-core
  // machine; that work (api + mariadbd, which cannot be kept off the relay's core) competes
  // with the process under test. Measured once like this for the record, then with the api
  // stopped: the relay's hot path is unchanged (reserve, settle + record into the Redis usage
  // stream); only the drain into MySQL waits, and is measured on its own further down.
  log('added latency while the api drains usage into MariaDB on the same machine (direct, relay)');
  const latDraining: Record<string, number[]> = { direct: [], relay: [] };
  for (let r = 0; r < CFG.latencyRounds; r++) {
    for (const t of [targets.direct, targets.relay]) {
      latDraining[t.name].push(...(await sequentialLatency(t, nonStream, CFG.latencyPerRound)));
      if (t.name === 'relay') relayRequests += CFG.latencyPerRound;
    }
  }

  log('stopping the api (usage records accumulate in Redis from here)');
  await stack.api.stop(30_000);
  await sleep(1_000);

  log('added latency, one connection, non-stream');
  const lat: Record<string, number[]> = { direct: [], relay: [], portkey: [], floor: [] };
  for (let r = 0; r < CFG.latencyRounds; r++) {
    for (const t of Object.values(targets)) {
      lat[t.name].push(...(await sequentialLatency(t, nonStream, CFG.latencyPerRound)));
      if (t.name === 'relay') relayRequests += CFG.latencyPerRound;
    }
  }

  log('time to first byte, one connection, stream');
  const ttfb: Record<string, number[]> = { direct: [], relay: [], portkey: [], floor: [] };
  for (let r = 0; r < CFG.ttfbRounds; r++) {
    for (const t of Object.values(targets)) {
      ttfb[t.name].push(...(await sequentialTtfb(t, stream, CFG.ttfbPerRound)));
      if (t.name === 'relay') relayRequests += CFG.ttfbPerRound;
    }
  }

  // The same again with the gateways moved onto core 0, beside the client, the mock and Redis.
  // Split over two cores, every hop of the gateway path (client → gateway → Redis → gateway →
  // mock → gateway → client) wakes the other core, which on this VM costs about 0.1 ms each;
  // the direct call has no such hop. One core shows what the gateway itself adds.
  log('added latency and TTFB again, every process on core 0');
  const gatewayPids = [stack.relay!.pid, portkey.pid, floor.pid];
  for (const pid of gatewayPids) pinTo(pid, 0);
  const lat1: Record<string, number[]> = { direct: [], relay: [], portkey: [], floor: [] };
  const ttfb1: Record<string, number[]> = { direct: [], relay: [], portkey: [], floor: [] };
  for (let r = 0; r < CFG.latencyRounds; r++) {
    for (const t of Object.values(targets)) {
      lat1[t.name].push(...(await sequentialLatency(t, nonStream, CFG.latencyPerRound)));
      ttfb1[t.name].push(...(await sequentialTtfb(t, stream, CFG.ttfbPerRound)));
      if (t.name === 'relay') relayRequests += CFG.latencyPerRound + CFG.ttfbPerRound;
    }
  }
  for (const pid of gatewayPids) pinTo(pid, 1);

  log(`Redis round trips per request (${CFG.redisProbeRequests} sequential non-stream requests, MONITOR)`);
  const idle = await countRoundTrips(redisServer.url, () => sleep(2_000));
  let probeMs = 0;
  const busy = await countRoundTrips(redisServer.url, async () => {
    const t0 = performance.now();
    await sequentialLatency(targets.relay, nonStream, CFG.redisProbeRequests);
    probeMs = performance.now() - t0;
  });
  relayRequests += CFG.redisProbeRequests;
  const perRequest: Record<string, number> = {};
  for (const [cmd, calls] of Object.entries(busy.topLevel)) {
    const background = ((idle.topLevel[cmd] ?? 0) * probeMs) / idle.ms;
    const n = (calls - background) / CFG.redisProbeRequests;
    if (n > 0.01) perRequest[cmd] = Math.round(n * 100) / 100;
  }
  const insideScripts: Record<string, number> = {};
  for (const [cmd, calls] of Object.entries(busy.inScripts)) {
    insideScripts[cmd] = Math.round((calls / CFG.redisProbeRequests) * 100) / 100;
  }

  log(`throughput at saturation: ${CFG.satConnections} connections × ${CFG.satSeconds} s, alternating`);
  const relayPid = stack.relay!.pid;
  const workerPid = () => childPids(relayPid)[0] ?? relayPid;
  const sat: Record<string, (ThroughputResult & { cpuMsPerReq: number; cpuShare: number })[]> = {
    direct: [],
    relay: [],
    portkey: [],
    floor: [],
  };
  for (let r = 0; r < CFG.satRounds; r++) {
    for (const t of Object.values(targets)) {
      const pid =
        t.name === 'relay'
          ? workerPid()
          : t.name === 'portkey'
            ? portkey.pid
            : t.name === 'floor'
              ? floor.pid
              : mock.pid;
      const cpu0 = cpuMs(pid);
      const res = await saturate(t, nonStream, CFG.satConnections, CFG.satSeconds);
      const cpu = cpuMs(pid) - cpu0;
      if (t.name === 'relay') relayRequests += res.ok + res.errors;
      sat[t.name].push({
        ...res,
        cpuMsPerReq: cpu / Math.max(1, res.ok),
        cpuShare: cpu / (res.seconds * 1000),
      });
      log(
        `  ${t.name.padEnd(7)} ${res.rps.toFixed(0)} req/s, errors ${res.errors}, CPU ${(cpu / Math.max(1, res.ok)).toFixed(3)} ms/req (${((100 * cpu) / (res.seconds * 1000)).toFixed(0)}% of a core)${res.firstError ? `, first error: ${res.firstError}` : ''}`,
      );
      await sleep(500);
    }
  }

  log(`${CFG.slowStreams} concurrent slow streams on the one relay worker`);
  let peakWorkerRss = 0;
  let peakPrimaryRss = 0;
  const rssBefore = rssBytes(workerPid());
  const slowTarget: Target = { ...targets.relay, name: 'relay-slow' };
  const streams = await concurrentStreams(slowTarget, chatBody(true, SLOW_MODEL), CFG.slowStreams, () => {
    peakWorkerRss = Math.max(peakWorkerRss, rssBytes(workerPid()));
    peakPrimaryRss = Math.max(peakPrimaryRss, rssBytes(relayPid));
  });
  relayRequests += CFG.slowStreams;
  log(
    `  completed ${streams.completed}/${streams.streams}, errors ${streams.errors} in ${streams.seconds.toFixed(1)} s; worker RSS ${mb(rssBefore)} → peak ${mb(peakWorkerRss)}`,
  );

  // Usage writer: everything sent since the api stopped waits in the usage streams.
  const conn = await connectMysql(databaseUrl);
  cleanups.push(() => conn.end());
  const countRows = async () => {
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM usage_logs');
    return Number((rows as { n: string }[])[0].n);
  };
  const rowsBefore = await countRows();
  const backlog = relayRequests - rowsBefore;
  log(`usage writer: ${backlog} records waiting; starting the api`);
  const t0 = performance.now();
  await stack.startApi();
  boost(stack.api.pid);
  let rows = rowsBefore;
  const drainDeadline = Date.now() + 300_000;
  let firstRowAt = 0;
  let lastProgress = Date.now();
  while (rows < relayRequests && Date.now() < drainDeadline && Date.now() - lastProgress < 30_000) {
    await sleep(100);
    const n = await countRows();
    if (n > rows) lastProgress = Date.now();
    rows = n;
    if (!firstRowAt && rows > rowsBefore) firstRowAt = performance.now();
  }
  if (rows < relayRequests) log(`  WARNING: only ${rows - rowsBefore} of ${backlog} records were written`);
  const drainEnd = performance.now();
  const drainSeconds = (drainEnd - (firstRowAt || t0)) / 1000;
  const writerRate = (rows - rowsBefore) / Math.max(0.001, drainSeconds);
  log(
    `  ${rows - rowsBefore} rows in ${drainSeconds.toFixed(2)} s after the first commit → ${writerRate.toFixed(0)} records/s`,
  );

  // Accounting: one row per request; the balance moved by exactly the sum of logged costs.
  await sleep(2_000);
  const [[sums]] = (await conn.query(
    'SELECT COUNT(*) AS n, COALESCE(SUM(quota), 0) AS q FROM usage_logs WHERE token_id = ?',
    [Number(token.id)],
  )) as unknown as [{ n: string; q: string }[]];
  const [[tok]] = (await conn.query('SELECT remain_quota AS r, used_quota AS u FROM tokens WHERE id = ?', [
    Number(token.id),
  ])) as unknown as [{ r: string; u: string }[]];
  const accounting = {
    requestsSent: relayRequests,
    usageRows: Number(sums.n),
    loggedQuota: sums.q,
    tokenUsedQuota: tok?.u ?? null,
    tokenRemainQuota: tok?.r ?? null,
    tokenRemainDrop: tok ? (900000000000000n - BigInt(tok.r)).toString() : null,
  };
  const accountingOk =
    accounting.usageRows === relayRequests &&
    accounting.loggedQuota === accounting.tokenUsedQuota &&
    accounting.loggedQuota === accounting.tokenRemainDrop;
  log(`accounting: ${JSON.stringify(accounting)} → ${accountingOk ? 'matches' : 'MISMATCH'}`);

  // ---- report ----
  const L = Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, percentiles(v)]));
  const T = Object.fromEntries(Object.entries(ttfb).map(([k, v]) => [k, percentiles(v)]));
  const best = (name: string) => sat[name].reduce((a, b) => (b.rps > a.rps ? b : a));
  const relaySat = best('relay');
  const portkeySat = best('portkey');
  const directSat = best('direct');
  const added = (name: string) => ({
    p50: L[name].p50 - L.direct.p50,
    p99: L[name].p99 - L.direct.p99,
  });
  const ttfbAdded = (name: string) => T[name].p50 - T.direct.p50;
  const L1 = Object.fromEntries(Object.entries(lat1).map(([k, v]) => [k, percentiles(v)]));
  const T1 = Object.fromEntries(Object.entries(ttfb1).map(([k, v]) => [k, percentiles(v)]));
  const added1 = (name: string) => ({
    p50: L1[name].p50 - L1.direct.p50,
    p99: L1[name].p99 - L1.direct.p99,
    ttfb: T1[name].p50 - T1.direct.p50,
  });
  const redisTotal = Object.values(perRequest).reduce((a, b) => a + b, 0);
  const targetsMet = [
    [
      'CPU per non-stream request ≤ ⅓ of Portkey’s (throughput per core)',
      relaySat.cpuMsPerReq * 3 <= portkeySat.cpuMsPerReq,
      `${relaySat.cpuMsPerReq.toFixed(3)} vs ${portkeySat.cpuMsPerReq.toFixed(3)} ms → ${(1000 / relaySat.cpuMsPerReq).toFixed(0)} vs ${(1000 / portkeySat.cpuMsPerReq).toFixed(0)} req/s per core`,
    ],
    [
      'non-stream throughput ≥ 3× Portkey',
      relaySat.rps >= 3 * portkeySat.rps,
      `${relaySat.rps.toFixed(0)} vs ${portkeySat.rps.toFixed(0)} req/s (${(relaySat.rps / portkeySat.rps).toFixed(2)}×)`,
    ],
    ['added latency p50 ≤ 500 µs', added('relay').p50 <= 500, us(added('relay').p50)],
    ['added latency p99 ≤ 2000 µs', added('relay').p99 <= 2000, us(added('relay').p99)],
    ['stream TTFB added ≤ 1000 µs', ttfbAdded('relay') <= 1000, us(ttfbAdded('relay'))],
    ['added latency p50 ≤ 500 µs, one core', added1('relay').p50 <= 500, us(added1('relay').p50)],
    ['added latency p99 ≤ 2000 µs, one core', added1('relay').p99 <= 2000, us(added1('relay').p99)],
    ['stream TTFB added ≤ 1000 µs, one core', added1('relay').ttfb <= 1000, us(added1('relay').ttfb)],
    [
      `${CFG.slowStreams} slow streams: RSS ≤ 300 MB, no errors`,
      peakWorkerRss <= 300 * 1024 * 1024 && streams.errors === 0 && streams.completed === CFG.slowStreams,
      `peak ${mb(peakWorkerRss)}, ${streams.errors} errors, ${streams.completed} completed`,
    ],
    ['usage writer ≥ 5,000 records/s', writerRate >= 5000, `${writerRate.toFixed(0)} records/s`],
    [
      'usage rows and quota match requests',
      accountingOk,
      `${accounting.usageRows}/${relayRequests} rows, logged ${accounting.loggedQuota}, token used ${accounting.tokenUsedQuota}`,
    ],
    [
      '≤ 3 Redis round trips per non-stream request',
      redisTotal <= 3,
      `${redisTotal.toFixed(2)} round trips/request: ${JSON.stringify(perRequest)}`,
    ],
  ] as const;

  const row = (name: string) =>
    `| ${name} | ${us(L[name].p50)} | ${us(L[name].p99)} | ${us(T[name].p50)} | ${us(T[name].p99)} | ${best(name).rps.toFixed(0)} | ${best(name).cpuMsPerReq.toFixed(3)} |`;
  const md = [
    `# Benchmark run ${new Date().toISOString()} (${QUICK ? 'quick' : 'full'})`,
    '',
    `Node ${process.version}, ${CFG.satConnections} connections for saturation, peer @portkey-ai/gateway@${PORTKEY_VERSION}.`,
    '',
    '| target | latency p50 | latency p99 | TTFB p50 | TTFB p99 | req/s (saturated) | CPU ms/req |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('direct'),
    row('relay'),
    row('portkey'),
    row('floor'),
    '',
    '| every process on core 0 | latency p50 | latency p99 | TTFB p50 | TTFB p99 |',
    '| --- | --- | --- | --- | --- |',
    ...['direct', 'relay', 'portkey', 'floor'].map(
      (n) => `| ${n} | ${us(L1[n].p50)} | ${us(L1[n].p99)} | ${us(T1[n].p50)} | ${us(T1[n].p99)} |`,
    ),
    '',
    `Added over direct on one core: relay p50 ${us(added1('relay').p50)}, p99 ${us(added1('relay').p99)}, TTFB ${us(added1('relay').ttfb)}; portkey p50 ${us(added1('portkey').p50)}, p99 ${us(added1('portkey').p99)}, TTFB ${us(added1('portkey').ttfb)}; floor p50 ${us(added1('floor').p50)}, p99 ${us(added1('floor').p99)}, TTFB ${us(added1('floor').ttfb)}.`,
    `Added over direct, one connection: relay p50 ${us(added('relay').p50)}, p99 ${us(added('relay').p99)}, TTFB ${us(ttfbAdded('relay'))}; portkey p50 ${us(added('portkey').p50)}, p99 ${us(added('portkey').p99)}, TTFB ${us(ttfbAdded('portkey'))}; floor (bare proxy) p50 ${us(added('floor').p50)}, p99 ${us(added('floor').p99)}, TTFB ${us(ttfbAdded('floor'))}.`,
    `With the api draining usage into MariaDB on the same machine meanwhile: direct p50 ${us(percentiles(latDraining.direct).p50)}, relay p50 ${us(percentiles(latDraining.relay).p50)}, p99 ${us(percentiles(latDraining.relay).p99)} → added p50 ${us(percentiles(latDraining.relay).p50 - percentiles(latDraining.direct).p50)}, p99 ${us(percentiles(latDraining.relay).p99 - percentiles(latDraining.direct).p99)}.`,
    `Saturation rounds: relay ${sat.relay.map((s) => s.rps.toFixed(0)).join(', ')}; portkey ${sat.portkey.map((s) => s.rps.toFixed(0)).join(', ')}; direct ${sat.direct.map((s) => s.rps.toFixed(0)).join(', ')} req/s. Relay worker at ${(100 * relaySat.cpuShare).toFixed(0)}% of its core, portkey at ${(100 * portkeySat.cpuShare).toFixed(0)}%.`,
    `Slow streams: ${streams.completed}/${streams.streams} completed, ${streams.errors} errors, ${streams.seconds.toFixed(1)} s; relay worker RSS ${mb(rssBefore)} before, peak ${mb(peakWorkerRss)} (primary ${mb(peakPrimaryRss)}).`,
    `Usage writer: ${rows - rowsBefore} records drained in ${drainSeconds.toFixed(2)} s = ${writerRate.toFixed(0)} records/s.`,
    `Redis round trips per non-stream request: ${JSON.stringify(perRequest)} (total ${redisTotal.toFixed(2)}); commands inside those scripts: ${JSON.stringify(insideScripts)}.`,
    `Priority of the measured processes: nice ${NICE}. Machine load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (2 cores; other work on the machine skews latency).`,
    `Accounting: ${JSON.stringify(accounting)}.`,
    '',
    '| target | met | measured |',
    '| --- | --- | --- |',
    ...targetsMet.map(([name, ok, value]) => `| ${name} | ${ok ? 'yes' : 'NO'} | ${value} |`),
    '',
  ].join('\n');
  process.stdout.write(`\n${md}\n`);
  writeFileSync(join(logDir, 'report.md'), md);
  writeFileSync(
    join(logDir, 'results.json'),
    JSON.stringify(
      { CFG, L, T, L1, T1, sat, perRequest, streams, peakWorkerRss, writerRate, accounting, directSat },
      null,
      2,
    ),
  );
  log(`report and process logs in ${logDir}`);
}

function redisServerPid(server: PrivateRedis): number {
  return Number(
    execFileSync('redis-cli', ['-p', String(server.port), 'info', 'server'])
      .toString()
      .match(/process_id:(\d+)/)?.[1] ?? process.pid,
  );
}

/**
 * Commands seen by MONITOR while `during` runs, split into round trips (commands sent by a
 * client) and commands run inside Lua scripts (MONITOR marks their source "lua"); the MONITOR
 * connection's own traffic is left out.
 */
async function countRoundTrips(
  url: string,
  during: () => Promise<unknown>,
): Promise<{ topLevel: Record<string, number>; inScripts: Record<string, number>; ms: number }> {
  const client = new Redis(url, { maxRetriesPerRequest: 3 });
  const monitor = await client.monitor();
  const topLevel: Record<string, number> = {};
  const inScripts: Record<string, number> = {};
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0] ?? '').toLowerCase();
    const bucket = source === 'lua' ? inScripts : topLevel;
    bucket[cmd] = (bucket[cmd] ?? 0) + 1;
  });
  const t0 = performance.now();
  await during();
  const ms = performance.now() - t0;
  await sleep(200);
  monitor.disconnect();
  client.disconnect();
  return { topLevel, inScripts, ms };
}

main()
  .catch((e) => {
    process.stderr.write(`benchmark failed: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch {
        // best effort
      }
    }
  });
