import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import PointsCenterPage from '@/points/pages/index'
import MallItemPage from '@/points/pages/item'
import PointsMallPage from '@/points/pages/mall'
import RedemptionsPage from '@/points/pages/redemptions'
import { browser } from '@/services/payment'
import { redeemBlocker, type MallItemView } from '@/services/points-mall'
import OrderDetailPage from '@/order/pages/detail'
import { orderDetail } from './fixtures'
import { setRouterParams } from './mocks/taro'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const texts = (c: HTMLElement, sel: string) => [...c.querySelectorAll(sel)].map((e) => e.textContent)
const body = (r: FakeRequest) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)
const redeems = () => requests().filter((r) => r.method === 'POST' && r.url === '/api/points-mall/redeem')

function mallItem(patch: Partial<MallItemView> = {}): MallItemView {
  return {
    id: 3,
    title: '冷泡红茶包',
    kind: 'GOODS',
    coverUrl: '/api/media/placeholder/tea.svg',
    description: '纯积分兑换，包邮到家',
    pointsCost: 1500,
    cashCents: 0,
    stock: 20,
    perCustomerLimit: 2,
    specs: { 口味: '原味' },
    cardDays: null,
    redeemed: 0,
    redeemable: 2,
    ...patch,
  }
}
const ADDRESS = { id: 9, name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号', isDefault: true }
const CARD = mallItem({ id: 4, title: '会员卡 7 天体验', kind: 'CARD_DAYS', coverUrl: '', cardDays: 7, pointsCost: 500, perCustomerLimit: 1, redeemable: 1, specs: {} })

describe('points mall (mini-program)', () => {
  it('says what stops a redemption: sold out, the limit reached, or the points missing', () => {
    expect(redeemBlocker(mallItem(), 2000)).toBeNull()
    expect(redeemBlocker(mallItem(), 1200)).toBe('还差 300 积分')
    expect(redeemBlocker(mallItem(), 2000, 2)).toBe('还差 1000 积分')
    expect(redeemBlocker(mallItem({ stock: 0, redeemable: 0 }), 5000)).toBe('已兑完')
    expect(redeemBlocker(mallItem({ redeemed: 2, redeemable: 0 }), 5000)).toBe('每人限兑 2 件，已兑满')
  })

  it('积分中心 opens the mall', async () => {
    routeRequests({
      'GET /api/me': () => reply(200, { id: 1, pointsBalance: 120 }),
      'GET /api/points/check-in/calendar': () =>
        reply(200, { month: '2026-11', today: '2026-11-18', checkedInToday: false, streak: 0, days: [], nextMilestone: null, rules: { dailyPoints: 5, milestones: [], makeUpEnabled: false, makeUpCostPoints: 0 } }),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(container.querySelector('.points-mall-entry')).not.toBeNull())
    fireEvent.click(container.querySelector('.points-mall-entry')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/mall/index' })
  })

  it('lists the items with the balance, the price in points (+ cash) and 还差 X 积分 when short', async () => {
    routeRequests({
      'GET /api/points-mall/items': () => reply(200, { balance: 1200, items: [mallItem(), mallItem({ id: 5, title: '明前龙井', pointsCost: 1000, cashCents: 3990 }), CARD] }),
    })
    const { container } = render(<PointsMallPage />)
    await waitFor(() => expect(container.querySelectorAll('.mall-card')).toHaveLength(3))
    expect(text(container, '.mall-balance')).toBe('1200')
    expect(texts(container, '.mall-title')).toEqual(['冷泡红茶包', '明前龙井', '会员卡 7 天体验'])
    expect(texts(container, '.mall-price')).toEqual(['1500 积分', '1000 积分 + ¥39.90', '500 积分'])
    expect(texts(container, '.mall-note')).toEqual(['还差 300 积分', '每人限兑 2 件', '每人限兑 1 件'])
    fireEvent.click(container.querySelectorAll('.mall-card')[1])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/item/index?id=5' })
    fireEvent.click(container.querySelector('.mall-records-link')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/redemptions/index' })
  })

  it('goods for points: redeems to the chosen address with one key, then opens the order', async () => {
    routeRequests({
      'GET /api/points-mall/items/3': () => reply(200, { ...mallItem(), balance: 4000 }),
      'GET /api/addresses': () => reply(200, { items: [ADDRESS], total: 1 }),
      'POST /api/points-mall/redeem': () => reply(200, { orderId: 77, status: 'PAID', pointsUsed: 3000, payableCents: 0 }),
    })
    setRouterParams({ id: '3' })
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(text(container, '.address-name')).toBe('张三'))
    expect(text(container, '.mall-item-price')).toBe('1500 积分')
    expect(container.querySelector('.mall-short')).toBeNull()
    fireEvent.click(container.querySelector('.qty-plus')!)
    expect(text(container, '.mall-item-total-value')).toBe('3000 积分')
    expect(container.querySelector('.qty-plus')!.className).toContain('disabled') // the limit is 2

    fireEvent.click(container.querySelector('.mall-redeem')!)
    fireEvent.click(container.querySelector('.mall-redeem')!) // a double tap
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/detail/index?id=77' }))
    expect(redeems()).toHaveLength(1)
    expect(body(redeems()[0])).toEqual({ itemId: 3, qty: 2, addressId: 9 })
    expect(redeems()[0].header?.['Idempotency-Key']).toMatch(/^redeem-/)
  })

  it('a coupon item: no address asked, redeemed for points, then the order opens', async () => {
    const coupon = mallItem({ id: 6, title: '满 100 减 15 优惠券', kind: 'COUPON', coverUrl: '', pointsCost: 800, perCustomerLimit: 1, redeemable: 1, specs: {} })
    routeRequests({
      'GET /api/points-mall/items/6': () => reply(200, { ...coupon, balance: 1000 }),
      'POST /api/points-mall/redeem': () => reply(200, { orderId: 81, status: 'PAID', pointsUsed: 800, payableCents: 0 }),
    })
    setRouterParams({ id: '6' })
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(text(container, '.mall-item-meta')).toContain('优惠券：每件一张，兑换后发到我的优惠券'))
    expect(container.querySelector('.address-card')).toBeNull()
    fireEvent.click(container.querySelector('.mall-redeem')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/detail/index?id=81' }))
    expect(body(redeems()[0])).toEqual({ itemId: 6, qty: 1 })
    expect(requests().some((r) => r.url.startsWith('/api/addresses'))).toBe(false)
  })

  it('short of points: the button says 还差 X 积分 and nothing is sent', async () => {
    routeRequests({
      'GET /api/points-mall/items/4': () => reply(200, { ...CARD, balance: 320 }),
    })
    setRouterParams({ id: '4' })
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(text(container, '.mall-short')).toBe('还差 180 积分'))
    expect(container.querySelector('.address-card')).toBeNull() // card days ship nothing
    expect(text(container, '.mall-redeem')).toBe('还差 180 积分')
    fireEvent.click(container.querySelector('.mall-redeem')!)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '还差 180 积分', icon: 'none' })
    expect(redeems()).toHaveLength(0)
  })

  it('points + cash: redeems, then pays through WeChat Pay (H5: the simulator’s cashier)', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined)
    routeRequests({
      'GET /api/points-mall/items/5': () => reply(200, { ...mallItem({ id: 5, cashCents: 3990 }), balance: 4000 }),
      'GET /api/addresses': () => reply(200, { items: [ADDRESS], total: 1 }),
      'POST /api/points-mall/redeem': () => reply(200, { orderId: 78, status: 'PENDING_PAYMENT', pointsUsed: 1500, payableCents: 3990 }),
      'POST /api/orders/78/pay': () =>
        reply(200, { paid: false, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'RSA', paySign: 's' }, simulatorPayUrl: 'http://sim/_sim/pay-page?prepayId=p' }),
    })
    setRouterParams({ id: '5' })
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(text(container, '.address-name')).toBe('张三'))
    expect(text(container, '.mall-redeem')).toBe('兑换并支付')
    fireEvent.click(container.querySelector('.mall-redeem')!)
    await waitFor(() => expect(go).toHaveBeenCalledTimes(1))
    expect(go.mock.calls[0][0]).toMatch(/^http:\/\/sim\/_sim\/pay-page\?prepayId=p&redirect=.*%2Forder%2Fpages%2Fpay-success%2Findex%3Fid%3D78/)
  })

  it('shows the server’s refusal and loads the item again', async () => {
    let loads = 0
    routeRequests({
      'GET /api/points-mall/items/4': () => reply(200, { ...CARD, balance: 900, ...(++loads > 1 ? { redeemed: 1, redeemable: 0 } : {}) }),
      'POST /api/points-mall/redeem': () => reply(409, { error: { code: 'LIMIT_EXCEEDED', message: '「会员卡 7 天体验」每人限兑 1 件，你已兑换 1 件' } }),
    })
    setRouterParams({ id: '4' })
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(text(container, '.mall-redeem')).toBe('立即兑换'))
    fireEvent.click(container.querySelector('.mall-redeem')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '「会员卡 7 天体验」每人限兑 1 件，你已兑换 1 件', icon: 'none' }))
    await waitFor(() => expect(text(container, '.mall-redeem')).toBe('每人限兑 1 件，已兑满'))
  })

  it('lists my redemptions, each opening its order', async () => {
    routeRequests({
      'GET /api/points-mall/redemptions': () =>
        reply(200, {
          items: [{ id: 1, orderId: 77, orderNo: 'N1', orderStatus: 'PAID', itemId: 3, kind: 'GOODS', title: '冷泡红茶包', qty: 2, pointsUsed: 3000, cashCents: 0, cardDays: null, customerId: 1, createdAt: '2027-03-10T02:00:00.000Z' }],
          total: 1,
        }),
    })
    const { container } = render(<RedemptionsPage />)
    await waitFor(() => expect(container.querySelectorAll('.redemption-row')).toHaveLength(1))
    expect(text(container, '.redemption-title')).toBe('冷泡红茶包 ×2')
    expect(text(container, '.redemption-price')).toBe('3000 积分')
    expect(text(container, '.redemption-status')).toBe('待发货')
    fireEvent.click(container.querySelector('.redemption-row')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/detail/index?id=77' })
  })

  it('a redemption’s order says the points it took', async () => {
    routeRequests({ 'GET /api/orders/501': () => reply(200, orderDetail({ kind: 'POINTS_REDEMPTION', pointsUsed: 3000, status: 'PAID', actions: [], expiresAt: null })) })
    setRouterParams({ id: '501' })
    const { container } = render(<OrderDetailPage />)
    await waitFor(() => expect(text(container, '.redemption-points')).toBe('3000 积分'))
  })
})
