import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminDistributorView, AdminWithdrawalView, CommissionRules } from '@mc/shared';
// Loaded up front: the lazy routes then render without transforming the pages inside a test.
import '../src/pages/CommissionRulesPage';
import '../src/pages/DistributorsPage';
import '../src/pages/WithdrawalsPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const finance = { id: 3, username: 'fin1', role: 'finance' as const };
const FIRST = { timeout: 15000 };

const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
const fill = (id: string, value: string) => fireEvent.change(input(id)!, { target: { value } });
const el = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u));

// ── 佣金规则 ──────────────────────────────────────────────────────────────────────────────────

const RULES: CommissionRules = {
  defaultRateBp: 1000,
  level2Enabled: false,
  level2RateBp: 300,
  bindingMode: 'FIRST_TOUCH',
  bindingDays: 30,
  settleAfterDays: 7,
  autoApproveMembers: false,
  withdrawMinCents: 100,
  withdrawDailyCapCents: 500000,
  categoryRates: [{ categoryId: 3, rateBp: 800 }],
  productRates: [{ productId: 12, rateBp: 1550 }],
};
const CATEGORIES = [{ id: 3, name: '服饰', parentId: null, sort: 1, active: true, iconUrl: '' }];

async function openRules(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    'GET /api/admin/commission-rules': () => json(200, RULES),
    'PUT /api/admin/commission-rules': (init) => json(200, JSON.parse(String(init.body))),
    'GET /api/admin/categories': () => json(200, CATEGORIES),
    ...routes,
  });
  renderApp('/commission-rules');
  await waitFor(() => expect(input('commissionRules_defaultRate')).not.toBeNull(), FIRST);
  return fetchMock;
}
const submitRules = () => fireEvent.click(document.querySelector('.commission-rules-submit')!);
const puts = (f: ReturnType<typeof mockFetch>) => callsTo(f, 'PUT', '/api/admin/commission-rules');

