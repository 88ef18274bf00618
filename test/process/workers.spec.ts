import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, RunningServer, startBuiltServer } from '../support/server';

// mysql2 comes with the server package; the test package borrows it rather than adding a dependency
const mysql = createRequire(join(ROOT, 'server', 'package.json'))('mysql2/promise');
const DB_SERVER = (process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test').replace(/\/[^/]*$/, '');

function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    });
}

const isApiWorker = (pid: number) => !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(join('sim', 'dist', 'main.js'));

/**
 * The production start with WEB_CONCURRENCY=2 on MariaDB: a supervisor, two API workers sharing
 * the port (the first ran the migrations and the seed), a checkout whose requests land on either
 * worker, and a worker that dies replaced without the service going down.
 */
describe('production start with two API worker processes (WEB_CONCURRENCY=2)', () => {
  const dbName = `mc_workers_${randomBytes(4).toString('hex')}`;
  let server: RunningServer;
  let admin: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> };

  beforeAll(async () => {
    admin = await mysql.createConnection({ uri: DB_SERVER });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    server = await startBuiltServer({
      NODE_ENV: 'production',
      DATABASE_URL: `${DB_SERVER}/${dbName}`,
      WEB_CONCURRENCY: '2',
      DEV_TOOLS: '0',
      SEED_DEMO: '1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  });

  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  it('serves a whole checkout across both workers and replaces a worker that dies', async () => {
    // /api/health answers once the first worker listens; the supervisor prints its banner once
    // both do. Killing the only listening worker while its twin still boots closes the port
    // until the twin listens (on a loaded machine that took over 2 s: ECONNREFUSED)
    for (const deadline = Date.now() + 60_000; !server.output().includes('2 worker processes'); ) {
      if (Date.now() > deadline) throw new Error(`the supervisor never reported both workers listening:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const workers = childPids(server.pid).filter(isApiWorker);
    expect(workers).toHaveLength(2);

    const login = await api('/api/auth/wechat-login', { method: 'POST', body: { code: 'test:workers_spec' } });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const address = await api('/api/addresses', {
      method: 'POST',
      token,
      body: { name: '张三', phone: '13800000000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号', isDefault: true },
    });
    expect(address.status).toBe(201);
    const product = (await api('/api/products?pageSize=1')).body.items[0];
    const sku = (await api(`/api/products/${product.id}`)).body.skus.find((s: { stock: number }) => s.stock > 0);
    const placed = await api('/api/orders', { method: 'POST', token, body: { items: [{ skuId: sku.id, qty: 1 }], addressId: address.body.id } });
    expect(placed.status).toBe(201);
    const pay = await api(`/api/orders/${placed.body.id}/pay`, { method: 'POST', token });
    expect(pay.status).toBe(200);
    const simPay = await fetch(pay.body.simulatorPayUrl.replace(/\/_sim\/pay-page\?.*$/, '/_sim/pay'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prepayId: String(pay.body.params.package).replace(/^prepay_id=/, '') }),
    });
    expect(simPay.status).toBe(200);
    // each request may land on either worker; all of them see the same order
    for (let i = 0; i < 6; i++) expect((await api(`/api/orders/${placed.body.id}`, { token })).body.status).toBe('PAID');

    process.kill(workers[0], 'SIGKILL');
    // the other worker keeps serving (requests on the dead one's kept-alive sockets fail until the
    // client drops them)
    const errors: string[] = [];
    let served = false;
    for (let i = 0; i < 20 && !served; i++) {
      served = await api('/api/health').then(
        (r) => r.status === 200,
        (e: Error) => (errors.push(String((e.cause as Error | undefined)?.message ?? e.message)), false),
      );
      if (!served) await new Promise((r) => setTimeout(r, 100));
    }
    if (!served) console.log(errors, server.output());
    expect({ served, errors }).toEqual({ served: true, errors: expect.any(Array) });
    const deadline = Date.now() + 30_000;
    let replaced: number[] = [];
    while (Date.now() < deadline) {
      replaced = childPids(server.pid).filter(isApiWorker);
      if (replaced.length === 2 && !replaced.includes(workers[0])) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (replaced.length !== 2) console.log(server.output());
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(workers[0]);
    for (let i = 0; i < 4; i++) expect((await api(`/api/orders/${placed.body.id}`, { token })).body.status).toBe('PAID');
  }, 90_000);
});
