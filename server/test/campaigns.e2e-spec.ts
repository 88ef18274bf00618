import { storeDayAt } from '@mc/shared';
import { In, Like } from 'typeorm';
import { AuditLog } from '../src/common/audit/audit-log.entity';
import { CampaignRecipient } from '../src/modules/campaign/entities/campaign-recipient.entity';
import { CheckIn } from '../src/modules/check-in/entities/check-in.entity';
import { Coupon } from '../src/modules/coupon/entities/coupon.entity';
import { Customer } from '../src/modules/customer/entities/customer.entity';
import { Distributor } from '../src/modules/distribution/entities/distributor.entity';
import { Membership } from '../src/modules/membership/entities/membership.entity';
import { OrderAdjustment } from '../src/modules/order/entities/order-adjustment.entity';
import { Order } from '../src/modules/order/entities/order.entity';
import { PointsLedger } from '../src/modules/points/entities/points-ledger.entity';
import { expectLedgersBalanced } from './support/ledgers';
import type { Auth } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const NOW = new Date('2026-12-15T04:00:00.000Z');
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);

/** Segments and campaigns on MariaDB: a hand-counted RFM report, and campaigns that grant exactly once per recipient. */
describe('segments and campaigns on MariaDB', () => {
  let t: TestApp;
  let operator: Auth;
  let finance: Auth;
  let orderNo = 0;
  const ids: Record<string, number> = {};

  const order = async (customerId: number, o: Partial<Order> & { adjustments?: string[] }) => {
    const { adjustments = [], ...fields } = o;
    const payable = fields.payableCents ?? 1000;
    const row = await t.ds.getRepository(Order).insert({
      orderNo: `SEG${String(++orderNo).padStart(8, '0')}`,
      customerId,
      kind: 'GOODS',
      status: 'COMPLETED',
      goodsCents: payable,
      discountCents: 0,
      shippingCents: 0,
      shippingPaidCents: 0,
      pointsUsed: 0,
      pointsValueCents: 0,
      payableCents: payable,
      pointsToEarn: 0,
      refundedCents: 0,
      createdAt: fields.paidAt ?? NOW,
      ...fields,
    });
    const orderId = row.identifiers[0].id as number;
    for (const kind of adjustments) {
      await t.ds.getRepository(OrderAdjustment).insert({ orderId, orderLineId: null, kind, amountCents: -100, label: kind, sourceType: 'SKU', sourceId: null });
    }
    return orderId;
  };

  const report = async (query: Record<string, string | number> = {}) => (await t.http().get('/api/admin/reports/segments').query(query).set(finance).expect(200)).body;
  const counts = (r: { groups: { group: string; count: number }[]; tags: { tag: string; count: number }[] }) => ({
    groups: Object.fromEntries(r.groups.map((g) => [g.group, g.count])),
    tags: Object.fromEntries(r.tags.map((g) => [g.tag, g.count])),
  });
  const members = async (query: Record<string, string | number>) => (await t.http().get('/api/admin/reports/segments/customers').query(query).set(operator).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    operator = await t.staff('operator', 'admin123');
    finance = await t.staff('finance', 'admin123');
    await t.http().post('/api/dev/clock').send({ now: NOW.toISOString() }).expect(200);
  });
  afterAll(() => t.close());

  it('the report equals a hand count: eight groups from quintiles of R, F and M, and the tags', async () => {
    const before = counts(await report({ checkInDays: 3 }));
    expect(Object.values(before.groups).every((n) => n === 0)).toBe(true);
    for (const name of 'ABCDEFGHIJKL') ids[name] = (await t.customer(`seg-${name}`)).id;
    // days since the last order, orders, yuan in all: each column 1…10 apart, so two customers per score
    const table: [string, number, number, number][] = [
      ['A', 1, 10, 1000], // R5 F5 M5 重要价值
      ['B', 2, 9, 900], //   R5 F5 M5 重要价值
      ['C', 3, 1, 800], //   R4 F1 M4 重要发展
      ['D', 4, 2, 700], //   R4 F1 M4 重要发展
      ['E', 9, 8, 600], //   R1 F4 M3 重要保持
      ['F', 10, 7, 500], //  R1 F4 M3 重要保持
      ['G', 5, 6, 100], //   R3 F3 M1 一般价值
      ['H', 6, 5, 200], //   R3 F3 M1 一般价值
      ['I', 7, 3, 300], //   R2 F2 M2 一般挽留
      ['J', 8, 4, 400], //   R2 F2 M2 一般挽留
    ];
    for (const [name, days, n, yuan] of table) {
      const each = Math.floor((yuan * 100) / n);
      for (let k = 0; k < n; k++) {
        const latest = k === n - 1;
        // I's money is in part a refunded part: 200 paid, 100 refunded back, still 100 kept
        const partial = name === 'I' && k === 0;
        await order(ids[name], {
          paidAt: latest ? ago(days) : ago(days + 20 + k),
          payableCents: (latest ? yuan * 100 - each * (n - 1) : each) + (partial ? each : 0),
          refundedCents: partial ? each : 0,
          // C and D bought only with a discount (member price, coupon); E once at full price; F paid with points (no discount)
          adjustments: name === 'C' ? ['MEMBER_PRICE'] : name === 'D' ? ['COUPON', 'SHIPPING_WAIVER'] : name === 'E' && k > 0 ? ['TIER_DISCOUNT'] : name === 'F' ? ['POINTS'] : [],
        });
      }
    }
    // not counted: outside the window, a card, unpaid, wholly refunded
    await order(ids.A, { paidAt: ago(400), payableCents: 9_000_00 });
    await order(ids.B, { paidAt: ago(1), kind: 'MEMBER_CARD', payableCents: 9_000_00 });
    await order(ids.C, { paidAt: null, status: 'PENDING_PAYMENT', payableCents: 9_000_00 });
    await order(ids.J, { paidAt: ago(0, 1), status: 'REFUNDED', payableCents: 9_000_00, refundedCents: 9_000_00 });

    const membership = (customerId: number, endsAt: Date) => t.ds.getRepository(Membership).insert({ customerId, endsAt, expiredAt: null, remindedFor: null, updatedAt: NOW });
    await membership(ids.A, new Date(NOW.getTime() + 10 * DAY));
    await membership(ids.K, new Date(NOW.getTime() + DAY));
    await membership(ids.B, ago(1));
    await membership(ids.L, ago(100));
    const distributor = (customerId: number, status: Distributor['status']) =>
      t.ds.getRepository(Distributor).insert({ customerId, status, refCode: null, isGuide: false, reason: '', rejectReason: null, appliedAt: NOW, reviewedAt: null, reviewedBy: null });
    await distributor(ids.A, 'APPROVED');
    await distributor(ids.B, 'PENDING');
    const month = storeDayAt('Asia/Shanghai', NOW).slice(0, 7);
    const checkIn = (customerId: number, storeDay: string) => t.ds.getRepository(CheckIn).insert({ customerId, storeDay, streak: 1, pointsAwarded: 5, madeUp: false, createdAt: NOW });
    for (const d of ['01', '02', '03']) await checkIn(ids.C, `${month}-${d}`);
    for (const d of ['05', '06']) await checkIn(ids.D, `${month}-${d}`);
    for (const d of ['25', '26', '27', '28', '29']) await checkIn(ids.D, `2026-11-${d}`);

    const r = await report({ checkInDays: 3 });
    expect(r).toMatchObject({ windowDays: 365, checkInDays: 3, month: '2026-12', buyers: 10 });
    expect(Date.parse(r.asOf) - NOW.getTime()).toBeLessThan(60_000); // the dev clock, set to NOW, ticks on
    expect(r.scores).toEqual({ r: [2, 2, 2, 2, 2], f: [2, 2, 2, 2, 2], m: [2, 2, 2, 2, 2] });
    expect(r.cuts).toEqual({ recencyDays: [9, 7, 5, 3], orders: [2, 4, 6, 8], monetaryCents: [20000, 40000, 60000, 80000] });
    const got = counts(r);
    expect(got.groups).toEqual({
      IMPORTANT_VALUE: 2,
      IMPORTANT_DEVELOP: 2,
      IMPORTANT_RETAIN: 2,
      IMPORTANT_WINBACK: 0,
      GENERAL_VALUE: 2,
      GENERAL_DEVELOP: 0,
      GENERAL_RETAIN: 0,
      GENERAL_WINBACK: 2,
    });
    const delta = Object.fromEntries(Object.entries(got.tags).map(([k, v]) => [k, v - before.tags[k]]));
    expect(delta).toEqual({ PAID_MEMBER: 2, DISTRIBUTOR: 1, CHECK_IN_ACTIVE: 1, LAPSED_MEMBER: 2, DISCOUNT_ONLY: 2 });
    expect(counts(await report({ checkInDays: 2 })).tags.CHECK_IN_ACTIVE - before.tags.CHECK_IN_ACTIVE).toBe(2);
    // a window of 7 days: the latest orders of A, B, C, D, G and H; I's, 7 days before NOW, is just out (the clock ticks on from NOW)
    expect((await report({ windowDays: 7 })).buyers).toBe(6);

    const value = await members({ groups: 'IMPORTANT_VALUE' });
    expect(value.items.map((c: { id: number }) => c.id)).toEqual([ids.B, ids.A]);
    expect(value.items[1]).toMatchObject({ group: 'IMPORTANT_VALUE', scores: { r: 5, f: 5, m: 5 }, orders: 10, monetaryCents: 100000, lastPaidAt: ago(1).toISOString() });
    expect(value.items[1].tags).toEqual(expect.arrayContaining(['PAID_MEMBER', 'DISTRIBUTOR']));
    expect((await members({ groups: 'IMPORTANT_VALUE', tags: 'DISTRIBUTOR' })).items.map((c: { id: number }) => c.id)).toEqual([ids.A]);
    expect((await members({ groups: 'IMPORTANT_DEVELOP,GENERAL_WINBACK', tags: 'DISCOUNT_ONLY' })).items.map((c: { id: number }) => c.id)).toEqual([ids.D, ids.C]);
    expect((await members({ tags: 'PAID_MEMBER,LAPSED_MEMBER' })).total).toBe(0);
    const lapsed = await members({ tags: 'LAPSED_MEMBER', pageSize: 1, page: 2 });
    expect(lapsed.total).toBe(2 + before.tags.LAPSED_MEMBER);
    expect(lapsed.items).toHaveLength(1);
    const k = (await members({ tags: 'PAID_MEMBER' })).items.find((c: { id: number }) => c.id === ids.K);
    expect(k).toMatchObject({ group: null, scores: null, orders: 0, monetaryCents: 0, lastPaidAt: null, tags: ['PAID_MEMBER'] });

    // the customer list filtered by a segment: its own rows, the same customers
    const list = async (query: Record<string, string>) => (await t.http().get('/api/admin/customers').query(query).set(finance).expect(200)).body;
    const valued = await list({ groups: 'IMPORTANT_VALUE' });
    expect(valued.items.map((c: { id: number }) => c.id)).toEqual([ids.B, ids.A]);
    expect(valued.items[1]).toMatchObject({ id: ids.A, isMember: true, ordersCount: 11 }); // the list counts every paid order, the one out of the window too
    expect((await list({ tags: 'DISCOUNT_ONLY', groups: 'IMPORTANT_DEVELOP' })).total).toBe(2);
    expect((await list({ groups: 'GENERAL_DEVELOP' })).total).toBe(0);
    await t.http().get('/api/admin/customers').query({ tags: 'VIP' }).set(finance).expect(400);
  });

  it('refuses bad report parameters with the field named', async () => {
    const bad = async (path: string, query: Record<string, string | number>, field: string) => {
      const res = await t.http().get(path).query(query).set(operator).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    };
    await bad('/api/admin/reports/segments', { windowDays: 0 }, 'windowDays');
    await bad('/api/admin/reports/segments', { windowDays: 'abc' }, 'windowDays');
    await bad('/api/admin/reports/segments', { checkInDays: 32 }, 'checkInDays');
    await bad('/api/admin/reports/segments/customers', { groups: 'NOPE' }, 'groups');
    await bad('/api/admin/reports/segments/customers', { tags: 'PAID_MEMBER,VIP' }, 'tags');
    await bad('/api/admin/reports/segments/customers', {}, 'groups');
    await bad('/api/admin/reports/segments/customers', { tags: 'PAID_MEMBER', extra: 1 }, 'extra');
  });

  describe('campaigns', () => {
    const crowd: number[] = [];
    let templateId: number;

    const create = async (body: Record<string, unknown>) => (await t.http().post('/api/admin/campaigns').set(operator).send(body).expect(201)).body;
    const start = async (id: number) => (await t.http().post(`/api/admin/campaigns/${id}/start`).set(operator).expect(200)).body;
    const get = async (id: number) => (await t.http().get(`/api/admin/campaigns/${id}`).set(operator).expect(200)).body;
    const runJob = async () => (await t.http().post('/api/dev/jobs/run').send({ name: 'run-campaigns' }).expect(200)).body.result;
    const runUntilDone = async (id: number, parallel = 1) => {
      for (let i = 0; i < 100 && (await get(id)).status !== 'DONE'; i++) await Promise.all(Array.from({ length: parallel }, runJob));
      return get(id);
    };
    /** Exactly one grant per recipient of the campaign, and none to anyone else. */
    const expectOnceEach = async (campaignId: number, kind: 'COUPON' | 'POINTS') => {
      const recipients = await t.ds.getRepository(CampaignRecipient).findBy({ campaignId });
      const grants =
        kind === 'COUPON'
          ? (await t.ds.getRepository(Coupon).findBy({ dedupeKey: Like(`campaign:${campaignId}:%`) })).map((c) => c.customerId)
          : (await t.ds.getRepository(PointsLedger).findBy({ dedupeKey: Like(`campaign:${campaignId}:customer:%`) })).map((l) => l.customerId);
      const sent = recipients.filter((r) => r.status === 'SENT').map((r) => r.customerId);
      expect(grants.length).toBe(new Set(grants).size);
      expect(grants.sort((a, b) => a - b)).toEqual(sent.sort((a, b) => a - b));
      return { recipients: recipients.length, grants: grants.length };
    };

    beforeAll(async () => {
      // a thousand paid members who never bought (their tag, not an RFM group, is the audience)
      const now = NOW;
      const rows = Array.from({ length: 1000 }, (_, i) => ({ openid: `crowd-${i}`, unionid: null, nickname: `群发${i}`, avatarUrl: '', phone: null, birthday: null, signupRef: null, createdAt: now, lastLoginAt: now }));
      for (let i = 0; i < rows.length; i += 250) await t.ds.getRepository(Customer).insert(rows.slice(i, i + 250));
      crowd.push(...(await t.ds.getRepository(Customer).findBy({ openid: Like('crowd-%') })).map((c) => c.id));
      const cards = crowd.map((customerId) => ({ customerId, endsAt: new Date(NOW.getTime() + 30 * DAY), expiredAt: null, remindedFor: null, updatedAt: NOW }));
      for (let i = 0; i < cards.length; i += 250) await t.ds.getRepository(Membership).insert(cards.slice(i, i + 250));
      templateId = (await t.http().post('/api/admin/coupon-templates').set(operator).send({ title: '老会员回馈券', kind: 'AMOUNT_OFF', amountOffCents: 1000, thresholdCents: 5000, validDays: 30, audience: 'ALL' }).expect(201)).body.id;
    });
    afterEach(() => expectLedgersBalanced(t));

    it('previews the audience, and refuses bad input with the field named, creating nothing', async () => {
      const preview = (await t.http().post('/api/admin/campaigns/preview').set(operator).send({ groups: [], tags: ['PAID_MEMBER'] }).expect(200)).body;
      const tagged = (await report()).tags.find((x: { tag: string }) => x.tag === 'PAID_MEMBER').count;
      expect(preview.recipients).toBe(tagged);
      expect(preview.recipients).toBeGreaterThanOrEqual(1000);
      expect(preview.sample).toHaveLength(10);

      const base = { name: '回馈', groups: [], tags: ['PAID_MEMBER'], actionKind: 'POINTS', points: 100 };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, name: '' }, 'name'],
        [{ ...base, name: 'x'.repeat(41) }, 'name'],
        [{ ...base, points: 0 }, 'points'],
        [{ ...base, points: 100_001 }, 'points'],
        [{ ...base, points: 1.5 }, 'points'],
        [{ ...base, points: undefined }, 'points'],
        [{ ...base, tags: [] }, 'groups'],
        [{ ...base, groups: ['NOPE'] }, 'groups'],
        [{ ...base, tags: ['VIP'] }, 'tags'],
        [{ ...base, windowDays: 5 }, 'windowDays'],
        [{ ...base, actionKind: 'GIFT' }, 'actionKind'],
        [{ ...base, actionKind: 'MESSAGE', points: undefined, messageTitle: '上新', messageContent: '新茶' }, 'actionKind'], // the 活动通知 template is off
        [{ ...base, actionKind: 'COUPON', points: undefined }, 'couponTemplateId'],
        [{ ...base, actionKind: 'COUPON', points: undefined, couponTemplateId: 999_999 }, 'couponTemplateId'],
        [{ ...base, couponTemplateId: templateId }, 'couponTemplateId'],
        [{ ...base, budget: 1 }, 'budget'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http().post('/api/admin/campaigns').set(operator).send(body).expect(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      expect((await t.http().get('/api/admin/campaigns').set(operator).expect(200)).body.total).toBe(0);
      await t.http().post('/api/admin/campaigns/preview').set(operator).send({ groups: [], tags: [] }).expect(400);
      await t.http().post('/api/admin/campaigns').set(finance).send(base).expect(403);
    });

    it('a coupon to a thousand customers: once each, through pause and resume; audited', async () => {
      const c = await create({ name: '千人送券', groups: [], tags: ['PAID_MEMBER'], actionKind: 'COUPON', couponTemplateId: templateId });
      expect(c).toMatchObject({ status: 'DRAFT', actionKind: 'COUPON', couponTitle: '老会员回馈券', progress: { total: 0, sent: 0, failed: 0, pending: 0 } });
      const started = await start(c.id);
      expect(started.status).toBe('RUNNING');
      expect(started.progress.total).toBeGreaterThanOrEqual(1000);
      expect(started.progress.pending).toBe(started.progress.total);
      await t.http().post(`/api/admin/campaigns/${c.id}/start`).set(operator).expect(409);

      await runJob();
      const afterOne = await get(c.id);
      expect(afterOne.progress).toMatchObject({ sent: 100, failed: 0, pending: started.progress.total - 100 });
      expect((await t.http().post(`/api/admin/campaigns/${c.id}/pause`).set(operator).expect(200)).body.status).toBe('PAUSED');
      await runJob();
      expect((await get(c.id)).progress.sent).toBe(100);
      await t.http().post(`/api/admin/campaigns/${c.id}/pause`).set(operator).expect(409);
      expect((await t.http().post(`/api/admin/campaigns/${c.id}/resume`).set(operator).expect(200)).body.status).toBe('RUNNING');

      const done = await runUntilDone(c.id);
      expect(done).toMatchObject({ status: 'DONE', progress: { total: started.progress.total, sent: started.progress.total, failed: 0, pending: 0 } });
      expect(Date.parse(done.finishedAt)).toBeGreaterThan(Date.parse(done.startedAt));
      const once = await expectOnceEach(c.id, 'COUPON');
      expect(once).toEqual({ recipients: started.progress.total, grants: started.progress.total });
      expect(crowd.every(Boolean)).toBe(true);
      const theirs = await t.ds.getRepository(Coupon).findBy({ dedupeKey: Like(`campaign:${c.id}:%`), customerId: In(crowd) });
      expect(theirs).toHaveLength(1000);
      expect(theirs.every((x) => x.source === 'CAMPAIGN' && x.templateId === templateId)).toBe(true);
      const audit = await t.ds.getRepository(AuditLog).findBy({ targetType: 'campaign', targetId: String(c.id) });
      expect(audit.map((a) => a.action).sort()).toEqual(['campaign.create', 'campaign.pause', 'campaign.resume', 'campaign.start']);
    });

    it('points to a thousand customers with two runs at once every time: once each', async () => {
      const c = await create({ name: '千人送积分', groups: [], tags: ['PAID_MEMBER'], actionKind: 'POINTS', points: 88 });
      const { progress } = await start(c.id);
      const done = await runUntilDone(c.id, 2);
      expect(done).toMatchObject({ status: 'DONE', progress: { total: progress.total, sent: progress.total, failed: 0, pending: 0 } });
      expect(await expectOnceEach(c.id, 'POINTS')).toEqual({ recipients: progress.total, grants: progress.total });
      const one = await t.ds.getRepository(PointsLedger).findOneByOrFail({ dedupeKey: `campaign:${c.id}:customer:${crowd[0]}` });
      expect(one).toMatchObject({ kind: 'GIFT', delta: 88, memo: '营销活动：千人送积分' });
    });

    it('an interrupted run (killed mid-batch) resumes after the claim times out, granting nobody twice', async () => {
      const c = await create({ name: '断点续发', groups: [], tags: ['PAID_MEMBER'], actionKind: 'COUPON', couponTemplateId: templateId });
      const { progress } = await start(c.id);
      await runJob();
      const repo = t.ds.getRepository(CampaignRecipient);
      // the state a run leaves when killed: it had claimed the next 100 rows and granted the first 40 of them
      const next = await repo.find({ where: { campaignId: c.id, status: 'PENDING' }, order: { id: 'ASC' }, take: 100 });
      await repo.update({ id: In(next.map((r) => r.id)) }, { claimToken: 'dead-run', claimedAt: NOW });
      await runJob(); // the dead claim is left alone: the rows after it move on
      const dead = await repo.findBy({ campaignId: c.id, claimToken: 'dead-run' });
      expect(dead.every((r) => r.status === 'PENDING')).toBe(true);
      expect((await get(c.id)).progress.sent).toBe(200);
      // and a row whose grant committed but whose SENT was lost (cannot happen: one transaction; the coupon's key still guards)
      const [granted] = await repo.find({ where: { campaignId: c.id, status: 'SENT' }, take: 1 });
      await repo.update({ id: granted.id }, { status: 'PENDING', claimToken: 'dead-run', claimedAt: NOW, processedAt: null });

      await runUntilDone(c.id, 2).catch(() => undefined);
      expect((await get(c.id)).status).toBe('RUNNING'); // the dead claim holds its rows until it times out
      await t.http().post('/api/dev/clock').send({ now: new Date(NOW.getTime() + 6 * 60_000).toISOString() }).expect(200);
      const done = await runUntilDone(c.id, 2);
      await t.http().post('/api/dev/clock').send({ now: NOW.toISOString() }).expect(200);
      expect(done).toMatchObject({ status: 'DONE', progress: { total: progress.total, sent: progress.total, failed: 0, pending: 0 } });
      expect(await expectOnceEach(c.id, 'COUPON')).toEqual({ recipients: progress.total, grants: progress.total });
      expect((await repo.findOneByOrFail({ id: granted.id })).status).toBe('SENT');
    });

    it('a recipient the coupon cannot reach is FAILED with the reason; the rest are SENT', async () => {
      const limited = (await t.http().post('/api/admin/coupon-templates').set(operator).send({ title: '限量券', kind: 'AMOUNT_OFF', amountOffCents: 500, thresholdCents: 0, validDays: 7, audience: 'ALL', totalQuantity: 1 }).expect(201)).body.id;
      const c = await create({ name: '限量', groups: [], tags: ['DISCOUNT_ONLY'], actionKind: 'COUPON', couponTemplateId: limited });
      expect((await start(c.id)).progress.total).toBe(2);
      const done = await runUntilDone(c.id);
      expect(done).toMatchObject({ status: 'DONE', progress: { total: 2, sent: 1, failed: 1, pending: 0 } });
      const failed = (await t.http().get(`/api/admin/campaigns/${c.id}/recipients`).query({ status: 'FAILED' }).set(operator).expect(200)).body;
      expect(failed.total).toBe(1);
      expect(failed.items[0]).toMatchObject({ status: 'FAILED', reason: '优惠券「限量券」已发完' });
      expect([ids.C, ids.D]).toContain(failed.items[0].customerId);
      expect(await expectOnceEach(c.id, 'COUPON')).toEqual({ recipients: 2, grants: 1 });
    });

    it('an audience nobody is in cannot start', async () => {
      const c = await create({ name: '空', groups: ['GENERAL_DEVELOP'], tags: [], actionKind: 'POINTS', points: 1 });
      const res = await t.http().post(`/api/admin/campaigns/${c.id}/start`).set(operator).expect(409);
      expect(res.body.error.code).toBe('INVALID_STATE');
      expect((await get(c.id)).status).toBe('DRAFT');
      await t.http().post('/api/admin/campaigns/999999/start').set(operator).expect(404);
    });
  });
});
