#!/usr/bin/env node
// How long the admin reports take on a store with a lot of history (docs/performance.md, "Reports at volume").
//
//   pnpm build && node test/bench/report-volume.mjs [--orders 100000] [--customers 20000] [--days 120]
//        [--runs 7] [--routes overview,member-days,…] [--no-explain] [--after-fill "CREATE INDEX …; …"]
//
// 1. creates a throwaway MariaDB database (BENCH_DB, default mc_report_volume, on BENCH_DB_URL, default
//    mysql://root@127.0.0.1:3306) and runs the built server's migrations on it;
// 2. starts the built server on it (production mode, demo catalogue: SEED_DEMO=1, no jobs) and fills the
//    history through the demo's own generator (server/dist/modules/seed/history.js), printing how long it took;
//    --after-fill runs SQL on the filled database before timing (to try an index, say);
// 3. logs in as staff and times each route: one warm-up request, then the median (min, max) of --runs;
//    a route answering 404 (not on this branch) is skipped with a line;
// 4. prints EXPLAIN for the SELECTs each route sent (captured inside the server by sql-capture.cjs), each with
//    its median time when sent alone (3 runs);
// 5. stops the server and drops the database (BENCH_KEEP_DB=1 keeps it; `--reuse` then times it again
//    without filling: steps 1 and 2's fill are skipped).
//
// A route is a report name (`overview` → GET /api/admin/reports/overview) or a path starting with `/`;
// a query string may follow either. The default list is every report route of the dashboard, the segments and the
// liability at the ranges the dashboard asks for by default (7 and 30 days), and the admin's customer list.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SERVER = join(ROOT, 'server');
const requireServer = createRequire(join(SERVER, 'package.json'));

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const ORDERS = Number(arg('orders', 100_000));
const CUSTOMERS = Number(arg('customers', 20_000));
const DAYS = Number(arg('days', 120));
const RUNS = Number(arg('runs', 7));
const EXPLAIN = !args.includes('--no-explain');
const REUSE = args.includes('--reuse');
const today = new Date();
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(today);
const dayAgo = (n) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(today.getTime() - n * 86_400_000));
const DEFAULT_ROUTES = [
  'overview',
  `overview?from=${dayAgo(29)}&to=${dayAgo(0)}`,
  `overview?from=${dayAgo(89)}&to=${dayAgo(0)}`,
  'member-days',
  'membership',
  'members',
  `members?from=${dayAgo(29)}&to=${dayAgo(0)}`,
  'cohorts?months=12',
  'points',
  `points?from=${dayAgo(29)}&to=${dayAgo(0)}`,
  'distribution',
  `distribution?from=${dayAgo(29)}&to=${dayAgo(0)}`,
  'segments',
  '/api/admin/points/liability',
  `distributors?month=${month}`,
  '/api/admin/customers?page=1&pageSize=20',
  '/api/admin/customers?page=1&pageSize=20&q=王',
];
const ROUTES = arg('routes', '') ? arg('routes', '').split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_ROUTES;
const pathOf = (route) => (route.startsWith('/') ? route : `/api/admin/reports/${route}`);

