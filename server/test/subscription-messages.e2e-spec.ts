import request from 'supertest';
import { approvedDistributor, loginWithRef, shipAndConfirm } from './support/distribution';
import { pointsKit } from './support/points';
import { addAddress, makeSku, placeAndPay, simPay, type Auth } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** docs/subscription-messages.md: one consent = one message, each message once, failures give the consent back. */
describe('subscription messages', () => {
  let t: TestApp;
  let staff: Auth;
  const { setClock, runJob } = pointsKit(
    () => t,
    () => staff,
  );

  const TEMPLATES = {
    ORDER_SHIPPED: { templateId: 'tmpl-ship', fields: { character_string1: 'orderNo', thing2: 'goods', thing3: 'carrier', character_string4: 'trackingNo', time5: 'shippedAt' } },
    MEMBER_DAY_TOMORROW: { templateId: 'tmpl-member-day', fields: { thing1: 'name', date2: 'date', thing3: 'hours' } },
    CARD_EXPIRING: { templateId: 'tmpl-card', fields: { time1: 'endsAt', number2: 'daysLeft', thing3: 'tip' } },
    CHECK_IN_STREAK: { templateId: 'tmpl-streak', fields: { number1: 'streak', date2: 'date' } },
    COMMISSION_SETTLED: { templateId: 'tmpl-commission', fields: { amount1: 'amount', character_string2: 'orderNo', time3: 'settledAt' } },
  } as const;

  const sim = () => request(t.simUrl);
  const messagesTo = async (openid: string) => (await sim().get('/_sim/messages').query({ touser: openid }).expect(200)).body.messages as { template_id: string; page?: string; data: Record<string, { value: string }> }[];
  const consent = (auth: Auth, results: Record<string, string>) => t.http().post('/api/subscriptions/consents').set(auth).send({ results });
  const log = async (q: Record<string, unknown>) => (await t.http().get('/api/admin/subscription-messages').query({ pageSize: 100, ...q }).set(staff).expect(200)).body;
  const ship = (orderId: number, trackingNo = `SF${orderId}`) => t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo }).expect(200);

  let skuId: number;
  const paidOrder = async (c: { auth: Auth }) => placeAndPay(t, c.auth, [{ skuId, qty: 1 }], await addAddress(t, c.auth));

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    for (const [kind, tpl] of Object.entries(TEMPLATES)) {
      await t.http().put(`/api/admin/subscription-templates/${kind}`).set(staff).send({ ...tpl, page: null, enabled: true }).expect(200);
    }
    skuId = (await makeSku(t, { priceCents: 2990, stock: 1000, title: '明前龙井 250g 礼盒装（特级）' })).id;
  }, 120_000);
  afterAll(() => t.close(), 90_000);

  it('staff set templates: refused field by field, never half saved, audited', async () => {
    const bad = await t.http().put('/api/admin/subscription-templates/ORDER_SHIPPED').set(staff).send({ templateId: 'tmpl-other', fields: { amount1: 'goods', colour2: 'orderNo' }, page: null, enabled: true }).expect(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['fields.amount1', 'fields.colour2']);
    await t.http().put('/api/admin/subscription-templates/NOPE').set(staff).send({ templateId: 'x', fields: {}, page: null, enabled: false }).expect(400);
    await t.http().put('/api/admin/subscription-templates/ORDER_SHIPPED').set(staff).send({ templateId: 'tmpl-ship', fields: {}, enabled: true, extra: 1 }).expect(400);
    const list = (await t.http().get('/api/admin/subscription-templates').set(staff).expect(200)).body;
    expect(list.map((x: { kind: string }) => x.kind)).toEqual(['ORDER_SHIPPED', 'MEMBER_DAY_TOMORROW', 'CARD_EXPIRING', 'CHECK_IN_STREAK', 'COMMISSION_SETTLED', 'CAMPAIGN']);
    expect(list[0]).toMatchObject({ templateId: 'tmpl-ship', fields: TEMPLATES.ORDER_SHIPPED.fields, enabled: true, title: '订单发货通知' });
    const audit = (await t.http().get('/api/admin/audit-log').query({ pageSize: 100 }).set(staff).expect(200)).body.items;
    expect(audit.filter((a: { action: string }) => a.action === 'subscription-template.update')).toHaveLength(5);
  });

  it('the mini-program gets the enabled templates of a scene; consents count only accepts of enabled templates', async () => {
    const c = await t.customer('msg-scenes');
    const scene = (s: string) => t.http().get('/api/subscriptions/templates').query({ scene: s }); // no token needed
    expect((await scene('member-day').expect(200)).body.templates.map((x: { templateId: string }) => x.templateId)).toEqual(['tmpl-member-day', 'tmpl-card']);
    expect((await scene('after-order').expect(200)).body.templates).toEqual([{ kind: 'ORDER_SHIPPED', templateId: 'tmpl-ship', title: '订单发货通知' }]);
    await scene('somewhere').expect(400);
    const res = await consent(c.auth, { 'tmpl-ship': 'accept', 'tmpl-card': 'reject', 'tmpl-unknown': 'accept' }).expect(200);
    expect(res.body.credits).toEqual({ 'tmpl-ship': 1, 'tmpl-card': 0, 'tmpl-unknown': 0 });
    await consent(c.auth, { 'tmpl-ship': 'maybe' }).expect(400);
    await consent(c.auth, {}).expect(400);
    await t.http().post('/api/subscriptions/consents').send({ results: { 'tmpl-ship': 'accept' } }).expect(401);
  });

  it('consent then ship: exactly one message with the mapped data; shipping without consent is skipped', async () => {
    const c = await t.customer('msg-ship');
    await consent(c.auth, { 'tmpl-ship': 'accept' }).expect(200);
    const orderId = await paidOrder(c);
    await ship(orderId, 'SF123456');
    const [m, ...more] = await messagesTo('msg-ship');
    expect(more).toEqual([]);
    const order = (await t.http().get(`/api/orders/${orderId}`).set(c.auth).expect(200)).body;
    expect(m).toMatchObject({ template_id: 'tmpl-ship', page: `order/pages/detail/index?id=${orderId}` });
    expect(Object.keys(m.data).sort()).toEqual(Object.keys(TEMPLATES.ORDER_SHIPPED.fields).sort());
    expect(m.data.character_string1.value).toBe(order.orderNo);
    expect(m.data.thing2.value).toBe('明前龙井 250g 礼盒装（特级）');
    expect(m.data).toMatchObject({ thing3: { value: '顺丰' }, character_string4: { value: 'SF123456' } });
    expect(m.data.time5.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    const second = await paidOrder(c);
    await ship(second);
    expect(await messagesTo('msg-ship')).toHaveLength(1);
    const rows = (await log({ customerId: c.id })).items;
    expect(rows.map((r: { status: string; dedupeKey: string }) => [r.status, r.dedupeKey])).toEqual([
      ['SKIPPED', String(second)],
      ['SENT', String(orderId)],
    ]);
    expect(rows[0].error).toContain('没有可用的订阅');
  });

  it('two consents: at most two messages, also when three orders ship at once', async () => {
    const c = await t.customer('msg-two');
    await consent(c.auth, { 'tmpl-ship': 'accept' }).expect(200);
    expect((await consent(c.auth, { 'tmpl-ship': 'accept' }).expect(200)).body.credits['tmpl-ship']).toBe(2);
    const orders = [await paidOrder(c), await paidOrder(c), await paidOrder(c)];
    await Promise.all(orders.map((id) => ship(id)));
    expect(await messagesTo('msg-two')).toHaveLength(2);
    const statuses = (await log({ customerId: c.id })).items.map((r: { status: string }) => r.status).sort();
    expect(statuses).toEqual(['SENT', 'SENT', 'SKIPPED']);
    expect((await consent(c.auth, { 'tmpl-ship': 'reject' }).expect(200)).body.credits['tmpl-ship']).toBe(0);
  });

  it('consents sent at once all count: eight accepts, eight messages allowed', async () => {
    const c = await t.customer('msg-parallel-consents');
    const answers = await Promise.all(Array.from({ length: 8 }, () => consent(c.auth, { 'tmpl-ship': 'accept', 'tmpl-card': 'accept' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect((await consent(c.auth, { 'tmpl-ship': 'reject', 'tmpl-card': 'reject' }).expect(200)).body.credits).toEqual({ 'tmpl-ship': 8, 'tmpl-card': 8 });
  });

  it('a send WeChat refuses gives the consent back and records the error', async () => {
    const c = await t.customer('msg-fail');
    await consent(c.auth, { 'tmpl-ship': 'accept' }).expect(200);
    await sim().post('/_sim/messages/fail').send({ errcode: 43101 }).expect(200);
    const failed = await paidOrder(c);
    await ship(failed);
    expect(await messagesTo('msg-fail')).toEqual([]);
    const [row] = (await log({ customerId: c.id, status: 'FAILED' })).items;
    expect(row).toMatchObject({ dedupeKey: String(failed), error: '43101 user refuse to accept the msg' });
    expect((await consent(c.auth, { 'tmpl-ship': 'reject' }).expect(200)).body.credits['tmpl-ship']).toBe(1);
    await ship(await paidOrder(c));
    expect(await messagesTo('msg-fail')).toHaveLength(1);
  });

  it('member day tomorrow: once per date, also when the job runs twice at once', async () => {
    const c = await t.customer('msg-member-day');
    await consent(c.auth, { 'tmpl-member-day': 'accept' }).expect(200);
    await consent(c.auth, { 'tmpl-member-day': 'accept' }).expect(200);
    await setClock('2027-03-04T02:00:00.000Z'); // the seeded member day is the 7th: not tomorrow
    expect(await runJob('member-day-messages')).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await setClock('2027-03-06T02:00:00.000Z');
    const runs = await Promise.all([runJob('member-day-messages'), runJob('member-day-messages')]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    expect(await runJob('member-day-messages')).toMatchObject({ sent: 0 });
    const [m, ...more] = await messagesTo('msg-member-day');
    expect(more).toEqual([]);
    expect(m).toMatchObject({ template_id: 'tmpl-member-day', page: 'member/pages/member-day/index', data: { date2: { value: '2027年3月7日' } } });
    await setClock(null);
  });

  it('card expiring in 3 days: the reminder job sends once per end date, also run twice at once', async () => {
    const c = await t.customer('msg-card');
    await consent(c.auth, { 'tmpl-card': 'accept' }).expect(200);
    await consent(c.auth, { 'tmpl-card': 'accept' }).expect(200);
    await setClock('2027-04-01T02:00:00.000Z');
    const plans = (await t.http().get('/api/membership/plans').expect(200)).body.items;
    const order = await t.http().post('/api/membership/orders').set(c.auth).send({ planId: plans[0].id }).expect(201);
    const pay = await t.http().post(`/api/orders/${order.body.id}/pay`).set(c.auth).expect(200);
    await simPay(t, pay.body.params.package, { paidAt: '2027-04-01T02:00:00.000Z' });
    const [{ endsAt }] = await t.ds.query('SELECT endsAt FROM membership WHERE customerId = ?', [c.id]);
    const ends = new Date(endsAt);
    expect(await runJob('card-expiry-reminders')).toMatchObject({ reminded: 0 });
    await setClock(new Date(ends.getTime() - 2 * 86_400_000).toISOString());
    const runs = await Promise.all([runJob('card-expiry-reminders'), runJob('card-expiry-reminders')]);
    expect(runs[0].reminded + runs[1].reminded).toBeGreaterThanOrEqual(1);
    await runJob('card-expiry-reminders');
    const [m, ...more] = await messagesTo('msg-card');
    expect(more).toEqual([]);
    expect(m).toMatchObject({ template_id: 'tmpl-card', data: { number2: { value: '2' } } });
    await setClock(null);
  });

  it('check-in streak about to break: in the evening, once a day, also run twice at once', async () => {
    const c = await t.customer('msg-streak');
    const quitter = await t.customer('msg-streak-done');
    for (const who of [c, quitter]) {
      await consent(who.auth, { 'tmpl-streak': 'accept' }).expect(200);
      await consent(who.auth, { 'tmpl-streak': 'accept' }).expect(200);
    }
    for (const day of ['2027-05-01', '2027-05-02']) {
      await setClock(`${day}T02:00:00.000Z`);
      for (const who of [c, quitter]) await t.http().post('/api/points/check-in').set(who.auth).expect(200);
    }
    await setClock('2027-05-03T02:00:00.000Z'); // 10:00 in Shanghai: not the evening yet
    await t.http().post('/api/points/check-in').set(quitter.auth).expect(200); // checked in today: nothing to remind
    expect(await runJob('check-in-streak-messages')).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await setClock('2027-05-03T12:30:00.000Z'); // 20:30
    const runs = await Promise.all([runJob('check-in-streak-messages'), runJob('check-in-streak-messages')]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    expect(await runJob('check-in-streak-messages')).toMatchObject({ sent: 0 });
    expect(await messagesTo('msg-streak-done')).toEqual([]);
    const [m, ...more] = await messagesTo('msg-streak');
    expect(more).toEqual([]);
    expect(m).toMatchObject({ template_id: 'tmpl-streak', data: { number1: { value: '2' }, date2: { value: '2027年5月3日' } } });
    await setClock(null);
  });

  it('commission settled: one message per settlement, also when the job runs twice at once', async () => {
    const d = await approvedDistributor(t, staff, 'msg-distributor');
    await consent(d.auth, { 'tmpl-commission': 'accept' }).expect(200);
    await consent(d.auth, { 'tmpl-commission': 'accept' }).expect(200);
    await setClock('2027-06-01T02:00:00.000Z'); // before the visit: the binding runs from it
    const buyer = await loginWithRef(t, 'msg-distributor-buyer', d.ref);
    const orderId = await placeAndPay(t, buyer.auth, [{ skuId, qty: 1 }], await addAddress(t, buyer.auth), '2027-06-01T02:00:00.000Z');
    await shipAndConfirm(t, staff, buyer.auth, orderId);
    expect(await runJob('commission-messages')).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await setClock('2027-06-20T02:00:00.000Z');
    expect((await runJob('settle-commission')).settled).toBeGreaterThanOrEqual(1);
    const runs = await Promise.all([runJob('commission-messages'), runJob('commission-messages')]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    const [m, ...more] = await messagesTo('msg-distributor');
    expect(more).toEqual([]);
    const [commission] = (await t.http().get('/api/distributors/me/commissions').set(d.auth).expect(200)).body.items;
    expect(m).toMatchObject({ template_id: 'tmpl-commission', data: { amount1: { value: `${(commission.amountCents / 100).toFixed(2)}元` } } });
    await setClock(null);
  });

  it('the admin log pages and filters', async () => {
    const page = await log({ page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    expect((await log({ status: 'FAILED' })).items.every((r: { status: string }) => r.status === 'FAILED')).toBe(true);
    await t.http().get('/api/admin/subscription-messages').query({ status: 'LOST' }).set(staff).expect(400);
  });
});
