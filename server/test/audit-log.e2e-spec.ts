import { createTestApp, TestApp } from './support/test-app';

/** The audit log's search (GET /api/admin/audit-log): by action prefix, staff, target and store days. */
describe('audit log search on MariaDB', () => {
  let t: TestApp;
  let owner: { Authorization: string };
  const setClock = (now: string | null) => t.http().post('/api/dev/clock').send({ now }).expect(200);
  const search = async (query: string) => (await t.http().get(`/api/admin/audit-log?${query}`).set(owner).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    owner = await t.staff();
    // 2027-03-01 23:30 in Shanghai (15:30 UTC) and 2027-03-02 00:30 in Shanghai (16:30 UTC): two store days.
    await setClock('2027-03-01T15:30:00.000Z');
    const tier = await t.http().post('/api/admin/tiers').set(owner).send({ name: '审计金', growthThreshold: 77777, discountBp: 9500, pointsMultiplierBp: 10000 }).expect(201);
    await setClock('2027-03-01T16:30:00.000Z');
    await t.http().put(`/api/admin/tiers/${tier.body.id}`).set(owner).send({ growthThreshold: 88888 }).expect(200);
  });

  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('finds by action prefix and names the staff member with before → after', async () => {
    const res = await search('action=tier&from=2027-03-01&to=2027-03-02');
    expect(res.total).toBe(2);
    expect(res.items.map((i: { action: string }) => i.action)).toEqual(['tier.update', 'tier.create']);
    expect(res.items[0]).toMatchObject({ staffName: 'admin', targetType: 'tier', before: { growthThreshold: 77777 }, after: { growthThreshold: 88888 } });
    expect((await search('action=tier.create&from=2027-03-01&to=2027-03-02')).total).toBe(1);
    // a prefix is a whole segment: 'tie' is not 'tier'
    expect((await search('action=tie&from=2027-03-01&to=2027-03-02')).total).toBe(0);
  });

  it('reads from/to as store days in the store time zone, to inclusive', async () => {
    expect((await search('action=tier&from=2027-03-01&to=2027-03-01')).items.map((i: { action: string }) => i.action)).toEqual(['tier.create']);
    expect((await search('action=tier&from=2027-03-02&to=2027-03-02')).items.map((i: { action: string }) => i.action)).toEqual(['tier.update']);
    expect((await search('action=tier&from=2027-03-03')).total).toBe(0);
  });

  it('filters by staff member', async () => {
    const me = (await search('action=tier.create&from=2027-03-01')).items[0].staffId as number;
    expect((await search(`staffId=${me}&action=tier&from=2027-03-01`)).total).toBe(2);
    expect((await search(`staffId=${me + 1000}&action=tier`)).total).toBe(0);
  });

  it('refuses a malformed day with the field named', async () => {
    const res = await t.http().get('/api/admin/audit-log?from=2027-02-30').set(owner).expect(400);
    expect(res.body.error.message).toContain('开始日期须为 YYYY-MM-DD 格式的日期');
  });
});
