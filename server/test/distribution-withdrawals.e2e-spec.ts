import { WechatPayClient } from '../src/wechat';
import { approvedDistributor, loginWithRef, shipAndConfirm, type ApprovedDistributor as Distributor, type Who } from './support/distribution';
import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { addAddress, approveRefund, type Auth, makeSku, simPay, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';


describe('commission withdrawals on MariaDB: parallel requests, transfers, failures, refunds after payout', () => {
  let t: TestApp;
  let staff: Auth;
  let day = Date.parse('2027-05-03T02:00:00.000Z'); // a Monday; each earning moves the clock on
  const { setClock, runJob, order } = pointsKit(
    () => t,
    () => staff,
  );
  const login = (openid: string, ref?: string) => loginWithRef(t, openid, ref);
  const balances = async (d: Who) => (await t.http().get('/api/distributors/me').set(d.auth).expect(200)).body.balances;
  const withdraw = (d: Who, amountCents: number, key?: string) => {
    const req = t.http().post('/api/distributors/me/withdrawals').set(d.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ amountCents });
  };
  const at = (ms: number) => setClock(new Date(ms).toISOString());

  const distributor = (openid: string) => approvedDistributor(t, staff, openid);

  /**
   * A customer bound to `d` buys goods of `priceCents` (10 % commission), the order completes;
   * `beforeSettle` runs while the after-sale window is open; then the window closes and the job settles.
   */
  async function earn(d: Distributor, openid: string, priceCents: number, beforeSettle?: (buyer: Who, orderId: number) => Promise<void>) {
    await at(day);
    const buyer = await login(openid, d.ref);
    const sku = await makeSku(t, { priceCents, stock: 5 });
    const placed = await t.http().post('/api/orders').set(buyer.auth).send({ items: [{ skuId: sku.id, qty: 1 }], addressId: await addAddress(t, buyer.auth) }).expect(201);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(buyer.auth).expect(200);
    await simPay(t, pay.body.params.package);
    await waitFor(async () => (await order(buyer, placed.body.id)).status === 'PAID');
    await shipAndConfirm(t, staff, buyer.auth, placed.body.id);
    if (beforeSettle) await beforeSettle(buyer, placed.body.id);
    day += 8 * 86_400_000;
    await at(day);
    await runJob('settle-commission');
    return { buyer, orderId: placed.body.id as number };
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
  });
  afterEach(async () => expectLedgersBalanced(t));
  // closing waits for the simulator's transfer notifications still in flight (one CI run needed more than 30 s)
  afterAll(async () => {
    await setClock(null);
    await t.close();
  }, 90_000);

  it('six parallel withdrawals of the whole balance: exactly one freezes it; a replayed key returns it; minimum and daily cap refuse', async () => {
    const d = await distributor('wd-race');
    await earn(d, 'wd-race-buyer', 50000); // 10 % → 50.00 yuan
    expect(await balances(d)).toMatchObject({ pendingCents: 0, availableCents: 5000 });

    await withdraw(d, 99).expect(400); // below the 1-yuan minimum
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => withdraw(d, 5000, `race-${i}`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('INSUFFICIENT_BALANCE');
    const winner = results.find((r) => r.status === 201)!;
    expect(winner.body).toMatchObject({ amountCents: 5000, status: 'PENDING' });
    expect(await balances(d)).toMatchObject({ availableCents: 0, frozenCents: 5000 });
    const key = `race-${results.indexOf(winner)}`;
    expect((await withdraw(d, 5000, key).expect(201)).body.id).toBe(winner.body.id);
    expect((await t.http().get('/api/distributors/me/withdrawals').set(d.auth).expect(200)).body.total).toBe(1);

    // rejected: the money goes back
    await t.http().post(`/api/admin/withdrawals/${winner.body.id}/reject`).set(staff).send({ reason: '信息不符' }).expect(200);
    expect(await balances(d)).toMatchObject({ availableCents: 5000, frozenCents: 0 });
    await t.http().post(`/api/admin/withdrawals/${winner.body.id}/approve`).set(staff).expect(409);

    // a daily cap of 30 yuan: 20 then 20 is too much today
    const rules = (await t.http().get('/api/admin/commission-rules').set(staff).expect(200)).body;
    await t.http().put('/api/admin/commission-rules').set(staff).send({ ...rules, withdrawDailyCapCents: 3000 }).expect(200);
    await withdraw(d, 2000).expect(201);
    expect((await withdraw(d, 2000).expect(409)).body.error.code).toBe('LIMIT_EXCEEDED');
    await t.http().put('/api/admin/commission-rules').set(staff).send(rules).expect(200);
  });

  it('approved: paid by a merchant transfer with a stable out_batch_no; a refund after the payout is owed, and later earnings pay it off first', async () => {
    const d = await distributor('wd-paid');
    let refundId = 0;
    const first = await earn(d, 'wd-paid-buyer', 30000, async (buyer, orderId) => {
      // asked within the window, approved after the commission settled and was paid out
      refundId = (await t.http().post(`/api/orders/${orderId}/refunds`).set(buyer.auth).send({ reason: '质量问题' }).expect(201)).body.id;
    });
    expect(await balances(d)).toMatchObject({ availableCents: 3000 });
    const w = (await withdraw(d, 3000).expect(201)).body;
    const approved = (await t.http().post(`/api/admin/withdrawals/${w.id}/approve`).set(staff).expect(200)).body;
    expect(approved).toMatchObject({ status: 'PAID', outBatchNo: expect.stringMatching(/^WD\d{22}$/) });
    expect(await balances(d)).toMatchObject({ availableCents: 0, frozenCents: 0, withdrawnCents: 3000 });
    expect((await t.http().get('/api/distributors/me/commissions').set(d.auth).expect(200)).body.items[0]).toMatchObject({ status: 'WITHDRAWN', amountCents: 3000 });
    const sim = await (await fetch(`${t.simUrl}/_sim/state`)).json();
    expect(sim.transfers.filter((b: { out_bill_no: string }) => b.out_bill_no === approved.outBatchNo)).toEqual([expect.objectContaining({ transfer_amount: 3000, state: 'SUCCESS' })]);

    // the refund completes now: the 30 yuan already paid out is owed, not clamped away
    await approveRefund(t, staff, first.buyer.auth, first.orderId, refundId); // the goods come back first (shipped order)
    await waitFor(async () => (await order(first.buyer, first.orderId)).refunds[0]?.status === 'REFUNDED');
    expect(await balances(d)).toMatchObject({ availableCents: 0, withdrawnCents: 3000, owedCents: 3000 });
    const [clawback] = await t.ds.query("SELECT availableDelta, owedDelta FROM commission_ledger WHERE distributorId = ? AND kind = 'CLAWBACK'", [d.distributorId]);
    expect({ available: Number(clawback.availableDelta), owed: Number(clawback.owedDelta) }).toEqual({ available: 0, owed: 3000 });

    // the next 50 yuan of commission pays off the 30 owed first
    await earn(d, 'wd-paid-buyer-2', 50000);
    expect(await balances(d)).toMatchObject({ availableCents: 2000, owedCents: 0 });
    const audit = await t.ds.query("SELECT action FROM audit_log WHERE targetType = 'withdrawal' AND targetId = ?", [String(w.id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['withdrawal.approve']);
  });

  it('a failed transfer returns the money; a timed-out one is asked about by the job and paid once', async () => {
    const d = await distributor('wd-fail');
    await earn(d, 'wd-fail-buyer', 60000); // 60.00 yuan
    const a = (await withdraw(d, 2000).expect(201)).body;
    await fetch(`${t.simUrl}/_sim/transfers/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, reason: 'ACCOUNT_FROZEN' }) });
    const failed = (await t.http().post(`/api/admin/withdrawals/${a.id}/approve`).set(staff).expect(200)).body;
    expect(failed).toMatchObject({ status: 'FAILED', failReason: expect.stringContaining('ACCOUNT_FROZEN') });
    expect(await balances(d)).toMatchObject({ availableCents: 6000, frozenCents: 0, withdrawnCents: 0 });
    expect((await runJob('sync-transfers')).paid).toBe(0);

    // the transfer reaches WeChat but the answer is lost: the withdrawal waits, the job finds it paid
    const pay = t.app.get(WechatPayClient);
    const real = pay.transfer.bind(pay);
    const lost = jest.spyOn(pay, 'transfer').mockImplementationOnce(async (i) => {
      await real(i);
      throw new Error('socket hang up');
    });
    const b = (await withdraw(d, 2500).expect(201)).body;
    expect((await t.http().post(`/api/admin/withdrawals/${b.id}/approve`).set(staff).expect(200)).body.status).toBe('APPROVED');
    // the transfer never reaches WeChat: the job sends it again with the same out_batch_no
    jest.spyOn(pay, 'transfer').mockRejectedValueOnce(new Error('connect ETIMEDOUT'));
    const c = (await withdraw(d, 1000).expect(201)).body;
    const cView = (await t.http().post(`/api/admin/withdrawals/${c.id}/approve`).set(staff).expect(200)).body;
    expect(cView.status).toBe('APPROVED');
    lost.mockRestore();

    // (the simulator's transfer notification may settle the first one before the job does)
    await Promise.all([runJob('sync-transfers'), runJob('sync-transfers')]);
    const list = (await t.http().get('/api/admin/withdrawals').set(staff).expect(200)).body.items;
    expect(list.filter((w: { id: number }) => [b.id, c.id].includes(w.id)).map((w: { status: string }) => w.status)).toEqual(['PAID', 'PAID']);
    expect(await balances(d)).toMatchObject({ availableCents: 6000 - 2500 - 1000, frozenCents: 0, withdrawnCents: 3500 });
    const sim = await (await fetch(`${t.simUrl}/_sim/state`)).json();
    expect(sim.transfers.filter((x: { out_bill_no: string }) => x.out_bill_no === cView.outBatchNo)).toHaveLength(1);
  });
});
