import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffRoleValue } from '@mc/shared';
import { TOKEN_KEY } from '../src/api';
import { apiError, mockFetch, renderApp, signIn } from './helpers';

const staffOf = (role: StaffRoleValue) => ({ id: 7, username: `${role}1`, role });

async function menuFor(role: StaffRoleValue, path = '/') {
  mockFetch({ ...signIn(staffOf(role)), 'GET /api/admin/reports/overview': () => apiError(404, 'NOT_FOUND', 'not found') });
  renderApp(path);
  await screen.findByText(`${role}1`);
  const menu = document.querySelector('.admin-menu') as HTMLElement;
  expect(menu).not.toBeNull();
  return within(menu);
}

const FINANCE_ONLY = ['售后退款', '提现审核'];
const OPERATOR_ITEMS = ['商品管理', '分类管理', '订单管理', '会员日', '签到规则', '积分规则', '积分商城', '积分抽奖', '优惠券', '订阅消息', '分销员', '佣金规则'];
const OWNER_ONLY = ['会员卡方案', '会员等级', '店铺设置', '员工管理', '审计日志'];
/** Every role: 客户 (under 会员). */
const EVERY_ROLE = ['概览', '会员', '客户'];

describe('layout menu', () => {
  it('hides finance-only (and owner-only) items from an operator', async () => {
    const menu = await menuFor('operator');
    for (const label of FINANCE_ONLY) expect(menu.queryByText(label)).toBeNull();
    for (const label of OWNER_ONLY) expect(menu.queryByText(label)).toBeNull();
    for (const label of [...EVERY_ROLE, ...OPERATOR_ITEMS]) expect(menu.getByText(label)).toBeTruthy();
  });

  it('shows finance its items and hides the catalog', async () => {
    const menu = await menuFor('finance');
    for (const label of [...EVERY_ROLE, ...FINANCE_ONLY]) expect(menu.getByText(label)).toBeTruthy();
    for (const label of ['商品', '商品管理', '会员日', '会员卡方案', '积分', '积分商城', '优惠券', '订阅消息', '分销员', '审计日志']) expect(menu.queryByText(label)).toBeNull();
  });

  it('shows the owner everything', async () => {
    const menu = await menuFor('owner');
    for (const label of [...EVERY_ROLE, '商品', '订单', '积分', '分销', ...FINANCE_ONLY, ...OPERATOR_ITEMS, ...OWNER_ONLY]) {
      expect(menu.getByText(label)).toBeTruthy();
    }
  });

  it('shows the staff name and role in the header', async () => {
    await menuFor('finance');
    const header = document.querySelector('.admin-header') as HTMLElement;
    expect(within(header).getByText('finance1')).toBeTruthy();
    expect(within(header).getByText('财务')).toBeTruthy();
    expect(within(header).getByText('退出登录')).toBeTruthy();
  });

  it('navigates to a page from the menu', async () => {
    const menu = await menuFor('operator');
    fireEvent.click(menu.getByText('积分商城'));
    expect(await screen.findByText('新建兑换商品')).toBeTruthy();
    expect(document.querySelector('.admin-header-title')?.textContent).toBe('积分商城');
  });

  it('refuses a page outside the role when opened by URL', async () => {
    await menuFor('operator', '/withdrawals');
    expect(await screen.findByText('无权访问')).toBeTruthy();
  });

  it('shows 页面不存在 for an unknown route', async () => {
    await menuFor('owner', '/no-such-page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });

  it('logs out: clears the token and shows the login form', async () => {
    await menuFor('owner');
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(document.getElementById('username')).not.toBeNull(), { timeout: 15000 });
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('sends the user to the login page when a request gets 401', async () => {
    mockFetch({
      ...signIn(staffOf('owner')),
      'GET /api/admin/reports/overview': () => apiError(401, 'UNAUTHORIZED', 'login required'),
    });
    renderApp('/');
    await waitFor(() => expect(document.getElementById('username')).not.toBeNull(), { timeout: 15000 });
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});
