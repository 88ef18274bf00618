#!/usr/bin/env node
// Load benchmarks of the built server on a real MariaDB (see docs/performance.md).
//
//   pnpm build                      # once; this script builds nothing
//   pnpm --filter @mc/test bench    # or: node test/bench/run.mjs
//
// It creates a fresh database, starts `node server/dist/main.js` on free loopback ports (with the
// WeChat simulator), runs closed-loop workloads with lean keep-alive HTTP clients (http-client.mjs), prints a table,
// then stops the server and drops the database. Everything stays on 127.0.0.1.
//
// Environment (all optional):
//   BENCH_SECONDS=10        measured seconds per workload
//   BENCH_WARMUP=2          warm-up seconds per workload (not measured)
//   BENCH_CONNECTIONS=50    concurrent closed-loop clients
//   BENCH_CUSTOMERS=200     customers (with an address) created before timing
//   BENCH_ONLY=health,list,list-customer,detail,checkout,checkout-login,sale,check-in,redeem   run only these workloads
//   BENCH_CHECKIN_CUSTOMERS=2000   fresh customers created for the check-in warm-up (topped up before timing)
//   BENCH_DB=mc_bench       database name (dropped and re-created; dropped at the end)
//   BENCH_DB_URL=mysql://root@127.0.0.1:3306   server to use (no database part)
//   BENCH_WORKERS=1         API processes (WEB_CONCURRENCY) the server runs
//   BENCH_DB_SOCKET=/run/mysqld/mysqld.sock    the server talks to MariaDB over this Unix socket
//                           (the default when it exists; BENCH_DB_SOCKET= for loopback TCP)
//   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags for the server
//   BENCH_KEEP_DB=1         keep the database afterwards
//   BENCH_SERVER_MAIN=path  start this main.js instead of server/dist/main.js (A/B experiments)
//   BENCH_JSON=path         also write the results as JSON there
//   BENCH_QUIET_WAIT=120    seconds to wait for other work on the machine to finish before each workload
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeepAlivePool } from './http-client.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS || 10);
const WARMUP = Number(env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS || 50);
const CUSTOMERS = Math.max(Number(env.BENCH_CUSTOMERS || 200), CONNECTIONS);
const ONLY = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const DB_NAME = env.BENCH_DB || 'mc_bench';
const DB_SERVER = (env.BENCH_DB_URL || 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const WORKERS = Number(env.BENCH_WORKERS || 1);
const DEFAULT_SOCKET = '/run/mysqld/mysqld.sock';
const DB_SOCKET = env.BENCH_DB_SOCKET ?? (existsSync(DEFAULT_SOCKET) ? DEFAULT_SOCKET : '');
if (!/^\w+$/.test(DB_NAME)) throw new Error('BENCH_DB must be a plain identifier');
const STOCK = 50_000_000;
/** The bench's points-mall item: points only, no limit per customer; each customer gets POINTS_GRANT points. */
const MALL_STOCK = 1_000_000;
const MALL_COST = 10;
const POINTS_GRANT = 1_000_000;
const CHECKIN_POOL = Number(env.BENCH_CHECKIN_CUSTOMERS || 2000);

// mysql2 comes with the server package; borrow it rather than adding a dependency here.
const mysql = createRequire(join(ROOT, 'server', 'package.json'))('mysql2/promise');

// ---------------------------------------------------------------------------------------------
// small helpers

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The machine's speed at the time, on one core, 0.5 s each: JSON round trips of an order-sized
 * object (general JavaScript work) and RSA-2048 signatures (OpenSSL; its speed depends on the
 * CPU's vector units more than anything else). The VM this runs on has been seen to change speed
 * 2–3× between sessions and up to 2× within minutes: runs compare only when their yardsticks do.
 */
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const sampleOrder = {
  id: 1,
  orderNo: '2026112312000012345678901',
  lines: Array.from({ length: 3 }, (_, i) => ({ skuId: i + 1, title: `商品 ${i}`, specs: { 颜色: '红', 尺码: 'M' }, qty: 1, unitPriceCents: 12900 })),
  history: [{ fromStatus: null, toStatus: 'PENDING_PAYMENT', at: '2026-11-23T12:00:00.000Z' }],
};
function perSecond(work) {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 500) {
    work();
    n++;
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}
function machineYardstick() {
  const data = Buffer.from('yardstick');
  return {
    jsonRoundTripsPerSecond: perSecond(() => JSON.parse(JSON.stringify(sampleOrder))),
    rsaSignaturesPerSecond: perSecond(() => sign('sha256', data, signingKey)),
  };
}
const yardstickText = (y) => `${y.jsonRoundTripsPerSecond} JSON round trips/s, ${y.rsaSignaturesPerSecond} RSA-2048 signatures/s`;
let yardstickBefore = null;

function json(res) {
  try {
    return JSON.parse(res.text);
  } catch {
    return undefined;
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux only; silently empty elsewhere)

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function procTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return NaN;
  }
}

function procParent(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return NaN;
  }
}