describe('佣金规则 page', { timeout: 45000 }, () => {
  it('shows rates in percent and money in yuan, and saves them as basis points and fen exactly', async () => {
    const fetchMock = await openRules();
    expect(input('commissionRules_defaultRate')!.value).toBe('10');
    expect(input('commissionRules_categoryRates_0_rate')!.value).toBe('8');
    expect(input('commissionRules_productRates_0_rate')!.value).toBe('15.5');
    expect(input('commissionRules_bindingDays')!.value).toBe('30');
    expect(input('commissionRules_withdrawMin')!.value).toBe('1.00');
    expect(input('commissionRules_withdrawDailyCap')!.value).toBe('5000.00');
    expect(input('commissionRules_level2Rate')).toBeNull();
    expect(screen.getByText('商品 #12')).toBeTruthy();

    fill('commissionRules_defaultRate', '12.34');
    fill('commissionRules_productRates_0_rate', '4.03');
    fireEvent.click(document.querySelector('.commission-level2')!);
    fill((await el('#commissionRules_level2Rate')).id, '2.5');
    fireEvent.click(screen.getByText('最近一次（通过新推广员的链接进入即改绑）'));
    fill('commissionRules_bindingDays', '15');
    fill('commissionRules_settleAfterDays', '0');
    fireEvent.click(document.querySelector('.commission-auto-approve')!);
    fill('commissionRules_withdrawMin', '0.5');
    fill('commissionRules_withdrawDailyCap', '2000');
    submitRules();

    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0].body).toEqual({
      defaultRateBp: 1234,
      level2Enabled: true,
      level2RateBp: 250,
      bindingMode: 'LAST_TOUCH',
      bindingDays: 15,
      settleAfterDays: 0,
      autoApproveMembers: true,
      withdrawMinCents: 50,
      withdrawDailyCapCents: 200000,
      categoryRates: [{ categoryId: 3, rateBp: 800 }],
      productRates: [{ productId: 12, rateBp: 403 }],
    });
    expect(await screen.findByText('佣金规则已保存')).toBeTruthy();
  });

  it('refuses rates above 50 % or with more than two decimals, days and amounts out of range — as typed, nothing sent', async () => {
    const fetchMock = await openRules();
    fill('commissionRules_defaultRate', '50.01');
    fill('commissionRules_categoryRates_0_rate', '8.125');
    fill('commissionRules_productRates_0_rate', '-1');
    fill('commissionRules_bindingDays', '0');
    fill('commissionRules_settleAfterDays', '366');
    fill('commissionRules_withdrawMin', '0.001');
    fill('commissionRules_withdrawDailyCap', '1000000.01');
    submitRules();
    await waitFor(() => expect(screen.getAllByText('请输入 0%–50%，最多两位小数')).toHaveLength(3));
    expect(screen.getByText('绑定有效天数须为 1 到 3650 之间的整数')).toBeTruthy();
    expect(screen.getByText('佣金结算天数须为 0 到 365 之间的整数')).toBeTruthy();
    expect(screen.getByText('最低提现金额须为 0.01 到 1000000 元之间，最多两位小数')).toBeTruthy();
    expect(screen.getByText('每日提现上限须为 0.01 到 1000000 元之间，最多两位小数')).toBeTruthy();
    expect(input('commissionRules_defaultRate')!.value).toBe('50.01');
    expect(input('commissionRules_categoryRates_0_rate')!.value).toBe('8.125');
    expect(puts(fetchMock)).toHaveLength(0);
  });

  it('takes the bounds themselves: 0 %, 0.01 % and 50 %, 3650 and 365 days, 0.01 and 1,000,000 yuan', async () => {
    const fetchMock = await openRules();
    fill('commissionRules_defaultRate', '50');
    fill('commissionRules_categoryRates_0_rate', '0');
    fill('commissionRules_productRates_0_rate', '0.01');
    fill('commissionRules_bindingDays', '3650');
    fill('commissionRules_settleAfterDays', '365');
    fill('commissionRules_withdrawMin', '0.01');
    fill('commissionRules_withdrawDailyCap', '1000000');
    submitRules();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0].body).toMatchObject({
      defaultRateBp: 5000,
      categoryRates: [{ categoryId: 3, rateBp: 0 }],
      productRates: [{ productId: 12, rateBp: 1 }],
      bindingDays: 3650,
      settleAfterDays: 365,
      withdrawMinCents: 1,
      withdrawDailyCapCents: 100000000,
    });
  });

  it('adds and removes per-product rates; a new row needs its product', async () => {
    const fetchMock = await openRules();
    fireEvent.click(document.querySelector('.productRates-add')!);
    await waitFor(() => expect(input('commissionRules_productRates_1_rate')).not.toBeNull());
    submitRules();
    expect(await screen.findByText('请选择商品')).toBeTruthy();
    expect(puts(fetchMock)).toHaveLength(0);

    fireEvent.click(document.querySelectorAll('.productRates-row .commission-rate-remove')[1]);
    await waitFor(() => expect(input('commissionRules_productRates_1_rate')).toBeNull());
    fireEvent.click(document.querySelector('.categoryRates-row .commission-rate-remove')!);
    submitRules();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0].body).toMatchObject({ categoryRates: [], productRates: [{ productId: 12, rateBp: 1550 }] });
  });

  it('puts the server’s field messages on the fields', async () => {
    await openRules({
      'PUT /api/admin/commission-rules': () =>
        json(400, { error: { code: 'VALIDATION_FAILED', message: '商品佣金比例须为 0 到 5000 之间的整数', details: { fields: [{ field: 'productRates.0.rateBp', problems: ['商品佣金比例须为 0 到 5000 之间的整数'] }] } } }),
    });
    submitRules();
    await waitFor(() => expect(screen.getAllByText('商品佣金比例须为 0 到 5000 之间的整数')).toHaveLength(2));
    expect(document.querySelector('.productRates-row .ant-form-item-explain-error')?.textContent).toBe('商品佣金比例须为 0 到 5000 之间的整数');
  });

  it('offers a retry when the rules cannot be loaded', async () => {
    let fail = true;
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/commission-rules': () => (fail ? apiError(503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用') : json(200, RULES)),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
    });
    renderApp('/commission-rules');
    expect(await screen.findByText('数据库暂时不可用', undefined, FIRST)).toBeTruthy();
    fail = false;
    fireEvent.click(document.querySelector('.commission-rules-retry')!);
    await waitFor(() => expect(input('commissionRules_defaultRate')?.value).toBe('10'));
  });
});

