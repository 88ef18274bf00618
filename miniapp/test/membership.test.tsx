import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MemberCenterPage from '@/member/pages/center'
import MemberDayPage from '@/member/pages/member-day'
import CheckoutPage from '@/order/pages/checkout'
import HomePage, { memberDayCountdown, memberDayHeadline } from '@/pages/home'
import type { MemberDayCurrent, MemberDayOccurrence, MembershipMe } from '@/services/membership'
import { browser } from '@/services/payment'
import { fire, setPageStackDepth, setRouterParams } from './mocks/taro'
import ProductPage from '@/pages/product'
import { tshirt } from './fixtures'
import { updateSession } from '@/stores/session'
import { orderDetail, preview } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent

const ME = {
  id: 1,
  nickname: '小明',
  isMember: false,
  memberUntil: null,
  tier: { id: 2, name: '银卡' },
  nextTier: { id: 3, name: '金卡', growthThreshold: 2000, growthNeeded: 1200 },
  growth: 800,
  pointsBalance: 30,
}

const PLANS = [
  { id: 1, name: '月卡', priceCents: 1990, days: 30, benefits: '会员价 · 全场包邮 · 积分加速', onSale: true, sort: 10 },
  { id: 2, name: '年卡', priceCents: 16800, days: 365, benefits: '会员价 · 全场包邮 · 积分加速 · 生日礼', onSale: true, sort: 20 },
]

const NO_REVIEW = { pending: null, estimateCents: null }
const NON_MEMBER: MembershipMe = { isMember: false, memberUntil: null, fastRefund: { eligible: false, reason: '没有可退的会员卡' }, reviewedRefund: NO_REVIEW, periods: [] }
const MEMBER: MembershipMe = {
  isMember: true,
  memberUntil: '2026-12-23T02:00:00.000Z',
  fastRefund: { eligible: true, amountCents: 1990 },
  reviewedRefund: NO_REVIEW,
  periods: [
    { id: 9, orderId: 77, planId: 1, days: 30, paidCents: 1990, purchasedAt: '2026-11-23T02:00:00.000Z', startsAt: '2026-11-23T02:00:00.000Z', endsAt: '2026-12-23T02:00:00.000Z', refundedAt: null },
  ],
}

function serveMember(membership: () => MembershipMe, extra: Record<string, (req: FakeRequest) => unknown> = {}, birthday: () => string | null = () => null) {
  routeRequests({
    'GET /api/me': () => reply(200, { ...ME, isMember: membership().isMember, memberUntil: membership().memberUntil, birthday: birthday() }),
    'GET /api/membership/me': () => reply(200, membership()),
    'GET /api/membership/plans': () => reply(200, { items: PLANS, total: 2 }),
    ...extra,
  })
}

