import { pointsExpirySchedule } from '@mc/shared';
import { withTx } from '../src/common/tx';
import { PointsService } from '../src/modules/points/points.service';
import { addAddress, Auth, makeSku, placeAndPay, simPay, waitFor } from './support/shop';
import { pointsKit } from './support/points';
import { expectLedgersBalanced } from './support/ledgers';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth };

/** Shanghai midnight of 1 January 2028 is 16:00 UTC on 31 December 2027. */
const LAST_MINUTE_2027 = '2027-12-31T15:59:00.000Z';
const NEW_YEAR_2028 = '2027-12-31T16:00:00.000Z';

describe('points expiry, adjustments and points rules on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;

  const { setClock, runJob, balanceOf, ledgerOf, order, refund } = pointsKit(
    () => t,
    () => staff,
  );

  const adjust = (customerId: number, points: number, reason = '测试调整') =>
    t.http().post(`/api/admin/customers/${customerId}/points-adjustments`).set(staff).send({ points, reason });
  const summary = async (c: Customer) => (await t.http().get('/api/points/summary').set(c.auth).expect(200)).body;
  const expiries = async (c: Customer) => (await ledgerOf(c.id)).filter((e) => e.kind === 'EXPIRE');
  const expiresOn = async (c: Customer) =>
    (await t.ds.query('SELECT kind, delta, expiresOn FROM points_ledger WHERE customerId = ? ORDER BY id', [c.id])).map((r: Record<string, unknown>) => [
      r.kind,
      Number(r.delta),
      r.expiresOn,
    ]);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
  });
  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('earned in 2026 and 2027, partly spent: the 2026 remainder expires first, exactly, when the clock crosses 31 Dec 2027 (store time)', async () => {
    const c = await t.customer('exp-fifo');
    await setClock('2026-06-01T02:00:00.000Z');
    await adjust(c.id, 300, '活动补发').expect(201);
    await setClock('2027-03-01T02:00:00.000Z');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 20000, stock: 10 });
    const earnedOrder = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 1 }], address);
    await t.http().post(`/api/admin/orders/${earnedOrder}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF-exp' }).expect(200);
    await t.http().post(`/api/orders/${earnedOrder}/confirm`).set(c.auth).expect(201);
    expect(await balanceOf(c)).toBe(500);
    // every credit carries the last day it can be used; debits carry none
    expect(await expiresOn(c)).toEqual([
      ['ADJUST', 300, '2027-12-31'],
      ['EARN', 200, '2028-12-31'],
    ]);

    // spend 120 at checkout (a 2.40-yuan item: at most half of it in points)
    await setClock('2027-05-01T02:00:00.000Z');
    const cheap = await makeSku(t, { priceCents: 240, stock: 10 });
    const spent = await t.http().post('/api/orders').set(c.auth).send({ items: [{ skuId: cheap.id, qty: 1 }], addressId: address, usePoints: true }).expect(201);
    expect((await order(c, spent.body.id)).pointsUsed).toBe(120);
    expect(await summary(c)).toEqual({ balance: 380, expiring: { points: 180, date: '2027-12-31' } });

    await setClock(LAST_MINUTE_2027);
    await runJob('expire-points');
    expect(await expiries(c)).toEqual([]);

    await setClock(NEW_YEAR_2028);
    await runJob('expire-points');
    expect(await expiries(c)).toEqual([expect.objectContaining({ delta: -180, balanceAfter: 200, dedupeKey: `expire:2027-12-31:customer:${c.id}` })]);
    expect(await balanceOf(c)).toBe(200);
    expect(await summary(c)).toEqual({ balance: 200, expiring: { points: 200, date: '2028-12-31' } });
    const page = (await t.http().get('/api/points/ledger').set(c.auth).expect(200)).body;
    expect(page.items[0]).toMatchObject({ kind: 'EXPIRE', delta: -180, memo: '有效期至 2027-12-31 及以前的积分已过期' });

    // again that day, and the next day: nothing more
    await runJob('expire-points');
    await setClock('2028-01-02T02:00:00.000Z');
    await runJob('expire-points');
    expect((await expiries(c)).length).toBe(1);
    expect(await balanceOf(c)).toBe(200);
  });

  it('points given back keep the expiry they had: in time they are listed again, after their day they expire at the next day’s run', async () => {
    const c = await t.customer('exp-given-back');
    await setClock('2026-07-01T02:00:00.000Z');
    await adjust(c.id, 100).expect(201);
    await setClock('2027-07-01T02:00:00.000Z');
    await adjust(c.id, 50).expect(201);
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 100, stock: 10 }); // spends 50 points (half of 1 yuan)
    const spendPoints = () => t.http().post('/api/orders').set(c.auth).send({ items: [{ skuId: sku.id, qty: 1 }], addressId: address, usePoints: true }).expect(201);
    const cancelled = await spendPoints();
    expect(await summary(c)).toEqual({ balance: 100, expiring: { points: 50, date: '2027-12-31' } });
    // cancelled: the 50 spent come back as 2026 points (expiring 2027-12-31), not as new ones
    await t.http().post(`/api/orders/${cancelled.body.id}/cancel`).set(c.auth).expect(201);
    expect(await summary(c)).toEqual({ balance: 150, expiring: { points: 100, date: '2027-12-31' } });
    expect((await expiresOn(c)).at(-1)).toEqual(['REVERSE', 50, null]);

    // spent again (paid this time), the other 50 of 2026 expire, then the order is refunded in January 2028
    const paid = (await spendPoints()).body.id as number;
    const pay = await t.http().post(`/api/orders/${paid}/pay`).set(c.auth).expect(200);
    await simPay(t, pay.body.params.package);
    await waitFor(async () => (await order(c, paid)).status === 'PAID');
    expect((await order(c, paid)).pointsUsed).toBe(50);
    await setClock('2028-01-02T02:00:00.000Z');
    await runJob('expire-points');
    expect((await expiries(c)).map((e) => [e.delta, e.balanceAfter])).toEqual([[-50, 50]]);
    await refund(c, paid);
    // the 50 given back were 2026 points: overdue, so nothing is listed as expiring later
    expect(await summary(c)).toEqual({ balance: 100, expiring: { points: 50, date: '2028-12-31' } });
    await runJob('expire-points'); // the day's key is used: they wait for the next day
    expect((await expiries(c)).length).toBe(1);
    await setClock('2028-01-03T02:00:00.000Z');
    await runJob('expire-points');
    expect((await expiries(c)).map((e) => [e.delta, e.balanceAfter, e.dedupeKey])).toEqual([
      [-50, 50, `expire:2028-01-01:customer:${c.id}`],
      [-50, 50, `expire:2028-01-02:customer:${c.id}`],
    ]);
    expect(await summary(c)).toEqual({ balance: 50, expiring: { points: 50, date: '2028-12-31' } });
  });

  it('the job run twice at once, and several runs in parallel, expire once', async () => {
    await setClock('2026-02-01T02:00:00.000Z');
    const cs = [await t.customer('exp-race-1'), await t.customer('exp-race-2'), await t.customer('exp-race-3')];
    for (const c of cs) await adjust(c.id, 70).expect(201);
    await setClock('2028-01-01T03:00:00.000Z');
    const results = await Promise.all(Array.from({ length: 4 }, () => runJob('expire-points')));
    for (const c of cs) {
      expect((await expiries(c)).map((e) => [e.delta, e.balanceAfter, e.dedupeKey])).toEqual([[-70, 0, `expire:2027-12-31:customer:${c.id}`]]);
      expect(await summary(c)).toEqual({ balance: 0, expiring: null });
    }
    // the runs together expired each customer's points once
    const mine = new Set(cs.map((c) => c.id));
    expect(results.every((r) => r.date === '2028-01-01')).toBe(true);
    expect((await t.ds.query(`SELECT customerId FROM points_ledger WHERE kind = 'EXPIRE' AND customerId IN (?)`, [[...mine]])).length).toBe(3);
  });

  it('a customer with a shortfall (negative balance) is not expired below zero; a small positive balance only what the old points leave', async () => {
    const points = t.app.get(PointsService);
    const owing = await t.customer('exp-owing');
    const partial = await t.customer('exp-partial');
    await setClock('2026-03-01T02:00:00.000Z');
    await adjust(owing.id, 300).expect(201);
    await adjust(partial.id, 300).expect(201);
    await setClock('2027-03-01T02:00:00.000Z');
    await adjust(partial.id, 100).expect(201);
    // refunds took back more than is left (REVERSE may go below zero)
    await withTx(t.ds, (tx) => points.post(tx, { customerId: owing.id, delta: -400, kind: 'REVERSE', dedupeKey: `test:reverse:${owing.id}`, memo: '测试扣回' }));
    await withTx(t.ds, (tx) => points.post(tx, { customerId: partial.id, delta: -350, kind: 'REVERSE', dedupeKey: `test:reverse:${partial.id}`, memo: '测试扣回' }));
    expect(await summary(owing)).toEqual({ balance: -100, expiring: null });
    // the 350 taken back used the 300 of 2026 and 50 of 2027: the 50 left are 2027 points
    expect(await summary(partial)).toEqual({ balance: 50, expiring: { points: 50, date: '2028-12-31' } });

    await setClock('2028-01-01T03:00:00.000Z');
    await runJob('expire-points');
    expect(await expiries(owing)).toEqual([]);
    expect(await expiries(partial)).toEqual([]);
    expect(await balanceOf(owing)).toBe(-100);
    expect(await balanceOf(partial)).toBe(50);
  });

  describe('staff adjustments (POST /api/admin/customers/:id/points-adjustments)', () => {
    it('posts a signed ADJUST entry with the reason, audited; refuses 0, fractions, unknown fields and unknown customers', async () => {
      await setClock('2027-04-01T02:00:00.000Z');
      const c = await t.customer('adj-basic');
      const res = await adjust(c.id, 80, ' 物流延误补偿 ').expect(201);
      expect(res.body).toEqual({
        balance: 80,
        entry: { id: expect.any(Number), kind: 'ADJUST', delta: 80, balanceAfter: 80, orderId: null, memo: '人工调整：物流延误补偿', createdAt: expect.stringMatching(/^2027-04-01T02:00/) },
      });
      expect((await adjust(c.id, -30, '误发').expect(201)).body.balance).toBe(50);
      expect(await expiresOn(c)).toEqual([
        ['ADJUST', 80, '2028-12-31'],
        ['ADJUST', -30, null],
      ]);
      const audit = await t.ds.query(`SELECT staffId, targetType, targetId, afterJson FROM audit_log WHERE action = 'points.adjust' AND targetId = ? ORDER BY id`, [String(c.id)]);
      expect(audit.map((a: { afterJson: string }) => JSON.parse(a.afterJson))).toEqual([
        { points: 80, reason: '物流延误补偿', balance: 80, entryId: res.body.entry.id },
        { points: -30, reason: '误发', balance: 50, entryId: expect.any(Number) },
      ]);

      const zero = await adjust(c.id, 0).expect(400);
      expect(zero.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '调整积分不能为 0' });
      expect((await adjust(c.id, 1.5).expect(400)).body.error.message).toBe('调整积分须为 -1000000 到 1000000 之间的整数');
      expect((await adjust(c.id, 5, '').expect(400)).body.error.message).toBe('请填写调整原因');
      await t.http().post(`/api/admin/customers/${c.id}/points-adjustments`).set(staff).send({ points: 5, reason: 'x', extra: 1 }).expect(400);
      await t.http().post(`/api/admin/customers/${c.id}/points-adjustments`).set(c.auth).send({ points: 5, reason: 'x' }).expect(403);
      await t.http().post(`/api/admin/customers/${c.id}/points-adjustments`).send({ points: 5, reason: 'x' }).expect(401);
      expect((await adjust(999999, 5).expect(404)).body.error.code).toBe('NOT_FOUND');
      expect(await balanceOf(c)).toBe(50);
    });

    it('a negative adjustment beyond the balance is 409 INSUFFICIENT_POINTS; five parallel −60 on 200 leave exactly three', async () => {
      await setClock('2027-04-01T02:00:00.000Z');
      const c = await t.customer('adj-race');
      await adjust(c.id, 200).expect(201);
      expect((await adjust(c.id, -201).expect(409)).body.error.code).toBe('INSUFFICIENT_POINTS');
      const all = await Promise.all(Array.from({ length: 5 }, () => adjust(c.id, -60)));
      expect(all.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
      expect(await balanceOf(c)).toBe(20);
      expect((await ledgerOf(c.id)).map((e) => e.dedupeKey)).toEqual([1, 2, 3, 4].map((n) => `adjust:customer:${c.id}:${n}`));
    });
    it('25 parallel adjustments of 25 customers all succeed (no deadlock between their ledger inserts), and 8 of one customer are numbered 1…8', async () => {
      await setClock('2027-04-01T02:00:00.000Z');
      const many = await Promise.all(Array.from({ length: 25 }, (_, i) => t.customer(`adj-many-${i}`)));
      const all = await Promise.all(many.map((c) => adjust(c.id, 100)));
      expect(all.map((r) => r.status)).toEqual(many.map(() => 201));
      for (const c of many) expect(await balanceOf(c)).toBe(100);
      const one = await t.customer('adj-one');
      const same = await Promise.all(Array.from({ length: 8 }, () => adjust(one.id, 10)));
      expect(same.map((r) => r.status)).toEqual(same.map(() => 201));
      expect(await balanceOf(one)).toBe(80);
      expect((await ledgerOf(one.id)).map((e) => e.dedupeKey).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `adjust:customer:${one.id}:${n}`).sort());
    });
  });

  describe('points rules (GET/PUT /api/admin/points-rules) and the liability', () => {
    const defaults = { pointsValueCentsPer100: 100, pointsMaxSpendBp: 5000, pointsPerYuanEarned: 1, pointsEarnOn: 'COMPLETION', pointsExpiryYears: 1, birthdayGiftPoints: 200 };
    const put = (body: object) => t.http().put('/api/admin/points-rules').set(staff).send(body);

    it('shows the defaults; refuses (never clamps) a bad value naming the field; saves a valid set, audited', async () => {
      expect((await t.http().get('/api/admin/points-rules').set(staff).expect(200)).body).toEqual(defaults);
      const bad = await put({ ...defaults, pointsMaxSpendBp: 10001, pointsValueCentsPer100: 3, pointsExpiryYears: 11, pointsEarnOn: 'SHIPPED', birthdayGiftPoints: -1 }).expect(400);
      expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['birthdayGiftPoints', 'pointsEarnOn', 'pointsExpiryYears', 'pointsMaxSpendBp', 'pointsValueCentsPer100'].sort(),
      );
      expect(bad.body.error.message).toContain('积分抵扣上限须为 0 到 10000 之间的整数');
      expect(bad.body.error.message).toContain('积分有效期须为 0 到 10 之间的整数');
      await put({ ...defaults, extra: 1 }).expect(400);
      const { pointsEarnOn: _omitted, ...missing } = defaults;
      await put(missing).expect(400);
      expect((await t.http().get('/api/admin/points-rules').set(staff).expect(200)).body).toEqual(defaults);

      const next = { pointsValueCentsPer100: 50, pointsMaxSpendBp: 3000, pointsPerYuanEarned: 2, pointsEarnOn: 'PAYMENT', pointsExpiryYears: 2, birthdayGiftPoints: 300 };
      expect((await put(next).expect(200)).body).toEqual(next);
      expect((await t.http().get('/api/admin/points-rules').set(staff).expect(200)).body).toEqual(next);
      const [audit] = await t.ds.query(`SELECT beforeJson, afterJson FROM audit_log WHERE action = 'points-rules.update' ORDER BY id DESC LIMIT 1`);
      expect([JSON.parse(audit.beforeJson), JSON.parse(audit.afterJson)]).toEqual([defaults, next]);
      await put(defaults).expect(200);
    });

    it('earning on payment: the points come when the order is paid, completion adds nothing, a refund before completion takes its share back', async () => {
      await put({ ...defaults, pointsEarnOn: 'PAYMENT' }).expect(200);
      try {
        await setClock('2027-06-01T02:00:00.000Z');
        const c = await t.customer('earn-on-pay');
        const address = await addAddress(t, c.auth);
        const sku = await makeSku(t, { priceCents: 10000, stock: 10 });
        const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 2 }], address);
        const placed = await order(c, orderId);
        expect(await balanceOf(c)).toBe(200);
        expect((await ledgerOf(c.id))[0]).toMatchObject({ kind: 'EARN', delta: 200, dedupeKey: `earn:order:${orderId}`, memo: `订单 ${placed.orderNo} 支付` });
        await refund(c, orderId, [{ orderLineId: placed.lines[0].id, qty: 1 }]);
        expect(await balanceOf(c)).toBe(100);
        await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF-pay' }).expect(200);
        await t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth).expect(201);
        expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta])).toEqual([
          ['EARN', 200],
          ['REVERSE', -100],
        ]);
      } finally {
        await put(defaults).expect(200);
      }
    });

    it('liability: points outstanding, their value, what each month of the next 12 expires, and what customers owe', async () => {
      await setClock('2027-11-15T02:00:00.000Z');
      const body = (await t.http().get('/api/admin/points/liability').set(staff).expect(200)).body;
      const accounts = await t.ds.query('SELECT balance FROM points_account');
      const outstanding = accounts.reduce((s: number, a: { balance: string }) => s + Math.max(0, Number(a.balance)), 0);
      const owed = accounts.reduce((s: number, a: { balance: string }) => s + Math.max(0, -Number(a.balance)), 0);
      expect(body).toMatchObject({ date: '2027-11-15', outstandingPoints: outstanding, outstandingValueCents: outstanding, owedPoints: owed });
      expect(body.expiringByMonth.map((m: { month: string }) => m.month)).toEqual([
        '2027-11', '2027-12', '2028-01', '2028-02', '2028-03', '2028-04', '2028-05', '2028-06', '2028-07', '2028-08', '2028-09', '2028-10',
      ]);
      // everything earned before 2027 and not yet expired or used runs out in December 2027, the rest later
      const dec = body.expiringByMonth[1];
      expect(body.expiringByMonth.filter((m: { month: string }) => m.month !== '2027-12').every((m: { points: number }) => m.points === 0)).toBe(true);
      expect(dec.valueCents).toBe(dec.points);

      // a fresh customer's 2026 points show in December 2027 exactly
      const c = await t.customer('liability-one');
      await setClock('2026-05-01T02:00:00.000Z');
      await adjust(c.id, 1234).expect(201);
      await setClock('2027-11-15T02:00:00.000Z');
      const after = (await t.http().get('/api/admin/points/liability').set(staff).expect(200)).body;
      expect(after.outstandingPoints).toBe(outstanding + 1234);
      expect(after.expiringByMonth[1].points).toBe(dec.points + 1234);
    });

    it('liability: exact per month for lots on any day (today, month ends and starts, past the 12 months, never), partial spends, overdue points and shortfalls — the same as each customer\'s schedule', async () => {
      await setClock('2027-11-15T02:00:00.000Z');
      const liability = async () => (await t.http().get('/api/admin/points/liability').set(staff).expect(200)).body;
      const before = await liability();
      const points = t.app.get(PointsService);
      let n = 0;
      /** Posts an entry; a credit then gets the expiry day given (the store's rule only makes 31 December). */
      const post = async (c: Customer, delta: number, kind: 'ADJUST' | 'REVERSE', expires?: string | null) => {
        const dedupeKey = `test:liability:${c.id}:${++n}`;
        await withTx(t.ds, (tx) => points.post(tx, { customerId: c.id, delta, kind, dedupeKey, memo: '测试' }));
        if (expires !== undefined) await t.ds.query('UPDATE points_ledger SET expiresOn = ? WHERE dedupeKey = ?', [expires, dedupeKey]);
      };
      const [a, b, owing, given] = await Promise.all(['liab-a', 'liab-b', 'liab-owing', 'liab-given'].map((name) => t.customer(name)));
      for (const [delta, day] of [[100, '2027-11-15'], [200, '2027-11-30'], [300, '2028-01-01'], [50, '2028-10-31'], [70, '2028-11-01'], [40, null]] as const) await post(a, delta, 'ADJUST', day);
      await post(a, -250, 'ADJUST'); // 510 left: 0 of today's, 50 of 30 Nov, all of 2028-01-01's, 50 of 2028-10-31's …
      await post(b, 100, 'ADJUST', '2027-11-10'); // overdue (the job has not run): in the balance, in no month
      await post(b, 100, 'ADJUST', '2027-12-31');
      await post(b, -50, 'ADJUST');
      await post(owing, 300, 'ADJUST', '2028-03-31');
      await post(owing, -500, 'REVERSE'); // a shortfall of 200: nothing expires
      await post(given, 100, 'ADJUST', '2028-02-29');
      await post(given, 30, 'REVERSE'); // points given back are no lot: 30 of the 130 are past their day
      const after = await liability();
      expect(after.outstandingPoints - before.outstandingPoints).toBe(510 + 150 + 130);
      expect(after.owedPoints - before.owedPoints).toBe(200);
      const added = Object.fromEntries(after.expiringByMonth.map((m: { month: string; points: number }, i: number) => [m.month, m.points - before.expiringByMonth[i].points]));
      expect(added).toEqual({
        '2027-11': 50, '2027-12': 100, '2028-01': 300, '2028-02': 100, '2028-03': 0, '2028-04': 0,
        '2028-05': 0, '2028-06': 0, '2028-07': 0, '2028-08': 0, '2028-09': 0, '2028-10': 50,
      });

      // every customer of this database, by the pure schedule
      const accounts: { customerId: number; balance: string }[] = await t.ds.query('SELECT customerId, balance FROM points_account WHERE balance > 0');
      const lots: { customerId: number; expiresOn: string | null; points: string }[] = await t.ds.query(
        `SELECT customerId, expiresOn, SUM(delta) AS points FROM points_ledger WHERE delta > 0 AND kind <> 'REVERSE' AND (expiresOn IS NULL OR expiresOn >= '2027-11-15') GROUP BY customerId, expiresOn`,
      );
      const byMonth = new Map<string, number>();
      for (const acc of accounts) {
        const own = lots.filter((l) => Number(l.customerId) === Number(acc.customerId)).map((l) => ({ expiresOn: l.expiresOn, points: Number(l.points) }));
        for (const due of pointsExpirySchedule(Number(acc.balance), own, '2027-11-15')) byMonth.set(due.date.slice(0, 7), (byMonth.get(due.date.slice(0, 7)) ?? 0) + due.points);
      }
      expect(after.expiringByMonth).toEqual(after.expiringByMonth.map((m: { month: string }) => ({ month: m.month, points: byMonth.get(m.month) ?? 0, valueCents: byMonth.get(m.month) ?? 0 })));
    });
  });
});