// ── 提现审核 ──────────────────────────────────────────────────────────────────────────────────

const WITHDRAWAL: AdminWithdrawalView = {
  id: 51,
  amountCents: 12345,
  status: 'PENDING',
  createdAt: '2026-12-02T02:00:00.000Z',
  reviewedAt: null,
  paidAt: null,
  failReason: null,
  distributorId: 8,
  nickname: '小红',
  refCode: 'KOC888',
  outBatchNo: null,
};

async function openWithdrawals(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(finance),
    'GET /api/admin/withdrawals': (_init, url) =>
      json(200, url.includes('status=FAILED') ? { items: [{ ...WITHDRAWAL, id: 52, status: 'FAILED', failReason: '收款人未实名', outBatchNo: 'B20261202001', reviewedAt: '2026-12-02T03:00:00.000Z' }], total: 1 } : { items: [WITHDRAWAL], total: 1 }),
    ...routes,
  });
  renderApp('/withdrawals');
  expect(await screen.findByText('KOC888', undefined, FIRST)).toBeTruthy();
  return fetchMock;
}

describe('提现审核 page', { timeout: 45000 }, () => {
  it('lists pending withdrawals first and filters by status', async () => {
    const fetchMock = await openWithdrawals();
    expect(urls(fetchMock)).toContain('/api/admin/withdrawals?status=PENDING&page=1&pageSize=20');
    const row = within(document.querySelector('.withdrawal-row') as HTMLElement);
    expect(row.getByText('小红')).toBeTruthy();
    expect(row.getByText('¥123.45')).toBeTruthy();
    expect(row.getByText('待审核')).toBeTruthy();

    fireEvent.click(within(document.querySelector('.withdrawal-status-tabs') as HTMLElement).getByText('打款失败'));
    expect(await screen.findByText('收款人未实名')).toBeTruthy();
    expect(screen.getByText('批次 B20261202001')).toBeTruthy();
    expect(urls(fetchMock)).toContain('/api/admin/withdrawals?status=FAILED&page=1&pageSize=20');
    expect(document.querySelector('.withdrawal-approve')).toBeNull();
  });

  it('approves after a confirmation that shows the amount and the payee', async () => {
    const fetchMock = await openWithdrawals({ 'POST /api/admin/withdrawals/51/approve': () => json(200, { ...WITHDRAWAL, status: 'APPROVED' }) });
    fireEvent.click(document.querySelector('.withdrawal-approve')!);
    const intro = await el('.withdrawal-approve-intro');
    expect(intro.textContent).toContain('小红（推广码 KOC888）');
    expect(intro.textContent).toContain('¥123.45');
    expect(callsTo(fetchMock, 'POST', '/api/admin/withdrawals/51/approve')).toHaveLength(0);
    fireEvent.click(document.querySelector('.withdrawal-approve-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/withdrawals/51/approve')).toHaveLength(1));
    expect(await screen.findByText('已通过，正在打款')).toBeTruthy();
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/withdrawals')).toHaveLength(2));
  });

  it('shows the server’s refusal of an approval in the dialog', async () => {
    await openWithdrawals({ 'POST /api/admin/withdrawals/51/approve': () => apiError(409, 'INVALID_STATE', '该提现已处理') });
    fireEvent.click(document.querySelector('.withdrawal-approve')!);
    fireEvent.click(await el('.withdrawal-approve-submit'));
    expect(await screen.findByText('该提现已处理')).toBeTruthy();
  });

  it('rejects only with a reason', async () => {
    const fetchMock = await openWithdrawals({ 'POST /api/admin/withdrawals/51/reject': () => json(200, { ...WITHDRAWAL, status: 'REJECTED' }) });
    fireEvent.click(document.querySelector('.withdrawal-reject')!);
    fireEvent.click(await el('.withdrawal-reject-submit'));
    expect(await screen.findByText('请填写原因')).toBeTruthy();
    fireEvent.change(document.getElementById('reason_reason')!, { target: { value: ' 账户信息有误 ' } });
    fireEvent.click(document.querySelector('.withdrawal-reject-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/withdrawals/51/reject')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/withdrawals/51/reject')[0].body).toEqual({ reason: '账户信息有误' });
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/withdrawals')).toHaveLength(2));
  });
});

