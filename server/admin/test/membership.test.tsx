import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy routes then render without transforming the pages inside a test.
import '../src/pages/MembershipPlansPage';
import '../src/pages/TiersPage';
import '../src/pages/MemberDaysPage';
import { apiError, callsTo, json, mockFetch, renderApp, el, fill, signIn } from './helpers';

const owner = { id: 1, username: 'boss', role: 'owner' as const };
const FIRST = { timeout: 15000 };


const TIERS = {
  items: [
    { id: 1, name: '普通', growthThreshold: 0, discountBp: 10000, pointsMultiplierBp: 10000, perks: '' },
    { id: 3, name: '金卡', growthThreshold: 2000, discountBp: 9000, pointsMultiplierBp: 15000, perks: '生日礼' },
  ],
  total: 2,
};

const RULE = {
  id: 4,
  name: '每月 7 日会员日',
  recurrence: { kind: 'MONTHLY', days: [7] },
  startMinute: 0,
  endMinute: 1440,
  audience: 'TIER_AT_LEAST',
  audienceTierId: 3,
  skuPrices: [{ skuId: 51, priceCents: 1500 }],
  categoryRates: { '1': 9000 },
  exclusiveProductIds: [],
  pointsMultiplierBp: 20000,
  perCustomerLimit: 2,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('membership pages', { timeout: 45000 }, () => {
  it('creates a card plan with the price in fen', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/membership/plans': () =>
        json(200, { items: [{ id: 1, name: '月卡', priceCents: 1990, days: 30, benefits: '会员价', onSale: true, sort: 0 }], total: 1 }),
      'POST /api/admin/membership/plans': () => json(201, { id: 2 }),
    });
    renderApp('/membership/plans');
    expect(await screen.findByText('月卡', undefined, FIRST)).toBeTruthy();
    expect(within(document.querySelector('.plan-row') as HTMLElement).getByText('¥19.90')).toBeTruthy();

    fireEvent.click(document.querySelector('.plan-create')!);
    await el('#plan_name');
    fill('plan_name', ' 年卡 ');
    fill('plan_price', '168.5');
    fill('plan_days', '365');
    fill('plan_benefits', '全年会员价');
    fireEvent.click(document.querySelector('.plan-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/membership/plans')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/membership/plans')[0].body).toEqual({
      name: '年卡',
      priceCents: 16850,
      days: 365,
      benefits: '全年会员价',
      onSale: false, // a new plan is off sale until staff put it on sale
      sort: 0,
    });
  });

  it('refuses plan days, price and sort out of range as typed, sends nothing, and shows the server field message on the field', async () => {
    let refuse = true;
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/membership/plans': () => json(200, { items: [], total: 0 }),
      'POST /api/admin/membership/plans': () =>
        refuse
          ? json(400, { error: { code: 'VALIDATION_FAILED', message: '天数须为 1 到 3660 之间的整数', details: { fields: [{ field: 'days', problems: ['天数须为 1 到 3660 之间的整数'] }] } } })
          : json(201, { id: 2 }),
    });
    renderApp('/membership/plans');
    fireEvent.click(await el('.plan-create'));
    await el('#plan_name');
    expect((document.getElementById('plan_onSale') as HTMLElement).getAttribute('aria-checked')).toBe('false');
    fill('plan_name', '长卡');
    fill('plan_price', '0');
    for (const [days, price, sort] of [['99999', '0', '1.5'], ['abc', '100000.01', 'x'], ['0', '-3', '']]) {
      fill('plan_days', days);
      fill('plan_price', price);
      fill('plan_sort', sort);
      fireEvent.click(document.querySelector('.plan-submit')!);
      expect(await screen.findByText('天数须为 1 到 3660 之间的整数')).toBeTruthy();
      // typed text stays as typed
      expect((document.getElementById('plan_days') as HTMLInputElement).value).toBe(days);
    }
    expect(screen.getAllByText(/价格须为 0.01 到 100000 元之间|请输入正确的金额/).length).toBeGreaterThan(0);
    expect(callsTo(fetchMock, 'POST', '/api/admin/membership/plans')).toHaveLength(0);

    // what the form lets through but the server refuses shows on the field
    fill('plan_days', '30');
    fill('plan_price', '19.9');
    fill('plan_sort', '0');
    await waitFor(() => expect(screen.queryByText('天数须为 1 到 3660 之间的整数')).toBeNull());
    fireEvent.click(document.querySelector('.plan-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/membership/plans')).toHaveLength(1));
    await waitFor(() => expect(document.querySelector('.form-error')?.textContent).toContain('天数须为 1 到 3660 之间的整数'));
    const daysItem = document.getElementById('plan_days')!.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(within(daysItem).getByText('天数须为 1 到 3660 之间的整数')).toBeTruthy());
    refuse = false;
  });

  it('refuses a tier growth threshold that is not a whole number ≥ 0 as typed and sends nothing', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'PUT /api/admin/tiers/3': () => json(200, {}),
    });
    renderApp('/tiers');
    expect(await screen.findByText('金卡', undefined, FIRST)).toBeTruthy();
    fireEvent.click(screen.getByText('金卡').closest('tr')!.querySelector('.tier-edit')!);
    await el('#tier_growthThreshold');
    for (const typed of ['-3', 'abc', '2.5', '1000000001']) {
      fill('tier_growthThreshold', typed);
      fireEvent.click(document.querySelector('.tier-submit')!);
      expect(await screen.findByText('成长值门槛须为 0 到 1000000000 之间的整数')).toBeTruthy();
      expect((document.getElementById('tier_growthThreshold') as HTMLInputElement).value).toBe(typed);
    }
    expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')).toHaveLength(0);
    fill('tier_growthThreshold', '2500');
    fireEvent.click(document.querySelector('.tier-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')[0].body).toMatchObject({ growthThreshold: 2500 });
  });

  it('shows tiers as 折 / 倍 and the server message when a tier cannot be deleted', async () => {
    mockFetch({
      ...signIn(owner),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'DELETE /api/admin/tiers/3': () => apiError(409, 'CONFLICT', '该等级下还有顾客，请改门槛'),
    });
    renderApp('/tiers');
    await screen.findByText('金卡', undefined, FIRST);
    const gold = within(screen.getByText('金卡').closest('tr') as HTMLElement);
    expect(gold.getByText('9 折')).toBeTruthy();
    expect(gold.getByText('1.5 倍')).toBeTruthy();

    fireEvent.click(screen.getByText('金卡').closest('tr')!.querySelector('.tier-delete')!);
    fireEvent.click(await el('.tier-delete-confirm'));
    expect(await screen.findByText('该等级下还有顾客，请改门槛')).toBeTruthy();
  });

  it('edits a tier: the 折 and 倍 fields keep what was typed, refuse what is not a rate in range, and send bp', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'PUT /api/admin/tiers/3': () => json(200, TIERS.items[1]),
    });
    renderApp('/tiers');
    await screen.findByText('金卡', undefined, FIRST);
    fireEvent.click(screen.getByText('金卡').closest('tr')!.querySelector('.tier-edit')!);
    const zhe = (await el('#tier_zhe')) as HTMLInputElement;
    const bei = document.getElementById('tier_bei') as HTMLInputElement;
    expect([zhe.value, bei.value]).toEqual(['9', '1.5']);

    // below the range and more than two decimals: refused as typed, not clamped to 5 or rounded to 1.26
    fill('tier_zhe', '4.5');
    fill('tier_bei', '1.255');
    fireEvent.click(document.querySelector('.tier-submit')!);
    expect(await screen.findByText('请输入 5–10 折，最多两位小数')).toBeTruthy();
    expect(await screen.findByText('请输入 1–10 倍，最多两位小数')).toBeTruthy();
    expect([zhe.value, bei.value]).toEqual(['4.5', '1.255']);

    fill('tier_zhe', '8.855');
    fill('tier_bei', '11');
    fireEvent.click(document.querySelector('.tier-submit')!);
    await waitFor(() => expect(screen.getAllByText(/请输入 (5–10 折|1–10 倍)，最多两位小数/)).toHaveLength(2));
    expect([zhe.value, bei.value]).toEqual(['8.855', '11']);
    expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')).toHaveLength(0);

    fill('tier_zhe', '8.03');
    fill('tier_bei', '1.13');
    fireEvent.click(document.querySelector('.tier-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')).toHaveLength(1));
    // 8.03 × 1000 and 1.13 × 10000 are not whole numbers in floating point
    expect(callsTo(fetchMock, 'PUT', '/api/admin/tiers/3')[0].body).toEqual({
      name: '金卡',
      growthThreshold: 2000,
      discountBp: 8030,
      pointsMultiplierBp: 11300,
      perks: '生日礼',
    });
  });

  it('edits a member-day rule: a category rate or multiplier that is not a rate in range is refused as typed', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/member-days': () => json(200, { items: [RULE], total: 1 }),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'GET /api/admin/categories': () => json(200, [{ id: 1, parentId: null, name: '水果', iconUrl: '', sort: 0, active: true }]),
      'PUT /api/admin/member-days/4': () => json(200, RULE),
    });
    renderApp('/member-days');
    await screen.findByText('每月 7 日会员日', undefined, FIRST);
    expect(within(document.querySelector('.member-day-row') as HTMLElement).getByText('2 倍')).toBeTruthy();
    fireEvent.click(document.querySelector('.member-day-edit')!);
    const zhe = (await el('#memberDay_categoryRates_0_zhe')) as HTMLInputElement;
    const bei = document.getElementById('memberDay_bei') as HTMLInputElement;
    expect([zhe.value, bei.value]).toEqual(['9', '2']);

    fill('memberDay_categoryRates_0_zhe', '0.05');
    fill('memberDay_bei', '0.5');
    fireEvent.click(document.querySelector('.member-day-submit')!);
    expect(await screen.findByText('请输入 0.1–10 折，最多两位小数')).toBeTruthy();
    expect(await screen.findByText('请输入 1–10 倍，最多两位小数')).toBeTruthy();
    expect([zhe.value, bei.value]).toEqual(['0.05', '0.5']);
    expect(callsTo(fetchMock, 'PUT', '/api/admin/member-days/4')).toHaveLength(0);

    fill('memberDay_categoryRates_0_zhe', '8.03');
    fill('memberDay_bei', '2.01');
    fireEvent.click(document.querySelector('.member-day-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/member-days/4')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/member-days/4')[0].body).toMatchObject({
      categoryRates: { '1': 8030 },
      pointsMultiplierBp: 20100,
      skuPrices: [{ skuId: 51, priceCents: 1500 }],
      perCustomerLimit: 2,
    });
  });

  it('posts a member-day rule in minutes, bp and fen and shows a conflict', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/member-days': () => json(200, { items: [RULE], total: 1 }),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'GET /api/admin/categories': () => json(200, [{ id: 1, parentId: null, name: '水果', iconUrl: '', sort: 0, active: true }]),
      'GET /api/admin/products': () =>
        json(200, { items: [{ id: 5, title: '红富士苹果', categoryId: 1, coverUrl: '', onShelf: true, memberOnly: false, sort: 0, priceCents: 1990, memberPriceCents: 1790, totalStock: 9, skuCount: 1, updatedAt: '' }], total: 1 }),
      'GET /api/admin/products/5': () =>
        json(200, {
          id: 5,
          title: '红富士苹果',
          skus: [{ id: 51, specs: { 规格: '5 斤' }, priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: null, stock: 9, weightGrams: 0, active: true }],
        }),
      'POST /api/admin/member-days': () =>
        json(409, { error: { code: 'CONFLICT', message: '与会员日 4 时间重叠且优惠冲突', details: { conflictsWith: [4] } } }),
    });
    renderApp('/member-days');
    await screen.findByText('每月 7 日会员日', undefined, FIRST);
    const row = within(document.querySelector('.member-day-row') as HTMLElement);
    expect(row.getByText('每月 7 日')).toBeTruthy();
    expect(row.getByText('00:00–24:00')).toBeTruthy();
    expect(row.getByText('金卡及以上')).toBeTruthy();

    fireEvent.click(document.querySelector('.member-day-create')!);
    await el('#memberDay_name');
    fill('memberDay_name', '周三周六会员日');
    fireEvent.click(screen.getByText('每周'));
    fireEvent.click(await el('.member-day-weekdays input[value="6"]'));
    fireEvent.click(await el('.member-day-weekdays input[value="3"]'));
    fill('memberDay_start', '10:00');
    fill('memberDay_end', '22:30');

    fireEvent.change(document.querySelector('.member-day-sku-search input')!, { target: { value: '苹果' } });
    fireEvent.click(await el('.ant-select-item-option[title="红富士苹果"]'));
    const price = await screen.findByLabelText('会员日价');
    fireEvent.change(price, { target: { value: '12.8' } });

    fireEvent.click(document.querySelector('.member-day-rate-add')!);
    fireEvent.mouseDown(await el('#memberDay_categoryRates_0_categoryId'));
    fireEvent.click(await el('.ant-select-tree-node-content-wrapper[title="水果"]'));
    fill('memberDay_categoryRates_0_zhe', '8.5');

    fireEvent.click(document.querySelector('.member-day-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')[0].body).toEqual({
      name: '周三周六会员日',
      recurrence: { kind: 'WEEKLY', weekdays: [3, 6] },
      startMinute: 600,
      endMinute: 1350,
      audience: 'PAID_MEMBERS',
      audienceTierId: null,
      skuPrices: [{ skuId: 51, priceCents: 1280 }],
      categoryRates: { '1': 8500 },
      exclusiveProductIds: [],
      pointsMultiplierBp: 20000,
      perCustomerLimit: 0,
      active: true,
    });
    expect(await screen.findByText(/与会员日 #4 冲突/)).toBeTruthy();
  });

  it("previews the form's values on a calendar and a table before saving, then saves them", async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/member-days': () => json(200, { items: [RULE], total: 1 }),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'GET /api/admin/categories': () => json(200, []),
      'GET /api/admin/products': () =>
        json(200, { items: [{ id: 5, title: '红富士苹果', categoryId: 1, coverUrl: '', onShelf: true, memberOnly: false, sort: 0, priceCents: 1990, memberPriceCents: 1790, totalStock: 9, skuCount: 1, updatedAt: '' }], total: 1 }),
      'GET /api/admin/products/5': () =>
        json(200, {
          id: 5,
          title: '红富士苹果',
          skus: [{ id: 51, specs: { 规格: '5 斤' }, priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: null, stock: 9, weightGrams: 0, active: true }],
        }),
      'POST /api/admin/member-days/preview': () =>
        json(200, {
          id: null,
          name: '周三会员日',
          timezone: 'Asia/Shanghai',
          occurrences: [
            { date: '2026-12-02', startsAt: '2026-12-02T02:00:00.000Z', endsAt: '2026-12-02T14:00:00.000Z' },
            { date: '2026-12-09', startsAt: '2026-12-09T02:00:00.000Z', endsAt: '2026-12-09T14:00:00.000Z' },
          ],
          skus: [
            { skuId: 51, productId: 5, title: '红富士苹果', coverUrl: '', specs: { 规格: '5 斤' }, listPriceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: 1280 },
          ],
        }),
      'POST /api/admin/member-days': () => json(201, { ...RULE, id: 9, name: '周三会员日' }),
    });
    renderApp('/member-days');
    await screen.findByText('每月 7 日会员日', undefined, FIRST);
    fireEvent.click(document.querySelector('.member-day-create')!);
    await el('#memberDay_name');

    // nothing filled in: the preview asks for the missing fields instead of calling the server
    fireEvent.click(document.querySelector('.member-day-form-preview')!);
    expect(await screen.findByText('请输入名称')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days/preview')).toHaveLength(0);

    fill('memberDay_name', '周三会员日');
    fireEvent.click(screen.getByText('每周'));
    fireEvent.click(await el('.member-day-weekdays input[value="3"]'));
    fill('memberDay_start', '10:00');
    fill('memberDay_end', '22:00');
    fireEvent.change(document.querySelector('.member-day-sku-search input')!, { target: { value: '苹果' } });
    fireEvent.click(await el('.ant-select-item-option[title="红富士苹果"]'));
    fireEvent.change(await screen.findByLabelText('会员日价'), { target: { value: '12.8' } });

    fireEvent.click(document.querySelector('.member-day-form-preview')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/member-days/preview')).toHaveLength(1));
    const body = {
      name: '周三会员日',
      recurrence: { kind: 'WEEKLY', weekdays: [3] },
      startMinute: 600,
      endMinute: 1320,
      audience: 'PAID_MEMBERS',
      audienceTierId: null,
      skuPrices: [{ skuId: 51, priceCents: 1280 }],
      categoryRates: {},
      exclusiveProductIds: [],
      pointsMultiplierBp: 20000,
      perCustomerLimit: 0,
      active: true,
    };
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days/preview')[0].body).toEqual(body);
    const preview = within(await el('.member-day-draft-preview .member-day-occurrences'));
    expect(preview.getByText('2026-12-02（周三）10:00–22:00')).toBeTruthy();
    expect(preview.getByText('2026-12-09（周三）10:00–22:00')).toBeTruthy();
    expect([...document.querySelectorAll('.member-day-preview-date')].map((d) => d.getAttribute('data-date'))).toEqual(['2026-12-02', '2026-12-09']);
    const sku = within(document.querySelector('.member-day-preview-skus tbody tr') as HTMLElement);
    expect(sku.getByText('¥19.90')).toBeTruthy();
    expect(sku.getByText('¥17.90')).toBeTruthy();
    expect(sku.getByText('¥12.80')).toBeTruthy();
    expect(screen.getByText('预览（未保存）：周三会员日')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')).toHaveLength(0);

    fireEvent.click(document.querySelector('.ant-drawer-close')!);
    fireEvent.click(document.querySelector('.member-day-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')[0].body).toEqual(body);
  });

  it('previews the next occurrences in the store time zone with the SKU prices', async () => {
    mockFetch({
      ...signIn(owner),
      'GET /api/admin/member-days': () => json(200, { items: [RULE], total: 1 }),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'GET /api/admin/member-days/4/preview': () =>
        json(200, {
          id: 4,
          name: '每月 7 日会员日',
          timezone: 'Asia/Shanghai',
          occurrences: [
            { date: '2026-12-07', startsAt: '2026-12-06T16:00:00.000Z', endsAt: '2026-12-07T16:00:00.000Z' },
            { date: '2027-01-07', startsAt: '2027-01-06T16:00:00.000Z', endsAt: '2027-01-07T16:00:00.000Z' },
          ],
          skus: [
            { skuId: 51, productId: 5, title: '红富士苹果', coverUrl: '', specs: { 规格: '5 斤' }, listPriceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: 1500 },
          ],
        }),
    });
    renderApp('/member-days');
    await screen.findByText('每月 7 日会员日', undefined, FIRST);
    fireEvent.click(document.querySelector('.member-day-preview-button')!);

    const preview = within(await el('.member-day-preview .member-day-occurrences'));
    expect(preview.getByText('2026-12-07（周一）00:00–24:00')).toBeTruthy();
    expect(preview.getByText('2027-01-07（周四）00:00–24:00')).toBeTruthy();
    const marked = [...document.querySelectorAll('.member-day-preview-date')].map((d) => d.getAttribute('data-date'));
    expect(marked).toEqual(['2026-12-07', '2027-01-07']);
    const sku = within(screen.getByText('红富士苹果').closest('tr') as HTMLElement);
    expect(sku.getByText('¥19.90')).toBeTruthy();
    expect(sku.getByText('¥17.90')).toBeTruthy();
    expect(sku.getByText('¥15.00')).toBeTruthy();
  });

  it('deletes a member-day rule after confirming, then lists what the server has left', async () => {
    let items = [RULE];
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/member-days': () => json(200, { items, total: items.length }),
      'GET /api/admin/tiers': () => json(200, TIERS),
      'DELETE /api/admin/member-days/4': () => {
        items = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/member-days');
    await screen.findByText('每月 7 日会员日', undefined, FIRST);
    fireEvent.click(document.querySelector('.member-day-delete')!);
    expect(await screen.findByText('删除后不再生效，也不能恢复；已下的订单和报表记录保留。')).toBeTruthy();
    expect(callsTo(fetchMock, 'DELETE', '/api/admin/member-days/4')).toHaveLength(0);
    fireEvent.click(await el('.member-day-delete-confirm'));
    await waitFor(() => expect(callsTo(fetchMock, 'DELETE', '/api/admin/member-days/4')).toHaveLength(1));
    expect(await screen.findByText('「每月 7 日会员日」已删除')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('每月 7 日会员日')).toBeNull());
  });

  it('without the tier list (an operator), takes the tier id as typed text and refuses one out of range', async () => {
    const operator = { id: 2, username: 'op', role: 'operator' as const };
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/member-days': () => json(200, { items: [], total: 0 }),
      'GET /api/admin/tiers': () => apiError(403, 'FORBIDDEN', '您的账号角色无权执行此操作'),
      'GET /api/admin/categories': () => json(200, []),
      'POST /api/admin/member-days': () => json(201, { ...RULE, id: 9 }),
    });
    renderApp('/member-days');
    fireEvent.click(await el('.member-day-create'));
    await el('#memberDay_name');
    fill('memberDay_name', '金卡日');
    fireEvent.click(await el('.member-day-days input[value="15"]'));
    fireEvent.click(screen.getByText('等级及以上'));
    const tierId = await el('.member-day-tier-id');
    fireEvent.change(tierId, { target: { value: '0' } });
    fireEvent.click(document.querySelector('.member-day-submit')!);
    expect(await screen.findByText('最低等级 ID须为 1 到 2147483647 之间的整数')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')).toHaveLength(0);
    expect((tierId as HTMLInputElement).value).toBe('0');
    fireEvent.change(tierId, { target: { value: '3' } });
    fireEvent.click(document.querySelector('.member-day-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/member-days')[0].body).toMatchObject({ audience: 'TIER_AT_LEAST', audienceTierId: 3 });
  });
});
