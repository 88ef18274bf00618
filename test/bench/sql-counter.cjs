// Preloaded into the benchmarked server (`node --require …/sql-counter.cjs server/dist/main.js`):
// counts the SQL statements the server sends to MariaDB through mysql2, by normalized statement, and the round trips,
// and serves the tallies as JSON on 127.0.0.1:$BENCH_SQL_COUNTER_PORT. Counting only this
// process's statements keeps the numbers clean when other programs use the same MariaDB.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const cluster = require('node:cluster');

const basePort = Number(process.env.BENCH_SQL_COUNTER_PORT || 0);
const serverDir = process.env.BENCH_SQL_COUNTER_FROM || path.resolve(__dirname, '..', '..', 'server');
// WEB_CONCURRENCY > 1: the primary sends no SQL and passes the port on to its API workers, which
// count on basePort + worker id − 1; the forked WeChat simulator (it inherits --require) never counts
const supervisor = cluster.isPrimary && Number(process.env.WEB_CONCURRENCY || 1) > 1;
const port = supervisor ? 0 : basePort && basePort + (cluster.isWorker ? cluster.worker.id - 1 : 0);
if (!supervisor) delete process.env.BENCH_SQL_COUNTER_PORT;
if (port) {
  const counts = new Map();
  let total = 0;
  const normalize = (sql) =>
    String(sql)
      .replace(/\s+/g, ' ')
      .replace(/'(?:[^'\\]|\\.)*'/g, '?')
      .replace(/\b\d+\b/g, '?')
      .replace(/\((?:\?, ?)+\?\)/g, '(?…)')
      .slice(0, 160);
  // the same statement text comes again and again: normalize it once (bounded, so literals cannot grow it forever)
  const normalized = new Map();
  let trips = 0;
  // one call is one round trip; the server batches a transaction's statements into one text query
  // joined by ";\n" (server/src/database/sql.ts, Outbox), counted here statement by statement
  const count = (sql) => {
    trips++;
    const text = typeof sql === 'object' && sql !== null ? sql.sql : sql;
    for (const one of String(text).split(';\n')) {
      total++;
      let key = normalized.get(one);
      if (key === undefined) {
        key = normalize(one);
        if (normalized.size < 5_000) normalized.set(one, key);
      }
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  };
  try {
    // mysql2's package "exports" hide lib/; load the very file mysql2 itself uses, by its real path
    const pkgDir = fs.realpathSync(path.join(serverDir, 'node_modules', 'mysql2'));
    const base = require(path.join(pkgDir, 'lib', 'base', 'connection.js'));
    const Conn = base.BaseConnection || base;
    for (const method of ['query', 'execute']) {
      const original = Conn.prototype[method];
      if (typeof original !== 'function') continue;
      Conn.prototype[method] = function counted(sql, ...rest) {
        count(sql);
        return original.call(this, sql, ...rest);
      };
    }
  } catch (e) {
    process.stderr.write(`[sql-counter] could not patch mysql2: ${e.message}\n`);
  }
  const srv = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ total, trips, statements: Object.fromEntries(counts) }));
  });
  srv.on('error', (e) => process.stderr.write(`[sql-counter] ${e.message}\n`));
  srv.listen(port, '127.0.0.1');
  srv.unref();
}
