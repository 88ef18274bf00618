import { createTestApp, TestApp } from './support/test-app';

type Auth = { Authorization: string };

/** Staff accounts (owner only): create, roles, disable, passwords; revoked tokens stop at once on this instance. */
describe('staff accounts on MariaDB', () => {
  let t: TestApp;
  let owner: Auth;
  const bearer = (token: string): Auth => ({ Authorization: `Bearer ${token}` });
  const login = (username: string, password: string) => t.http().post('/api/admin/auth/login').send({ username, password });
  const create = (body: Record<string, unknown>) => t.http().post('/api/admin/staff').set(owner).send(body);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    owner = await t.staff();
  });
  afterAll(async () => t.close());

  it('lets the owner create an account that signs in with its role; others may not manage staff', async () => {
    const made = await create({ username: 'op.two', password: 'secret-123', role: 'operator' }).expect(201);
    expect(made.body).toEqual({ id: expect.any(Number), username: 'op.two', role: 'operator', active: true, createdAt: expect.any(String) });
    const op = bearer((await login('op.two', 'secret-123').expect(200)).body.token);
    await t.http().get('/api/admin/products').set(op).expect(200);
    await t.http().get('/api/admin/staff').set(op).expect(403);
    await t.http().post('/api/admin/staff').set(op).send({ username: 'sneaky', password: 'secret-123', role: 'owner' }).expect(403);
    const list = (await t.http().get('/api/admin/staff').set(owner).expect(200)).body;
    expect(list.items.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining(['admin', 'op.two']));
    expect(JSON.stringify(list)).not.toContain('passwordHash');
    const audit = (await t.http().get(`/api/admin/audit-log?action=staff.create&targetId=${made.body.id}`).set(owner).expect(200)).body.items;
    expect(audit[0].after).toEqual({ username: 'op.two', role: 'operator', active: true });
  });

  it('refuses bad input with the field named, and a taken username', async () => {
    const message = async (body: Record<string, unknown>, status = 400) => (await create(body).expect(status)).body.error.message;
    expect(await message({ username: 'ab', password: 'secret-123', role: 'operator' })).toContain('用户名须为 3 到 32 位字母、数字或 _ . -');
    expect(await message({ username: 'abc', password: 'short', role: 'operator' })).toContain('密码须为 8 到 64 个字符');
    expect(await message({ username: 'abc', password: 'secret-123', role: 'boss' })).toContain('角色须为 owner、operator 或 finance');
    expect(await message({ username: 'abc', password: 'secret-123', role: 'operator', extra: 1 })).toBeTruthy();
    expect(await message({ username: 'admin', password: 'secret-123', role: 'operator' }, 409)).toBe('用户名「admin」已被使用');
  });

  it('applies a new role to tokens already out; disabling signs the account out, enabling does not revive old tokens', async () => {
    const made = (await create({ username: 'fin.two', password: 'secret-123', role: 'operator' }).expect(201)).body;
    const token = bearer((await login('fin.two', 'secret-123').expect(200)).body.token);
    await t.http().patch(`/api/admin/staff/${made.id}`).set(owner).send({ role: 'finance' }).expect(200);
    await t.http().get('/api/admin/refunds').set(token).expect(200);
    await t.http().get('/api/admin/products').set(token).expect(403);

    await t.http().patch(`/api/admin/staff/${made.id}`).set(owner).send({ active: false }).expect(200);
    expect((await t.http().get('/api/admin/me').set(token).expect(401)).body.error.message).toBe('登录已失效，请重新登录');
    await login('fin.two', 'secret-123').expect(401);
    await t.http().patch(`/api/admin/staff/${made.id}`).set(owner).send({ active: true }).expect(200);
    await t.http().get('/api/admin/me').set(token).expect(401);
    const fresh = bearer((await login('fin.two', 'secret-123').expect(200)).body.token);
    await t.http().get('/api/admin/me').set(fresh).expect(200);
  });

  it('a reset password ends the sessions; changing one\'s own needs the old one and returns a new token', async () => {
    const made = (await create({ username: 'pw.user', password: 'secret-123', role: 'operator' }).expect(201)).body;
    const first = bearer((await login('pw.user', 'secret-123').expect(200)).body.token);
    await t.http().post(`/api/admin/staff/${made.id}/password`).set(owner).send({ password: 'reset-4567' }).expect(204);
    await t.http().get('/api/admin/me').set(first).expect(401);
    await login('pw.user', 'secret-123').expect(401);
    const second = bearer((await login('pw.user', 'reset-4567').expect(200)).body.token);

    const wrong = await t.http().post('/api/admin/me/password').set(second).send({ oldPassword: 'nope', newPassword: 'mine-8901' }).expect(409);
    expect(wrong.body.error.message).toBe('原密码不正确');
    const changed = await t.http().post('/api/admin/me/password').set(second).send({ oldPassword: 'reset-4567', newPassword: 'mine-8901' }).expect(200);
    await t.http().get('/api/admin/me').set(second).expect(401);
    await t.http().get('/api/admin/me').set(bearer(changed.body.token)).expect(200);
    await login('pw.user', 'mine-8901').expect(200);
  });

  it('keeps an active owner: nobody disables or demotes themselves, and two owners demoting each other at once leave one', async () => {
    const me = (await t.http().get('/api/admin/me').set(owner).expect(200)).body;
    expect((await t.http().patch(`/api/admin/staff/${me.id}`).set(owner).send({ active: false }).expect(409)).body.error.message).toBe('不能停用自己的账号或修改自己的角色');
    await t.http().patch(`/api/admin/staff/${me.id}`).set(owner).send({ role: 'operator' }).expect(409);

    const second = (await create({ username: 'owner.two', password: 'secret-123', role: 'owner' }).expect(201)).body;
    const secondAuth = bearer((await login('owner.two', 'secret-123').expect(200)).body.token);
    const [a, b] = await Promise.all([
      t.http().patch(`/api/admin/staff/${second.id}`).set(owner).send({ role: 'operator' }),
      t.http().patch(`/api/admin/staff/${me.id}`).set(secondAuth).send({ role: 'operator' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const owners = (await t.ds.query(`SELECT COUNT(*) AS n FROM staff_user WHERE role = 'owner' AND active = 1`))[0].n;
    expect(Number(owners)).toBe(1);
    // put things back for the other tests: whoever is still owner restores the other
    const stillOwner = a.status === 200 ? owner : secondAuth;
    const demoted = a.status === 200 ? second.id : me.id;
    await t.http().patch(`/api/admin/staff/${demoted}`).set(stillOwner).send({ role: 'owner' }).expect(200);
  });
});
