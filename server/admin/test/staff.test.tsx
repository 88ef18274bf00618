import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../src/pages/StaffPage';
import { TOKEN_KEY } from '../src/api';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const owner = { id: 1, username: 'admin', role: 'owner' as const };
const FIRST = { timeout: 15000 };
const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const el = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });

const ACCOUNTS = {
  items: [
    { id: 1, username: 'admin', role: 'owner', active: true, createdAt: '2026-11-01T00:00:00.000Z' },
    { id: 2, username: 'op.two', role: 'operator', active: true, createdAt: '2026-11-02T00:00:00.000Z' },
  ],
  total: 2,
};

describe('staff page', { timeout: 45000 }, () => {
  it('lists accounts; one cannot change one\'s own role or switch oneself off', async () => {
    mockFetch({ ...signIn(owner), 'GET /api/admin/staff': () => json(200, ACCOUNTS) });
    renderApp('/staff');
    await screen.findByText('op.two', undefined, FIRST);
    const [mine, theirs] = [...document.querySelectorAll('.staff-row')] as HTMLElement[];
    expect(within(mine).getByText('我')).toBeTruthy();
    expect(mine.querySelector('.staff-active')!.className).toContain('disabled');
    expect(theirs.querySelector('.staff-active')!.className).not.toContain('disabled');
  });

  it('creates an account, refusing a short password before sending', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/staff': () => json(200, ACCOUNTS),
      'POST /api/admin/staff': () => json(201, { id: 3, username: 'cashier', role: 'finance', active: true, createdAt: '2026-12-05T00:00:00.000Z' }),
    });
    renderApp('/staff');
    await screen.findByText('op.two', undefined, FIRST);
    fireEvent.click(document.querySelector('.staff-create')!);
    await el('#staff-create_username');
    fill('staff-create_username', 'cashier');
    fill('staff-create_password', 'short');
    fireEvent.click(document.querySelector('.staff-create-submit')!);
    expect(await screen.findByText('密码须为 8 到 64 个字符')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/staff')).toHaveLength(0);
    fill('staff-create_password', 'secret-123');
    fireEvent.click(document.querySelector('.staff-create-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/staff')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/staff')[0].body).toEqual({ username: 'cashier', password: 'secret-123', role: 'operator' });
    expect(await screen.findByText('已创建「cashier」')).toBeTruthy();
  });

  it('switches an account off and shows the server refusing', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/staff': () => json(200, ACCOUNTS),
      'PATCH /api/admin/staff/2': () => apiError(409, 'INVALID_STATE', '店铺至少要保留一个启用的店主账号'),
    });
    renderApp('/staff');
    await screen.findByText('op.two', undefined, FIRST);
    const theirs = document.querySelectorAll('.staff-row')[1] as HTMLElement;
    fireEvent.click(theirs.querySelector('.staff-active')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/api/admin/staff/2')[0]?.body).toEqual({ active: false }));
    expect(await screen.findByText('店铺至少要保留一个启用的店主账号')).toBeTruthy();
  });

  it('changes one\'s own password from the header and keeps the new token', async () => {
    const fetchMock = mockFetch({
      ...signIn(owner),
      'GET /api/admin/staff': () => json(200, ACCOUNTS),
      'POST /api/admin/me/password': () => json(200, { token: 'new-token' }),
    });
    renderApp('/staff');
    await screen.findByText('op.two', undefined, FIRST);
    fireEvent.click(document.querySelector('.admin-password')!);
    await el('#own-password_oldPassword');
    fill('own-password_oldPassword', 'old-pass');
    fill('own-password_newPassword', 'new-pass-1');
    fill('own-password_confirm', 'new-pass-2');
    fireEvent.click(document.querySelector('.own-password-submit')!);
    expect(await screen.findByText('两次填写的新密码不一致')).toBeTruthy();
    fill('own-password_confirm', 'new-pass-1');
    fireEvent.click(document.querySelector('.own-password-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/me/password')[0]?.body).toEqual({ oldPassword: 'old-pass', newPassword: 'new-pass-1' }));
    await waitFor(() => expect(localStorage.getItem(TOKEN_KEY)).toBe('new-token'));
  });
});