describe('MemberCenterPage', () => {
  afterEach(() => vi.restoreAllMocks())

  it('shows status, tier progress and plans', async () => {
    serveMember(() => NON_MEMBER)
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.plan-card')).not.toBeNull())
    expect(text(container, '.member-status')).toBe('未开通')
    expect(text(container, '.tier-name')).toBe('银卡')
    expect(text(container, '.tier-next')).toBe('距离下一等级金卡还差 1200 成长值')
    expect((container.querySelector('.tier-bar-fill') as HTMLElement).style.width).toBe('40%')
    const plans = [...container.querySelectorAll('.plan-card')]
    expect(plans.map((p) => [p.querySelector('.plan-name')?.textContent, p.querySelector('.plan-price')?.textContent, p.querySelector('.plan-days')?.textContent])).toEqual([
      ['月卡', '¥19.90', '30 天'],
      ['年卡', '¥168.00', '365 天'],
    ])
    expect([...plans[0].querySelectorAll('.plan-benefit')].map((b) => b.textContent)).toEqual(['· 会员价', '· 全场包邮', '· 积分加速'])
    // not a member: no fast refund
    expect(container.querySelector('.fast-refund')).toBeNull()
    // the points balance, opening its ledger
    expect(text(container, '.member-points-value')).toBe('30')
    fireEvent.click(container.querySelector('.member-points')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/points/index' })
  })

  it('buys a plan once with an Idempotency-Key, pays, then goes back to the checkout it came from', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.requestPayment).mockResolvedValue({ errMsg: 'requestPayment:ok' } as never)
    let paid = false
    serveMember(() => (paid ? MEMBER : NON_MEMBER), {
      'POST /api/membership/orders': () => reply(201, { id: 601, orderNo: 'MC9', kind: 'MEMBER_CARD', status: 'PENDING_PAYMENT', payableCents: 1990, expiresAt: null }),
      'POST /api/orders/601/pay': () => reply(201, { paid: false, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }),
      'GET /api/orders/601': () => {
        paid = true
        return reply(200, orderDetail({ id: 601, kind: 'MEMBER_CARD', status: 'COMPLETED' }))
      },
    })
    setRouterParams({ returnTo: encodeURIComponent('/order/pages/checkout/index?items=71%3A2&fromCart=1') })
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.buy-plan')).not.toBeNull())
    const buy = container.querySelector('.buy-plan')!
    fireEvent.click(buy)
    fireEvent.click(buy)
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 }))
    const orders = requests().filter((r) => r.url === '/api/membership/orders')
    expect(orders).toHaveLength(1)
    expect(orders[0].data).toEqual({ planId: 1 })
    expect(orders[0].header?.['Idempotency-Key']).toMatch(/^card-[A-Za-z0-9_\-:.]+$/)
    expect(Taro.requestPayment).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(text(container, '.member-status')).toBe('会员 · 有效期至 2026-12-23'))
  })

  it('in H5 the simulator cashier returns to the member center, which then opens the checkout', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined)
    serveMember(() => NON_MEMBER, {
      'POST /api/membership/orders': () => reply(201, { id: 601, orderNo: 'MC9', kind: 'MEMBER_CARD', status: 'PENDING_PAYMENT', payableCents: 1990, expiresAt: null }),
      'POST /api/orders/601/pay': () => reply(201, { paid: false, params: {}, simulatorPayUrl: 'http://sim/_sim/pay-page?prepayId=x' }),
    })
    const returnTo = '/order/pages/checkout/index?items=71%3A2'
    setRouterParams({ returnTo })
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.buy-plan')).not.toBeNull())
    fireEvent.click(container.querySelectorAll('.buy-plan')[1])
    await waitFor(() => expect(go).toHaveBeenCalledTimes(1))
    const back = decodeURIComponent(String(go.mock.calls[0][0]).split('&redirect=')[1])
    expect(back).toBe(`${window.location.origin}${window.location.pathname}#/member/pages/center/index?returnTo=${encodeURIComponent(returnTo)}&paying=1&paidOrder=601`)
    expect(requests().find((r) => r.url === '/api/membership/orders')?.data).toEqual({ planId: 2 })
  })

  it('coming back paid (H5) with a single page redirects to returnTo', async () => {
    serveMember(() => MEMBER, { 'GET /api/orders/601': () => reply(200, orderDetail({ id: 601, status: 'COMPLETED' })) })
    setPageStackDepth(1)
    setRouterParams({ returnTo: '/order/pages/checkout/index?items=71%3A2', paying: '1', paidOrder: '601' })
    render(<MemberCenterPage />)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/checkout/index?items=71%3A2' }))
  })

  it('offers 极速退卡 only when eligible, confirms the amount and refunds', async () => {
    let refunded = false
    serveMember(() => (refunded ? { ...NON_MEMBER, fastRefund: { eligible: false, reason: '没有可退的会员卡' } } : MEMBER), {
      'POST /api/membership/refund': () => {
        refunded = true
        return reply(201, { refunded: true, amountCents: 1990, isMember: false, memberUntil: null })
      },
    })
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.fast-refund')).not.toBeNull())
    expect(text(container, '.period-range')).toContain('至 2026-12-23')
    fireEvent.click(container.querySelector('.fast-refund')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '极速退卡', content: expect.stringContaining('¥19.90') })))
    await waitFor(() => expect(requests().some((r) => r.url === '/api/membership/refund' && r.method === 'POST')).toBe(true))
    await waitFor(() => expect(text(container, '.member-status')).toBe('未开通'))
  })

  it('shows why a card cannot be refunded fast', async () => {
    serveMember(() => ({ ...MEMBER, fastRefund: { eligible: false, reason: '已使用会员权益，请申请人工退卡' } }))
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.fast-refund-reason')).not.toBeNull())
    expect(container.querySelector('.fast-refund')).toBeNull()
    expect(text(container, '.fast-refund-reason')).toBe('已使用会员权益，请申请人工退卡')
  })

  it('asks for a reviewed card refund with a reason, showing the pro-rata estimate, then shows it under review', async () => {
    let asked: unknown = null
    const reviewable = { ...MEMBER, fastRefund: { eligible: false as const, reason: '开卡后已使用会员权益，请申请人工退卡' }, reviewedRefund: { pending: null, estimateCents: 16293 } }
    serveMember(() => (asked ? { ...reviewable, reviewedRefund: { pending: { id: 5, status: 'REQUESTED', amountCents: 16293, createdAt: '2027-01-11T03:00:00.000Z' }, estimateCents: null } } : reviewable), {
      'POST /api/membership/refund-requests': (req) => {
        asked = req.data
        return reply(201, { id: 5, status: 'REQUESTED', amountCents: 16293 })
      },
    })
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.reviewed-refund-submit')).not.toBeNull())
    expect(text(container, '.reviewed-refund-submit')).toBe('申请人工退卡 · 预计退 ¥162.93')
    // no reason: refused on the spot, nothing sent
    fireEvent.click(container.querySelector('.reviewed-refund-submit')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写退卡原因' })))
    expect(asked).toBeNull()
    fireEvent.change(container.querySelector('.reviewed-refund-reason')!, { target: { value: ' 搬家了 ' } })
    fireEvent.click(container.querySelector('.reviewed-refund-submit')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '申请人工退卡', content: expect.stringContaining('¥162.93') })))
    await waitFor(() => expect(asked).toEqual({ reason: '搬家了' }))
    await waitFor(() => expect(text(container, '.reviewed-refund-pending')).toBe('人工退卡审核中 · 申请退 ¥162.93'))
    expect(container.querySelector('.reviewed-refund-submit')).toBeNull()
  })

  it('sets the birthday once, after confirming; a set birthday is only shown', async () => {
    let birthday: string | null = null
    serveMember(() => MEMBER, {
      'PATCH /api/me': (req) => {
        birthday = (req.data as { birthday: string }).birthday
        return reply(200, {})
      },
    }, () => birthday)
    const { container } = render(<MemberCenterPage />)
    await waitFor(() => expect(container.querySelector('.birthday-set')).not.toBeNull())
    fireEvent.change(container.querySelector('.picker-date')!, { target: { value: '1992-02-29' } })
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '生日设置后不能修改，确定是 1992-02-29 吗？' })))
    await waitFor(() => expect(text(container, '.birthday-value')).toBe('1992-02-29（已设置，不能修改）'))
    expect(container.querySelector('.birthday-set')).toBeNull()
  })
})

