import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import OrderDetailPage from '@/order/pages/detail'
import OrderListPage from '@/order/pages/list'
import PaySuccessPage from '@/order/pages/pay-success'
import RefundPage from '@/order/pages/refund'
import type { OrderDetail, OrderSummary, Refund } from '@/services/order'
import { browser } from '@/services/payment'
import { fire, setRouterParams } from './mocks/taro'
import { orderDetail } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const ACTION_BUTTONS = ['.pay-button', '.cancel-order', '.confirm-receipt', '.apply-refund']
const shownActions = (c: HTMLElement) => ACTION_BUTTONS.filter((sel) => c.querySelector(sel))

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

function serveOrder(order: OrderDetail, extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  routeRequests({ [`GET /api/orders/${order.id}`]: () => reply(200, order), ...extra })
}

async function renderDetail(order: OrderDetail, extra: Record<string, (req: FakeRequest) => unknown> = {}, params: Record<string, string> = {}) {
  serveOrder(order, extra)
  setRouterParams({ id: String(order.id), ...params })
  const view = render(<OrderDetailPage />)
  await waitFor(() => expect(view.container.querySelector('.order-status')).not.toBeNull())
  return view
}

describe('OrderDetailPage', () => {
  it.each([
    ['PENDING_PAYMENT', ['pay', 'cancel'], '待付款', ['.pay-button', '.cancel-order']],
    ['PAID', ['refund'], '待发货', ['.apply-refund']],
    ['SHIPPED', ['confirm', 'refund'], '待收货', ['.confirm-receipt', '.apply-refund']],
    ['COMPLETED', ['refund'], '已完成', ['.apply-refund']],
    ['COMPLETED', [], '已完成', []],
    ['CANCELLED', [], '已取消', []],
    ['REFUNDED', [], '已退款', []],
  ] as const)('%s with actions %j shows %s and its buttons', async (status, actions, label, buttons) => {
    const { container } = await renderDetail(orderDetail({ status, actions: [...actions], expiresAt: status === 'PENDING_PAYMENT' ? orderDetail().expiresAt : null }))
    expect(text(container, '.order-status')).toBe(label)
    expect(shownActions(container).sort()).toEqual([...buttons].sort())
    expect(container.querySelector('.order-actions') !== null).toBe(buttons.length > 0)
  })

  it('counts down to the payment deadline', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2026-11-23T02:00:00Z') })
    const { container } = await renderDetail(orderDetail({ expiresAt: '2026-11-23T02:15:00Z' }))
    expect(text(container, '.order-countdown')).toBe('剩余 15:00，超时订单将自动取消')
    await act(async () => undefined) // let the countdown's effect start its timer
    await act(async () => {
      vi.advanceTimersByTime(61_000)
    })
    expect(text(container, '.order-countdown')).toMatch(/^剩余 13:5\d，/)
  })

  it('shows address, lines, the server’s adjustments, shipment, refunds and history', async () => {
    const { container } = await renderDetail(
      orderDetail({
        status: 'SHIPPED',
        actions: ['confirm'],
        expiresAt: null,
        discountCents: 2000,
        payableCents: 13800,
        adjustments: [{ kind: 'MEMBER_PRICE', orderLineId: 9001, amountCents: -2000, label: '会员价' }],
        shipment: { carrier: '顺丰', trackingNo: 'SF123', shippedAt: '2026-11-23T06:00:00.000Z' },
        refunds: [
          {
            id: 1,
            refundNo: 'RF1',
            orderId: 501,
            status: 'REJECTED',
            amountCents: 7900,
            shippingCents: 0,
            reason: '不想要了',
            lines: [{ orderLineId: 9001, qty: 1, amountCents: 7900 }],
            reviewNote: '已发货',
            returnRequired: false,
            returnShipment: null,
            returnReceivedAt: null,
            payoutError: null,
            createdAt: '2026-11-23T05:00:00.000Z',
            refundedAt: null,
          },
        ],
        history: [
          { from: null, to: 'PENDING_PAYMENT', actor: 'customer:1', reason: null, at: '2026-11-23T02:00:00.000Z' },
          { from: 'PENDING_PAYMENT', to: 'PAID', actor: 'wechat', reason: 'transaction 42', at: '2026-11-23T02:01:00.000Z' },
          { from: 'PAID', to: 'SHIPPED', actor: 'staff:1', reason: '顺丰 SF123', at: '2026-11-23T06:00:00.000Z' },
        ],
      }),
    )
    expect(text(container, '.address-name')).toBe('张三')
    expect(text(container, '.detail-line-title')).toBe('纯棉短袖 T 恤')
    expect(text(container, '.adjustment-label')).toBe('会员价')
    expect(text(container, '.adjustment-amount')).toBe('-¥20.00')
    expect(text(container, '.adjustment-line')).toBe('纯棉短袖 T 恤')
    expect(text(container, '.payable-amount')).toBe('¥138.00')
    expect(text(container, '.shipment-no')).toBe('运单号：SF123')
    expect(text(container, '.refund-status')).toBe('已拒绝')
    expect([...container.querySelectorAll('.timeline-text')].map((e) => e.textContent)).toEqual([
      '商家已发货（商家）',
      '支付成功（微信支付）',
      '订单已提交（我）',
    ])
  })

  it('cancels after the customer confirms', async () => {
    const cancelled = orderDetail({ status: 'CANCELLED', actions: [], expiresAt: null })
    const { container } = await renderDetail(orderDetail(), { 'POST /api/orders/501/cancel': () => reply(201, cancelled) })
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    fireEvent.click(container.querySelector('.cancel-order')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(requests().some((r) => r.url.endsWith('/cancel'))).toBe(false)

    fireEvent.click(container.querySelector('.cancel-order')!)
    await waitFor(() => expect(text(container, '.order-status')).toBe('已取消'))
    expect(shownActions(container)).toEqual([])
  })

  it('confirms receipt', async () => {
    const done = orderDetail({ status: 'COMPLETED', actions: ['refund'], expiresAt: null })
    const { container } = await renderDetail(orderDetail({ status: 'SHIPPED', actions: ['confirm', 'refund'], expiresAt: null }), {
      'POST /api/orders/501/confirm': () => reply(201, done),
    })
    fireEvent.click(container.querySelector('.confirm-receipt')!)
    await waitFor(() => expect(text(container, '.order-status')).toBe('已完成'))
    expect(requests().filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/orders/501/confirm'])
  })

  it('pays again through the same flow (H5: the simulator’s cashier, back to the pay-success page)', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined)
    const { container } = await renderDetail(orderDetail(), {
      'POST /api/orders/501/pay': () =>
        reply(201, { paid: false, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'RSA', paySign: 's' }, simulatorPayUrl: 'http://sim/_sim/pay-page?prepayId=p' }),
    })
    fireEvent.click(container.querySelector('.pay-button')!)
    await waitFor(() => expect(go).toHaveBeenCalledTimes(1))
    expect(go.mock.calls[0][0]).toMatch(/^http:\/\/sim\/_sim\/pay-page\?prepayId=p&redirect=http%3A%2F%2F.*%23%2Forder%2Fpages%2Fpay-success%2Findex%3Fid%3D501$/)
  })

  it('after paying looks again until the payment is confirmed', async () => {
    let calls = 0
    routeRequests({
      'GET /api/orders/501': () => reply(200, ++calls < 2 ? orderDetail() : orderDetail({ status: 'PAID', actions: ['refund'], expiresAt: null })),
    })
    setRouterParams({ id: '501', paying: '1' })
    const { container } = render(<OrderDetailPage />)
    await waitFor(() => expect(text(container, '.order-status')).toBe('待付款'))
    expect(screen.getByText('正在确认支付结果…')).toBeTruthy()
    await waitFor(() => expect(text(container, '.order-status')).toBe('待发货'), { timeout: 4000 })
  })

  it.each([
    ['PENDING_PAYMENT', '应付款'],
    ['CANCELLED', '应付款'],
    ['PAID', '实付款'],
    ['REFUNDED', '实付款'],
  ] as const)('labels the amount of a %s order %s (a cancelled order was never paid)', async (status, label) => {
    const { container } = await renderDetail(orderDetail({ status, actions: [], expiresAt: status === 'PENDING_PAYMENT' ? orderDetail().expiresAt : null }))
    expect(text(container, '.breakdown-total .breakdown-label')).toBe(label)
    expect(text(container, '.payable-amount')).toBe('¥158.00')
  })

  it('says when the order does not exist', async () => {
    routeRequests({})
    setRouterParams({ id: '999' })
    render(<OrderDetailPage />)
    expect(await screen.findByText('订单不存在')).toBeTruthy()
  })
})

