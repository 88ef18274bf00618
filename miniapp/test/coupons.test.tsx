import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CheckoutCoupon, CheckoutUnusableCoupon, CouponView } from '@mc/shared'
import CouponsPage from '@/member/pages/coupons'
import CheckoutPage from '@/order/pages/checkout'
import MePage from '@/pages/me'
import { updateSession } from '@/stores/session'
import { setRouterParams } from './mocks/taro'
import { preview } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const texts = (c: HTMLElement, sel: string) => [...c.querySelectorAll(sel)].map((e) => e.textContent)

const coupon = (id: number, patch: Partial<CouponView> = {}): CouponView => ({
  id,
  templateId: id + 100,
  title: `券${id}`,
  kind: 'AMOUNT_OFF',
  amountOffCents: 2000,
  thresholdCents: 10000,
  validFrom: '2027-03-10T02:00:00.000Z',
  validUntil: '2027-04-09T02:00:00.000Z',
  status: 'USABLE',
  ...patch,
})

describe('我的优惠券', () => {
  it('lists usable coupons first, then the used and expired ones by tab, each with its value, rule and validity', async () => {
    const byStatus: Record<string, CouponView[]> = {
      USABLE: [coupon(1, { title: '满 100 减 20' }), coupon(2, { kind: 'PERCENT_OFF', amountOffCents: undefined, percentOffBp: 1000, capCents: 3000, thresholdCents: 0, title: '会员 9 折' })],
      USED: [coupon(3, { status: 'USED' })],
      EXPIRED: [],
    }
    routeRequests({ 'GET /api/coupons': (_req, q) => reply(200, { items: byStatus[q.get('status')!] }) })
    const { container } = render(<CouponsPage />)
    await waitFor(() => expect(container.querySelectorAll('.coupon-card')).toHaveLength(2))
    expect(requests().map((r) => r.url)).toEqual(['/api/coupons?status=USABLE'])
    expect(texts(container, '.coupon-face-value')).toEqual(['¥20', '9折'])
    expect(texts(container, '.coupon-rule')).toEqual(['满 100 减 20', '9 折，最多减 30 元'])
    expect(texts(container, '.coupon-face-rule')).toEqual(['满额可用', '无门槛'])
    expect(text(container, '.coupon-valid')).toBe('2027-03-10 至 2027-04-09')
    expect(text(container, '.coupon-tab.active')).toBe('可使用')

    fireEvent.click(container.querySelector('.coupon-tab-used')!)
    await waitFor(() => expect(container.querySelectorAll('.coupon-card')).toHaveLength(1))
    expect(container.querySelector('.coupon-card')!.className).toContain('dim')
    expect(text(container, '.coupon-status')).toBe('已使用')

    fireEvent.click(container.querySelector('.coupon-tab-expired')!)
    await waitFor(() => expect(container.textContent).toContain('没有过期的优惠券'))
    expect(container.querySelector('.coupon-card')).toBeNull()
  })

  it('says so when the list cannot be loaded, and retries', async () => {
    let fail = true
    routeRequests({ 'GET /api/coupons': () => (fail ? reply(500, { error: { code: 'INTERNAL', message: '服务器开小差了' } }) : reply(200, { items: [coupon(1)] })) })
    const { container } = render(<CouponsPage />)
    await waitFor(() => expect(container.textContent).toContain('服务器开小差了'))
    fail = false
    fireEvent.click(container.querySelector('.list-error')!)
    await waitFor(() => expect(container.querySelectorAll('.coupon-card')).toHaveLength(1))
  })

  it('is reached from 我的', () => {
    const me = { id: 1, nickname: '小明', isMember: false, memberUntil: null, tier: null, nextTier: null, growth: 0, pointsBalance: 0 }
    updateSession({ status: 'ready', user: me, error: null })
    routeRequests({ 'GET /api/me': () => reply(200, me) })
    const { container } = render(<MePage />)
    expect(text(container, '.entry-coupons .me-entry-title')).toBe('我的优惠券')
    fireEvent.click(container.querySelector('.entry-coupons')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/coupons/index' })
  })
})

describe('the checkout’s coupon picker', () => {
  const A: CheckoutCoupon = { ...coupon(11, { title: '满 100 减 20' }), couponCents: 2000 }
  const B: CheckoutCoupon = { ...coupon(12, { title: '无门槛 10 元', amountOffCents: 1000, thresholdCents: 0 }), couponCents: 1000 }
  const C: CheckoutUnusableCoupon = { ...coupon(13, { title: '会员 50 元', amountOffCents: 5000, thresholdCents: 0 }), reason: 'MEMBERS_ONLY', reasonText: '付费会员专享' }
  const priced = (couponId: number | null) => {
    const off = couponId === 11 ? 2000 : couponId === 12 ? 1000 : 0
    return preview({
      couponId,
      couponCents: off,
      usableCoupons: [A, B],
      unusableCoupons: [C],
      adjustments: off ? [{ kind: 'COUPON', lineId: null, amountCents: -off, label: '优惠券', sourceType: 'COUPON', sourceId: String(couponId) }] : [],
      payableCents: 15800 - off,
    })
  }
  const address = { id: 2, name: '收货人', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 2 号', isDefault: true }
  const previews = () => requests().filter((r) => r.url === '/api/checkout/preview').map((r) => r.data as { couponId?: number | null })

  function serve(preview: (req: FakeRequest) => unknown) {
    routeRequests({
      'POST /api/checkout/preview': preview,
      'GET /api/addresses': () => reply(200, { items: [address], total: 1 }),
      'POST /api/orders': () => reply(201, { id: 501, orderNo: 'MC1', status: 'PENDING_PAYMENT', payableCents: 14800, expiresAt: null }),
      'POST /api/orders/501/pay': () => reply(201, { paid: true }),
    })
  }
  const choice = (req: FakeRequest) => {
    const body = req.data as { couponId?: number | null }
    return body.couponId === undefined ? 11 : body.couponId
  }

  async function renderCheckout() {
    setRouterParams({ items: encodeURIComponent('71:2') })
    const view = render(<CheckoutPage />)
    await waitFor(() => expect(view.container.querySelector('.coupon-picker')).not.toBeNull())
    await waitFor(() => expect(view.container.querySelector('.address-name')).not.toBeNull())
    return view
  }

  it('shows the coupon the server applied and what it saves; another or none can be picked, and the order takes the one shown', async () => {
    serve((req) => reply(200, priced(choice(req))))
    const { container } = await renderCheckout()
    expect(previews()[0]).not.toHaveProperty('couponId')
    expect(text(container, '.coupon-picker-title')).toBe('满 100 减 20')
    expect(text(container, '.coupon-picker-value')).toBe('-¥20.00')
    expect(text(container, '.checkout-total-amount')).toBe('¥138.00')

    fireEvent.click(container.querySelector('.coupon-picker-row')!)
    expect(texts(container, '.coupon-sheet .coupon-title')).toEqual(['满 100 减 20', '无门槛 10 元', '会员 50 元'])
    expect(texts(container, '.coupon-option-save')).toEqual(['省 ¥20.00', '省 ¥10.00'])
    expect(text(container, '.coupon-sheet .coupon-note')).toBe('付费会员专享')
    expect(container.querySelector('.coupon-card.active .coupon-title')?.textContent).toBe('满 100 减 20')

    // the other coupon: priced again with it
    fireEvent.click(container.querySelectorAll('.coupon-sheet .coupon-card')[1])
    await waitFor(() => expect(text(container, '.coupon-picker-value')).toBe('-¥10.00'))
    expect(previews().at(-1)).toMatchObject({ couponId: 12 })
    expect(container.querySelector('.coupon-sheet')).toBeNull()
    expect(text(container, '.checkout-total-amount')).toBe('¥148.00')

    // none
    fireEvent.click(container.querySelector('.coupon-picker-row')!)
    fireEvent.click(container.querySelector('.coupon-option-none')!)
    await waitFor(() => expect(text(container, '.coupon-picker-value')).toBe('2 张可用'))
    expect(previews().at(-1)).toMatchObject({ couponId: null })
    expect(text(container, '.checkout-total-amount')).toBe('¥158.00')

    // back to B, then the order names it
    fireEvent.click(container.querySelector('.coupon-picker-row')!)
    fireEvent.click(container.querySelectorAll('.coupon-sheet .coupon-card')[1])
    await waitFor(() => expect(text(container, '.coupon-picker-value')).toBe('-¥10.00'))
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(requests().some((r) => r.method === 'POST' && r.url === '/api/orders')).toBe(true))
    const placed = requests().find((r) => r.method === 'POST' && r.url === '/api/orders')!
    expect(placed.data).toMatchObject({ couponId: 12 })
  })

  it('a picked coupon that no longer applies goes back to the best one, saying why', async () => {
    serve((req) => (choice(req) === 12 ? reply(409, { error: { code: 'INVALID_STATE', message: '优惠券已被使用，请重新选择' } }) : reply(200, priced(choice(req)))))
    const { container } = await renderCheckout()
    fireEvent.click(container.querySelector('.coupon-picker-row')!)
    fireEvent.click(container.querySelectorAll('.coupon-sheet .coupon-card')[1])
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '优惠券已被使用，请重新选择', icon: 'none' }))
    await waitFor(() => expect(text(container, '.coupon-picker-value')).toBe('-¥20.00'))
    expect(previews().at(-1)).not.toHaveProperty('couponId')
  })

  it('with no coupons the row says so and opens nothing', async () => {
    serve(() => reply(200, preview()))
    const { container } = await renderCheckout()
    expect(text(container, '.coupon-picker-value')).toBe('无优惠券')
    fireEvent.click(container.querySelector('.coupon-picker-row')!)
    expect(container.querySelector('.coupon-sheet')).toBeNull()
  })
})