const occurrence = (patch: Partial<MemberDayOccurrence> = {}): MemberDayOccurrence => ({
  id: 1,
  name: '每月 7 号会员日',
  date: '2026-12-07',
  startsAt: new Date(Date.now() + 2 * 86400_000 + 3 * 3600_000).toISOString(),
  endsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
  audience: 'PAID_MEMBERS',
  pointsMultiplierBp: 20000,
  perCustomerLimit: 2,
  offers: [
    { skuId: 71, productId: 7, title: '纯棉短袖 T 恤', coverUrl: '/t.svg', specs: { 颜色: '白' }, listPriceCents: 7900, memberPriceCents: 6900, memberDayPriceCents: 5900 },
  ],
  exclusiveProductIds: [],
  ...patch,
})

describe('MemberDayPage', () => {
  it('before the day: counts down to the next start and previews its offers', async () => {
    const md: MemberDayCurrent = { now: new Date().toISOString(), active: false, current: null, next: occurrence() }
    routeRequests({ 'GET /api/member-days/current': () => reply(200, md) })
    const { container } = render(<MemberDayPage />)
    await waitFor(() => expect(container.querySelector('.md-offer')).not.toBeNull())
    expect(text(container, '.md-countdown-label')).toBe('距开始')
    expect(text(container, '.md-countdown')).toMatch(/^2天 0[23]:\d{2}:\d{2}$/)
    expect(text(container, '.md-points')).toBe('2倍积分')
    expect(text(container, '.md-limit')).toBe('会员日特价商品每人限购 2 件')
    expect(text(container, '.md-offer .list-price')).toBe('¥79.00')
    expect(text(container, '.md-offer .member-day-price')).toBe('¥59.00')
    fireEvent.click(container.querySelector('.md-offer')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=7' })
  })

  it('during the day: counts down to the end', async () => {
    const md: MemberDayCurrent = {
      now: new Date().toISOString(),
      active: true,
      current: occurrence({ startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 3600_000 * 5).toISOString(), pointsMultiplierBp: 12500 }),
      next: null,
    }
    routeRequests({ 'GET /api/member-days/current': () => reply(200, md) })
    const { container } = render(<MemberDayPage />)
    await waitFor(() => expect(container.querySelector('.md-offer')).not.toBeNull())
    expect(text(container, '.md-state')).toBe('会员日进行中')
    expect(text(container, '.md-countdown-label')).toBe('距结束')
    expect(text(container, '.md-countdown')).toMatch(/^0[45]:\d{2}:\d{2}$/)
    expect(text(container, '.md-points')).toBe('1.25倍积分')
  })

  it("counts down on the server's clock, not the device's (the answer's now)", async () => {
    // the server says it is 09:58:00 on the day; the device's own clock is far off
    const serverNow = Date.parse('2027-03-03T01:58:00.000Z')
    const md: MemberDayCurrent = {
      now: new Date(serverNow).toISOString(),
      active: false,
      current: null,
      next: occurrence({ name: '周三会员日', startsAt: '2027-03-03T02:00:00.000Z', endsAt: '2027-03-03T14:00:00.000Z' }),
    }
    routeRequests({ 'GET /api/member-days/current': () => reply(200, md) })
    const { container } = render(<MemberDayPage />)
    await waitFor(() => expect(container.querySelector('.md-offer')).not.toBeNull())
    expect(text(container, '.md-countdown-label')).toBe('距开始')
    expect(text(container, '.md-countdown')).toMatch(/^00:0[12]:\d{2}$/)
  })

  it('home banner headline', () => {
    const now = Date.now()
    expect(memberDayHeadline({ now: new Date().toISOString(), active: true, current: occurrence(), next: null }, now)).toBe('会员日进行中')
    expect(memberDayHeadline({ now: new Date().toISOString(), active: false, current: null, next: occurrence({ startsAt: new Date(now + 2.5 * 86400_000).toISOString() }) }, now)).toBe('距会员日还有 3 天')
    expect(memberDayHeadline(null, now)).toBeNull()
  })
})

