import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import type { Auth } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** docs/domain.md "Points lottery": the wheel, the draw and its races on MariaDB. */
describe('points lottery on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  const { setClock, balanceOf, ledgerOf, grant } = pointsKit(
    () => t,
    () => staff,
  );

  const wheel = (body: Record<string, unknown>) => t.http().put('/api/admin/lottery').set(staff).send(body);
  const draw = (c: { auth: Auth }) => t.http().post('/api/lottery/draw').set(c.auth);
  const none = { name: '谢谢参与', kind: 'NONE', weight: 1, stock: 0 };
  const count = async (q: string, params: unknown[]) => Number((await t.ds.query(q, params))[0].n);
  async function customer(openid: string, points: number) {
    const c = await t.customer(openid);
    if (points > 0) await grant(c.id, points);
    return c;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock('2027-03-10T02:00:00.000Z');
  });
  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('the demo wheel: cost, draws left and its prizes, 谢谢参与 among them', async () => {
    const c = await customer('lottery-demo', 0);
    const v = (await t.http().get('/api/lottery').set(c.auth).expect(200)).body;
    expect(v.costPoints).toBeGreaterThan(0);
    expect(v.drawsLeftToday).toBeGreaterThan(0);
    expect(v.prizes.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(['POINTS', 'COUPON', 'NONE']));
    expect(v.prizes.find((p: { kind: string }) => p.kind === 'NONE').name).toBe('谢谢参与');
  });

  it('staff settings out of range or incomplete are refused, never clamped', async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await wheel(body).expect(400);
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      return res.body.error.message as string;
    };
    const base = { costPoints: 10, dailyLimit: 3, prizes: [none] };
    expect(await refused({ ...base, costPoints: 0 }, 'costPoints')).toBe('每次消耗积分须为 1 到 1000000 之间的整数');
    expect(await refused({ ...base, dailyLimit: 101 }, 'dailyLimit')).toBe('每日次数须为 1 到 100 之间的整数');
    await refused({ ...base, prizes: [{ ...none, weight: -1 }] }, 'prizes.0.weight');
    await refused({ ...base, prizes: [{ ...none, kind: 'POINTS' }] }, 'prizes.0.points');
    await refused({ ...base, prizes: [{ ...none, kind: 'COUPON' }] }, 'prizes.0.couponTemplateId');
    await refused({ ...base, prizes: [{ ...none, kind: 'COUPON', couponTemplateId: 999999 }] }, 'prizes');
    await refused({ ...base, prizes: [] }, 'prizes');
    const saved = (await t.http().get('/api/admin/lottery').set(staff).expect(200)).body;
    expect(saved.costPoints).not.toBe(0);
  });

  it('20 parallel draws with a daily limit of 3: exactly 3 draws and 3 SPEND rows; the next store day it opens again', async () => {
    await wheel({ costPoints: 10, dailyLimit: 3, prizes: [none] }).expect(200);
    const c = await customer('lottery-limit', 1000);
    const res = await Promise.all(Array.from({ length: 20 }, () => draw(c)));
    expect(res.filter((r) => r.status === 200)).toHaveLength(3);
    expect(res.filter((r) => r.status === 409).every((r) => r.body.error.code === 'LIMIT_EXCEEDED')).toBe(true);
    expect(res.filter((r) => r.status === 409)).toHaveLength(17);
    expect((await ledgerOf(c.id)).filter((r) => r.kind === 'SPEND').map((r) => r.delta)).toEqual([-10, -10, -10]);
    expect(await count('SELECT COUNT(*) AS n FROM lottery_draw WHERE customerId = ?', [c.id])).toBe(3);
    expect(await balanceOf(c)).toBe(970);
    expect((await t.http().get('/api/lottery').set(c.auth).expect(200)).body.drawsLeftToday).toBe(0);
    await setClock('2027-03-10T16:00:00.000Z'); // 00:00 on the 11th in Shanghai
    expect((await t.http().get('/api/lottery').set(c.auth).expect(200)).body.drawsLeftToday).toBe(3);
    await draw(c).expect(200);
    await setClock('2027-03-10T02:00:00.000Z');
  });

  it('a prize with stock 2 under parallel draws of many customers is issued exactly twice; then only 谢谢参与 is drawn', async () => {
    await wheel({ costPoints: 5, dailyLimit: 5, prizes: [{ name: '50 积分', kind: 'POINTS', points: 50, weight: 1_000_000, stock: 2 }, { ...none, weight: 1 }] }).expect(200);
    const { prizes } = (await t.http().get('/api/admin/lottery').set(staff).expect(200)).body;
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => customer(`lottery-stock-${i}`, 100)));
    const res = await Promise.all(people.map((c) => draw(c).expect(200)));
    const won = res.filter((r) => r.body.prize.kind === 'POINTS');
    expect(won).toHaveLength(2);
    expect(won[0].body.prize).toMatchObject({ id: prizes[0].id, name: '50 积分', points: 50 });
    expect(won.map((r) => r.body.balance)).toEqual([145, 145]);
    expect(res.filter((r) => r.body.prize.kind === 'NONE').map((r) => r.body.balance)).toEqual(Array(10).fill(95));
    expect(await count("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'GIFT' AND memo LIKE '积分抽奖%'", [])).toBe(2);
    const after = (await t.http().get('/api/admin/lottery').set(staff).expect(200)).body.prizes[0];
    expect(after).toMatchObject({ stock: 0, drawn: 2 });
    expect((await draw(people[0]).expect(200)).body.prize.kind).toBe('NONE');
    const record = (await t.http().get('/api/admin/lottery/draws').set(staff).expect(200)).body;
    expect(record.items[0]).toMatchObject({ customerId: people[0].id, prizeName: '谢谢参与', kind: 'NONE', costPoints: 5 });
  });

  it('a coupon prize grants a coupon from its template into the wallet', async () => {
    const tpl = (await t.http().post('/api/admin/coupon-templates').set(staff).send({ title: '抽奖 5 元券', kind: 'AMOUNT_OFF', amountOffCents: 500, thresholdCents: 0, validDays: 7, audience: 'ALL' }).expect(201)).body.id;
    await wheel({ costPoints: 1, dailyLimit: 3, prizes: [{ name: '5 元券', kind: 'COUPON', couponTemplateId: tpl, weight: 1, stock: 10 }] }).expect(200);
    const c = await customer('lottery-coupon', 10);
    const { prize, balance } = (await draw(c).expect(200)).body;
    expect(prize).toMatchObject({ kind: 'COUPON', name: '5 元券', couponId: expect.any(Number) });
    expect(balance).toBe(9);
    const wallet = (await t.http().get('/api/coupons').set(c.auth).expect(200)).body.items;
    expect(wallet.map((x: { id: number; title: string }) => [x.id, x.title])).toEqual([[prize.couponId, '抽奖 5 元券']]);
  });

  it('insufficient points: 409 and nothing taken (no draw counted, no stock, no ledger row)', async () => {
    await wheel({ costPoints: 50, dailyLimit: 3, prizes: [{ name: '10 积分', kind: 'POINTS', points: 10, weight: 1, stock: 5 }] }).expect(200);
    const c = await customer('lottery-poor', 49);
    const res = await draw(c).expect(409);
    expect(res.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await ledgerOf(c.id)).toHaveLength(1);
    expect((await t.http().get('/api/lottery').set(c.auth).expect(200)).body.drawsLeftToday).toBe(3);
    expect((await t.http().get('/api/admin/lottery').set(staff).expect(200)).body.prizes[0].stock).toBe(5);
    expect(await count('SELECT COUNT(*) AS n FROM lottery_draw WHERE customerId = ?', [c.id])).toBe(0);
  });
});
