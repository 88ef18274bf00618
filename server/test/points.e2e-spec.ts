import { CustomerGrowth } from '../src/modules/membership/entities/customer-growth.entity';
import { Tier } from '../src/modules/membership/entities/tier.entity';
import { PointsService } from '../src/modules/points/points.service';
import { StoreSettingsService } from '../src/modules/settings/store-settings.service';
import { withTx } from '../src/common/tx';
import { addAddress, Auth, buyCard, makeSku, placeAndPay, waitFor } from './support/shop';
import { pointsKit } from './support/points';
import { expectLedgersBalanced } from './support/ledgers';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth };

describe('points ledger on MariaDB: earning, reversal, birthday gift', () => {
  let t: TestApp;
  let staff: Auth;
  const touched = new Set<number>();

  const { setClock, runJob, balanceOf, order, ledgerOf, refund } = pointsKit(
    () => t,
    () => staff,
  );

  async function customer(openid: string): Promise<Customer> {
    const c = await t.customer(openid);
    touched.add(c.id);
    return c;
  }

  async function shipAndConfirm(c: Customer, orderId: number) {
    await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: `SF${orderId}` }).expect(200);
    await t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth).expect(201);
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
  });
  afterEach(async () => expectLedgersBalanced(t));

  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('completing an order credits exactly its pointsToEarn; paid is not enough; /api/me and the ledger show it', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-earner');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 12345, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 2 }], address);
    const placed = await order(c, orderId);
    expect(placed.pointsToEarn).toBe(246); // 246.90 yuan × 1 point, floored
    expect(await balanceOf(c)).toBe(0);

    await shipAndConfirm(c, orderId);
    expect(await balanceOf(c)).toBe(246);
    const page = (await t.http().get('/api/points/ledger').set(c.auth).expect(200)).body;
    expect(page).toEqual({
      total: 1,
      items: [{ id: expect.any(Number), kind: 'EARN', delta: 246, balanceAfter: 246, orderId, memo: expect.stringContaining(placed.orderNo), createdAt: expect.any(String) }],
    });
    expect(await ledgerOf(c.id)).toEqual([expect.objectContaining({ dedupeKey: `earn:order:${orderId}` })]);
  });

  it('lists only the own ledger, newest first, paged; needs a login', async () => {
    const c = await customer('pts-pager');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 1000, stock: 10 });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: i + 1 }], address);
      await shipAndConfirm(c, id);
      ids.push(id);
    }
    const first = (await t.http().get('/api/points/ledger?page=1&pageSize=2').set(c.auth).expect(200)).body;
    expect(first.total).toBe(3);
    expect(first.items.map((e: { orderId: number }) => e.orderId)).toEqual([ids[2], ids[1]]);
    const second = (await t.http().get('/api/points/ledger?page=2&pageSize=2').set(c.auth).expect(200)).body;
    expect(second.items.map((e: { orderId: number }) => e.orderId)).toEqual([ids[0]]);
    const stranger = await customer('pts-stranger');
    expect((await t.http().get('/api/points/ledger').set(stranger.auth).expect(200)).body).toEqual({ items: [], total: 0 });
    await t.http().get('/api/points/ledger').expect(401);
    await t.http().get('/api/points/ledger?pageSize=1000').set(c.auth).expect(400);
  });

  it('a member on the member day earns tier multiplier × 2; a card order earns its own points', async () => {
    await setClock('2027-03-05T02:00:00.000Z');
    const c = await customer('pts-member');
    const cardOrderId = await buyCard(t, c.auth);
    const card = await order(c, cardOrderId);
    expect(card.status).toBe('COMPLETED');
    expect(card.pointsToEarn).toBe(19); // 19.90 yuan
    expect(await balanceOf(c)).toBe(19);

    const silver = await t.ds.getRepository(Tier).findOneByOrFail({ name: '银卡' }); // 1.2× points
    await t.ds.getRepository(CustomerGrowth).save({ customerId: c.id, growth: 600, tierId: silver.id, updatedAt: new Date() });
    await setClock('2027-03-07T02:00:00.000Z'); // the seeded member day: 2× points for paid members
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 10000, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 1 }], address);
    const [row] = await t.ds.query('SELECT memberDayId, payableCents, shippingPaidCents, pointsToEarn FROM shop_order WHERE id = ?', [orderId]);
    expect(row.memberDayId).not.toBeNull();
    const cash = Number(row.payableCents) - Number(row.shippingPaidCents);
    expect(cash).toBe(9800); // 9.8 折 for 银卡
    expect(Number(row.pointsToEarn)).toBe(Math.floor((cash * 12 * 2) / 1000)); // 98 × 1.2 × 2 = 235.2
    await shipAndConfirm(c, orderId);
    expect(await balanceOf(c)).toBe(19 + 235);
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta, e.orderId])).toEqual([
      ['EARN', 19, cardOrderId],
      ['EARN', 235, orderId],
    ]);
  });

  it('five parallel confirms racing the auto-confirm job credit the order once', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-racer');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 5000, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 3 }], address);
    await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF-race' }).expect(200);
    await setClock('2027-03-25T02:00:00.000Z'); // past the 10 auto-confirm days
    const [confirms, jobs] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth))),
      Promise.all([runJob('auto-confirm'), runJob('auto-confirm')]),
    ]);
    const byConfirm = confirms.filter((r) => r.status === 201).length;
    expect(confirms.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(byConfirm + jobs.reduce((s: number, j: { completed: number }) => s + j.completed, 0)).toBe(1);
    expect(await ledgerOf(c.id)).toEqual([expect.objectContaining({ kind: 'EARN', delta: 150, orderId })]);
    expect(await balanceOf(c)).toBe(150);
  });

  it('a partial refund reverses floor(earned × refunded / paid), the full refund the rest', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-refund');
    const address = await addAddress(t, c.auth);
    const a = await makeSku(t, { priceCents: 3333, stock: 10 });
    const b = await makeSku(t, { priceCents: 5000, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: a.id, qty: 3 }, { skuId: b.id, qty: 1 }], address);
    await shipAndConfirm(c, orderId);
    const done = await order(c, orderId);
    const paid = done.payableCents - done.shippingPaidCents;
    expect([paid, done.pointsToEarn]).toEqual([14999, 149]);
    expect(await balanceOf(c)).toBe(149);

    const lineA = done.lines.find((l: { skuId: number }) => Number(l.skuId) === a.id);
    const first = await refund(c, orderId, [{ orderLineId: lineA.id, qty: 1 }]);
    expect(first.amountCents).toBe(3333);
    const reversed1 = Math.floor((149 * 3333) / 14999); // 33
    expect(reversed1).toBe(33);
    expect(await balanceOf(c)).toBe(149 - 33);

    const second = await refund(c, orderId, [{ orderLineId: lineA.id, qty: 1 }]);
    const reversed2 = Math.floor((149 * (3333 + second.amountCents)) / 14999) - reversed1;
    expect(await balanceOf(c)).toBe(149 - 33 - reversed2);

    await refund(c, orderId); // the rest of the order
    expect(await balanceOf(c)).toBe(0);
    const ledger = await ledgerOf(c.id);
    expect(ledger.map((e) => [e.kind, e.delta])).toEqual([
      ['EARN', 149],
      ['REVERSE', -33],
      ['REVERSE', -reversed2],
      ['REVERSE', -(149 - 33 - reversed2)],
    ]);
    expect(ledger.slice(1).every((e) => e.dedupeKey.startsWith('reverse:refund:') && e.orderId === orderId)).toBe(true);
    expect(await balanceOf(c)).toBe(ledger.reduce((s, e) => s + e.delta, 0));
  });

  it('a refund before completion shrinks what the completion credits', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-early-refund');
    const address = await addAddress(t, c.auth);
    const a = await makeSku(t, { priceCents: 4000, stock: 10 });
    const b = await makeSku(t, { priceCents: 6000, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: a.id, qty: 1 }, { skuId: b.id, qty: 1 }], address);
    await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF-early' }).expect(200);
    const placed = await order(c, orderId);
    const lineA = placed.lines.find((l: { skuId: number }) => Number(l.skuId) === a.id);
    await refund(c, orderId, [{ orderLineId: lineA.id, qty: 1 }]);
    expect(await balanceOf(c)).toBe(0);
    await t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth).expect(201);
    // 100 points for 100 yuan, 40 yuan of it refunded before completion: 60 kept
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta])).toEqual([['EARN', 60]]);
    await refund(c, orderId);
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta])).toEqual([
      ['EARN', 60],
      ['REVERSE', -60],
    ]);
  });

  it('a fast card refund takes back the points the card order earned', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-card-refund');
    const cardOrderId = await buyCard(t, c.auth);
    expect(await balanceOf(c)).toBe(19);
    await t.http().post('/api/membership/refund').set(c.auth).expect(200);
    await waitFor(async () => (await balanceOf(c)) === 0);
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta, e.orderId])).toEqual([
      ['EARN', 19, cardOrderId],
      ['REVERSE', -19, cardOrderId],
    ]);
  });

  it('debits below the balance are 409 INSUFFICIENT_POINTS; a reversal of spent points goes negative, says so, and later earnings pay it off', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const c = await customer('pts-spender');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 20000, stock: 10 });
    const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 1 }], address);
    await shipAndConfirm(c, orderId);
    expect(await balanceOf(c)).toBe(200);
    const points = t.app.get(PointsService);

    const tooMuch = withTx(t.ds, (tx) => points.post(tx, { customerId: c.id, delta: -201, kind: 'SPEND', dedupeKey: `test:spend:${c.id}:a`, memo: '测试' }));
    await expect(tooMuch).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    // a later issue spends points at checkout; here a spend of 150 stands in for it
    const spend = { customerId: c.id, delta: -150, kind: 'SPEND' as const, dedupeKey: `test:spend:${c.id}:b`, memo: '测试抵扣' };
    expect(await withTx(t.ds, (tx) => points.post(tx, spend))).toEqual({ posted: true, balance: 50 });
    expect(await withTx(t.ds, (tx) => points.post(tx, spend))).toEqual({ posted: false, balance: 50 }); // same key: no-op
    expect(await balanceOf(c)).toBe(50);

    await refund(c, orderId);
    expect(await balanceOf(c)).toBe(-150);
    const reversal = (await ledgerOf(c.id)).at(-1)!;
    expect(reversal).toMatchObject({ kind: 'REVERSE', delta: -200, balanceAfter: -150 });
    expect(reversal.memo).toContain('欠 150 积分');

    const next = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 1 }], address);
    await shipAndConfirm(c, next);
    expect(await balanceOf(c)).toBe(50);
  });

  describe('the birthday gift (birthday-gifts job, Asia/Shanghai)', () => {
    const setBirthday = (c: Customer, birthday: string) => t.http().patch('/api/me').set(c.auth).send({ birthday }).expect(200);
    const gifts = async (c: Customer) => (await ledgerOf(c.id)).filter((e) => e.kind === 'GIFT');

    let member: Customer;
    let guest: Customer;
    let otherDay: Customer;

    beforeAll(async () => {
      await setClock('2027-03-10T02:00:00.000Z');
      member = await customer('bday-member');
      guest = await customer('bday-guest');
      otherDay = await customer('bday-other');
      await buyCard(t, member.auth);
      await buyCard(t, otherDay.auth);
      await setBirthday(member, '1990-03-15');
      await setBirthday(guest, '1990-03-15');
      await setBirthday(otherDay, '1990-03-16');
    });

    it('is listed with the jobs', async () => {
      const jobs = (await t.http().get('/api/dev/jobs').expect(200)).body.items;
      expect(jobs.map((j: { name: string }) => j.name)).toContain('birthday-gifts');
    });

    it('gives a paid member the gift on the birthday in the store time zone, once, whatever the reruns', async () => {
      await setClock('2027-03-14T15:59:00.000Z'); // 23:59 on the 14th in Shanghai
      expect(await runJob('birthday-gifts')).toEqual({ date: '2027-03-14', due: 0, given: 0 });
      expect(await gifts(member)).toEqual([]);

      await setClock('2027-03-14T16:30:00.000Z'); // 00:30 on the 15th in Shanghai, still the 14th in UTC
      expect(await runJob('birthday-gifts')).toEqual({ date: '2027-03-15', due: 1, given: 1 });
      expect(await runJob('birthday-gifts')).toEqual({ date: '2027-03-15', due: 1, given: 0 });
      const parallel = await Promise.all(Array.from({ length: 5 }, () => runJob('birthday-gifts')));
      expect(parallel.reduce((s, r) => s + r.given, 0)).toBe(0);

      expect(await gifts(member)).toEqual([expect.objectContaining({ delta: 200, dedupeKey: `birthday:2027:customer:${member.id}`, memo: expect.stringContaining('生日') })]);
      expect(await balanceOf(member)).toBe(19 + 200);
      expect(await ledgerOf(guest.id)).toEqual([]); // not a paid member
      expect(await gifts(otherDay)).toEqual([]); // not their day

      await setClock('2027-03-15T16:30:00.000Z'); // the 16th: the other member's day
      expect(await runJob('birthday-gifts')).toMatchObject({ date: '2027-03-16', given: 1 });
      expect(await gifts(otherDay)).toHaveLength(1);
      expect(await gifts(member)).toHaveLength(1);
    });

    it('five parallel runs on a first birthday give one gift', async () => {
      await setClock('2027-04-01T02:00:00.000Z');
      const c = await customer('bday-parallel');
      await buyCard(t, c.auth);
      await setBirthday(c, '1988-04-02');
      // start from an account-less customer: the racing runs create the account row together
      await t.ds.query('DELETE FROM points_ledger WHERE customerId = ?', [c.id]);
      await t.ds.query('DELETE FROM points_account WHERE customerId = ?', [c.id]);
      await setClock('2027-04-02T02:00:00.000Z');
      const runs = await Promise.all(Array.from({ length: 5 }, () => runJob('birthday-gifts')));
      expect(runs.reduce((s, r) => s + r.given, 0)).toBe(1);
      expect(await ledgerOf(c.id)).toEqual([expect.objectContaining({ kind: 'GIFT', delta: 200, balanceAfter: 200 })]);
      expect(await balanceOf(c)).toBe(200);
    });

    it('a 29 February birthday is celebrated on 28 February in common years, on the 29th in leap years, once a year', async () => {
      await setClock('2027-02-20T02:00:00.000Z');
      const leap = await customer('bday-leap');
      await buyCard(t, leap.auth, '年卡'); // until 2028-02-20
      await setBirthday(leap, '2000-02-29');
      const cardPoints = await balanceOf(leap);

      await setClock('2027-02-27T02:00:00.000Z');
      await runJob('birthday-gifts');
      expect(await gifts(leap)).toEqual([]);
      await setClock('2027-02-28T02:00:00.000Z');
      expect(await runJob('birthday-gifts')).toMatchObject({ date: '2027-02-28', given: 1 });
      await setClock('2027-03-01T02:00:00.000Z');
      await runJob('birthday-gifts');
      expect((await gifts(leap)).map((g) => g.dedupeKey)).toEqual([`birthday:2027:customer:${leap.id}`]);

      await setClock('2028-02-28T02:00:00.000Z');
      await buyCard(t, leap.auth); // the year card lapsed on the 20th: a month card from now
      await runJob('birthday-gifts');
      expect(await gifts(leap)).toHaveLength(1); // 2028 has a 29th
      await setClock('2028-02-29T02:00:00.000Z');
      expect(await runJob('birthday-gifts')).toMatchObject({ date: '2028-02-29', given: 1 });
      expect((await gifts(leap)).map((g) => g.dedupeKey)).toEqual([`birthday:2027:customer:${leap.id}`, `birthday:2028:customer:${leap.id}`]);
      expect(await balanceOf(leap)).toBe(cardPoints + 200 + 200 + 19);
    });

    it('gives again the next year while a member, never to a lapsed one, and not at all when set to 0', async () => {
      await setClock('2028-03-15T02:00:00.000Z'); // the member's card lapsed in April 2027
      expect(await runJob('birthday-gifts')).toMatchObject({ date: '2028-03-15', given: 0 });
      await buyCard(t, member.auth);
      const settings = t.app.get(StoreSettingsService);
      await withTx(t.ds, ({ em }) => settings.set(em, { birthdayGiftPoints: 0 }));
      expect(await runJob('birthday-gifts')).toEqual({ date: '2028-03-15', due: 0, given: 0 });
      await withTx(t.ds, ({ em }) => settings.set(em, { birthdayGiftPoints: 300 }));
      expect(await runJob('birthday-gifts')).toMatchObject({ date: '2028-03-15', given: 1 });
      expect((await gifts(member)).map((g) => [g.dedupeKey, g.delta])).toEqual([
        [`birthday:2027:customer:${member.id}`, 200],
        [`birthday:2028:customer:${member.id}`, 300],
      ]);
      await withTx(t.ds, ({ em }) => settings.set(em, { birthdayGiftPoints: 200 }));
    });
  });

  describe('at the end', () => {
    it('every balance equals the sum of its ledger, and every balanceAfter the running sum', async () => {
      const accounts: { customerId: number; balance: string; ledgerSum: string | null }[] = await t.ds.query(
        'SELECT a.customerId, a.balance, (SELECT SUM(l.delta) FROM points_ledger l WHERE l.customerId = a.customerId) AS ledgerSum FROM points_account a',
      );
      const orphans = await t.ds.query('SELECT COUNT(*) AS n FROM points_ledger l WHERE NOT EXISTS (SELECT 1 FROM points_account a WHERE a.customerId = l.customerId)');
      expect(Number(orphans[0].n)).toBe(0);
      for (const id of touched) {
        const ledger = await ledgerOf(id);
        const account = accounts.find((a) => Number(a.customerId) === id);
        expect([id, Number(account?.balance ?? 0)]).toEqual([id, ledger.reduce((s, e) => s + e.delta, 0)]);
        let running = 0;
        for (const e of ledger) {
          running += e.delta;
          expect(e.balanceAfter).toBe(running);
        }
      }
      for (const a of accounts) expect(Number(a.balance)).toBe(Number(a.ledgerSum ?? 0));
      expect(accounts.length).toBeGreaterThanOrEqual(10);
    });
  });
});