describe('home banner: the next member day with a countdown', () => {
  const catalogRoutes = {
    'GET /api/categories': () => reply(200, []),
    'GET /api/products': () => reply(200, { items: [], total: 0 }),
  }

  it('before it starts: its name and a countdown to the start on the server clock, ticking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const serverNow = Date.parse('2027-03-03T01:58:00.000Z')
      routeRequests({
        ...catalogRoutes,
        'GET /api/member-days/current': () =>
          reply(200, {
            now: new Date(serverNow).toISOString(),
            active: false,
            current: null,
            next: occurrence({ name: '周三会员日', startsAt: '2027-03-03T02:00:00.000Z', endsAt: '2027-03-03T14:00:00.000Z' }),
          }),
      })
      const { container } = render(<HomePage />)
      await waitFor(() => expect(text(container, '.home-banner-countdown')).toMatch(/^00:0[12]:\d{2}$/))
      expect(text(container, '.home-banner-title')).toBe('会员日即将开始')
      expect(text(container, '.home-banner-name')).toBe('周三会员日')
      expect(text(container, '.home-banner-countdown-label')).toBe('距开始')
      const first = text(container, '.home-banner-countdown')
      await vi.advanceTimersByTimeAsync(2000)
      await waitFor(() => expect(text(container, '.home-banner-countdown')).not.toBe(first))
    } finally {
      vi.useRealTimers()
    }
  })

  it('during it: 会员日进行中 and a countdown to the end; without an answer the default text, no countdown', async () => {
    const now = Date.now()
    routeRequests({
      ...catalogRoutes,
      'GET /api/member-days/current': () =>
        reply(200, {
          now: new Date(now).toISOString(),
          active: true,
          current: occurrence({ startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 2 * 3600_000).toISOString() }),
          next: null,
        }),
    })
    const { container } = render(<HomePage />)
    await waitFor(() => expect(text(container, '.home-banner-title')).toBe('会员日进行中'))
    expect(text(container, '.home-banner-countdown-label')).toBe('距结束')
    expect(text(container, '.home-banner-countdown')).toMatch(/^0[12]:\d{2}:\d{2}$/)

    expect(memberDayCountdown(null, now)).toBeNull()
    expect(memberDayCountdown({ now: new Date().toISOString(), active: false, current: null, next: occurrence({ startsAt: new Date(now + 3 * 86400_000 + 5000).toISOString() }) }, now)).toEqual({
      name: '每月 7 号会员日',
      label: '距开始',
      text: '3天 00:00:05',
    })
  })
})

