import request from 'supertest';
import { In } from 'typeorm';
import { CampaignRecipient } from '../src/modules/campaign/entities/campaign-recipient.entity';
import { Customer } from '../src/modules/customer/entities/customer.entity';
import { Membership } from '../src/modules/membership/entities/membership.entity';
import { SubscriptionCredit } from '../src/modules/subscription/entities/subscription-credit.entity';
import { SubscriptionMessage } from '../src/modules/subscription/entities/subscription-message.entity';
import { SubscriptionService } from '../src/modules/subscription/subscription.service';
import type { Auth } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const NOW = new Date('2026-12-15T04:00:00.000Z');
const TEMPLATE = 'tmpl-campaign';
const FIELDS = { thing1: 'title', thing2: 'content', time3: 'sentAt' };

/** docs/campaigns.md, "A subscription message": one send per recipient through SubscriptionService, only to those who consented. */
describe('campaigns that send a subscription message (MariaDB)', () => {
  let t: TestApp;
  let operator: Auth;
  /** Our paid members (the audience, more than two batches); every third one never consents. Some log in and consent through the API. */
  const people: { id: number; openid: string; auth?: Auth; consents: boolean }[] = [];

  const sim = () => request(t.simUrl);
  const simMessages = async (openid: string, title: string) =>
    ((await sim().get('/_sim/messages').query({ touser: openid }).expect(200)).body.messages as { template_id: string; page?: string; data: Record<string, { value: string }> }[]).filter(
      (m) => m.template_id === TEMPLATE && m.data.thing1?.value === title,
    );
  const setTemplate = (body: Record<string, unknown>) => t.http().put('/api/admin/subscription-templates/CAMPAIGN').set(operator).send({ templateId: TEMPLATE, page: null, ...body });
  const consentAll = async () => {
    for (const p of people.filter((x) => x.consents && x.auth)) await t.http().post('/api/subscriptions/consents').set(p.auth!).send({ results: { [TEMPLATE]: 'accept' } }).expect(200);
    const quiet = people.filter((x) => x.consents && !x.auth).map((p) => ({ customerId: p.id, templateId: TEMPLATE, credits: 1, updatedAt: NOW }));
    await t.ds.getRepository(SubscriptionCredit).upsert(quiet, ['customerId', 'templateId']);
  };
  const create = (body: Record<string, unknown>) => t.http().post('/api/admin/campaigns').set(operator).send({ groups: [], tags: ['PAID_MEMBER'], actionKind: 'MESSAGE', ...body });
  const get = async (id: number) => (await t.http().get(`/api/admin/campaigns/${id}`).set(operator).expect(200)).body;
  const runJob = async () => (await t.http().post('/api/dev/jobs/run').send({ name: 'run-campaigns' }).expect(200)).body.result;
  const runUntilDone = async (id: number, parallel: number) => {
    for (let i = 0; i < 50 && (await get(id)).status !== 'DONE'; i++) await Promise.all(Array.from({ length: parallel }, runJob));
    return get(id);
  };
  /** Every recipient: one sim message with the title exactly when `sent` says so, none otherwise. */
  const expectMessages = async (campaignId: number, title: string, sentTo: (customerId: number) => boolean) => {
    const recipients = await t.ds.getRepository(CampaignRecipient).findBy({ campaignId });
    const openids = new Map((await t.ds.getRepository(Customer).findBy({ id: In(recipients.map((r) => r.customerId)) })).map((c) => [c.id, c.openid]));
    for (const r of recipients) expect([r.customerId, (await simMessages(openids.get(r.customerId)!, title)).length]).toEqual([r.customerId, sentTo(r.customerId) ? 1 : 0]);
    return recipients;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    operator = await t.staff('operator', 'admin123');
    await t.http().post('/api/dev/clock').send({ now: NOW.toISOString() }).expect(200);
    for (let i = 0; i < 24; i++) {
      const openid = `camp-msg-${i}`;
      const c = await t.customer(openid);
      people.push({ id: c.id, openid, auth: c.auth, consents: i % 3 !== 0 });
    }
    const bulk = Array.from({ length: 226 }, (_, i) => ({ openid: `camp-bulk-${i}`, unionid: null, nickname: `群发${i}`, avatarUrl: '', phone: null, birthday: null, signupRef: null, createdAt: NOW, lastLoginAt: NOW }));
    await t.ds.getRepository(Customer).insert(bulk);
    const inserted = await t.ds.getRepository(Customer).findBy({ openid: In(bulk.map((b) => b.openid)) });
    inserted.forEach((c, i) => people.push({ id: c.id, openid: c.openid, consents: (i + 24) % 3 !== 0 }));
    await t.ds.getRepository(Membership).insert(people.map((p) => ({ customerId: p.id, endsAt: new Date(NOW.getTime() + 30 * DAY), expiredAt: null, remindedFor: null, updatedAt: NOW })));
  });
  afterAll(() => t.close());

  it('needs the 活动通知 template enabled, and a title and content that fit its keywords as typed', async () => {
    const off = await create({ name: '上新', messageTitle: '上新', messageContent: '新茶到店' }).expect(400);
    expect(off.body.error.details.fields).toEqual([{ field: 'actionKind', problems: ['请先在「订阅消息」页配置并启用「活动通知」模板'] }]);

    // a template that shows the title in a phrase keyword (five characters)
    await setTemplate({ fields: { phrase1: 'title', thing2: 'content' }, enabled: true }).expect(200);
    const long = await create({ name: '上新', messageTitle: '六个字的标题', messageContent: '新茶到店' }).expect(400);
    expect(long.body.error.details.fields).toEqual([{ field: 'messageTitle', problems: ['模板关键词最多 5 个字'] }]);
    await setTemplate({ fields: FIELDS, enabled: true }).expect(200);
    const scenes = await t.http().get('/api/subscriptions/templates').query({ scene: 'check-in' }).expect(200);
    expect(scenes.body.templates).toContainEqual({ kind: 'CAMPAIGN', templateId: TEMPLATE, title: '活动通知' });

    const base = { name: '上新', messageTitle: '春茶上新', messageContent: '明前龙井到店' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, messageTitle: undefined }, 'messageTitle'],
      [{ ...base, messageContent: '   ' }, 'messageContent'],
      [{ ...base, messageTitle: '一'.repeat(21) }, 'messageTitle'],
      [{ ...base, messageContent: 5 }, 'messageContent'],
      [{ ...base, points: 10 }, 'points'],
      [{ ...base, couponTemplateId: 1 }, 'couponTemplateId'],
      [{ ...base, actionKind: 'POINTS', points: 10, messageContent: undefined }, 'messageTitle'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body).expect(400);
      expect([field, res.body.error.details.fields.map((f: { field: string }) => f.field)]).toEqual([field, expect.arrayContaining([field])]);
    }
    expect((await t.http().get('/api/admin/campaigns').set(operator).expect(200)).body.total).toBe(0);
  });

  it('one message to each recipient who consented, two runs at once every round; the rest failed as 未订阅, a WeChat refusal with its error', async () => {
    await setTemplate({ fields: FIELDS, enabled: true }).expect(200);
    await consentAll();
    // one customer consented twice: still one message
    await t.http().post('/api/subscriptions/consents').set(people[1].auth!).send({ results: { [TEMPLATE]: 'accept' } }).expect(200);
    const preview = (await t.http().post('/api/admin/campaigns/preview').set(operator).send({ groups: [], tags: ['PAID_MEMBER'], actionKind: 'MESSAGE' }).expect(200)).body;
    const consenting = people.filter((p) => p.consents).length;
    expect(preview.consented).toBe(consenting);
    expect(preview.recipients).toBeGreaterThanOrEqual(people.length);
    expect((await t.http().post('/api/admin/campaigns/preview').set(operator).send({ groups: [], tags: ['PAID_MEMBER'] }).expect(200)).body.consented).toBeUndefined();

    const c = (await create({ name: '春茶上新', messageTitle: '春茶上新', messageContent: '明前龙井到店，会员九折' }).expect(201)).body;
    expect(c).toMatchObject({ actionKind: 'MESSAGE', messageTitle: '春茶上新', messageContent: '明前龙井到店，会员九折', status: 'DRAFT' });
    const { progress } = (await t.http().post(`/api/admin/campaigns/${c.id}/start`).set(operator).expect(200)).body;
    expect(progress.total).toBe(preview.recipients);
    await sim().post('/_sim/messages/fail').send({ errcode: 43101 }).expect(200);

    const done = await runUntilDone(c.id, 2);
    expect(done).toMatchObject({ status: 'DONE', progress: { total: progress.total, sent: consenting - 1, failed: progress.total - consenting + 1, pending: 0 } });
    const consented = new Set(people.filter((p) => p.consents).map((p) => p.id));
    const recipients = await t.ds.getRepository(CampaignRecipient).findBy({ campaignId: c.id });
    const refused = recipients.filter((r) => r.status === 'FAILED' && consented.has(r.customerId));
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBe('微信未送达：43101 user refuse to accept the msg');
    await expectMessages(c.id, '春茶上新', (id) => consented.has(id) && id !== refused[0].customerId);
    for (const r of recipients.filter((x) => !consented.has(x.customerId))) expect(r).toMatchObject({ status: 'FAILED', reason: '未订阅' });

    const one = people.find((p) => p.consents && p.id !== refused[0].customerId)!;
    const [m] = await simMessages(one.openid, '春茶上新');
    expect(m).toMatchObject({ page: 'pages/index/index', data: { thing1: { value: '春茶上新' }, thing2: { value: '明前龙井到店，会员九折' } } });
    expect(m.data.time3.value).toBe('2026年12月15日 12:00');
    // the message log has one row per recipient, keyed by campaign and customer
    const rows = await t.ds.getRepository(SubscriptionMessage).findBy({ kind: 'CAMPAIGN', dedupeKey: In(recipients.map((r) => `campaign:${c.id}:${r.customerId}`)) });
    expect(rows).toHaveLength(recipients.length);
  });

  it('a run killed between the message and the recipient mark resumes without sending twice or losing the outcome', async () => {
    await consentAll();
    const c = (await create({ name: '断点续发消息', messageTitle: '会员日预告', messageContent: '周五会员日全场八折' }).expect(201)).body;
    await t.http().post(`/api/admin/campaigns/${c.id}/start`).set(operator).expect(200);
    const repo = t.ds.getRepository(CampaignRecipient);
    const subs = t.app.get(SubscriptionService);
    const [sentBefore, skippedBefore, lostCall] = [people[1], people[0], people[2]];
    const key = (p: { id: number }) => `campaign:${c.id}:${p.id}`;
    // what a killed run leaves: it had claimed these rows and sent (or skipped) their messages, but not marked them
    const values = { title: '会员日预告', content: '周五会员日全场八折', sentAt: '-' };
    expect(await subs.send({ customerId: sentBefore.id, kind: 'CAMPAIGN', values, dedupeKey: key(sentBefore) })).toBe('SENT');
    expect(await subs.send({ customerId: skippedBefore.id, kind: 'CAMPAIGN', values, dedupeKey: key(skippedBefore) })).toBe('SKIPPED');
    // and one whose WeChat call was under way when it died: the row says SENDING, WeChat may have it
    await t.ds.getRepository(SubscriptionMessage).insert({ customerId: lostCall.id, kind: 'CAMPAIGN', templateId: TEMPLATE, dedupeKey: key(lostCall), status: 'SENDING', data: {}, page: null, error: null, createdAt: NOW, updatedAt: NOW });
    await repo.update({ campaignId: c.id, customerId: In([sentBefore.id, skippedBefore.id, lostCall.id]) }, { claimToken: 'dead-run', claimedAt: NOW });

    await Promise.all([runJob(), runJob()]);
    expect((await get(c.id)).status).toBe('RUNNING'); // the dead claim holds its rows until it times out
    expect((await repo.findBy({ campaignId: c.id, claimToken: 'dead-run' })).every((r) => r.status === 'PENDING')).toBe(true);
    await t.http().post('/api/dev/clock').send({ now: new Date(NOW.getTime() + 6 * 60_000).toISOString() }).expect(200);
    const done = await runUntilDone(c.id, 2);
    await t.http().post('/api/dev/clock').send({ now: NOW.toISOString() }).expect(200);
    expect(done.status).toBe('DONE');

    const consented = new Set(people.filter((p) => p.consents).map((p) => p.id));
    await expectMessages(c.id, '会员日预告', (id) => consented.has(id) && id !== lostCall.id);
    const row = async (p: { id: number }) => repo.findOneByOrFail({ campaignId: c.id, customerId: p.id });
    expect(await row(sentBefore)).toMatchObject({ status: 'SENT', reason: null });
    expect(await row(skippedBefore)).toMatchObject({ status: 'FAILED', reason: '未订阅' });
    // never sent again: counted as sent, as WeChat may have delivered it
    expect(await row(lostCall)).toMatchObject({ status: 'SENT' });
    expect(done.progress).toMatchObject({ sent: consented.size, failed: done.progress.total - consented.size, pending: 0 });
  });

  it('a campaign whose template was turned off after the draft does not start', async () => {
    const c = (await create({ name: '关了模板', messageTitle: '通知', messageContent: '内容' }).expect(201)).body;
    await setTemplate({ fields: FIELDS, enabled: false }).expect(200);
    const res = await t.http().post(`/api/admin/campaigns/${c.id}/start`).set(operator).expect(409);
    expect(res.body.error.message).toContain('活动通知');
    expect((await get(c.id)).status).toBe('DRAFT');
    await setTemplate({ fields: FIELDS, enabled: true }).expect(200);
  });
});