function findPids(pred) {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return pred(pid, readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

function isSimulator(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(join('sim', 'dist', 'main.js'));
  } catch {
    return false;
  }
}

function machineTicks() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] || 0);
    return { total: v.reduce((a, b) => a + b, 0), idle };
  } catch {
    return null;
  }
}

/** Snapshot of CPU ticks of the processes that share the machine. */
function cpuSnapshot(pids) {
  const snap = { at: performance.now(), self: process.cpuUsage(), machine: machineTicks() };
  for (const [name, list] of Object.entries(pids)) snap[name] = list.reduce((a, pid) => a + procTicks(pid), 0);
  return snap;
}

function cpuPercent(a, b, pids) {
  const secs = (b.at - a.at) / 1000;
  const out = {};
  for (const name of Object.keys(pids)) out[name] = ((b[name] - a[name]) / CLK_TCK / secs) * 100;
  out.client = ((b.self.user + b.self.system - a.self.user - a.self.system) / 1e6 / secs) * 100;
  if (a.machine && b.machine) {
    const total = b.machine.total - a.machine.total;
    out.machine = total > 0 ? (1 - (b.machine.idle - a.machine.idle) / total) * 100 * os.cpus().length : NaN;
    // whatever else runs on the machine (other builds or tests) competes for the same cores
    out.other = Math.max(0, out.machine - Object.keys(pids).reduce((sum, name) => sum + (out[name] || 0), 0) - out.client);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// the database

async function dbAdmin() {
  return mysql.createConnection({ uri: DB_SERVER, multipleStatements: false });
}

/** The statements the server itself sent (counted in-process by sql-counter.cjs), or null. */
/** MariaDB's total time spent waiting for row locks, in ms (server-wide). */
async function rowLockWaits(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_time'");
  return Number(row.Value);
}

async function sqlCounters(counterPort) {
  if (!counterPort) return null;
  try {
    // with WEB_CONCURRENCY > 1 each worker counts on its own port: counterPort + worker id − 1
    const parts = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => fetch(`http://127.0.0.1:${counterPort + i}/`).then((r) => r.json())),
    );
    const statements = {};
    for (const part of parts) for (const [sql, n] of Object.entries(part.statements)) statements[sql] = (statements[sql] || 0) + n;
    const sum = (key) => parts.reduce((n, part) => n + part[key], 0);
    return { total: sum('total'), trips: sum('trips'), statements };
  } catch {
    return null;
  }
}

function sqlDelta(a, b) {
  if (!a || !b) return null;
  const statements = Object.entries(b.statements)
    .map(([sql, n]) => [sql, n - (a.statements[sql] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1]);
  return { total: b.total - a.total, trips: b.trips - a.trips, statements };
}

// ---------------------------------------------------------------------------------------------
// the closed-loop driver

/**
 * Runs `connections` clients, each calling `iteration(client, i)` back to back until the time is
 * up. `iteration` returns { ok, steps: [[name, ms, ok]] , error? }. Returns the tallies.
 */
async function closedLoop(seconds, connections, iteration) {
  const stats = { ops: 0, errors: 0, lat: [], steps: new Map(), errorSamples: new Map() };
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const s = performance.now();
        let r;
        try {
          r = await iteration(client, i);
        } catch (e) {
          r = { ok: false, error: `exception: ${e.message}`, steps: [] };
        }
        const ms = performance.now() - s;
        for (const [name, stepMs, ok] of r.steps ?? []) {
          const st = stats.steps.get(name) ?? { lat: [], errors: 0 };
          st.lat.push(stepMs);
          if (!ok) st.errors++;
          stats.steps.set(name, st);
        }
        if (r.ok) {
          stats.ops++;
          stats.lat.push(ms);
        } else {
          stats.errors++;
          const key = String(r.error).slice(0, 160);
          stats.errorSamples.set(key, (stats.errorSamples.get(key) ?? 0) + 1);
          await sleep(5); // do not spin on a failing server
        }
      }
    }),
  );
  stats.elapsed = (performance.now() - t0) / 1000;
  return stats;
}

