// Preloaded into the server by report-volume.mjs (`node --require …/sql-capture.cjs server/dist/main.js`):
// keeps the SELECT statements the server sends to MariaDB through mysql2, with their values, and hands
// them over (and forgets them) on GET http://127.0.0.1:$BENCH_SQL_CAPTURE_PORT/take, so the bench can
// EXPLAIN exactly what a report ran.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.BENCH_SQL_CAPTURE_PORT || 0);
const serverDir = process.env.BENCH_SQL_CAPTURE_FROM || path.resolve(__dirname, '..', '..', 'server');
delete process.env.BENCH_SQL_CAPTURE_PORT; // not for the forked WeChat simulator
if (port) {
  let captured = [];
  try {
    // mysql2's package "exports" hide lib/; load the very file mysql2 itself uses, by its real path
    const pkgDir = fs.realpathSync(path.join(serverDir, 'node_modules', 'mysql2'));
    const base = require(path.join(pkgDir, 'lib', 'base', 'connection.js'));
    const Conn = base.BaseConnection || base;
    for (const method of ['query', 'execute']) {
      const original = Conn.prototype[method];
      if (typeof original !== 'function') continue;
      Conn.prototype[method] = function capturing(sql, ...rest) {
        const text = typeof sql === 'object' && sql !== null ? sql.sql : sql;
        const values = typeof sql === 'object' && sql !== null && sql.values ? sql.values : Array.isArray(rest[0]) ? rest[0] : [];
        if (/^\s*(\(\s*)?SELECT/i.test(String(text)) && captured.length < 1000) captured.push({ sql: String(text), values });
        return original.call(this, sql, ...rest);
      };
    }
  } catch (e) {
    process.stderr.write(`[sql-capture] could not patch mysql2: ${e.message}\n`);
  }
  const srv = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(captured));
    captured = [];
  });
  srv.on('error', (e) => process.stderr.write(`[sql-capture] ${e.message}\n`));
  srv.listen(port, '127.0.0.1');
  srv.unref();
}