describe('checkout join-to-save nudge', () => {
  it('opens the member center with returnTo = this checkout, and previews again when shown again', async () => {
    routeRequests({
      'POST /api/checkout/preview': () => reply(200, preview({ memberSavingsCents: 2000 })),
      'GET /api/addresses': () => reply(200, { items: [], total: 0 }),
    })
    setRouterParams({ items: encodeURIComponent('71:2'), fromCart: '1' })
    const { container } = render(<CheckoutPage />)
    await waitFor(() => expect(container.querySelector('.join-nudge')).not.toBeNull())
    expect(text(container, '.join-nudge')).toContain('开通会员本单立省 ¥20.00')
    fireEvent.click(container.querySelector('.join-nudge')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/member/pages/center/index?returnTo=${encodeURIComponent('/order/pages/checkout/index?items=71%3A2&fromCart=1')}`,
    })
    // back from the member center with a card: priced again
    const previews = () => requests().filter((r) => r.url === '/api/checkout/preview').length
    const before = previews()
    fire.didShow()
    await waitFor(() => expect(previews()).toBe(before + 1))
  })
})

describe('product join nudge', () => {
  it('tells a non-member what the card saves per item', async () => {
    updateSession({ user: { id: 1, nickname: '小明', isMember: false } })
    routeRequests({ 'GET /api/products/7': () => reply(200, tshirt()) })
    setRouterParams({ id: '7' })
    const { container } = render(<ProductPage />)
    await waitFor(() => expect(container.querySelector('.member-nudge')).not.toBeNull())
    expect(text(container, '.member-nudge')).toContain('开通会员立省 ¥10.00/件')
    fireEvent.click(container.querySelector('.member-nudge')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/center/index' })
  })
})
