import { Db, DB_SERVER, freshDatabase } from '../support/database';
import { RunningServer, startBuiltServer } from '../support/server';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

/**
 * MariaDB unreachable for a few seconds (a TCP proxy between the server and the database, cut and
 * reopened): customer routes answer 503 SERVICE_UNAVAILABLE with Retry-After at once, and the
 * same server process serves again once the database is back.
 */
describe('the database unreachable for a while', () => {
  let db: Db;
  let proxy: TcpProxy;
  let server: RunningServer;

  beforeAll(async () => {
    db = await freshDatabase('mc_outage');
    const target = new URL(DB_SERVER);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 3306) });
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    server = await startBuiltServer({ DATABASE_URL: url.toString(), SEED_DEMO: '1' });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db?.drop();
  });

  const get = async (path: string, token: string) => {
    const started = Date.now();
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json(), ms: Date.now() - started };
  };

  it('answers 503 with Retry-After while it is cut, and recovers without a restart', async () => {
    const login = await fetch(`${server.baseUrl}/api/auth/wechat-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'test:outage' }),
    });
    const { token } = await login.json();
    expect((await get('/api/me', token)).status).toBe(200);

    await proxy.cut();
    const unavailable = { status: 503, retryAfter: expect.stringMatching(/^\d+$/), body: { error: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) }) } };
    for (const path of ['/api/me', '/api/orders', '/api/addresses', '/api/me']) {
      const res = await get(path, token);
      expect({ path, ...res }).toEqual({ path, ...unavailable, ms: expect.any(Number) });
      expect(res.ms).toBeLessThan(3000);
    }
    await new Promise((r) => setTimeout(r, 2000));
    expect(await get('/api/cart', token)).toMatchObject(unavailable);

    await proxy.reopen();
    let back = await get('/api/me', token);
    for (const deadline = Date.now() + 15_000; back.status !== 200 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      back = await get('/api/me', token);
    }
    expect(back.status).toBe(200);
    expect((await get('/api/orders', token)).status).toBe(200);
  }, 60_000);
});