const DB_SERVER = (process.env.BENCH_DB_URL || 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const DB_NAME = process.env.BENCH_DB || 'mc_report_volume';
const DB_URL = `${DB_SERVER}/${DB_NAME}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const mainJs = join(SERVER, 'dist', 'main.js');
  if (!existsSync(mainJs)) throw new Error(`${mainJs} not found: run \`pnpm build\` first`);
  const mysql = requireServer('mysql2/promise');
  const { DataSource } = requireServer('typeorm');
  const { buildDataSourceOptions } = requireServer(join(SERVER, 'dist', 'database', 'db-options.js'));
  const { seedHistory } = requireServer(join(SERVER, 'dist', 'modules', 'seed', 'history.js'));

  const u = new URL(DB_SERVER);
  const admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  const [[{ version }]] = await admin.query('SELECT VERSION() AS version');
  console.log(`MariaDB ${version}; ${ORDERS} orders, ${CUSTOMERS} customers over ${DAYS} days; median of ${RUNS} runs after a warm-up`);
  if (!REUSE) {
    await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }

  let child = null;
  let ds = null;
  let log = '';
  try {
    let t0 = Date.now();
    ds = new DataSource(buildDataSourceOptions(DB_URL, ''));
    await ds.initialize();
    if (!REUSE) {
      await ds.runMigrations();
      console.log(`migrations: ${Date.now() - t0} ms`);
    }

    const port = await freePort();
    const capturePort = await freePort();
    // a throwaway database on loopback: a fixed password lets --reuse log in again
    const password = 'report-volume-bench';
    child = spawn(process.execPath, ['--require', join(HERE, 'sql-capture.cjs'), mainJs], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: DB_URL,
        MIGRATIONS_RUN: '0',
        SEED_DEMO: '1',
        SEED_HISTORY: '0',
        PORT: String(port),
        HOST: '127.0.0.1',
        WECHAT_SIM: '1',
        WECHAT_SIM_PORT: String(await freePort()),
        WECHAT_SIM_QUIET: '1',
        BENCH_SQL_CAPTURE_PORT: String(capturePort),
        BENCH_SQL_CAPTURE_FROM: SERVER,
        JOBS: '0',
        WEB_CONCURRENCY: '1',
        LOG_LEVEL: 'warn',
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_PASSWORD: password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
    child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 120_000; ; ) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`server not healthy:\n${log}`);
      await sleep(300);
    }

    t0 = Date.now();
    const done = REUSE ? null : await seedHistory(ds, { orders: ORDERS, customers: CUSTOMERS, days: DAYS, now: new Date(), seed: 20261205, log: (line) => console.log(`  ${line}`) });
    if (done) console.log(`fill: ${done.customers} customers, ${done.orders} orders, ${done.rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await admin.query(`ANALYZE TABLE \`${DB_NAME}\`.shop_order, \`${DB_NAME}\`.refund, \`${DB_NAME}\`.membership_period, \`${DB_NAME}\`.customer, \`${DB_NAME}\`.commission`);

    for (const statement of arg('after-fill', '').split(';').map((x) => x.trim()).filter(Boolean)) {
      const t1 = Date.now();
      await admin.query(`USE \`${DB_NAME}\``);
      await admin.query(statement);
      console.log(`after fill: ${statement} (${Date.now() - t1} ms)`);
    }
    const login = await fetch(`${base}/api/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    if (!login.ok) throw new Error(`staff login: ${login.status}`);
    const auth = { Authorization: `Bearer ${(await login.json()).token}` };
    const take = () => fetch(`http://127.0.0.1:${capturePort}/take`).then((r) => r.json());
    const get = async (path) => {
      const t = performance.now();
      const res = await fetch(`${base}${encodeURI(path)}`, { headers: auth });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t };
    };

    const results = [];
    for (const route of ROUTES) {
      const path = pathOf(route);
      const warm = await get(path);
      if (warm.status === 404) {
        console.log(`skip ${path}: 404 (not on this branch)`);
        continue;
      }
      if (warm.status !== 200) throw new Error(`${path}: ${warm.status}`);
      await take();
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await get(path)).ms);
      const statements = await take();
      const row = { route: path, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), statements: statements.length / RUNS };
      results.push(row);
      console.log(`${path}: median ${row.medianMs.toFixed(1)} ms (min ${row.minMs.toFixed(1)}, max ${row.maxMs.toFixed(1)}), ${row.statements.toFixed(1)} SELECTs per request`);
      if (!EXPLAIN) continue;
      // one request's statements, without the staff guard's lookup
      const seen = new Set();
      // captured values went through JSON: Date objects came back as ISO strings, which MariaDB compares as text
      const asSql = (v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? v.replace('T', ' ').replace('Z', '') : v);
      for (const s of statements) {
        s.values = s.values.map(asSql);
        const key = s.sql.replace(/\s+/g, ' ');
        if (seen.has(key) || /FROM `staff_user`/.test(s.sql)) continue;
        seen.add(key);
        await admin.query(`USE \`${DB_NAME}\``);
        const [plan] = await admin.query(`EXPLAIN ${s.sql}`, s.values);
        // the statement alone, straight to MariaDB (the server's own overhead and the HTTP round trip left out)
        const alone = [];
        for (let i = 0; i < 3; i++) {
          const t1 = performance.now();
          await admin.query(s.sql, s.values);
          alone.push(performance.now() - t1);
        }
        console.log(`  SQL (${median(alone).toFixed(1)} ms alone) ${key.slice(0, 220)}${key.length > 220 ? '…' : ''}`);
        for (const p of plan.filter((p) => p.table !== null)) console.log(`    ${p.select_type} ${p.table} type=${p.type} key=${p.key ?? '-'} rows=${p.rows} ${p.Extra ?? ''}`);
      }
    }
    console.log('\n| route | median ms | min | max | SELECTs |\n| --- | --- | --- | --- | --- |');
    for (const r of results) console.log(`| \`GET ${r.route}\` | ${r.medianMs.toFixed(1)} | ${r.minMs.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.statements.toFixed(1)} |`);
    const slow = results.filter((r) => r.medianMs > 300);
    if (slow.length) console.log(`over 300 ms: ${slow.map((r) => r.route).join(', ')}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await ds?.destroy().catch(() => {});
    if (!process.env.BENCH_KEEP_DB) await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``).catch(() => {});
    await admin.end().catch(() => {});
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
