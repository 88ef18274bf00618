import { randomBytes } from 'node:crypto';
import { Db, freshDatabase } from '../support/database';
import { RunningServer, startBuiltServer } from '../support/server';

/**
 * SEED_DEMO=1 in production (a demo catalogue on a real store, say) must not bring the demo
 * staff's published password with it: the owner `admin` gets ADMIN_PASSWORD on first start.
 */
describe('production start with SEED_DEMO=1 and ADMIN_PASSWORD', () => {
  const adminPassword = randomBytes(12).toString('hex');
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = await freshDatabase('mc_prodseed');
    server = await startBuiltServer({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DEV_TOOLS: '0',
      SEED_DEMO: '1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const login = (username: string, password: string) =>
    fetch(`${server.baseUrl}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.status);

  it('leaves no account with a known password', async () => {
    // the demo store itself is there
    expect((await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM category'))[0].n).toBeGreaterThan(0);
    expect(await login('admin', 'admin123')).toBe(401);
    expect(await login('admin', adminPassword)).toBe(200);
    for (const username of ['operator', 'finance']) expect(await login(username, 'admin123')).toBe(401);
    expect(await db.query('SELECT username, role FROM staff_user')).toEqual([{ username: 'admin', role: 'owner' }]);
  });
});
