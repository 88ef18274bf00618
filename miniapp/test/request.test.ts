import Taro from '@tarojs/taro'
import { describe, expect, it, vi } from 'vitest'
import { login } from '@/services/auth'
import { ApiError, buildQuery, get, post, request, toApiError } from '@/services/request'
import { KEYS } from '@/services/storage'
import { reply, requests, routeRequests } from './helpers'

const errorBody = (code: string, message: string) => ({ error: { code, message } })

describe('toApiError', () => {
  it('reads the API error format', () => {
    const e = toApiError(409, errorBody('OUT_OF_STOCK', '库存不足'))
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toBeInstanceOf(Error)
    expect({ status: e.status, code: e.code, message: e.message }).toEqual({ status: 409, code: 'OUT_OF_STOCK', message: '库存不足' })
  })

  it('parses a JSON body that arrived as a string and keeps details', () => {
    const e = toApiError(400, JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'qty must be ≥ 1', details: { field: 'qty' } } }))
    expect([e.status, e.code, e.message]).toEqual([400, 'VALIDATION_FAILED', 'qty must be ≥ 1'])
    expect(e.details).toEqual({ field: 'qty' })
  })

  it('falls back to HTTP_<status> and a Chinese message for other bodies', () => {
    const e = toApiError(502, '<html>Bad Gateway</html>')
    expect([e.status, e.code, e.message]).toEqual([502, 'HTTP_502', '服务器开小差了，请稍后再试'])
    expect(toApiError(404, null).code).toBe('HTTP_404')
    expect(toApiError(401, {}).code).toBe('UNAUTHORIZED')
  })

  it('fills in a message when the body has none', () => {
    expect(toApiError(429, { error: { code: 'RATE_LIMITED' } }).message).toBe('操作太频繁，请稍后再试')
  })
})

describe('request', () => {
  it('builds the query string, skipping empty values', () => {
    expect(buildQuery({ categoryId: undefined, q: '茶 叶', page: 1, pageSize: 20, x: null, y: '' })).toBe('?q=%E8%8C%B6%20%E5%8F%B6&page=1&pageSize=20')
    expect(buildQuery({})).toBe('')
  })

  it('calls the same origin in H5, sends JSON and the stored token', async () => {
    Taro.setStorageSync(KEYS.token, 'tok-1')
    vi.mocked(Taro.request).mockResolvedValue(reply(200, { ok: true }) as never)
    await expect(post('/api/cart/items', { skuId: 1, qty: 2 })).resolves.toEqual({ ok: true })
    const [req] = requests()
    expect(req.url).toBe('/api/cart/items')
    expect(req.method).toBe('POST')
    expect(req.data).toEqual({ skuId: 1, qty: 2 })
    expect(req.header).toMatchObject({ Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' })
  })

  it('sends no token on public calls', async () => {
    Taro.setStorageSync(KEYS.token, 'tok-1')
    vi.mocked(Taro.request).mockResolvedValue(reply(200, []) as never)
    await get('/api/categories', undefined, { auth: false })
    expect(requests()[0].header?.Authorization).toBeUndefined()
  })

  it('rejects with the parsed ApiError', async () => {
    vi.mocked(Taro.request).mockResolvedValue(reply(409, errorBody('ALREADY_CHECKED_IN', '今天已经签到过了')) as never)
    const e = await request('/api/points/check-in', { method: 'POST', data: {} }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ status: 409, code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' })
  })

  it('turns a failed transport into NETWORK_ERROR with status 0', async () => {
    vi.mocked(Taro.request).mockRejectedValue({ errMsg: 'request:fail timeout' })
    await expect(get('/api/products', {}, { auth: false })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
  })

  it('on 401 clears the token, logs in again once and retries with the new token', async () => {
    Taro.setStorageSync(KEYS.token, 'expired')
    let logins = 0
    routeRequests({
      'POST /api/auth/wechat-login': () => reply(200, { token: `fresh-${++logins}`, user: { id: 7, nickname: '小明' } }),
      'GET /api/me': (req) =>
        req.header?.Authorization === 'Bearer fresh-1' ? reply(200, { id: 7, nickname: '小明' }) : reply(401, errorBody('UNAUTHORIZED', 'token expired')),
    })
    await expect(get('/api/me')).resolves.toEqual({ id: 7, nickname: '小明' })
    expect(logins).toBe(1)
    expect(requests().map((r) => `${r.method} ${r.url} ${r.header?.Authorization ?? '-'}`)).toEqual([
      'GET /api/me Bearer expired',
      'POST /api/auth/wechat-login -',
      'GET /api/me Bearer fresh-1',
    ])
    expect(Taro.getStorageSync(KEYS.token)).toBe('fresh-1')
  })

  it('gives up after one re-login and rejects with the 401', async () => {
    Taro.setStorageSync(KEYS.token, 'expired')
    routeRequests({
      'POST /api/auth/wechat-login': () => reply(200, { token: 'still-bad', user: { id: 7, nickname: null } }),
      'GET /api/me': () => reply(401, errorBody('UNAUTHORIZED', '请先登录')),
    })
    await expect(get('/api/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expect(requests().filter((r) => r.url.endsWith('/wechat-login'))).toHaveLength(1)
    expect(requests()).toHaveLength(3)
  })

  it('rejects with the original 401 when the re-login fails', async () => {
    routeRequests({
      'POST /api/auth/wechat-login': () => reply(503, errorBody('INTERNAL_ERROR', 'WeChat down')),
      'GET /api/orders': () => reply(401, errorBody('UNAUTHORIZED', '请先登录')),
    })
    await expect(get('/api/orders')).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: '请先登录' })
    expect(Taro.getStorageSync(KEYS.token)).toBe('')
  })

  it('waits for a login in flight before an authenticated call', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    routeRequests({
      'POST /api/auth/wechat-login': async () => {
        await gate
        return reply(200, { token: 'launch-token', user: { id: 1, nickname: null } })
      },
      'GET /api/me': (req) => reply(200, { auth: req.header?.Authorization }),
    })
    const logging = login()
    const me = get<{ auth: string }>('/api/me')
    release()
    await logging
    await expect(me).resolves.toEqual({ auth: 'Bearer launch-token' })
  })
})
