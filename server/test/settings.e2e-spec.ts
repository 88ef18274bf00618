import { Auth, makeSku } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('store settings: GET/PUT /api/admin/settings (MariaDB)', () => {
  let t: TestApp;
  let owner: Auth;

  const get = async (who: Auth = owner) => (await t.http().get('/api/admin/settings').set(who).expect(200)).body;
  const put = (body: object, who: Auth = owner) => t.http().put('/api/admin/settings').set(who).send(body);
  const audits = async () => (await t.ds.query("SELECT staffId, beforeJson, afterJson FROM audit_log WHERE action = 'settings.update' ORDER BY id")) as { beforeJson: string; afterJson: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.staff();
  });
  afterAll(async () => t.close());

  it('reads every store setting by name, the defaults until changed', async () => {
    const s = await get();
    expect(s).toMatchObject({ shippingFeeCents: 800, freeShippingThresholdCents: 9900, memberFreeShipping: true, unpaidTimeoutMinutes: 15, autoConfirmDays: 10, afterSaleDays: 7, maxQtyPerLine: 99, cardFastRefundDays: 7, timezone: 'Asia/Shanghai' });
    // the specialised ones too, read-only here
    expect(s).toMatchObject({ birthdayGiftPoints: 200, checkInDailyPoints: 5, commissionDefaultRateBp: 1000 });
  });

  it('a partial PUT changes only what it names, audited before → after; the shipping fee is in the next checkout preview', async () => {
    const c = await t.customer('settings-buyer');
    const sku = await makeSku(t, { priceCents: 2000, stock: 10 });
    const preview = async () => (await t.http().post('/api/checkout/preview').set(c.auth).send({ items: [{ skuId: sku.id, qty: 1 }] }).expect(200)).body;
    expect(await preview()).toMatchObject({ shippingCents: 800, shippingPaidCents: 800, payableCents: 2800 });

    const before = await get();
    const saved = (await put({ shippingFeeCents: 1200, freeShippingThresholdCents: null, timezone: 'Europe/Paris' }).expect(200)).body;
    const expected = { ...before, shippingFeeCents: 1200, freeShippingThresholdCents: null, timezone: 'Europe/Paris' };
    expect(saved).toEqual(expected);
    expect(await get()).toEqual(expected);
    expect(await preview()).toMatchObject({ shippingCents: 1200, shippingPaidCents: 1200, payableCents: 3200 });

    const [row] = (await audits()).slice(-1);
    expect(JSON.parse(row.beforeJson)).toEqual({ shippingFeeCents: 800, freeShippingThresholdCents: 9900, timezone: 'Asia/Shanghai' });
    expect(JSON.parse(row.afterJson)).toEqual({ shippingFeeCents: 1200, freeShippingThresholdCents: null, timezone: 'Europe/Paris' });

    // a threshold again: 20 yuan reached, shipping waived
    await put({ freeShippingThresholdCents: 2000, timezone: 'Asia/Shanghai' }).expect(200);
    expect(await preview()).toMatchObject({ shippingCents: 1200, shippingPaidCents: 0, payableCents: 2000 });
    await put({ shippingFeeCents: 800, freeShippingThresholdCents: 9900 }).expect(200);
  });

  it('refuses each field out of range naming it, never clamps, and one bad field among good ones writes nothing', async () => {
    const bad: [string, unknown, string][] = [
      ['shippingFeeCents', -1, '运费须为 0 到 1000 元之间，最多两位小数'],
      ['shippingFeeCents', 100_001, '运费须为 0 到 1000 元之间，最多两位小数'],
      ['shippingFeeCents', 8.5, '运费须为 0 到 1000 元之间，最多两位小数'],
      ['shippingFeeCents', null, '运费须为 0 到 1000 元之间，最多两位小数'],
      ['freeShippingThresholdCents', -1, '包邮门槛须为 0 到 100000 元之间，最多两位小数'],
      ['freeShippingThresholdCents', '99', '包邮门槛须为 0 到 100000 元之间，最多两位小数'],
      ['memberFreeShipping', 'yes', '会员包邮须为 true 或 false'],
      ['unpaidTimeoutMinutes', 4, '未支付自动取消时间（分钟）须为 5 到 1440 之间的整数'],
      ['unpaidTimeoutMinutes', 1441, '未支付自动取消时间（分钟）须为 5 到 1440 之间的整数'],
      ['autoConfirmDays', 0, '自动确认收货天数须为 1 到 30 之间的整数'],
      ['afterSaleDays', 31, '售后期天数须为 1 到 30 之间的整数'],
      ['maxQtyPerLine', 0, '单品限购件数须为 1 到 999 之间的整数'],
      ['maxQtyPerLine', 1000, '单品限购件数须为 1 到 999 之间的整数'],
      ['cardFastRefundDays', -1, '极速退卡天数须为 0 到 30 之间的整数'],
      ['timezone', 'Mars/Olympus', '时区须为 IANA 时区名称，如 Asia/Shanghai'],
      ['timezone', 8, '时区须为 IANA 时区名称，如 Asia/Shanghai'],
      ['birthdayGiftPoints', 100, 'birthdayGiftPoints 在「积分规则」页设置（PUT /api/admin/points-rules）'],
      ['checkInDailyPoints', 5, 'checkInDailyPoints 在「签到规则」页设置（PUT /api/admin/check-in-rules）'],
      ['withdrawMinCents', 100, 'withdrawMinCents 在「佣金规则」页设置（PUT /api/admin/commission-rules）'],
    ];
    const before = await get();
    const auditCount = (await audits()).length;
    for (const [field, value, message] of bad) {
      const res = await put({ shippingFeeCents: 1500, afterSaleDays: 3, [field]: value }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message });
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    const unknown = await put({ shippingFeeCents: 1500, colour: 'red' }).expect(400);
    expect(unknown.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['colour']);
    expect(await get()).toEqual(before);
    expect(await audits()).toHaveLength(auditCount);
  });

  it('is the owner’s: operator and finance get 403, customers 403, no token 401', async () => {
    const staffWith = async (role: string) => {
      await t.http().post('/api/admin/staff').set(owner).send({ username: `settings-${role}`, password: 'settings-pass-1', role }).expect(201);
      return t.staff(`settings-${role}`, 'settings-pass-1');
    };
    const operator = await staffWith('operator');
    const finance = await staffWith('finance');
    for (const who of [operator, finance, (await t.customer('settings-customer')).auth]) {
      await t.http().get('/api/admin/settings').set(who).expect(403);
      await put({ shippingFeeCents: 1 }, who).expect(403);
    }
    await t.http().get('/api/admin/settings').expect(401);
    expect((await get()).shippingFeeCents).toBe(800);
  });
});
