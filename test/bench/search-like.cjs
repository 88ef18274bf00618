#!/usr/bin/env node
// How fast the product search's LIKE is on a large catalog, and what MariaDB's own FULLTEXT finds in
// Chinese (docs/shop-prices.md): makes a throwaway database `sp_search_measure` with 20,000 products
// and 40 categories, runs the search's statement (page + count) 15 times per word, drops it.
//   node test/bench/search-like.cjs        (BENCH_DB_URL=mysql://root@127.0.0.1:3306 by default)
const { join } = require('node:path');
const { createRequire } = require('node:module');
const mysql = createRequire(join(__dirname, '..', '..', 'server', 'package.json'))('mysql2/promise');
(async () => {
  const u = new URL(process.env.BENCH_DB_URL || 'mysql://root@127.0.0.1:3306');
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), multipleStatements: true });
  const [[v]] = await c.query('SELECT VERSION() v');
  console.log('server', v.v);
  await c.query('DROP DATABASE IF EXISTS sp_search_measure; CREATE DATABASE sp_search_measure CHARACTER SET utf8mb4; USE sp_search_measure');
  await c.query("CREATE TABLE category (id int PRIMARY KEY, parentId int NULL, name varchar(40) NOT NULL)");
  await c.query("CREATE TABLE product (id int PRIMARY KEY AUTO_INCREMENT, categoryId int NOT NULL, title varchar(120) NOT NULL, subtitle varchar(200) NOT NULL, keywords varchar(200) NOT NULL DEFAULT '', onShelf tinyint NOT NULL, sort int NOT NULL) ENGINE=InnoDB");
  try { await c.query('ALTER TABLE product ADD FULLTEXT INDEX ft (title, subtitle, keywords) WITH PARSER ngram'); console.log('ngram parser: accepted'); }
  catch (e) { console.log('ngram parser:', e.message); }
  await c.query('ALTER TABLE product ADD FULLTEXT INDEX ft_plain (title, subtitle, keywords)');
  const words = '龙井 碧螺春 毛峰 红茶 绿茶 坚果 碧根果 夏威夷果 蛋黄酥 吐司 精华 面霜 洗发水 沐浴露 T恤 衬衫 帆布包 保温杯 台灯 耳机'.split(' ');
  const cats = [];
  for (let i = 1; i <= 40; i++) cats.push([i, i <= 8 ? null : ((i % 8) + 1), `${words[i % words.length]}类${i}`]);
  await c.query('INSERT INTO category VALUES ?', [cats]);
  const N = 20000, rows = [];
  for (let i = 0; i < N; i++) rows.push([9 + (i % 32), `${words[i % 20]} 商品${i} ${words[(i * 7) % 20]}`, `副标题 ${words[(i * 3) % 20]} 好物 ${i}`, i % 5 ? '' : `关键词${i % 97}`, 1, i]);
  for (let i = 0; i < N; i += 2000) await c.query('INSERT INTO product (categoryId, title, subtitle, keywords, onShelf, sort) VALUES ?', [rows.slice(i, i + 2000)]);
  const [[ft]] = await c.query("SELECT COUNT(*) n FROM product WHERE MATCH(title, subtitle, keywords) AGAINST ('茶' IN BOOLEAN MODE)");
  const [[ft2]] = await c.query("SELECT COUNT(*) n FROM product WHERE MATCH(title, subtitle, keywords) AGAINST ('坚果' IN BOOLEAN MODE)");
  const [[like]] = await c.query("SELECT COUNT(*) n FROM product WHERE title LIKE '%坚果%' OR subtitle LIKE '%坚果%'");
  console.log(`built-in FULLTEXT (no ngram): '茶' ${ft.n} rows, '坚果' ${ft2.n} rows; LIKE '坚果' ${like.n} rows`);
  const q = (t) => `SELECT p.id, p.title FROM product p WHERE p.onShelf = 1 AND (p.title LIKE ? ESCAPE '!' OR p.subtitle LIKE ? ESCAPE '!' OR p.keywords LIKE ? ESCAPE '!' OR p.categoryId IN (SELECT c.id FROM category c LEFT JOIN category r ON r.id = c.parentId WHERE c.name LIKE ? ESCAPE '!' OR r.name LIKE ? ESCAPE '!')) ORDER BY CASE WHEN p.title LIKE ? ESCAPE '!' THEN 0 ELSE 1 END, p.sort DESC, p.id DESC LIMIT 20`;
  const qc = (t) => `SELECT COUNT(*) n FROM product p WHERE p.onShelf = 1 AND (p.title LIKE ? ESCAPE '!' OR p.subtitle LIKE ? ESCAPE '!' OR p.keywords LIKE ? ESCAPE '!' OR p.categoryId IN (SELECT c.id FROM category c LEFT JOIN category r ON r.id = c.parentId WHERE c.name LIKE ? ESCAPE '!' OR r.name LIKE ? ESCAPE '!'))`;
  for (const term of ['茶', '坚果', '关键词42', '没有的词']) {
    const kw = `%${term}%`;
    const times = [];
    for (let r = 0; r < 15; r++) { const t0 = performance.now(); await c.query(q(), [kw, kw, kw, kw, kw, kw]); await c.query(qc(), [kw, kw, kw, kw, kw]); times.push(performance.now() - t0); }
    times.sort((a, b) => a - b);
    const [[n]] = await c.query(qc(), [kw, kw, kw, kw, kw]);
    console.log(`LIKE search '${term}' over ${N} products: ${n.n} matches, page + count median ${times[7].toFixed(1)} ms, max ${times[14].toFixed(1)} ms`);
  }
  await c.query('DROP DATABASE sp_search_measure');
  await c.end();
})().catch((e) => { console.error(e); process.exit(1); });
