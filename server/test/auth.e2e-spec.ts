import { ADMIN_PASSWORD, createTestApp, TestApp } from './support/test-app';
import { Customer } from '../src/modules/customer/entities/customer.entity';

describe('auth: WeChat login, staff login, guards and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('logs a customer in through code2Session and creates them once', async () => {
    const first = await t.http().post('/api/auth/wechat-login').send({ code: 'test:alice' }).expect(200);
    expect(first.body.token).toEqual(expect.any(String));
    expect(first.body.user).toMatchObject({ id: expect.any(Number), isMember: false, pointsBalance: 0 });
    const again = await t.http().post('/api/auth/wechat-login').send({ code: 'test:alice' }).expect(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${again.body.token}`).expect(200);
    expect(me.body).toMatchObject({ id: first.body.user.id, isMember: false, memberUntil: null, growth: 0, pointsBalance: 0 });
  });

  it('records each login of a returning customer, and answers with the standing as of that login', async () => {
    const first = await t.http().post('/api/auth/wechat-login').send({ code: 'test:returning' }).expect(200);
    const long = new Date('2026-01-02T03:04:05.000Z');
    await t.ds.getRepository(Customer).update({ id: first.body.user.id }, { lastLoginAt: long });
    await t.ds.query('INSERT INTO points_account (customerId, balance, updatedAt) VALUES (?, 7, NOW(3))', [first.body.user.id]);
    const again = await t.http().post('/api/auth/wechat-login').send({ code: 'test:returning' }).expect(200);
    expect(again.body.user).toMatchObject({ id: first.body.user.id, pointsBalance: 7 });
    const row = await t.ds.getRepository(Customer).findOneByOrFail({ id: first.body.user.id });
    expect(row.lastLoginAt.getTime()).toBeGreaterThan(long.getTime());
    expect(Date.now() - row.lastLoginAt.getTime()).toBeLessThan(60_000);
  });

  it('lets a customer set a nickname and, once, a birthday', async () => {
    const c = await t.customer('profile');
    const res = await t.http().patch('/api/me').set(c.auth).send({ nickname: '小王', birthday: '1995-06-18' }).expect(200);
    expect(res.body).toMatchObject({ nickname: '小王', birthday: '1995-06-18' });
    await t.http().patch('/api/me').set(c.auth).send({ birthday: '1995-13-40' }).expect(400);
    await t.http().patch('/api/me').set(c.auth).send({ birthday: '1996-01-01' }).expect(409);
    const again = await t.http().patch('/api/me').set(c.auth).send({ nickname: '老王' }).expect(200);
    expect(again.body).toMatchObject({ nickname: '老王', birthday: '1995-06-18' });
    await t.http().patch('/api/me').set(c.auth).send({ isMember: true }).expect(400);
  });

  it('keeps the share link ref on first login only', async () => {
    await t.http().post('/api/auth/wechat-login').send({ code: 'test:bob', ref: 'DEMO01' }).expect(200);
    await t.http().post('/api/auth/wechat-login').send({ code: 'test:bob', ref: 'OTHER2' }).expect(200);
    const bob = await t.ds.getRepository(Customer).findOneByOrFail({ openid: 'bob' });
    expect(bob.signupRef).toBe('DEMO01');
    const badRef = await t.http().post('/api/auth/wechat-login').send({ code: 'test:carol', ref: 'bad ref!' }).expect(400);
    expect(badRef.body.error.message).toBe('ref: 须为 1–16 位字母或数字');
  });

  it('creates exactly one customer when the same person logs in 10 times at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http().post('/api/auth/wechat-login').send({ code: 'test:racer' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'racer' })).toBe(1);
  });

  it('rejects an invalid WeChat code with 401', async () => {
    const res = await t.http().post('/api/auth/wechat-login').send({ code: 'garbage' }).expect(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHORIZED', message: '微信登录失败：登录凭证无效或已过期，请重试' });
  });

  it('answers 401 without a token and for a forged one', async () => {
    expect((await t.http().get('/api/me').expect(401)).body.error).toEqual({ code: 'UNAUTHORIZED', message: '请先登录' });
    const forged = await t.http().get('/api/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    expect(forged.body.error).toEqual({ code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' });
    await t.http().get('/api/admin/me').expect(401);
  });

  it('gives a customer token 403 on admin routes and a staff token 403 on customer routes', async () => {
    const c = await t.customer('dave');
    expect((await t.http().get('/api/admin/me').set(c.auth).expect(403)).body.error).toEqual({ code: 'FORBIDDEN', message: '仅限店铺员工使用' });
    await t.http().get('/api/admin/audit-log').set(c.auth).expect(403);
    const s = await t.staff();
    expect((await t.http().get('/api/me').set(s).expect(403)).body.error).toEqual({ code: 'FORBIDDEN', message: '请使用顾客账号登录' });
  });

  it('logs staff in with hashed passwords and reports the role', async () => {
    const s = await t.staff('admin', ADMIN_PASSWORD);
    const me = await t.http().get('/api/admin/me').set(s).expect(200);
    expect(me.body).toEqual({ id: expect.any(Number), username: 'admin', role: 'owner' });
    const bad = await t.http().post('/api/admin/auth/login').send({ username: 'admin', password: 'nope' }).expect(401);
    expect(bad.body.error.code).toBe('UNAUTHORIZED');
    const row = await t.ds.query('SELECT passwordHash FROM staff_user WHERE username = ?', ['admin']);
    expect(row[0].passwordHash).toMatch(/^\$2[aby]\$/);
  });

  it('checks roles: finance and owner read the audit log, an operator may not', async () => {
    await t.http().get('/api/admin/audit-log').set(await t.staff('admin')).expect(200);
    await t.http().get('/api/admin/audit-log').set(await t.staff('finance', 'admin123')).expect(200);
    const res = await t.http().get('/api/admin/audit-log').set(await t.staff('operator', 'admin123')).expect(403);
    expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: '您的账号角色无权执行此操作' });
  });

  it('rate-limits repeated failed staff logins with 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http().post('/api/admin/auth/login').send({ username: 'finance', password: `wrong-${i}` }).expect(401);
    }
    const limited = await t.http().post('/api/admin/auth/login').send({ username: 'finance', password: 'admin123' }).expect(429);
    expect(limited.body.error).toEqual({ code: 'RATE_LIMITED', message: '尝试次数过多，请稍后再试', details: { retryAfterSeconds: expect.any(Number) } });
    // the window passes: the dev clock moves 16 minutes on
    await t.http().post('/api/dev/clock').send({ now: new Date(Date.now() + 16 * 60_000).toISOString() }).expect(200);
    await t.http().post('/api/admin/auth/login').send({ username: 'finance', password: 'admin123' }).expect(200);
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });

  it('counts concurrent failures exactly', async () => {
    const tries = await Promise.all(Array.from({ length: 8 }, () => t.http().post('/api/admin/auth/login').send({ username: 'ghost', password: 'x' })));
    expect(tries.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const rows = await t.ds.query('SELECT hits FROM rate_limit_counter WHERE bucket = ?', ['staff-login:user:ghost']);
    expect(Number(rows[0].hits)).toBe(tries.filter((r) => r.status === 401).length);
  });
});
