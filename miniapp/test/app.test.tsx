import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import App from '@/app'
import { login } from '@/services/auth'
import { KEYS } from '@/services/storage'
import { fire } from './mocks/taro'
import { reply, requests, routeRequests } from './helpers'

const paths = () => requests().map((r) => `${r.method ?? 'GET'} ${new URL(r.url, 'http://shop.test').pathname}`)
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('App: a share link opened while the app is running', () => {
  it('reports a visit for a logged-in customer, once per link', async () => {
    routeRequests({
      'POST /api/auth/wechat-login': () => reply(200, { token: 't-1', user: { id: 1, nickname: '甲' } }),
      'POST /api/referrals/visit': () => reply(200, { bound: true }),
    })
    render(
      <App>
        <div />
      </App>,
    )
    await waitFor(() => expect(Taro.getStorageSync(KEYS.token)).toBe('t-1'))
    fire.didShow({ query: { ref: 'SHARE01' } })
    fire.didShow({ query: { ref: 'SHARE01' } })
    await settle()
    expect(paths()).toEqual(['POST /api/auth/wechat-login', 'POST /api/referrals/visit'])
    expect(requests()[1].data).toEqual({ ref: 'SHARE01' })
    expect(requests()[1].header?.Authorization).toBe('Bearer t-1')
  })

  it('keeps the ref for the login when the customer is not logged in yet', async () => {
    let fail = true
    routeRequests({
      'POST /api/auth/wechat-login': () => (fail ? reply(500, { error: { code: 'INTERNAL_ERROR', message: 'x' } }) : reply(200, { token: 't-2', user: { id: 2, nickname: '乙' } })),
    })
    render(
      <App>
        <div />
      </App>,
    )
    await waitFor(() => expect(requests()).toHaveLength(1))
    await settle()
    fire.didShow({ query: { ref: 'SHARE02' } })
    fail = false
    await login()
    expect(paths()).toEqual(['POST /api/auth/wechat-login', 'POST /api/auth/wechat-login'])
    expect((requests()[1].data as { ref?: string }).ref).toBe('SHARE02')
  })
})