function summarize(lat) {
  const sorted = Float64Array.from(lat).sort();
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  yardstickBefore = machineYardstick();
  const mainJs = env.BENCH_SERVER_MAIN ? resolve(env.BENCH_SERVER_MAIN) : join(ROOT, 'server', 'dist', 'main.js');
  try {
    readFileSync(mainJs);
  } catch {
    throw new Error(`${mainJs} not found: run \`pnpm build\` first`);
  }
  const port = await freePort();
  const simPort = await freePort();
  const counterPort = env.BENCH_SQL_COUNT === '0' ? 0 : await freePort();
  const admin = await dbAdmin();
  // two runs on one database would drop it under each other: a named lock, released when this connection closes
  const [[{ locked }]] = await admin.query('SELECT GET_LOCK(?, 0) AS locked', [`mc-bench:${DB_NAME}`]);
  if (Number(locked) !== 1) {
    await admin.end();
    throw new Error(`another benchmark is using database ${DB_NAME} right now (set BENCH_DB to run beside it; both would share the CPU anyway)`);
  }
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

  let serverLog = '';
  const adminPassword = randomBytes(12).toString('hex');
  const nodeArgs = (env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean);
  if (counterPort) nodeArgs.push('--require', join(dirname(fileURLToPath(import.meta.url)), 'sql-counter.cjs'));
  const child = spawn(process.execPath, [...nodeArgs, mainJs], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `${DB_SERVER}/${DB_NAME}${DB_SOCKET ? `?socket=${encodeURIComponent(DB_SOCKET)}` : ''}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      WECHAT_SIM: '1',
      WECHAT_SIM_PORT: String(simPort),
      BENCH_SQL_COUNTER_PORT: String(counterPort),
      BENCH_SQL_COUNTER_FROM: join(ROOT, 'server'),
      WECHAT_SIM_QUIET: '1',
      SEED_DEMO: '1',
      WEB_CONCURRENCY: String(WORKERS),
      JOBS: '0',
      LOG_LEVEL: env.LOG_LEVEL || 'warn',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // the server's error lines (5xx and the like) are kept apart: a few errors in a long run must still be explained
  const serverErrors = [];
  const keep = (d) => {
    serverLog = (serverLog + d).slice(-20_000);
    for (const line of String(d).split('\n')) if (/"level":(50|60)/.test(line) && serverErrors.length < 5) serverErrors.push(line.slice(0, 3000));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!env.BENCH_KEEP_DB) await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``).catch(() => {});
    await admin.end().catch(() => {});
  };
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));

  try {
    const outcome = await runAll({ port, simPort, counterPort, child, adminPassword, output: () => serverLog });
    if (process.exitCode) console.error(`\nserver output (tail):\n${serverLog.slice(-4000)}`);
    if (serverErrors.length) console.error(`\nthe server logged errors (first ${serverErrors.length}):\n${serverErrors.join('\n')}`);
    return outcome;
  } catch (e) {
    console.error(`\nserver output (tail):\n${serverLog.slice(-4000)}`);
    throw e;
  } finally {
    await cleanup();
  }
}

/** Other processes' CPU use skews every number here: wait (bounded) until the machine is quiet. */
async function waitForQuiet(label) {
  const limit = Number(env.BENCH_QUIET_WAIT ?? 120);
  const capacity = os.cpus().length * 100;
  const start = performance.now();
  for (;;) {
    const a = machineTicks();
    await sleep(1000);
    const b = machineTicks();
    if (!a || !b) return;
    const busy = (1 - (b.idle - a.idle) / (b.total - a.total)) * capacity;
    if (busy < 0.15 * capacity) return;
    const waited = (performance.now() - start) / 1000;
    if (waited >= limit) {
      console.log(`  note: machine still ${busy.toFixed(0)}% of ${capacity}% busy with other work before ${label}; numbers will be low`);
      return;
    }
    if (waited < 1.5) console.log(`  waiting for other work to finish before ${label} (machine ${busy.toFixed(0)}% of ${capacity}% busy; up to ${limit} s)`);
  }
}

async function runAll({ port, simPort, counterPort, child, adminPassword, output }) {
  // fresh keep-alive pools per workload: sockets left idle past the server's keep-alive timeout get reset
  let apiPool, simPool;
  const freshPools = () => {
    apiPool?.destroy();
    simPool?.destroy();
    apiPool = new KeepAlivePool(port);
    simPool = new KeepAlivePool(simPort);
  };
  freshPools();
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode})`);
    const r = await apiPool.request('GET', '/api/health');
    // with several workers, health answers once the first listens; the supervisor's banner says all do
    if (r.status === 200 && (WORKERS === 1 || output().includes(`${WORKERS} worker processes`))) break;
    if (performance.now() - started > 90_000) throw new Error('server did not become healthy within 90 s');
    await sleep(250);
  }
  console.log(`server up on 127.0.0.1:${port} (simulator :${simPort}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const db = await mysql.createConnection({ uri: `${DB_SERVER}/${DB_NAME}` });
  const pids = {
    server: [child.pid, ...findPids((pid) => procParent(pid) === child.pid && !isSimulator(pid))],
    simulator: findPids((pid) => procParent(pid) === child.pid && isSimulator(pid)),
    mariadb: findPids((_, comm) => comm === 'mariadbd' || comm === 'mysqld'),
  };

  // ---- fixtures, before any timing
  const [products] = await db.query('SELECT id FROM product WHERE onShelf = 1 ORDER BY id');
  const productIds = products.map((p) => Number(p.id));
  const [skuRows] = await db.query(
    `SELECT s.id, s.productId, s.priceCents FROM sku s JOIN product p ON p.id = s.productId
     WHERE s.active = 1 AND p.onShelf = 1 AND p.memberOnly = 0 AND s.priceCents > 0 ORDER BY s.id LIMIT 2`,
  );
  if (!productIds.length || skuRows.length < 2) throw new Error('the demo catalog is empty: was SEED_DEMO honoured?');
  const skuId = Number(skuRows[0].id);
  const saleProductId = Number(skuRows[0].productId);
  await db.query('UPDATE sku SET stock = ? WHERE id = ?', [STOCK, skuId]);
  console.log(`${productIds.length} products on shelf; checkout SKU ${skuId} (${skuRows[0].priceCents} fen), stock set to ${STOCK}`);

  /** Runs `work(i)` for i in [from, to), 25 at a time. */
  const inBatches = async (from, to, work) => {
    for (let batch = from; batch < to; batch += 25) await Promise.all(Array.from({ length: Math.min(25, to - batch) }, (_, k) => work(batch + k)));
  };
  const customers = [];
  const setupStart = performance.now();
  await inBatches(0, CUSTOMERS, async (i) => {
    const code = `test:bench_${i}`;
    const login = await apiPool.request('POST', '/api/auth/wechat-login', { body: { code } });
    if (login.status !== 200) throw new Error(`wechat-login ${login.status}: ${login.text}`);
    const auth = { authorization: `Bearer ${json(login).token}` };
    const addr = await apiPool.request('POST', '/api/addresses', {
      headers: auth,
      body: { name: `压测${i}`, phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路 ${i} 号` },
    });
    if (addr.status !== 201) throw new Error(`add address ${addr.status}: ${addr.text}`);
    customers[i] = { code, auth, id: json(login).user.id, addressId: json(addr).id };
  });
  console.log(`${CUSTOMERS} customers with an address created in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const wanted = (key) => !ONLY || ONLY.has(key);

  // the points mall: a points-only item on a second SKU (its own stock, apart from the checkout's), and points for every customer
  const mallSkuId = Number(skuRows[1].id);
  let mallItemId = null;
  if (wanted('redeem')) {
    const t0 = performance.now();
    const login = await apiPool.request('POST', '/api/admin/auth/login', { body: { username: 'admin', password: adminPassword } });
    if (login.status !== 200) throw new Error(`admin login ${login.status}: ${login.text}`);
    const staff = { authorization: `Bearer ${json(login).token}` };
    await db.query('UPDATE sku SET stock = ? WHERE id = ?', [STOCK, mallSkuId]);
    const item = await apiPool.request('POST', '/api/admin/points-mall/items', {
      headers: staff,
      body: { title: '压测兑换品', kind: 'GOODS', skuId: mallSkuId, pointsCost: MALL_COST, cashCents: 0, stock: MALL_STOCK, perCustomerLimit: 0, onShelf: true },
    });
    if (item.status !== 201) throw new Error(`create mall item ${item.status}: ${item.text}`);
    mallItemId = json(item).id;
    // one at a time: parallel adjustments of different customers deadlock on the ledger's gap locks past withTx's 3 tries (500s)
    for (let i = 0; i < CUSTOMERS; i++) {
      const r = await apiPool.request('POST', `/api/admin/customers/${customers[i].id}/points-adjustments`, { headers: staff, body: { points: POINTS_GRANT, reason: '压测积分' } });
      if (r.status !== 201) throw new Error(`points adjustment ${r.status}: ${r.text}`);
    }
    console.log(
      `points mall item ${mallItemId} (SKU ${mallSkuId}, ${MALL_COST} points, stock ${MALL_STOCK}, no limit per customer); ${POINTS_GRANT} points to each of ${CUSTOMERS} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  // check-in: once per customer and store day, so every check-in is a customer's first; they come from a pool of new customers
  const checkInPool = [];
  const growCheckInPool = async (size) => {
    const t0 = performance.now();
    const from = checkInPool.length;
    await inBatches(from, size, async (n) => {
      const login = await apiPool.request('POST', '/api/auth/wechat-login', { body: { code: `test:bench_checkin_${n}` } });
      if (login.status !== 200) throw new Error(`wechat-login ${login.status}: ${login.text}`);
      checkInPool[n] = { authorization: `Bearer ${json(login).token}` };
    });
    console.log(`  ${size - from} new customers for check-in (${size} in all) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  // ---- workloads
  const get = (path, headers) => async () => {
    const r = await apiPool.request('GET', path, headers ? { headers } : undefined);
    return { ok: r.status === 200, error: r.status !== 200 && `${r.status} ${r.text}`, steps: [] };
  };
  const paidSample = [];

  /** One full checkout; `withLogin` starts with wechat-login as a returning customer. */
  const checkout = (withLogin) => async (client, i) => {
    const c = customers[(client + i * CONNECTIONS) % CUSTOMERS];
    const steps = [];
    const fail = (what, r) => ({ ok: false, error: `${what}: ${r.status} ${r.text}`, steps });
    let auth = c.auth;
    if (withLogin) {
      const login = await apiPool.request('POST', '/api/auth/wechat-login', { body: { code: c.code } });
      steps.push(['wechat-login', login.ms, login.status === 200]);
      if (login.status !== 200) return fail('wechat-login', login);
      auth = { authorization: `Bearer ${json(login).token}` };
    }
    const placed = await apiPool.request('POST', '/api/orders', { headers: auth, body: { items: [{ skuId, qty: 1 }], addressId: c.addressId } });
    steps.push(['POST /orders', placed.ms, placed.status === 201]);
    if (placed.status !== 201) return fail('place', placed);
    const orderId = json(placed).id;
    const pay = await apiPool.request('POST', `/api/orders/${orderId}/pay`, { headers: auth });
    steps.push(['POST /orders/:id/pay', pay.ms, pay.status === 200]);
    if (pay.status !== 200) return fail('pay', pay);
    const prepayId = String(json(pay).params.package).replace(/^prepay_id=/, '');
    const sim = await simPool.request('POST', '/_sim/pay', { body: { prepayId } });
    const delivered = json(sim)?.delivered?.[0];
    const ok = sim.status === 200 && delivered?.status === 200;
    steps.push(['sim pay → notify', sim.ms, ok]);
    if (!ok) return fail('sim pay', sim);
    if (paidSample.length < 500 && Math.random() < 0.05) paidSample.push({ orderId, auth });
    return { ok: true, steps };
  };

  const checkoutOnly = checkout(false);

  let checkInNext = 0;
  let checkInsAnswered = 0; // 200s: each wrote one check-in row
  const checkInRun = async () => {
    const n = checkInNext++;
    if (n >= checkInPool.length) return { ok: false, error: `the check-in pool ran out (${checkInPool.length} customers)`, steps: [] };
    const r = await apiPool.request('POST', '/api/points/check-in', { headers: checkInPool[n] });
    if (r.status === 200) checkInsAnswered++;
    const body = r.status === 200 ? json(r) : undefined;
    // a customer's first check-in: day 1 of a streak, the day's points, a balance holding them
    const ok = body?.streak === 1 && body.pointsAwarded > 0 && body.balance >= body.pointsAwarded;
    return { ok, error: !ok && `${r.status} ${r.text}`, steps: [] };
  };

  let redeemSeq = 0;
  let redemptionsAnswered = 0; // 200s with a new order
  const redeemed = []; // a few { key, customer, body: { itemId, qty, addressId }, orderId } to replay afterwards
  const redeemRun = async (client, i) => {
    const c = customers[(client + i * CONNECTIONS) % CUSTOMERS];
    const key = `bench-redeem-${++redeemSeq}`;
    const body = { itemId: mallItemId, qty: 1, addressId: c.addressId };
    const r = await apiPool.request('POST', '/api/points-mall/redeem', { headers: { ...c.auth, 'idempotency-key': key }, body });
    const answer = r.status === 200 ? json(r) : undefined;
    if (answer?.orderId) {
      redemptionsAnswered++;
      if (redeemed.length < 20 && Math.random() < 0.01) redeemed.push({ key, customer: c, body, orderId: answer.orderId });
    }
    const ok = answer?.status === 'PAID' && answer.pointsUsed === MALL_COST && answer.payableCents === 0;
    return { ok, error: !ok && `${r.status} ${r.text}`, steps: [] };
  };
  const workloads = [
    { key: 'health', name: 'GET /api/health (floor: framework + SELECT 1)', unit: 'req/s', run: get('/api/health') },
    { key: 'list', name: 'GET /api/products?page=1&pageSize=20', unit: 'req/s', run: get('/api/products?page=1&pageSize=20') },
    {
      // priced for a signed-in customer (their standing is read on each request)
      key: 'list-customer',
      name: 'GET /api/products?page=1&pageSize=20 signed in',
      unit: 'req/s',
      run: (client, i) => get('/api/products?page=1&pageSize=20', customers[(client + i * CONNECTIONS) % CUSTOMERS].auth)(),
    },
    {
      key: 'detail',
      name: `GET /api/products/:id (${productIds.length} ids)`,
      unit: 'req/s',
      run: (client, i) => get(`/api/products/${productIds[(client * 7 + i) % productIds.length]}`)(),
    },
    { key: 'checkout', name: 'checkout: order → pay → sim notify', unit: 'checkouts/s', run: checkoutOnly },
    { key: 'checkout-login', name: 'checkout incl. wechat-login', unit: 'checkouts/s', run: checkout(true) },
    {
      key: 'sale',
      name: 'flash sale: half the clients check out the SKU, half view its product page',
      unit: 'ops/s',
      run: async (client, i) => {
        if (client % 2 === 0) return checkoutOnly(client, i);
        const r = await apiPool.request('GET', `/api/products/${saleProductId}`);
        const ok = r.status === 200;
        return { ok, error: !ok && `${r.status} ${r.text}`, steps: [['product page', r.ms, ok]] };
      },
    },
    {
      key: 'check-in',
      name: 'POST /api/points/check-in (each a new customer\'s first)',
      unit: 'check-ins/s',
      run: checkInRun,
      before: () => growCheckInPool(CHECKIN_POOL),
      // the warm-up's pace decides how many more customers the measured seconds need (twice that, to spare)
      afterWarmup: (warm) => growCheckInPool(Math.max(checkInPool.length, checkInNext + Math.ceil(2 * (warm.ops / warm.elapsed) * SECONDS) + 500)),
    },
    { key: 'redeem', name: `POST /api/points-mall/redeem (points only, Idempotency-Key; ${CUSTOMERS} customers)`, unit: 'redemptions/s', run: redeemRun },
  ].filter((w) => wanted(w.key));

  const results = [];
  for (const w of workloads) {
    await waitForQuiet(w.key);
    await w.before?.();
    freshPools();
    const warm = WARMUP > 0 ? await closedLoop(WARMUP, CONNECTIONS, w.run) : { ops: 0, elapsed: 1 };
    if (w.afterWarmup) {
      await w.afterWarmup(warm);
      freshPools();
    }
    const c0 = await sqlCounters(counterPort);
    const locks0 = await rowLockWaits(db);
    const cpu0 = cpuSnapshot(pids);
    const stats = await closedLoop(SECONDS, CONNECTIONS, w.run);
    const cpu1 = cpuSnapshot(pids);
    const c1 = await sqlCounters(counterPort);
    const locks1 = await rowLockWaits(db);
    const delta = sqlDelta(c0, c1);
    const done = stats.ops + stats.errors;
    const res = {
      key: w.key,
      workload: w.name,
      unit: w.unit,
      ops: stats.ops,
      errors: stats.errors,
      seconds: stats.elapsed,
      rate: stats.ops / stats.elapsed,
      ...summarize(stats.lat),
      cpu: cpuPercent(cpu0, cpu1, pids),
      lockWaitMsPerOp: (locks1 - locks0) / Math.max(1, stats.ops + stats.errors),
      serverCpuMsPerOp: NaN,
      sqlPerOp: delta && done ? delta.total / done : NaN,
      dbTripsPerOp: delta && done ? delta.trips / done : NaN,
      sqlTop: delta ? delta.statements.slice(0, 40).map(([sql, n]) => ({ perOp: n / done, sql })) : [],
      steps: [...stats.steps].map(([name, st]) => ({ name, n: st.lat.length, errors: st.errors, ...summarize(st.lat) })),
      errorSamples: [...stats.errorSamples].slice(0, 5),
    };
    res.serverCpuMsPerOp = (res.cpu.server * 10) / (done / stats.elapsed);
    results.push(res);
    const cpu = res.cpu;
    console.log(
      `${w.key.padEnd(15)} ${res.rate.toFixed(1).padStart(8)} ${w.unit.padEnd(11)} p50 ${res.p50.toFixed(1)} ms  p99 ${res.p99.toFixed(1)} ms  errors ${res.errors}` +
        `  sql/op ${res.sqlPerOp.toFixed(1)} in ${res.dbTripsPerOp.toFixed(1)} trips  row-lock wait ${res.lockWaitMsPerOp.toFixed(1)} ms/op  server cpu ${res.serverCpuMsPerOp.toFixed(2)} ms/op  cpu server ${cpu.server.toFixed(0)}% sim ${cpu.simulator.toFixed(0)}% db ${cpu.mariadb.toFixed(0)}% client ${cpu.client.toFixed(0)}% other ${(cpu.other ?? NaN).toFixed(0)}%`,
    );
    for (const [msg, n] of res.errorSamples) console.log(`    ${n}× ${msg}`);
  }

  // ---- verification: sampled orders really are paid; stock adds up
  let verified = null;
  if (paidSample.length) {
    const sample = paidSample.slice(0, 50);
    let paid = 0;
    const bad = [];
    for (const { orderId, auth } of sample) {
      const r = await apiPool.request('GET', `/api/orders/${orderId}`, { headers: auth });
      if (r.status === 200 && json(r).status === 'PAID') paid++;
      else bad.push(`${orderId}: ${r.status} ${json(r)?.status ?? r.text.slice(0, 80)}`);
    }
    const [[{ sold }]] = await db.query('SELECT COALESCE(SUM(qty),0) AS sold FROM order_line WHERE skuId = ?', [skuId]);
    const [[{ stock }]] = await db.query('SELECT stock FROM sku WHERE id = ?', [skuId]);
    const [byStatus] = await db.query('SELECT status, COUNT(*) AS n FROM shop_order GROUP BY status ORDER BY status');
    verified = {
      sampled: sample.length,
      paid,
      bad: bad.slice(0, 5),
      stockConsistent: Number(stock) === STOCK - Number(sold),
      orders: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    };
    console.log(
      `verified: ${paid}/${sample.length} sampled orders PAID via GET /api/orders/:id; stock ${stock} = ${STOCK} − ${sold} sold: ${verified.stockConsistent}; orders by status ${JSON.stringify(verified.orders)}`,
    );
    for (const b of verified.bad) console.log(`    not paid: ${b}`);
  }

  // ---- verification of the points workloads: exact counts, and every balance is the sum of its ledger
  const checks = [];
  const check = (what, ok) => {
    checks.push({ what, ok });
    console.log(`verified: ${what}: ${ok}`);
  };
  const count = async (query, params = []) => Number((await db.query(query, params))[0][0].n);
  if (results.some((r) => r.key === 'check-in')) {
    const rows = await count('SELECT COUNT(*) AS n FROM check_in');
    const customersIn = await count('SELECT COUNT(DISTINCT customerId) AS n FROM check_in');
    const ledger = await count("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'CHECK_IN'");
    check(`check-in: ${checkInsAnswered} answered 200 = ${rows} check-in rows = ${customersIn} customers = ${ledger} CHECK_IN ledger rows`, rows === checkInsAnswered && customersIn === rows && ledger === rows);
    // a second check-in the same day is refused and writes nothing
    const again = await apiPool.request('POST', '/api/points/check-in', { headers: checkInPool[0] });
    const refused = again.status === 409 && json(again)?.error?.code === 'ALREADY_CHECKED_IN';
    check(`check-in: the first customer again → ${again.status} ${json(again)?.error?.code ?? ''}, still ${rows} rows`, refused && (await count('SELECT COUNT(*) AS n FROM check_in')) === rows);
  }
  if (results.some((r) => r.key === 'redeem')) {
    const redemptions = await count('SELECT COUNT(*) AS n FROM points_redemption WHERE itemId = ?', [mallItemId]);
    const [[{ stock: mallStock }]] = await db.query('SELECT stock FROM points_mall_item WHERE id = ?', [mallItemId]);
    const [[{ stock: skuStock }]] = await db.query('SELECT stock FROM sku WHERE id = ?', [mallSkuId]);
    const paid = await count("SELECT COUNT(*) AS n FROM shop_order WHERE kind = 'POINTS_REDEMPTION' AND status = 'PAID'");
    const spent = await count("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'SPEND' AND delta = ?", [-MALL_COST]);
    const exact = [redemptions, paid, spent, MALL_STOCK - Number(mallStock), STOCK - Number(skuStock)].every((n) => n === redemptionsAnswered);
    check(
      `redeem: ${redemptionsAnswered} answered with an order = ${redemptions} redemptions = ${paid} PAID orders = ${spent} SPEND rows; mall stock ${mallStock} = ${MALL_STOCK} − ${MALL_STOCK - Number(mallStock)}; SKU stock ${skuStock} = ${STOCK} − ${STOCK - Number(skuStock)}`,
      exact,
    );
    // the same Idempotency-Key again answers the first order and creates nothing
    let replays = 0;
    for (const { key, customer, body, orderId } of redeemed) {
      const r = await apiPool.request('POST', '/api/points-mall/redeem', { headers: { ...customer.auth, 'idempotency-key': key }, body });
      if (r.status === 200 && json(r).orderId === orderId) replays++;
    }
    const after = await count('SELECT COUNT(*) AS n FROM points_redemption WHERE itemId = ?', [mallItemId]);
    check(`redeem: ${replays}/${redeemed.length} replayed Idempotency-Keys answered their first order; still ${after} redemptions`, replays === redeemed.length && after === redemptions);
  }
  if (checks.length) {
    const [mismatched] = await db.query(
      `SELECT a.customerId FROM points_account a LEFT JOIN points_ledger l ON l.customerId = a.customerId
        GROUP BY a.customerId, a.balance HAVING a.balance <> COALESCE(SUM(l.delta), 0)`,
    );
    const accounts = await count('SELECT COUNT(*) AS n FROM points_account');
    check(`every balance = sum(ledger): ${accounts - mismatched.length}/${accounts} accounts`, mismatched.length === 0);
  }
  await db.end();
  apiPool.destroy();
  simPool.destroy();

  // ---- the table
  const yardstick = [yardstickBefore, machineYardstick()];
  const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const lines = [
    '',
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${CONNECTIONS} concurrent clients, ${SECONDS} s after ${WARMUP} s warm-up; database over ${DB_SOCKET ? `Unix socket ${DB_SOCKET}` : 'loopback TCP'}; server, simulator, MariaDB and this client share the machine`,
    `machine yardstick, one core: before ${yardstickText(yardstick[0])}; after ${yardstickText(yardstick[1])}`,
    '',
    '| workload | throughput | p50 ms | p99 ms | errors | SQL stmts (round trips)/op | row-lock wait ms/op | server CPU ms/op | CPU % server / sim / MariaDB / client / other processes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${f(r.rate)} ${r.unit} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} | ${f(r.sqlPerOp)} (${f(r.dbTripsPerOp)}) | ${f(r.lockWaitMsPerOp)} | ${f(r.serverCpuMsPerOp, 2)} | ${f(r.cpu.server, 0)} / ${f(r.cpu.simulator, 0)} / ${f(r.cpu.mariadb, 0)} / ${f(r.cpu.client, 0)} / ${f(r.cpu.other, 0)} |`,
    ),
  ];
  const withSteps = results.filter((r) => r.steps.length);
  if (withSteps.length) {
    lines.push('', '| checkout step | n | p50 ms | p99 ms | errors |', '| --- | --- | --- | --- | --- |');
    for (const r of withSteps) for (const s of r.steps) lines.push(`| ${r.key}: ${s.name} | ${s.n} | ${f(s.p50)} | ${f(s.p99)} | ${s.errors} |`);
  }
  if (env.BENCH_SQL_DETAIL !== '0') {
    for (const r of results.filter((x) => (x.key.startsWith('checkout') || x.key === 'check-in' || x.key === 'redeem') && x.sqlTop.length)) {
      lines.push('', `SQL statements per ${r.key} (normalized):`);
      for (const { perOp, sql } of r.sqlTop) lines.push(`  ${perOp.toFixed(2).padStart(6)}  ${sql}`);
    }
  }
  console.log(lines.join('\n'));
  if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify({ at: new Date().toISOString(), yardstick, connections: CONNECTIONS, seconds: SECONDS, results, verified, checks }, null, 2));
  const failed = results.some((r) => r.ops === 0 || r.errors > 0.01 * (r.ops + r.errors)) || (verified && verified.paid !== verified.sampled) || checks.some((c) => !c.ok);
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 1;
});
