import { withTx } from '../src/common/tx';
import { RefCodes } from '../src/modules/distribution/distributor.service';
import { PointsService } from '../src/modules/points/points.service';
import { approvedDistributor, loginWithRef, shipAndConfirm, type Who } from './support/distribution';
import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { addAddress, type Auth, buyCard, makeSku, simPay, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';


/** An instant within a minute after `iso` (the dev clock keeps running after it is set). */
const around = (iso: string) => ({
  asymmetricMatch: (d: Date) => d.getTime() >= Date.parse(iso) && d.getTime() < Date.parse(iso) + 60_000,
  toString: () => `about ${iso}`,
});

describe('KOC distribution on MariaDB: binding, commission, settlement', () => {
  let t: TestApp;
  let staff: Auth;
  const { setClock, runJob, order, refund } = pointsKit(
    () => t,
    () => staff,
  );

  const login = (openid: string, ref?: string) => loginWithRef(t, openid, ref);
  const me = async (c: Who) => (await t.http().get('/api/distributors/me').set(c.auth).expect(200)).body;
  const visit = async (c: Who, ref: string) => (await t.http().post('/api/referrals/visit').set(c.auth).send({ ref }).expect(200)).body.bound as boolean;
  const bindingOf = async (customerId: number) => {
    const [row] = await t.ds.query('SELECT distributorId, expiresAt FROM referral_binding WHERE customerId = ?', [customerId]);
    return row ? { distributorId: Number(row.distributorId), expiresAt: new Date(row.expiresAt) } : null;
  };
  const distributor = (openid: string, ref?: string) => approvedDistributor(t, staff, openid, ref);
  const rules = async () => (await t.http().get('/api/admin/commission-rules').set(staff).expect(200)).body;
  const setRules = async (change: Record<string, unknown>) => t.http().put('/api/admin/commission-rules').set(staff).send({ ...(await rules()), ...change }).expect(200);
  const pay = async (c: Who, orderId: number, opts: { times?: number; concurrent?: boolean } = {}) => {
    const res = await t.http().post(`/api/orders/${orderId}/pay`).set(c.auth).expect(200);
    await simPay(t, res.body.params.package, opts);
    await waitFor(async () => (await order(c, orderId)).status !== 'PENDING_PAYMENT');
  };
  const commissionsOf = async (c: Who, status?: string) => (await t.http().get('/api/distributors/me/commissions').query(status ? { status } : {}).set(c.auth).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock('2027-03-10T02:00:00.000Z'); // a Wednesday: no member day
  });
  afterEach(async () => {
    await setRules({ bindingMode: 'FIRST_TOUCH', level2Enabled: false, categoryRates: [], productRates: [] });
    await expectLedgersBalanced(t);
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('applies, is approved with a short unambiguous ref code (a code already taken is drawn again); the demo store has DEMO01', async () => {
    const c = await login('dist-apply');
    expect(await me(c)).toMatchObject({ status: 'NONE', refCode: null, balances: { pendingCents: 0, availableCents: 0 } });
    await t.http().post('/api/distributors/apply').set(c.auth).send({ reason: '' }).expect(400);
    expect((await t.http().post('/api/distributors/apply').set(c.auth).send({ reason: '我有很多朋友' }).expect(200)).body).toMatchObject({ status: 'PENDING', reason: '我有很多朋友' });
    expect((await t.http().post('/api/distributors/apply').set(c.auth).send({ reason: '再申请' }).expect(409)).body.error.code).toBe('INVALID_STATE');
    const [row] = (await t.http().get('/api/admin/distributors').query({ status: 'PENDING' }).set(staff).expect(200)).body.items;
    expect(row).toMatchObject({ customerId: c.id, status: 'PENDING', refCode: null });

    const codes = t.app.get(RefCodes);
    const draw = jest.spyOn(codes, 'draw').mockReturnValueOnce('DEMO01');
    try {
      const approved = (await t.http().post(`/api/admin/distributors/${row.id}/approve`).set(staff).expect(200)).body;
      expect(approved.refCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(draw).toHaveBeenCalledTimes(2);
    } finally {
      draw.mockRestore();
    }
    expect(await me(c)).toMatchObject({ status: 'APPROVED', withdrawalRules: { minCents: 100, dailyCapCents: 500000 } });
    const demo = (await t.http().get('/api/admin/distributors').query({ q: 'DEMO01' }).set(staff).expect(200)).body.items;
    expect(demo).toEqual([expect.objectContaining({ refCode: 'DEMO01', status: 'APPROVED' })]);
    const audit = await t.ds.query("SELECT action FROM audit_log WHERE targetType = 'distributor' AND targetId = ?", [String(row.id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['distributor.approve']);
  });

  it('binds through the login ref; refuses self-binding, cycles and disabled distributors; records every visit', async () => {
    const a = await distributor('dist-bind-a');
    const buyer = await login('dist-bind-buyer', a.ref);
    expect(await bindingOf(buyer.id)).toEqual({ distributorId: a.distributorId, expiresAt: around('2027-04-09T02:00:00.000Z') });

    expect(await visit(a, a.ref)).toBe(false); // self
    expect(await bindingOf(a.id)).toBeNull();

    // B is bound to A; A opening B's link would close the loop A → B → A
    const b = await distributor('dist-bind-b', a.ref);
    expect((await bindingOf(b.id))?.distributorId).toBe(a.distributorId);
    expect(await visit(a, b.ref)).toBe(false);
    expect(await bindingOf(a.id)).toBeNull();

    // a disabled distributor binds no one, an unknown code neither
    const c = await distributor('dist-bind-c');
    await t.http().post(`/api/admin/distributors/${c.distributorId}/disable`).set(staff).expect(200);
    const other = await login('dist-bind-other', c.ref);
    expect(await bindingOf(other.id)).toBeNull();
    expect(await visit(other, 'NOSUCH')).toBe(false);
    await t.http().post(`/api/admin/distributors/${c.distributorId}/enable`).set(staff).expect(200);
    expect(await visit(other, c.ref)).toBe(true);
    await t.http().post('/api/referrals/visit').set(other.auth).send({ ref: 'bad ref!' }).expect(400);

    const visits = await t.ds.query('SELECT source, outcome FROM referral_visit WHERE customerId IN (?, ?, ?) ORDER BY id', [buyer.id, a.id, other.id]);
    expect(visits).toEqual([
      { source: 'LOGIN', outcome: 'BOUND' },
      { source: 'VISIT', outcome: 'SELF' },
      { source: 'VISIT', outcome: 'CYCLE' },
      { source: 'LOGIN', outcome: 'INACTIVE' },
      { source: 'VISIT', outcome: 'UNKNOWN_REF' },
      { source: 'VISIT', outcome: 'BOUND' },
    ]);
    expect((await me(a)).stats).toMatchObject({ visits: 3, boundCustomers: 2 });
  });

  it('five parallel visits of an unbound customer through five distributors bind to exactly one; five parallel approvals approve once', async () => {
    const ds = await Promise.all([1, 2, 3, 4, 5].map((i) => distributor(`dist-race-${i}`)));
    const c = await login('dist-race-customer');
    const bound = await Promise.all(ds.map((d) => visit(c, d.ref)));
    expect(bound.filter(Boolean)).toHaveLength(1);
    const winner = ds[bound.indexOf(true)];
    expect((await bindingOf(c.id))?.distributorId).toBe(winner.distributorId);
    const outcomes = await t.ds.query('SELECT outcome, COUNT(*) AS n FROM referral_visit WHERE customerId = ? GROUP BY outcome ORDER BY outcome', [c.id]);
    expect(outcomes.map((o: { outcome: string; n: unknown }) => [o.outcome, Number(o.n)])).toEqual([
      ['BOUND', 1],
      ['KEPT', 4],
    ]);

    const applicant = await login('dist-race-applicant');
    await t.http().post('/api/distributors/apply').set(applicant.auth).send({ reason: '分享' }).expect(200);
    const row = (await t.http().get('/api/admin/distributors').query({ status: 'PENDING', pageSize: 100 }).set(staff).expect(200)).body.items.find((d: { customerId: number }) => d.customerId === applicant.id);
    const approvals = await Promise.all([1, 2, 3, 4, 5].map(() => t.http().post(`/api/admin/distributors/${row.id}/approve`).set(staff)));
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const audit = await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'distributor.approve' AND targetId = ?", [String(row.id)]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('first-touch keeps the first distributor, last-touch moves; a binding lasts 30 days and a visit through the same distributor renews it', async () => {
    const a = await distributor('dist-touch-a');
    const b = await distributor('dist-touch-b');
    const c = await login('dist-touch-buyer', a.ref);
    expect(await visit(c, b.ref)).toBe(false); // first-touch: stays with A
    expect((await bindingOf(c.id))?.distributorId).toBe(a.distributorId);

    await setRules({ bindingMode: 'LAST_TOUCH' });
    expect(await visit(c, b.ref)).toBe(true);
    expect((await bindingOf(c.id))?.distributorId).toBe(b.distributorId);
    await setRules({ bindingMode: 'FIRST_TOUCH' });

    // 20 days on, a visit through B renews: 30 days from then
    await setClock('2027-03-30T02:00:00.000Z');
    expect(await visit(c, b.ref)).toBe(true);
    expect(await bindingOf(c.id)).toEqual({ distributorId: b.distributorId, expiresAt: around('2027-04-29T02:00:00.000Z') });
    // a minute before it expires A still cannot take the customer; a minute after, first-touch binds whoever comes next
    await setClock('2027-04-29T01:59:00.000Z');
    expect(await visit(c, a.ref)).toBe(false);
    await setClock('2027-04-29T02:01:00.000Z');
    expect(await visit(c, a.ref)).toBe(true);
    expect((await bindingOf(c.id))?.distributorId).toBe(a.distributorId);
    await setClock('2027-03-10T02:00:00.000Z');
  });

  it('commission on a discounted, points-using, partly refunded order to the fen; a card earns too; replays earn nothing more; settles once; level 2', async () => {
    await setClock('2027-03-10T02:00:00.000Z');
    const upper = await distributor('dist-c-upper');
    const d = await distributor('dist-c-koc', upper.ref); // the KOC is bound to `upper` (level 2)
    await setRules({ level2Enabled: true });
    const buyer = await login('dist-c-buyer', d.ref);

    // the card: 19.90 yuan at the default 10 % → 1.99 (level 2: 3 % → 0.60)
    const cardOrder = await buyCard(t, buyer.auth);
    await waitFor(async () => (await order(buyer, cardOrder)).status === 'COMPLETED');
    // the card earned a few points: top the balance up to exactly 1000
    const earned = (await t.http().get('/api/me').set(buyer.auth).expect(200)).body.pointsBalance;
    await withTx(t.ds, (tx) => t.app.get(PointsService).post(tx, { customerId: buyer.id, delta: 1000 - earned, kind: 'ADJUST', dedupeKey: `test:grant:${buyer.id}`, memo: '测试' }));

    const a = await makeSku(t, { priceCents: 12900, memberPriceCents: 9900, stock: 10 }); // category 1
    const b = await makeSku(t, { priceCents: 3333, stock: 10 });
    await setRules({ level2Enabled: true, categoryRates: [{ categoryId: 1, rateBp: 800 }], productRates: [{ productId: b.productId, rateBp: 1500 }] });
    const address = await addAddress(t, buyer.auth);
    const placed = await t.http().post('/api/orders').set(buyer.auth).send({ items: [{ skuId: a.id, qty: 2 }, { skuId: b.id, qty: 1 }], addressId: address, usePoints: true }).expect(201);
    // member price 99 × 2 = 198.00 and 33.33; 1000 points = 10.00 yuan spread by largest remainder:
    // 1000 × 19800 / 23133 = 855.9 → 856, 1000 × 3333 / 23133 = 144.1 → 144; members ship free
    expect(placed.body.payableCents).toBe(19800 + 3333 - 1000);
    const lines = (await t.ds.query('SELECT id, cashPaidCents FROM order_line WHERE orderId = ? ORDER BY id', [placed.body.id])).map((r: { id: number; cashPaidCents: number }) => ({ id: Number(r.id), cash: Number(r.cashPaidCents) }));
    expect(lines.map((l: { cash: number }) => l.cash)).toEqual([19800 - 856, 3333 - 144]);
    await pay(buyer, placed.body.id, { times: 3, concurrent: true }); // the notification delivered three times at once

    // line A: 189.44 × 8 % (category) = 15.1552 → 15.16; line B: 31.89 × 15 % (product) = 4.7835 → 4.78
    const pending = await commissionsOf(d, 'PENDING');
    expect(pending.items).toEqual([
      expect.objectContaining({ orderId: placed.body.id, level: 1, baseCents: 18944 + 3189, amountCents: 1516 + 478, status: 'PENDING' }),
      expect.objectContaining({ orderId: cardOrder, level: 1, baseCents: 1990, amountCents: 199, status: 'PENDING' }),
    ]);
    // level 2 at 3 % per line: 568.32 → 568, 95.67 → 96; the card 59.7 → 60
    expect((await commissionsOf(upper)).items.map((c: { level: number; amountCents: number }) => [c.level, c.amountCents])).toEqual([
      [2, 568 + 96],
      [2, 60],
    ]);
    expect((await me(d)).balances).toMatchObject({ pendingCents: 1994 + 199, availableCents: 0 });

    // one of the two units of A back: 94.72 of its cash; A keeps 15.16 − floor(15.16 × 9472 / 18944) = 7.58
    await refund(buyer, placed.body.id, [{ orderLineId: lines[0].id, qty: 1 }]);
    const after = (await commissionsOf(d, 'PENDING')).items[0];
    expect(after).toMatchObject({ baseCents: 9472 + 3189, amountCents: 758 + 478 });
    expect((await me(d)).balances.pendingCents).toBe(758 + 478 + 199);

    await shipAndConfirm(t, staff, buyer.auth, placed.body.id);
    // 6 days after completion nothing settles; on the 7th day the window has closed
    await setClock('2027-03-16T03:00:00.000Z');
    expect(await runJob('settle-commission')).toEqual({ settled: 0 });
    await setClock('2027-03-17T03:00:00.000Z');
    const runs = await Promise.all([runJob('settle-commission'), runJob('settle-commission')]);
    expect(runs[0].settled + runs[1].settled).toBe(4); // two orders × two levels, each once
    expect(await runJob('settle-commission')).toEqual({ settled: 0 });
    expect((await me(d)).balances).toMatchObject({ pendingCents: 0, availableCents: 758 + 478 + 199 });
    expect((await me(upper)).balances).toMatchObject({ pendingCents: 0, availableCents: 568 + 96 - Math.floor(((568) * 9472) / 18944) + 60 });
    expect((await me(d)).stats).toMatchObject({ orders: 2, paidCents: 9472 + 3189 + 1990, monthRank: expect.any(Number) });
    const ledger = await t.ds.query('SELECT kind, pendingDelta, availableDelta FROM commission_ledger WHERE distributorId = ? ORDER BY id', [d.distributorId]);
    expect(ledger.map((l: { kind: string }) => l.kind)).toEqual(['ACCRUE', 'ACCRUE', 'REDUCE', 'SETTLE', 'SETTLE']);
    const board = (await t.http().get('/api/admin/reports/distributors').query({ month: '2027-03' }).set(staff).expect(200)).body;
    expect(board.items.find((i: { distributorId: number }) => i.distributorId === d.distributorId)).toMatchObject({ orders: 2, paidCents: 9472 + 3189 + 1990, commissionCents: 758 + 478 + 199 });
    await setClock('2027-03-10T02:00:00.000Z');
  });

  it('a paid member who applies is approved at once when the store says so; a fast card refund cancels the card commission', async () => {
    const d = await distributor('dist-auto-koc');
    const member = await login('dist-auto-member', d.ref);
    const card = await buyCard(t, member.auth);
    await waitFor(async () => (await order(member, card)).status === 'COMPLETED');
    expect((await commissionsOf(d)).items).toEqual([expect.objectContaining({ orderId: card, amountCents: 199, status: 'PENDING' })]);

    await setRules({ autoApproveMembers: true });
    const applied = (await t.http().post('/api/distributors/apply').set(member.auth).send({ reason: '会员自荐' }).expect(200)).body;
    expect(applied).toMatchObject({ status: 'APPROVED', refCode: expect.stringMatching(/^[23456789A-HJ-NP-Z]{6}$/) });
    const notMember = await login('dist-auto-plain');
    expect((await t.http().post('/api/distributors/apply').set(notMember.auth).send({ reason: '我也想' }).expect(200)).body.status).toBe('PENDING');
    await setRules({ autoApproveMembers: false });

    // the card back within 7 days, unused: the whole of its cash, so its commission is cancelled
    await t.http().post('/api/membership/refund').set(member.auth).expect(200);
    await waitFor(async () => (await commissionsOf(d)).items[0].status === 'CANCELLED');
    expect((await commissionsOf(d)).items[0]).toMatchObject({ baseCents: 0, amountCents: 0 });
    expect((await me(d)).balances.pendingCents).toBe(0);
  });

  it('a disabled distributor earns nothing on what customers bound before buy, and cannot withdraw', async () => {
    const d = await distributor('dist-off-koc');
    const buyer = await login('dist-off-buyer', d.ref);
    await t.http().post(`/api/admin/distributors/${d.distributorId}/disable`).set(staff).expect(200);
    const card = await buyCard(t, buyer.auth);
    await waitFor(async () => (await order(buyer, card)).status === 'COMPLETED');
    expect((await commissionsOf(d)).total).toBe(0);
    expect((await me(d)).status).toBe('DISABLED');
    expect((await t.http().post('/api/distributors/me/withdrawals').set(d.auth).send({ amountCents: 100 }).expect(409)).body.error.code).toBe('INVALID_STATE');
  });

  it('staff rules are validated and refused, never clamped', async () => {
    const res = await t.http().put('/api/admin/commission-rules').set(staff).send({ ...(await rules()), defaultRateBp: 6000 }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('默认佣金比例');
    await t.http().put('/api/admin/commission-rules').set(staff).send({ ...(await rules()), withdrawMinCents: 600000 }).expect(400);
    await t.http().put('/api/admin/commission-rules').set(staff).send({ ...(await rules()), extra: 1 }).expect(400);
    expect((await rules()).defaultRateBp).toBe(1000);
  });
});
