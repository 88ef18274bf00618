import Taro, { useShareAppMessage } from '@tarojs/taro'
import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import App from '@/app'
import MemberCenterPage from '@/member/pages/center'
import HomePage from '@/pages/home'
import ProductPage from '@/pages/product'
import { KEYS } from '@/services/storage'
import { updateSession } from '@/stores/session'
import { setLaunchOptions, setRouterParams } from './mocks/taro'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'
import { distributorMe, tshirt } from './fixtures'

const PRODUCT = tshirt({ id: 12 })

const paths = () => requests().map((r) => `${r.method ?? 'GET'} ${new URL(r.url, 'http://shop.test').pathname}`)
const settle = () => new Promise((r) => setTimeout(r, 0))
const login = (token: string) => (req: FakeRequest) => reply(200, { token, user: { id: 5, nickname: '丙' }, sent: req.data })
const launch = () =>
  render(
    <App>
      <div />
    </App>,
  )

describe('ref capture at launch', () => {
  it('a new customer: the share path’s ref goes out with the login, and is forgotten after it', async () => {
    routeRequests({ 'POST /api/auth/wechat-login': login('t-new') })
    setLaunchOptions({ path: 'pages/product/index', query: { id: '12', ref: 'KOC001' } })
    launch()
    await waitFor(() => expect(Taro.getStorageSync(KEYS.token)).toBe('t-new'))
    expect(paths()).toEqual(['POST /api/auth/wechat-login'])
    expect(requests()[0].data).toMatchObject({ ref: 'KOC001' })
    expect(Taro.getStorageSync(KEYS.ref)).toBe('')
  })

  it('a new customer whose login fails keeps the ref (storage) for the next login', async () => {
    routeRequests({ 'POST /api/auth/wechat-login': () => reply(503, { error: { code: 'SERVICE_UNAVAILABLE', message: '稍后再试' } }) })
    setLaunchOptions({ path: 'pages/home/index', query: { ref: 'KOC002' } })
    launch()
    await waitFor(() => expect(requests()).toHaveLength(1))
    await settle()
    expect(Taro.getStorageSync(KEYS.ref)).toBe('KOC002')
  })

  it('a logged-in customer: the login carries no ref and the visit is reported', async () => {
    Taro.setStorageSync(KEYS.token, 't-old')
    routeRequests({ 'POST /api/auth/wechat-login': login('t-again'), 'POST /api/referrals/visit': () => reply(200, { bound: false }) })
    setLaunchOptions({ path: 'pages/home/index', query: { ref: 'KOC003' } })
    launch()
    await waitFor(() => expect(paths()).toContain('POST /api/referrals/visit'))
    const visit = requests().find((r) => r.url.endsWith('/api/referrals/visit'))!
    expect(visit.data).toEqual({ ref: 'KOC003' })
    const logins = requests().filter((r) => r.url.endsWith('/api/auth/wechat-login'))
    expect(logins).toHaveLength(1)
    expect(logins[0].data).not.toHaveProperty('ref')
    expect(Taro.getStorageSync(KEYS.ref)).toBe('')
  })

  it('a scanned code: the scene is looked up first, its ref goes out with the login and its page opens', async () => {
    routeRequests({
      'GET /api/share/scenes/Sc9Xk2': () => reply(200, { refCode: 'KOC004', path: '/pages/product/index?id=12&ref=KOC004' }),
      'POST /api/auth/wechat-login': login('t-scan'),
    })
    setLaunchOptions({ path: 'pages/product/index', query: { scene: 'Sc9Xk2' } })
    launch()
    await waitFor(() => expect(Taro.getStorageSync(KEYS.token)).toBe('t-scan'))
    expect(paths()).toEqual(['GET /api/share/scenes/Sc9Xk2', 'POST /api/auth/wechat-login'])
    expect(requests()[0].header?.Authorization).toBeUndefined() // public
    expect(requests()[1].data).toMatchObject({ ref: 'KOC004' })
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/product/index?id=12&ref=KOC004' })
  })

  it('a scanned code of the page it opened (home) opens nothing else; a logged-in customer reports the visit', async () => {
    Taro.setStorageSync(KEYS.token, 't-old2')
    routeRequests({
      'GET /api/share/scenes/Home77': () => reply(200, { refCode: 'KOC005', path: 'pages/home/index?ref=KOC005' }),
      'POST /api/auth/wechat-login': login('t-scan2'),
      'POST /api/referrals/visit': () => reply(200, { bound: true }),
    })
    setLaunchOptions({ path: 'pages/home/index', query: { scene: 'Home77' } })
    launch()
    await waitFor(() => expect(paths()).toContain('POST /api/referrals/visit'))
    expect(requests().find((r) => r.url.endsWith('/api/referrals/visit'))!.data).toEqual({ ref: 'KOC005' })
    expect(requests().find((r) => r.url.endsWith('/api/auth/wechat-login'))!.data).not.toHaveProperty('ref')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('an unknown scene still logs in, without a ref', async () => {
    routeRequests({ 'POST /api/auth/wechat-login': login('t-unknown') })
    setLaunchOptions({ path: 'pages/home/index', query: { scene: 'Gone01' } })
    launch()
    await waitFor(() => expect(Taro.getStorageSync(KEYS.token)).toBe('t-unknown'))
    expect(paths()).toEqual(['GET /api/share/scenes/Gone01', 'POST /api/auth/wechat-login'])
    expect(requests()[1].data).not.toHaveProperty('ref')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('H5: a ref in the URL (before or inside the hash) is captured', async () => {
    window.history.replaceState(null, '', '/shop/#/pages/home/index?ref=KOC006')
    routeRequests({ 'POST /api/auth/wechat-login': login('t-h5') })
    setLaunchOptions({ path: '/pages/home/index', query: {} })
    launch()
    await waitFor(() => expect(Taro.getStorageSync(KEYS.token)).toBe('t-h5'))
    expect(requests()[0].data).toMatchObject({ ref: 'KOC006' })
    window.history.replaceState(null, '', '/')
  })
})

const shareConfig = () => {
  const fn = vi.mocked(useShareAppMessage).mock.lastCall?.[0] as (() => { title: string; path: string }) | undefined
  return fn?.()
}

describe('share cards', () => {
  function shop(status: string, share?: (q: URLSearchParams) => unknown) {
    routeRequests({
      'GET /api/products/12': () => reply(200, PRODUCT),
      'GET /api/member-days/current': () => reply(200, { active: false, current: null, next: null, now: '2026-12-01T00:00:00Z' }),
      'GET /api/distributors/me': () => reply(200, distributorMe(status as never)),
      'GET /api/distributors/me/share': (_r, q) =>
        share ? reply(200, share(q)) : reply(403, { error: { code: 'FORBIDDEN', message: '不是推广员' } }),
    })
  }
  const payload = (q: URLSearchParams) => ({
    path: `/pages/product/index?id=${q.get('productId')}&ref=KOC007`,
    title: '分享的标题',
    refCode: 'KOC007',
    sceneCode: 'Sc0001',
    posterUrl: '/api/share/posters/Sc0001.png',
  })

  it('an approved distributor shares the product with their ref, and gets the share row', async () => {
    Taro.setStorageSync(KEYS.token, 'share-1')
    updateSession({ user: { id: 9, nickname: '推' } })
    shop('APPROVED', payload)
    setRouterParams({ id: '12' })
    const { container } = render(<ProductPage />)
    await screen.findByText('生成海报')
    expect(shareConfig()).toEqual({ title: '分享的标题', path: '/pages/product/index?id=12&ref=KOC007' })
    expect(requests().find((r) => r.url.startsWith('/api/distributors/me/share'))!.url).toBe('/api/distributors/me/share?productId=12')
    screen.getByText('生成海报').click()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/distributor/pages/poster/index?productId=12' })
    // H5: no share sheet, the link is copied instead
    ;(container.querySelector('.share-friend') as HTMLElement).click()
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalled())
    expect(vi.mocked(Taro.setClipboardData).mock.calls[0][0]).toMatchObject({ data: expect.stringContaining('#/pages/product/index?id=12&ref=KOC007') })
  })

  it('in WeChat the share row’s button is the share button', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    Taro.setStorageSync(KEYS.token, 'share-w')
    updateSession({ user: { id: 9, nickname: '推' } })
    shop('APPROVED', payload)
    setRouterParams({ id: '12' })
    const { container } = render(<ProductPage />)
    await screen.findByText('生成海报')
    expect(container.querySelector('.share-friend')?.getAttribute('data-open-type')).toBe('share')
  })

  it('anyone else shares the plain product path and sees no share row; the share route is not asked', async () => {
    Taro.setStorageSync(KEYS.token, 'share-2')
    updateSession({ user: { id: 10, nickname: '客' } })
    shop('PENDING')
    setRouterParams({ id: '12' })
    render(<ProductPage />)
    await screen.findByText(PRODUCT.title)
    await waitFor(() => expect(paths()).toContain('GET /api/distributors/me'))
    await settle()
    expect(shareConfig()).toEqual({ title: PRODUCT.title, path: '/pages/product/index?id=12' })
    expect(screen.queryByText('生成海报')).toBeNull()
    expect(paths()).not.toContain('GET /api/distributors/me/share')
  })

  it('the member-card page and the home page share with the ref too', async () => {
    Taro.setStorageSync(KEYS.token, 'share-3')
    updateSession({ user: { id: 11, nickname: '推' } })
    routeRequests({
      'GET /api/distributors/me': () => reply(200, distributorMe('APPROVED')),
      'GET /api/distributors/me/share': (_r, q) =>
        reply(200, { path: q.get('page') === 'card' ? '/member/pages/center/index?ref=KOC008' : '/pages/home/index?ref=KOC008', title: '会员商城', refCode: 'KOC008', sceneCode: 'S', posterUrl: '/p.png' }),
    })
    render(<MemberCenterPage />)
    await waitFor(() => expect(shareConfig()?.path).toBe('/member/pages/center/index?ref=KOC008'))
    expect(requests().some((r) => r.url === '/api/distributors/me/share?page=card')).toBe(true)

    render(<HomePage />)
    await waitFor(() => expect(shareConfig()?.path).toBe('/pages/home/index?ref=KOC008'))
    expect(requests().some((r) => r.url === '/api/distributors/me/share')).toBe(true)
  })
})
