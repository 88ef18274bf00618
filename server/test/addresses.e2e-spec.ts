import { ADDRESS } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps exactly one default and shows only the owner their addresses', async () => {
    const c = await t.customer('addr-owner');
    const first = await t.http().post('/api/addresses').set(c.auth).send(ADDRESS).expect(201);
    expect(first.body.isDefault).toBe(true);
    const second = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, name: '李四', isDefault: true }).expect(201);
    let list = (await t.http().get('/api/addresses').set(c.auth).expect(200)).body;
    expect(list.items.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: number }) => a.id)).toEqual([second.body.id]);
    await t.http().put(`/api/addresses/${first.body.id}`).set(c.auth).send({ isDefault: true, detail: '新地址 1 号' }).expect(200);
    list = (await t.http().get('/api/addresses').set(c.auth)).body;
    expect(list.items[0]).toMatchObject({ id: first.body.id, isDefault: true, detail: '新地址 1 号' });
    await t.http().delete(`/api/addresses/${first.body.id}`).set(c.auth).expect(204);
    list = (await t.http().get('/api/addresses').set(c.auth)).body;
    expect(list.items).toEqual([expect.objectContaining({ id: second.body.id, isDefault: true })]);

    const one = await t.http().get(`/api/addresses/${second.body.id}`).set(c.auth).expect(200);
    expect(one.body).toMatchObject({ id: second.body.id, name: '李四' });

    const other = await t.customer('addr-other');
    await t.http().get(`/api/addresses/${second.body.id}`).set(other.auth).expect(404);
    expect((await t.http().get('/api/addresses').set(other.auth)).body.items).toEqual([]);
    await t.http().delete(`/api/addresses/${second.body.id}`).set(other.auth).expect(404);
  });

  it('validates the phone number and required fields', async () => {
    const c = await t.customer('addr-bad');
    const res = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, phone: '123' }).expect(400);
    expect(res.body.error.message).toBe('phone: 须为 11 位中国大陆手机号');
    await t.http().post('/api/addresses').set(c.auth).send({ name: 'x' }).expect(400);
  });
});
