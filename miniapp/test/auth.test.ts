import Taro from '@tarojs/taro'
import { describe, expect, it, vi } from 'vitest'
import { h5DemoCode, login, refFromQuery, refFromUrl, rememberRef } from '@/services/auth'
import { KEYS } from '@/services/storage'
import { getSession } from '@/stores/session'
import { reply, requests, routeRequests } from './helpers'

function acceptLogins() {
  routeRequests({
    'POST /api/auth/wechat-login': (req) => {
      const { code } = req.data as { code: string }
      return reply(200, { token: `token-for-${code}`, user: { id: 42, nickname: '测试用户' } })
    },
  })
}

describe('login', () => {
  it('in H5 logs in with a stable demo code per browser, never calling Taro.login', async () => {
    acceptLogins()
    await login()
    await login()
    const [a, b] = requests().map((r) => r.data as { code: string })
    expect(a.code).toMatch(/^test:h5-demo-[a-z0-9]{16}$/)
    expect(b.code).toBe(a.code)
    expect(a.code).toBe(h5DemoCode())
    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.getStorageSync(KEYS.token)).toBe(`token-for-${a.code}`)
    expect(getSession()).toMatchObject({ status: 'ready', user: { id: 42, nickname: '测试用户' } })
  })

  it('in WeChat exchanges the wx.login code', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.login).mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' } as never)
    acceptLogins()
    await login()
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(requests()[0].data).toEqual({ code: 'wx-code-1' })
  })

  it('sends a remembered ref once, then forgets it', async () => {
    acceptLogins()
    rememberRef(refFromQuery({ ref: 'DEMO01' }))
    await login()
    await login()
    expect((requests()[0].data as { ref?: string }).ref).toBe('DEMO01')
    expect((requests()[1].data as { ref?: string }).ref).toBeUndefined()
  })

  it('shares one attempt between concurrent callers', async () => {
    acceptLogins()
    await Promise.all([login(), login(), login()])
    expect(requests()).toHaveLength(1)
  })

  it('records the error in the session when login fails', async () => {
    routeRequests({ 'POST /api/auth/wechat-login': () => reply(429, { error: { code: 'RATE_LIMITED', message: '登录太频繁' } }) })
    await expect(login()).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' })
    expect(getSession()).toMatchObject({ status: 'error', error: '登录太频繁' })
  })
})

describe('ref', () => {
  it('comes from the launch query, and must be 1–16 letters or digits', () => {
    expect(refFromQuery({ ref: 'DEMO01' })).toBe('DEMO01')
    expect(refFromQuery({ ref: encodeURIComponent('ABC123') })).toBe('ABC123')
    expect(refFromQuery({ scene: 'S1a2b3' })).toBeUndefined() // a scene is looked up (test/referral.test.tsx)
    expect(refFromQuery({ ref: 'bad ref!' })).toBeUndefined()
    expect(refFromQuery({ ref: 'X'.repeat(17) })).toBeUndefined()
    expect(refFromQuery(undefined)).toBeUndefined()
  })

  it('is found in an H5 URL before or inside the hash', () => {
    expect(refFromUrl('http://127.0.0.1:3000/shop/?ref=DEMO01#/pages/home/index')).toBe('DEMO01')
    expect(refFromUrl('http://127.0.0.1:3000/shop/#/pages/home/index?ref=DEMO02&x=1')).toBe('DEMO02')
    expect(refFromUrl('http://127.0.0.1:3000/shop/#/pages/home/index')).toBeUndefined()
  })
})
