import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, TOKEN_KEY, api, request, setUnauthorizedHandler } from '../src/api';
import { apiError, callsTo, json, mockFetch } from './helpers';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('request helper', () => {
  it('sends JSON with the bearer token and a query string', async () => {
    localStorage.setItem(TOKEN_KEY, 'abc');
    const fetchMock = mockFetch({ 'POST /api/admin/products': () => json(201, { id: 5 }) });

    const res = await api.post<{ id: number }>('/api/admin/products', { title: 'x' }, { query: { page: 1, q: '', x: undefined } });

    expect(res).toEqual({ id: 5 });
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/admin/products?page=1');
    const [call] = callsTo(fetchMock, 'POST', '/api/admin/products');
    expect(call.body).toEqual({ title: 'x' });
    expect(call.headers.Authorization).toBe('Bearer abc');
    expect(call.headers['Content-Type']).toBe('application/json');
  });

  it('parses the api.md error body into an ApiError', async () => {
    mockFetch({ 'POST /api/admin/skus': () => apiError(409, 'OUT_OF_STOCK', '库存不足') });

    const err = await request('/api/admin/skus', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'OUT_OF_STOCK', message: '库存不足' });
  });

  it('falls back to a status message when the body is not the error format', async () => {
    mockFetch({ 'GET /api/admin/x': () => new Response('<html>bad gateway</html>', { status: 502 }) });

    await expect(api.get('/api/admin/x')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: '服务器开小差了，请稍后重试' });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(api.get('/api/admin/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('on 401 clears the token and calls the unauthorized handler', async () => {
    localStorage.setItem(TOKEN_KEY, 'old');
    const handler = vi.fn();
    restore = setUnauthorizedHandler(handler);
    mockFetch({ 'GET /api/admin/orders': () => apiError(401, 'UNAUTHORIZED', 'login required') });

    await expect(api.get('/api/admin/orders')).rejects.toMatchObject({ status: 401 });
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('with auth: false sends no token and leaves a 401 to the caller', async () => {
    localStorage.setItem(TOKEN_KEY, 'keep');
    const handler = vi.fn();
    restore = setUnauthorizedHandler(handler);
    const fetchMock = mockFetch({ 'POST /api/admin/auth/login': () => apiError(401, 'UNAUTHORIZED', '用户名或密码错误') });

    await expect(api.post('/api/admin/auth/login', { username: 'a', password: 'b' }, { auth: false })).rejects.toMatchObject({
      status: 401,
      message: '用户名或密码错误',
    });
    expect(callsTo(fetchMock, 'POST', '/api/admin/auth/login')[0].headers.Authorization).toBeUndefined();
    expect(localStorage.getItem(TOKEN_KEY)).toBe('keep');
    expect(handler).not.toHaveBeenCalled();
  });

  it('resolves an empty body (204) to undefined', async () => {
    mockFetch({ 'DELETE /api/admin/categories/3': () => new Response(null, { status: 204 }) });

    await expect(api.delete('/api/admin/categories/3')).resolves.toBeUndefined();
  });
});