describe('long unbroken texts', () => {
  /** The selectors of app.css's rule that lets a long unbroken run wrap. */
  const wrapping = () => {
    const css = readFileSync(join(__dirname, '../src/app.css'), 'utf8')
    const rule = /([^{}]+)\{[^}]*overflow-wrap:\s*anywhere[^}]*\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''))
    return new Set((rule?.[1] ?? '').split(',').map((sel) => sel.trim().replace(/^\./, '')))
  }

  it('wrap on the order detail instead of widening it: refund reason, address, note, names', async () => {
    const long = 'x'.repeat(180)
    const order = orderDetail({
      status: 'PAID',
      actions: ['refund'],
      expiresAt: null,
      note: `备注${long}`,
      address: { name: `收货人${long}`, phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路${long}` },
      refunds: [{ id: 1, refundNo: `R${'9'.repeat(60)}`, orderId: 501, status: 'REQUESTED', amountCents: 100, shippingCents: 0, reason: `其他：${long}`, lines: [], reviewNote: null, returnRequired: false, returnShipment: null, returnReceivedAt: null, payoutError: null, createdAt: '2026-11-23T02:00:00.000Z', refundedAt: null }],
    })
    const { container } = await renderDetail(order)
    const selectors = wrapping()
    for (const needle of [`退款原因：其他：${long}`, `订单备注：备注${long}`, `收货人${long}`, `退款单 R${'9'.repeat(60)}`]) {
      const el = [...container.querySelectorAll('*')].find((e) => e.textContent === needle && e.children.length === 0)
      expect(el, needle).toBeTruthy()
      expect([...el!.classList].some((c) => selectors.has(c)), `${needle.slice(0, 10)}… in ${el!.className}`).toBe(true)
    }
    const full = container.querySelector('.address-full')!
    expect(full.textContent).toContain(long)
    expect(selectors.has('address-full')).toBe(true)
  })
})

describe('PaySuccessPage', () => {
  it('shows the amount paid and the order number, then 查看订单 (still confirming) or 继续逛逛', async () => {
    serveOrder(orderDetail({ payableCents: 13300, orderNo: 'MC202611230001' }))
    setRouterParams({ id: '501' })
    const { container } = render(<PaySuccessPage />)
    await waitFor(() => expect(text(container, '.pay-success-title')).toBe('支付成功'))
    expect(text(container, '.pay-success-amount')).toBe('¥133.00')
    expect(text(container, '.pay-success-no')).toBe('订单编号：MC202611230001')
    fireEvent.click(screen.getByText('查看订单'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/detail/index?id=501&paying=1' })
    fireEvent.click(screen.getByText('继续逛逛'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })
})

describe('OrderListPage', () => {
  const summary = (id: number, patch: Partial<OrderSummary> = {}): OrderSummary => ({
    id,
    orderNo: `MC${id}`,
    kind: 'GOODS',
    status: 'PAID',
    payableCents: 1990,
    itemCount: 1,
    createdAt: '2026-11-23T02:00:00.000Z',
    expiresAt: null,
    lines: [{ title: `商品${id}`, coverUrl: '/c.svg', specs: {}, qty: 1, unitPriceCents: 1990 }],
    ...patch,
  })

  function serveOrders(total: number) {
    routeRequests({
      'GET /api/orders': (_req, q) => {
        const page = Number(q.get('page'))
        const size = Number(q.get('pageSize'))
        const ids = Array.from({ length: total }, (_, i) => 1000 - i)
        return reply(200, { items: ids.slice((page - 1) * size, page * size).map((id) => summary(id, { status: (q.get('status') as never) ?? 'PAID' })), total })
      },
    })
  }
  const listCalls = () => requests().map((r) => r.url)

  it('preselects the tab of ?status=, pages at the bottom and switches tabs', async () => {
    setRouterParams({ status: 'SHIPPED' })
    serveOrders(13)
    const { container } = render(<OrderListPage />)
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(10))
    expect(text(container, '.order-tab.active')).toBe('待收货')
    expect(text(container, '.order-card-status')).toBe('待收货')
    act(() => fire.reachBottom())
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(13))
    expect(screen.getByText('— 没有更多了 —')).toBeTruthy()

    fireEvent.click(container.querySelector('.order-tab-after_sale')!)
    await waitFor(() => expect(listCalls().at(-1)).toBe('/api/orders?afterSale=true&page=1&pageSize=10'))
    fireEvent.click(container.querySelector('.order-tab-all')!)
    await waitFor(() => expect(listCalls().at(-1)).toBe('/api/orders?page=1&pageSize=10'))
    expect(listCalls().slice(0, 2)).toEqual(['/api/orders?status=SHIPPED&page=1&pageSize=10', '/api/orders?status=SHIPPED&page=2&pageSize=10'])

    fireEvent.click(container.querySelector('.order-card')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/detail/index?id=1000' })
  })

  it.each(['AFTER_SALE', 'REFUNDED'])('售后 (?status=%s) lists every order with a refund, partly refunded ones too (?afterSale=true, not status REFUNDED)', async (query) => {
    setRouterParams({ status: query })
    routeRequests({
      'GET /api/orders': (_req, q) =>
        q.get('afterSale') === 'true' && !q.has('status')
          ? reply(200, { items: [summary(7, { status: 'COMPLETED' }), summary(6, { status: 'PAID' }), summary(5, { status: 'REFUNDED' })], total: 3 })
          : reply(200, { items: [], total: 0 }),
    })
    const { container } = render(<OrderListPage />)
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(3))
    expect(text(container, '.order-tab.active')).toBe('售后')
    expect(listCalls()).toEqual(['/api/orders?afterSale=true&page=1&pageSize=10'])
    expect([...container.querySelectorAll('.order-card-status')].map((e) => e.textContent)).toEqual(['已完成', '待发货', '已退款'])
  })

  it('says 应付 for orders never paid (pending, cancelled) and 实付 for paid ones', async () => {
    setRouterParams({})
    const statuses = ['PENDING_PAYMENT', 'CANCELLED', 'PAID', 'COMPLETED', 'REFUNDED'] as const
    routeRequests({ 'GET /api/orders': () => reply(200, { items: statuses.map((status, i) => summary(900 - i, { status })), total: statuses.length }) })
    const { container } = render(<OrderListPage />)
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(5))
    expect([...container.querySelectorAll('.order-card-sum')].map((e) => e.textContent)).toEqual([
      '共 1 件 应付 ¥19.90',
      '共 1 件 应付 ¥19.90',
      '共 1 件 实付 ¥19.90',
      '共 1 件 实付 ¥19.90',
      '共 1 件 实付 ¥19.90',
    ])
  })

  it('shows the tab labels from ORDER_STATUS_LABEL, an empty state and reloads on pull-down', async () => {
    setRouterParams({})
    serveOrders(0)
    const { container } = render(<OrderListPage />)
    expect([...container.querySelectorAll('.order-tab')].map((t) => t.textContent)).toEqual(['全部', '待付款', '待发货', '待收货', '已完成', '售后'])
    expect(await screen.findByText('暂无相关订单')).toBeTruthy()
    act(() => fire.pullDownRefresh())
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(requests()).toHaveLength(2)
  })
})

describe('RefundPage', () => {
  const paidOrder = orderDetail({
    status: 'PAID',
    actions: ['refund'],
    expiresAt: null,
    lines: [
      { ...orderDetail().lines[0], id: 9001, qty: 2, refundedQty: 0 },
      { ...orderDetail().lines[0], id: 9002, title: '碧螺春 罐装', qty: 3, refundedQty: 1, cashPaidCents: 15900 },
    ],
  })

  async function renderRefund() {
    serveOrder(paidOrder, {
      'POST /api/orders/501/refunds': () => reply(201, { id: 1, refundNo: 'RF1', orderId: 501, status: 'REQUESTED', amountCents: 5300, reason: 'x', lines: [], reviewNote: null, createdAt: '', refundedAt: null }),
    })
    setRouterParams({ id: '501' })
    const view = render(<RefundPage />)
    await waitFor(() => expect(view.container.querySelectorAll('.refund-line')).toHaveLength(2))
    return view
  }

  const refundPost = () => requests().find((r) => r.method === 'POST')

  it('asks for a reason, then refunds the whole order', async () => {
    const { container } = await renderRefund()
    fireEvent.click(container.querySelector('.refund-submit')!)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择退款原因', icon: 'none' })
    fireEvent.change(container.querySelector('.picker-select')!, { target: { value: '3' } })
    fireEvent.change(container.querySelector('.refund-detail')!, { target: { value: '线头多' } })
    fireEvent.click(container.querySelector('.refund-submit')!)
    await waitFor(() => expect(refundPost()).toBeTruthy())
    expect(refundPost()!.url).toBe('/api/orders/501/refunds')
    expect(refundPost()!.data).toEqual({ reason: '质量问题：线头多' })
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('refunds chosen lines and quantities', async () => {
    const { container } = await renderRefund()
    fireEvent.click(container.querySelector('.refund-mode-partial')!)
    fireEvent.change(container.querySelector('.picker-select')!, { target: { value: '0' } })
    fireEvent.click(container.querySelector('.refund-submit')!)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择要退的商品', icon: 'none' })

    const second = container.querySelectorAll('.refund-line')[1]
    expect(second.textContent).toContain('可退 2 件')
    fireEvent.click(second.querySelector('.refund-line-check')!)
    fireEvent.click(second.querySelector('.qty-minus')!)
    fireEvent.click(container.querySelector('.refund-submit')!)
    await waitFor(() => expect(refundPost()).toBeTruthy())
    expect(refundPost()!.data).toEqual({ reason: '不想要了', lines: [{ orderLineId: 9002, qty: 1 }] })
  })

  it('shows the refund amount for the chosen lines and quantities as they change (shareOfUnits, shipping when everything left goes before shipment)', async () => {
    // 9001: 2 units for 158.00; 9002: 3 units for 159.01, one already refunded
    const order = orderDetail({
      status: 'PAID',
      actions: ['refund'],
      expiresAt: null,
      shippingCents: 800,
      shippingPaidCents: 800,
      lines: [
        { ...orderDetail().lines[0], id: 9001, qty: 2, refundedQty: 0, cashPaidCents: 15800 },
        { ...orderDetail().lines[0], id: 9002, title: '碧螺春 罐装', qty: 3, refundedQty: 1, cashPaidCents: 15901 },
      ],
    })
    serveOrder(order)
    setRouterParams({ id: '501' })
    const { container } = render(<RefundPage />)
    await waitFor(() => expect(container.querySelectorAll('.refund-line')).toHaveLength(2))
    const amount = () => text(container, '.refund-amount')
    const shipping = () => text(container, '.refund-shipping')
    // whole: 15800 + (15901 − floor(15901 × 1 / 3) = 15901 − 5300 = 10601) + shipping 800
    expect(amount()).toBe('¥272.01')
    expect(shipping()).toBe('含运费 ¥8.00')

    fireEvent.click(container.querySelector('.refund-mode-partial')!)
    expect(amount()).toBe('¥0.00')
    const [first, second] = container.querySelectorAll('.refund-line')
    fireEvent.click(second.querySelector('.refund-line-check')!)
    // both units left of 9002: 10601, the other line stays, so no shipping
    expect(amount()).toBe('¥106.01')
    expect(shipping()).toBeUndefined()
    fireEvent.click(second.querySelector('.qty-minus')!)
    // unit 2 of 3: floor(15901 × 2 / 3) − floor(15901 × 1 / 3) = 10600 − 5300
    expect(amount()).toBe('¥53.00')
    fireEvent.click(first.querySelector('.refund-line-check')!)
    expect(amount()).toBe('¥211.00')
    fireEvent.click(second.querySelector('.qty-plus')!)
    expect(amount()).toBe('¥272.01')
    expect(shipping()).toBe('含运费 ¥8.00')
  })

  it('returns no shipping in the estimate once the order has shipped', async () => {
    const order = orderDetail({
      status: 'SHIPPED',
      actions: ['confirm', 'refund'],
      expiresAt: null,
      shippingCents: 800,
      shippingPaidCents: 800,
      shipment: { carrier: '顺丰', trackingNo: 'SF1', shippedAt: '2026-11-24T02:00:00.000Z' },
    })
    serveOrder(order)
    setRouterParams({ id: '501' })
    const { container } = render(<RefundPage />)
    await waitFor(() => expect(container.querySelectorAll('.refund-line')).toHaveLength(1))
    expect(text(container, '.refund-amount')).toBe('¥158.00')
    expect(container.querySelector('.refund-shipping')).toBeNull()
  })

  it('refuses when the order cannot be refunded', async () => {
    serveOrder(orderDetail())
    setRouterParams({ id: '501' })
    render(<RefundPage />)
    expect(await screen.findByText('该订单当前不能申请退款')).toBeTruthy()
  })

  describe('return goods before the money', () => {
    const refund = (changes: Partial<Refund> = {}): Refund => ({
      id: 77, refundNo: 'R2026112400001', orderId: 501, status: 'AWAITING_RETURN', amountCents: 15800, shippingCents: 0, reason: '尺码不合适',
      lines: [{ orderLineId: 9001, qty: 1, amountCents: 15800 }], reviewNote: '请寄回', returnRequired: true, returnShipment: null,
      returnReceivedAt: null, payoutError: null, createdAt: '2026-11-24T02:00:00.000Z', refundedAt: null, ...changes,
    })
    const parcel = { carrier: '中通快递', trackingNo: 'ZT300', shippedAt: '2026-11-25T02:00:00.000Z' }
    const shipped = (r: Refund) => orderDetail({ status: 'SHIPPED', actions: ['confirm'], expiresAt: null, refunds: [r] })

    it('asks for the carrier and tracking number, sends them, then shows the parcel', async () => {
      let current = refund()
      serveOrder(shipped(current), {
        'GET /api/orders/501': () => reply(200, shipped(current)),
        'POST /api/orders/501/refunds/77/return': () => {
          current = refund({ status: 'RETURN_SHIPPED', returnShipment: parcel })
          return reply(200, current)
        },
      })
      setRouterParams({ id: '501' })
      const { container } = render(<RefundPage />)
      await waitFor(() => expect(container.querySelector('.return-form')).not.toBeNull())
      expect(text(container, '.return-status')).toBe('待寄回商品')
      expect(container.textContent).toContain('商家说明：请寄回')
      expect(container.querySelector('.refund-submit')).toBeNull()

      fireEvent.click(container.querySelector('.return-submit')!)
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择退货快递公司', icon: 'none' })
      fireEvent.change(container.querySelector('.picker-select')!, { target: { value: '1' } })
      fireEvent.change(container.querySelector('.return-tracking')!, { target: { value: '   ' } })
      fireEvent.click(container.querySelector('.return-submit')!)
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '请填写退货快递单号', icon: 'none' })
      expect(requests().filter((r) => r.method === 'POST')).toHaveLength(0)

      fireEvent.change(container.querySelector('.return-tracking')!, { target: { value: ' ZT300 ' } })
      fireEvent.click(container.querySelector('.return-submit')!)
      await waitFor(() => expect(container.querySelector('.return-parcel')).not.toBeNull())
      const post = requests().find((r) => r.method === 'POST')!
      expect(post.url).toBe('/api/orders/501/refunds/77/return')
      expect(post.data).toEqual({ carrier: '中通快递', trackingNo: 'ZT300' })
      expect(text(container, '.return-status')).toBe('退货待签收')
      expect(text(container, '.return-parcel-no')).toBe('快递单号：ZT300')
      expect(container.querySelector('.return-form')).toBeNull()
    })

    it('shows the server’s refusal', async () => {
      serveOrder(shipped(refund()), { 'POST /api/orders/501/refunds/77/return': () => reply(409, { error: { code: 'INVALID_STATE', message: '这笔退款当前为「已拒绝」，不能填写退货物流' } }) })
      setRouterParams({ id: '501' })
      const { container } = render(<RefundPage />)
      await waitFor(() => expect(container.querySelector('.return-form')).not.toBeNull())
      fireEvent.change(container.querySelector('.picker-select')!, { target: { value: '0' } })
      fireEvent.change(container.querySelector('.return-tracking')!, { target: { value: 'SF1' } })
      fireEvent.click(container.querySelector('.return-submit')!)
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '这笔退款当前为「已拒绝」，不能填写退货物流', icon: 'none' }))
    })

    it('on the order detail: a button to send the goods back while it waits, the parcel once sent', async () => {
      const waiting = await renderDetail(shipped(refund()))
      fireEvent.click(waiting.container.querySelector('.send-return')!)
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/refund/index?id=501' })
      waiting.unmount()
      const sent = await renderDetail(shipped(refund({ status: 'RETURN_SHIPPED', returnShipment: parcel })))
      expect(sent.container.querySelector('.send-return')).toBeNull()
      expect(text(sent.container, '.return-parcel')).toBe('退货物流：中通快递 ZT300')
      expect(text(sent.container, '.refund-status')).toBe('退货待签收')
    })
  })
})
