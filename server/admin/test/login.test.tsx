import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TOKEN_KEY } from '../src/api';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const owner = { id: 1, username: 'admin', role: 'owner' as const };

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(document.getElementById('username')!, { target: { value: username } });
  fireEvent.change(document.getElementById('password')!, { target: { value: password } });
  fireEvent.click(document.querySelector('.login-submit')!);
}

describe('login page', () => {
  it('redirects an anonymous visitor to the login form', async () => {
    mockFetch({});
    renderApp('/products');
    expect(await screen.findByText('会员商城 · 商家后台')).toBeTruthy();
    expect(document.getElementById('username')).not.toBeNull();
    expect(document.getElementById('password')).not.toBeNull();
    expect(document.querySelector('.login-submit')).not.toBeNull();
  });

  it('submits the credentials, stores the token and opens the dashboard', async () => {
    const fetchMock = mockFetch({
      'POST /api/admin/auth/login': () => json(200, { token: 'tok-123', staff: owner }),
      'GET /api/admin/reports/overview': () => apiError(404, 'NOT_FOUND', 'not found'),
    });
    renderApp('/login');

    fillAndSubmit(' admin ', 'secret-pw');

    expect(await screen.findByText('欢迎回来，admin', undefined, { timeout: 15000 })).toBeTruthy(); // the dashboard is loaded lazily: slow on a busy machine
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok-123');
    const [call] = callsTo(fetchMock, 'POST', '/api/admin/auth/login');
    expect(call.body).toEqual({ username: 'admin', password: 'secret-pw' });
    expect(call.headers['Content-Type']).toBe('application/json');
    expect(call.headers.Authorization).toBeUndefined();
    // the next request carries the new token
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/reports/overview')).toHaveLength(1));
    expect(callsTo(fetchMock, 'GET', '/api/admin/reports/overview')[0].headers.Authorization).toBe('Bearer tok-123');
  });

  it("shows the server's message on 401 and stays on the login page", async () => {
    mockFetch({ 'POST /api/admin/auth/login': () => apiError(401, 'UNAUTHORIZED', '用户名或密码错误') });
    renderApp('/login');

    fillAndSubmit('admin', 'wrong');

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(document.getElementById('username')).not.toBeNull();
    expect((document.querySelector('.login-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the rate-limit message on 429', async () => {
    mockFetch({ 'POST /api/admin/auth/login': () => apiError(429, 'RATE_LIMITED', '尝试次数过多，请稍后再试') });
    renderApp('/login');

    fillAndSubmit('admin', 'wrong');

    expect(await screen.findByText('尝试次数过多，请稍后再试')).toBeTruthy();
  });

  it('validates required fields before calling the server', async () => {
    const fetchMock = mockFetch({});
    renderApp('/login');

    fireEvent.click(document.querySelector('.login-submit')!);

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('restores the session from a stored token with GET /api/admin/me', async () => {
    const fetchMock = mockFetch({ ...signIn(owner, 'stored') });
    renderApp('/');

    expect(await screen.findByText('欢迎回来，admin', undefined, { timeout: 15000 })).toBeTruthy(); // the dashboard is loaded lazily: slow on a busy machine
    expect(callsTo(fetchMock, 'GET', '/api/admin/me')[0].headers.Authorization).toBe('Bearer stored');
  });

  it('drops an expired token (401 on /me) and shows the login form', async () => {
    mockFetch({ ...signIn(owner, 'expired'), 'GET /api/admin/me': () => apiError(401, 'UNAUTHORIZED', 'login required') });
    renderApp('/orders');

    await waitFor(() => expect(document.getElementById('username')).not.toBeNull());
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('returns to the page the user first asked for after logging in', async () => {
    mockFetch({ 'POST /api/admin/auth/login': () => json(200, { token: 't', staff: owner }) });
    renderApp('/member-days');

    await waitFor(() => expect(document.getElementById('username')).not.toBeNull());
    fillAndSubmit('admin', 'pw');

    // The shell's title, whatever the page itself shows.
    await waitFor(() => expect(document.querySelector('.admin-header-title')?.textContent).toBe('会员日'));
  });
});