// ── 分销员 ──────────────────────────────────────────────────────────────────────────────────

function distributor(id: number, patch: Partial<AdminDistributorView> = {}): AdminDistributorView {
  return {
    id,
    customerId: 100 + id,
    nickname: `推广员${id}`,
    phoneTail: '1234',
    status: 'APPROVED',
    refCode: `KOC00${id}`,
    isGuide: false,
    reason: '朋友圈分享',
    rejectReason: null,
    appliedAt: '2026-11-20T02:00:00.000Z',
    reviewedAt: '2026-11-21T02:00:00.000Z',
    stats: { visits: 1200, boundCustomers: 30, orders: 12, paidCents: 345600, monthRank: 2 },
    balances: { pendingCents: 1000, availableCents: 2500, frozenCents: 0, withdrawnCents: 8000, owedCents: 0 },
    ...patch,
  };
}
const APPLICANT = distributor(1, { status: 'PENDING', refCode: null, reason: '我有 500 人的社群', reviewedAt: null });

async function openDistributors(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    'GET /api/admin/distributors': (_init, url) =>
      json(200, url.includes('status=PENDING') ? { items: [APPLICANT], total: 1 } : { items: [distributor(2, { isGuide: true }), distributor(3, { status: 'DISABLED', balances: { pendingCents: 0, availableCents: 0, frozenCents: 0, withdrawnCents: 0, owedCents: 990 } })], total: 2 }),
    ...routes,
  });
  renderApp('/distributors');
  expect(await screen.findByText('我有 500 人的社群', undefined, FIRST)).toBeTruthy();
  return fetchMock;
}
const tab = (label: string) => fireEvent.click(within(document.querySelector('.distributor-tabs') as HTMLElement).getByText(label));

