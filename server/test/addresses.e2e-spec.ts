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

  it('refuses a place that is not in the region list (火星 / x / y), naming the field, and saves nothing', async () => {
    const c = await t.customer('addr-region');
    const mars = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, province: '火星', city: 'x', district: 'y' }).expect(400);
    expect(mars.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '没有名为「火星」的省份，请从地区列表中选择', details: { fields: [{ field: 'province' }] } });
    const city = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, city: '苏州市', district: '姑苏区' }).expect(400);
    expect(city.body.error.details.fields[0].field).toBe('city');
    const district = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, district: '海曙区' }).expect(400);
    expect(district.body.error).toMatchObject({ message: '浙江省杭州市没有名为「海曙区」的区县，请从地区列表中选择', details: { fields: [{ field: 'district' }] } });
    expect((await t.http().get('/api/addresses').set(c.auth)).body.items).toEqual([]);

    // municipalities as WeChat's address book names them; a county of 重庆
    await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, province: '北京市', city: '北京市', district: '朝阳区' }).expect(201);
    const cq = await t.http().post('/api/addresses').set(c.auth).send({ ...ADDRESS, province: '重庆市', city: '重庆市', district: '城口县' }).expect(201);
    // a change checks the place as it will be saved: 渝中区 is in 重庆, 西湖区 is not
    await t.http().put(`/api/addresses/${cq.body.id}`).set(c.auth).send({ district: '渝中区' }).expect(200);
    const moved = await t.http().put(`/api/addresses/${cq.body.id}`).set(c.auth).send({ district: '西湖区' }).expect(400);
    expect(moved.body.error.details.fields[0].field).toBe('district');
    expect((await t.http().get(`/api/addresses/${cq.body.id}`).set(c.auth)).body).toMatchObject({ province: '重庆市', city: '重庆市', district: '渝中区' });
  });
});
