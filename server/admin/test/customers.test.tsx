import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminCustomerDetail, AdminCustomerRow, StaffUser } from '@mc/shared';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/CustomersPage';
import { apiError, callsTo, el, fill, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const finance = { id: 3, username: 'fin1', role: 'finance' as const };
const FIRST = { timeout: 15000 };

const ALICE: AdminCustomerRow = {
  id: 11,
  nickname: '爱丽丝',
  avatarUrl: '',
  phoneTail: '8000',
  isMember: true,
  memberUntil: '2026-12-31T16:00:00.000Z',
  tierName: '银卡',
  pointsBalance: 1234,
  ordersCount: 3,
  paidCents: 12800,
  boundDistributor: { distributorId: 5, nickname: '分销小美', expiresAt: '2027-01-01T00:00:00.000Z' },
  createdAt: '2026-10-01T02:00:00.000Z',
};
const BOB: AdminCustomerRow = { ...ALICE, id: 12, nickname: '鲍勃', phoneTail: null, isMember: false, memberUntil: null, tierName: null, pointsBalance: 0, ordersCount: 0, paidCents: 0, boundDistributor: null };

const DETAIL: AdminCustomerDetail = {
  id: 11,
  nickname: '爱丽丝',
  avatarUrl: '',
  phoneTail: '8000',
  birthday: '1990-05-01',
  createdAt: ALICE.createdAt,
  lastLoginAt: ALICE.createdAt,
  card: {
    isMember: true,
    memberUntil: ALICE.memberUntil,
    periods: [{ id: 1, orderId: 40, planId: 1, days: 30, paidCents: 1990, purchasedAt: '2026-12-01T02:00:00.000Z', startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-31T16:00:00.000Z', refundedAt: null }],
  },
  tier: { tierId: 2, name: '银卡', growth: 150, nextTier: { id: 3, name: '金卡', growthThreshold: 500, growthNeeded: 350 } },
  points: { balance: 1234, latest: [{ id: 9, kind: 'ADJUST', delta: 300, balanceAfter: 1234, orderId: null, memo: '补偿物流延误', createdAt: '2026-12-02T02:00:00.000Z' }] },
  coupons: [{ id: 7, templateId: 2, title: '满100减10', status: 'USABLE', source: 'GRANT', validFrom: '2026-12-01T00:00:00.000Z', validUntil: '2026-12-20T00:00:00.000Z' }],
  boundDistributor: { distributorId: 5, nickname: '分销小美', boundAt: '2026-12-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' },
  distributor: null,
  orders: { count: 3, paidCents: 12800, latest: [{ id: 41, orderNo: 'M202612010001', kind: 'GOODS', status: 'PAID', payableCents: 5400, refundedCents: 0, createdAt: '2026-12-01T03:00:00.000Z' }] },
};

async function openList(staff: StaffUser = operator, routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(staff),
    'GET /api/admin/customers': (_, url) => {
      const q = new URL(url, 'http://x').searchParams.get('q');
      const items = q ? [ALICE, BOB].filter((c) => c.nickname.includes(q) || c.phoneTail === q) : [ALICE, BOB];
      return json(200, { items, total: items.length });
    },
    'GET /api/admin/customers/11': () => json(200, DETAIL),
    ...routes,
  });
  renderApp('/customers');
  await waitFor(() => expect(screen.getByText('鲍勃')).toBeTruthy(), FIRST);
  return fetchMock;
}
const table = () => within(document.querySelector('.customers-table') as HTMLElement);
const listUrls = (f: ReturnType<typeof mockFetch>) => f.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/api/admin/customers?'));

async function openAlice() {
  fireEvent.click(screen.getByText('爱丽丝'));
  return within(await el('.customer-detail'));
}

describe('客户 page', { timeout: 45000 }, () => {
  it('lists customers with their phone tail, card, tier, points, orders and distributor', async () => {
    await openList();
    const t = table();
    expect(t.getByText('尾号 8000')).toBeTruthy();
    expect(t.getByText('未绑定手机')).toBeTruthy();
    expect(t.getByText('银卡')).toBeTruthy();
    expect(t.getByText('1,234')).toBeTruthy();
    expect(t.getByText('3 单 · ¥128.00')).toBeTruthy();
    expect(t.getByText('分销小美')).toBeTruthy();
    expect(t.getByText('非会员')).toBeTruthy();
    expect(screen.getByText('共 2 位客户')).toBeTruthy();
  });

  it('searches by nickname or phone tail from page 1', async () => {
    const fetchMock = await openList();
    const box = document.querySelector('.customer-search input') as HTMLInputElement;
    fireEvent.change(box, { target: { value: ' 8000 ' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByText('鲍勃')).toBeNull());
    const last = new URL(listUrls(fetchMock).at(-1)!, 'http://x').searchParams;
    expect(last.get('q')).toBe('8000');
    expect(last.get('page')).toBe('1');
  });

  it('filters by a segment or a tag of 客户分层', async () => {
    const fetchMock = await openList();
    fireEvent.mouseDown(document.querySelector('.customer-segment .ant-select-selector, .customer-segment')!);
    fireEvent.click(await el('.ant-select-item-option[title="重要价值客户"]'));
    await waitFor(() => expect(new URL(listUrls(fetchMock).at(-1)!, 'http://x').searchParams.get('groups')).toBe('IMPORTANT_VALUE'));
    fireEvent.mouseDown(document.querySelector('.customer-segment .ant-select-selector, .customer-segment')!);
    fireEvent.click(await el('.ant-select-item-option[title="只买优惠"]'));
    await waitFor(() => expect(new URL(listUrls(fetchMock).at(-1)!, 'http://x').searchParams.get('tags')).toBe('DISCOUNT_ONLY'));
    const last = new URL(listUrls(fetchMock).at(-1)!, 'http://x').searchParams;
    expect([last.get('groups'), last.get('page')]).toEqual([null, '1']);
  });

  it('opens a customer: card, tier, points ledger, coupons, distributor and latest orders', async () => {
    await openList();
    const d = await openAlice();
    expect(d.getByText('生日')).toBeTruthy();
    expect(d.getByText('1990-05-01')).toBeTruthy();
    expect(d.getByText('¥19.90')).toBeTruthy();
    expect(d.getByText('金卡（还差 350）')).toBeTruthy();
    expect(d.getByText('余额 1,234')).toBeTruthy();
    expect(d.getByText('补偿物流延误')).toBeTruthy();
    expect(d.getByText('+300')).toBeTruthy();
    expect(d.getByText('满100减10')).toBeTruthy();
    expect(d.getByText(/^分销小美（绑定至/)).toBeTruthy();
    expect(d.getByText('不是分销员')).toBeTruthy();
    expect(d.getByText('M202612010001')).toBeTruthy();
    expect(d.getByText('最近订单（共 3 单已支付，¥128.00）')).toBeTruthy();
  });

  it('adjusts points with the signed number as typed, and reloads the customer', async () => {
    const fetchMock = await openList(operator, {
      'POST /api/admin/customers/11/points-adjustments': () => json(201, { entry: DETAIL.points.latest[0], balance: 1184 }),
    });
    await openAlice();
    fireEvent.click(document.querySelector('.points-adjust')!);
    fill((await el('#pointsAdjust_points')).id, '-50');
    fill('pointsAdjust_reason', '扣回误发');
    fireEvent.click(document.querySelector('.points-adjust-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/customers/11/points-adjustments')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/customers/11/points-adjustments')[0].body).toEqual({ points: -50, reason: '扣回误发' });
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/customers/11')).toHaveLength(2));
  });

  it('refuses a fraction, 0 or out of range in the form (nothing sent), and shows the server refusing more than the balance', async () => {
    const fetchMock = await openList(operator, {
      'POST /api/admin/customers/11/points-adjustments': () => apiError(409, 'INSUFFICIENT_POINTS', '积分不足'),
    });
    await openAlice();
    fireEvent.click(document.querySelector('.points-adjust')!);
    const field = (await el('#pointsAdjust_points')).id;
    fill('pointsAdjust_reason', '测试');
    for (const [typed, says] of [
      ['1.5', '调整积分须为 -1000000 到 1000000 之间的整数'],
      ['0', '调整积分不能为 0'],
      ['1000001', '调整积分须为 -1000000 到 1000000 之间的整数'],
    ]) {
      fill(field, typed);
      fireEvent.click(document.querySelector('.points-adjust-submit')!);
      expect(await screen.findByText(says)).toBeTruthy();
      expect((document.getElementById(field) as HTMLInputElement).value).toBe(typed);
    }
    expect(callsTo(fetchMock, 'POST', '/api/admin/customers/11/points-adjustments')).toHaveLength(0);
    fill(field, '-99999');
    fireEvent.click(document.querySelector('.points-adjust-submit')!);
    expect(await screen.findByText('积分不足')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/customers/11/points-adjustments')[0].body).toEqual({ points: -99999, reason: '测试' });
  });

  it('lets finance read customers but not adjust points', async () => {
    await openList(finance);
    const d = await openAlice();
    expect(d.getByText('余额 1,234')).toBeTruthy();
    expect(document.querySelector('.points-adjust')).toBeNull();
  });
});
