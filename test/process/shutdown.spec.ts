import { Db, freshDatabase } from '../support/database';
import { childPids, isRunning } from '../support/processes';
import { RunningServer, startBuiltServer } from '../support/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM in the middle of concurrent checkouts, with the server's stdout a pipe its parent never
 * reads (LOG_LEVEL=info fills it with access lines): the server and its WeChat simulator are gone
 * within 10 s, and every order in the database is whole.
 */
describe('SIGTERM during checkouts while nobody reads stdout', () => {
  let db: Db;
  let server: RunningServer;
  let simPid = 0;

  beforeAll(async () => {
    db = await freshDatabase('mc_shutdown');
    server = await startBuiltServer({ DATABASE_URL: db.url, SEED_DEMO: '1', DEV_TOOLS: '0', LOG_LEVEL: 'info' }, { readStdout: false });
    [simPid] = childPids(server.pid);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    if (simPid && isRunning(simPid)) process.kill(simPid, 'SIGKILL');
    await db?.drop();
  });

  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(5_000),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };

  it('exits within 10 s with its simulator, leaving no order half-written', async () => {
    expect(simPid).toBeGreaterThan(0);
    const skuIds = (await db.query<{ id: number }>('SELECT id FROM sku WHERE active = 1 ORDER BY id LIMIT 3')).map((r) => r.id);
    await db.query('UPDATE sku SET stock = 100000 WHERE id IN (?)', [skuIds]);
    const stockBefore = new Map((await db.query<{ id: number; stock: number }>('SELECT id, stock FROM sku')).map((r) => [r.id, r.stock]));

    // about 300 kB of access lines: more than the pipe (64 kB) and what the reading end buffers
    for (let round = 0; round < 150; round++) await Promise.all(Array.from({ length: 10 }, () => api('/api/products?pageSize=1')));

    const acknowledged = new Set<number>();
    let stopping = false;
    const customer = async (n: number) => {
      try {
        for (let i = 0; !stopping; i++) {
          const login = await api('/api/auth/wechat-login', { method: 'POST', body: { code: `test:shutdown_${n}_${i}` } });
          if (login.status !== 200) return;
          const token = login.body.token as string;
          const address = await api('/api/addresses', {
            method: 'POST',
            token,
            body: { name: '张三', phone: '13800000000', province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路 ${n} 号` },
          });
          if (address.status !== 201) return;
          const items = [{ skuId: skuIds[i % skuIds.length], qty: 1 + (n % 2) }, { skuId: skuIds[(i + 1) % skuIds.length], qty: 1 }];
          const placed = await api('/api/orders', { method: 'POST', token, body: { items, addressId: address.body.id } });
          if (placed.status !== 201) return;
          acknowledged.add(placed.body.id);
        }
      } catch {
        // refused or reset: the server stopped listening
      }
    };
    const customers = Array.from({ length: 8 }, (_, n) => customer(n));
    for (const until = Date.now() + 20_000; acknowledged.size < 16 && Date.now() < until; ) await sleep(20);
    expect(acknowledged.size).toBeGreaterThanOrEqual(16);

    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    const exited = await Promise.race([server.exited.then(() => true), sleep(10_000).then(() => false)]);
    while (isRunning(simPid) && Date.now() - signalled < 10_000) await sleep(50);
    const elapsed = Date.now() - signalled;
    stopping = true;
    if (!exited) console.log(`no exit ${elapsed} ms after SIGTERM; its stderr:\n${server.output().slice(-2000)}`);
    await Promise.all(customers);
    expect({ exited, simulatorRunning: isRunning(simPid) }).toEqual({ exited: true, simulatorRunning: false });
    expect(elapsed).toBeLessThan(10_000);

    const orders = (await db.query<{ id: number }>('SELECT id FROM shop_order')).map((r) => r.id);
    const broken = await db.query(
      `SELECT o.id FROM shop_order o
        WHERE NOT EXISTS (SELECT 1 FROM order_line l WHERE l.orderId = o.id)
           OR NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h.orderId = o.id AND h.toStatus = 'PENDING_PAYMENT')`,
    );
    expect(broken).toEqual([]);
    // every acknowledged order was written, and every order written was answered (requests in flight finished)
    expect(orders.sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
    const stockNow = await db.query<{ id: number; stock: number; sold: string | null }>(
      'SELECT s.id, s.stock, (SELECT SUM(l.qty) FROM order_line l WHERE l.skuId = s.id) AS sold FROM sku s',
    );
    for (const { id, stock, sold } of stockNow) expect({ id, total: stock + Number(sold ?? 0) }).toEqual({ id, total: stockBefore.get(id) });
  }, 120_000);
});