describe('分销员 page', { timeout: 45000 }, () => {
  it('approves an application after a confirmation', async () => {
    const fetchMock = await openDistributors({ 'POST /api/admin/distributors/1/approve': () => json(200, { ...APPLICANT, status: 'APPROVED', refCode: 'KOC001' }) });
    expect(urls(fetchMock)).toContain('/api/admin/distributors?status=PENDING&page=1&pageSize=20');
    fireEvent.click(document.querySelector('.distributor-approve')!);
    fireEvent.click(await el('.distributor-approve-confirm'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/distributors/1/approve')).toHaveLength(1));
    expect(await screen.findByText('已通过申请')).toBeTruthy();
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/distributors')).toHaveLength(2));
  });

  it('rejects an application only with a reason', async () => {
    const fetchMock = await openDistributors({ 'POST /api/admin/distributors/1/reject': () => json(200, { ...APPLICANT, status: 'REJECTED' }) });
    fireEvent.click(document.querySelector('.distributor-reject')!);
    fireEvent.click(await el('.distributor-reject-submit'));
    expect(await screen.findByText('请填写原因')).toBeTruthy();
    fireEvent.change(document.getElementById('reason_reason')!, { target: { value: '请补充推广渠道' } });
    fireEvent.click(document.querySelector('.distributor-reject-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/distributors/1/reject')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/distributors/1/reject')[0].body).toEqual({ reason: '请补充推广渠道' });
  });

  it('lists distributors and guides with stats and balances, by status and search', async () => {
    const fetchMock = await openDistributors();
    tab('分销员与导购');
    expect(await screen.findByText('KOC002')).toBeTruthy();
    const rows = document.querySelectorAll('.distributor-row');
    expect(rows[0].textContent).toContain('访问 1,200 · 客户 30');
    expect(rows[0].textContent).toContain('订单 12 · 成交 ¥3456.00');
    expect(rows[0].textContent).toContain('本月第 2 名');
    expect(rows[0].textContent).toContain('可提现 ¥25.00');
    expect(rows[0].textContent).toContain('待结算 ¥10.00 · 提现中 ¥0.00');
    expect(rows[0].textContent).toContain('导购');
    expect(rows[1].textContent).toContain('待抵扣 ¥9.90');
    expect(rows[1].textContent).toContain('已停用');

    fireEvent.change(document.querySelector('.distributor-search input')!, { target: { value: ' KOC002 ' } });
    fireEvent.keyDown(document.querySelector('.distributor-search input')!, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/distributors?q=KOC002&page=1&pageSize=20'));

    fireEvent.mouseDown(document.querySelector('.distributor-status-filter .ant-select-selector, .distributor-status-filter')!);
    fireEvent.click(await waitFor(() => within(document.querySelector('.ant-select-dropdown') as HTMLElement).getByText('已停用')));
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/distributors?status=DISABLED&q=KOC002&page=1&pageSize=20'));
  });

  it('marks guides, disables and enables', async () => {
    const fetchMock = await openDistributors({
      'POST /api/admin/distributors/2/disable': () => json(200, distributor(2, { status: 'DISABLED' })),
      'POST /api/admin/distributors/3/enable': () => json(200, distributor(3)),
      'PUT /api/admin/distributors/2/guide': () => json(200, distributor(2, { isGuide: false })),
    });
    tab('分销员与导购');
    expect(await screen.findByText('KOC002')).toBeTruthy();

    fireEvent.click(document.querySelectorAll('.distributor-guide')[0]);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/distributors/2/guide')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/distributors/2/guide')[0].body).toEqual({ isGuide: false });
    expect(await screen.findByText('已取消导购')).toBeTruthy();

    fireEvent.click(document.querySelector('.distributor-disable')!);
    fireEvent.click(await el('.distributor-disable-confirm'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/distributors/2/disable')).toHaveLength(1));
    expect(await screen.findByText('已停用', { selector: '.ant-message *' })).toBeTruthy();

    fireEvent.click(document.querySelector('.distributor-enable')!);
    fireEvent.click(await el('.distributor-enable-confirm'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/distributors/3/enable')).toHaveLength(1));
  });

  it('shows the month’s leaderboard', async () => {
    const fetchMock = await openDistributors({
      'GET /api/admin/reports/distributors': () =>
        json(200, {
          month: '2026-12',
          items: [
            { rank: 1, distributorId: 2, nickname: '推广员2', refCode: 'KOC002', isGuide: true, orders: 12, paidCents: 345600, commissionCents: 34560, boundCustomers: 30 },
            { rank: 2, distributorId: 3, nickname: '推广员3', refCode: 'KOC003', isGuide: false, orders: 1, paidCents: 990, commissionCents: 99, boundCustomers: 1 },
          ],
        }),
    });
    tab('排行榜');
    expect(await screen.findByText('2026-12 按成交金额排名')).toBeTruthy();
    const rows = document.querySelectorAll('.leaderboard-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('¥3456.00');
    expect(rows[0].textContent).toContain('¥345.60');
    expect(rows[1].textContent).toContain('KOC003');
    expect(urls(fetchMock)).toContain('/api/admin/reports/distributors');
  });
});
