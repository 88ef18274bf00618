import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import CheckoutPage from '@/order/pages/checkout'
import type { Address } from '@/services/address'
import { browser } from '@/services/payment'
import { pickAddress } from '@/stores/ui'
import { fire, setRouterParams } from './mocks/taro'
import { orderDetail, preview } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const address = (id: number, patch: Partial<Address> = {}): Address => ({
  id,
  name: `收货人${id}`,
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: `文三路 ${id} 号`,
  isDefault: false,
  ...patch,
})

const PAY_PARAMS = { timeStamp: '1700000000', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2ln' }

/** The server's breakdown, with adjustments the client could never derive itself. */
const breakdown = preview({
  adjustments: [
    { kind: 'MEMBER_PRICE', lineId: '71', amountCents: -2000, label: '会员价', sourceType: 'SKU', sourceId: '71' },
    { kind: 'COUPON', lineId: null, amountCents: -500, label: '满 100 减 5', sourceType: 'COUPON', sourceId: 'c1' },
    { kind: 'SHIPPING_WAIVER', lineId: null, amountCents: -800, label: '会员包邮', sourceType: 'MEMBER_PERK', sourceId: null },
  ],
  goodsCents: 15800,
  discountCents: 3300,
  shippingCents: 800,
  payableCents: 13300,
  memberSavingsCents: 1234,
})

interface ServeOptions {
  addresses?: Address[]
  pay?: (req: FakeRequest) => unknown
  place?: (req: FakeRequest) => unknown
  order?: (req: FakeRequest) => unknown
}

function serve({ addresses = [address(1), address(2, { isDefault: true })], pay, place, order }: ServeOptions = {}) {
  routeRequests({
    'POST /api/checkout/preview': () => reply(200, breakdown),
    'GET /api/addresses': () => reply(200, { items: addresses, total: addresses.length }),
    'POST /api/orders': place ?? (() => reply(201, { id: 501, orderNo: 'MC1', status: 'PENDING_PAYMENT', payableCents: 13300, expiresAt: null })),
    'POST /api/orders/501/pay': pay ?? (() => reply(201, { paid: false, params: PAY_PARAMS, simulatorPayUrl: 'http://127.0.0.1:3001/_sim/pay-page?prepayId=wx123' })),
    'GET /api/orders/501': order ?? (() => reply(200, orderDetail({ orderNo: 'MC1', payableCents: 13300, note: '放门口' }))),
  })
}

const orderPosts = () => requests().filter((r) => r.method === 'POST' && r.url === '/api/orders')
const payPosts = () => requests().filter((r) => r.method === 'POST' && r.url === '/api/orders/501/pay')

async function renderCheckout(params: Record<string, string> = { items: encodeURIComponent('71:2'), fromCart: '1' }) {
  setRouterParams(params)
  const view = render(<CheckoutPage />)
  await waitFor(() => expect(view.container.querySelector('.checkout-line')).not.toBeNull())
  await waitFor(() => expect(view.container.querySelector('.address-name')).not.toBeNull())
  return view
}

describe('CheckoutPage', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('prices through the server and shows its breakdown line by line', async () => {
    serve()
    const { container } = await renderCheckout()
    expect(requests().find((r) => r.url === '/api/checkout/preview')?.data).toEqual({ items: [{ skuId: 71, qty: 2 }] })
    // the default address is chosen
    expect(text(container, '.address-name')).toBe('收货人2')
    const rows = [...container.querySelectorAll('.adjustment')].map((r) => [r.querySelector('.adjustment-label')?.textContent, r.querySelector('.adjustment-amount')?.textContent])
    expect(rows).toEqual([
      ['会员价', '-¥20.00'],
      ['满 100 减 5', '-¥5.00'],
      ['会员包邮', '-¥8.00'],
    ])
    expect(container.querySelector('.adjustment .adjustment-line')?.textContent).toBe('纯棉短袖 T 恤')
    expect(text(container, '.goods-amount')).toBe('¥158.00')
    expect(text(container, '.shipping-amount')).toBe('¥8.00')
    expect(text(container, '.payable-amount')).toBe('¥133.00')
    expect(text(container, '.checkout-total-amount')).toBe('¥133.00')
    expect(text(container, '.member-savings')).toContain('开通会员本单立省 ¥12.34')
  })

  it('places one order with an Idempotency-Key however often 提交订单 is tapped, then opens the simulator’s cashier (H5)', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    serve({
      place: async () => {
        await gate
        return reply(201, { id: 501, orderNo: 'MC1', status: 'PENDING_PAYMENT', payableCents: 13300, expiresAt: null })
      },
    })
    const { container } = await renderCheckout()
    fireEvent.change(container.querySelector('.order-note')!, { target: { value: '  放门口  ' } })
    const submit = container.querySelector('.submit-order')!
    fireEvent.click(submit)
    fireEvent.click(submit)
    fireEvent.click(submit)
    release()
    await waitFor(() => expect(go).toHaveBeenCalledTimes(1))

    expect(orderPosts()).toHaveLength(1)
    const [place] = orderPosts()
    expect(place.data).toEqual({ items: [{ skuId: 71, qty: 2 }], addressId: 2, couponId: null, note: '放门口', fromCart: true })
    expect(place.header?.['Idempotency-Key']).toMatch(/^[A-Za-z0-9_\-:.]{8,100}$/)
    const back = `${window.location.origin}${window.location.pathname}#/order/pages/pay-success/index?id=501`
    expect(go).toHaveBeenCalledWith(`http://127.0.0.1:3001/_sim/pay-page?prepayId=wx123&redirect=${encodeURIComponent(back)}`)
    expect(Taro.requestPayment).not.toHaveBeenCalled()
  })

  it('retries a failed placement with the same key', async () => {
    let calls = 0
    serve({
      place: () => (++calls === 1 ? reply(409, { error: { code: 'OUT_OF_STOCK', message: '库存不足' } }) : reply(201, { id: 501, orderNo: 'MC1', status: 'PENDING_PAYMENT', payableCents: 13300, expiresAt: null })),
      pay: () => reply(201, { paid: true }),
    })
    const { container } = await renderCheckout()
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '库存不足', icon: 'none' }))
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/pay-success/index?id=501' }))
    const [a, b] = orderPosts()
    expect(a.header?.['Idempotency-Key']).toBe(b.header?.['Idempotency-Key'])
  })

  it('uses a new key on the next visit of the page', async () => {
    serve({ pay: () => reply(201, { paid: true }) })
    const first = await renderCheckout()
    fireEvent.click(first.container.querySelector('.submit-order')!)
    await waitFor(() => expect(orderPosts()).toHaveLength(1))
    first.unmount()
    const second = await renderCheckout()
    fireEvent.click(second.container.querySelector('.submit-order')!)
    await waitFor(() => expect(orderPosts()).toHaveLength(2))
    const [a, b] = orderPosts()
    expect(a.header?.['Idempotency-Key']).not.toBe(b.header?.['Idempotency-Key'])
  })

  it('in WeChat pays with requestPayment, then opens the payment success page', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.requestPayment).mockResolvedValue({ errMsg: 'requestPayment:ok' } as never)
    serve()
    const { container } = await renderCheckout()
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/pay-success/index?id=501' }))
    expect(Taro.requestPayment).toHaveBeenCalledWith(PAY_PARAMS)
  })

  it('stays on the page with the order 待付款 when the customer cancels WeChat Pay, and pays it again without a new order', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.requestPayment).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' }).mockResolvedValueOnce({ errMsg: 'requestPayment:ok' })
    serve()
    const { container } = await renderCheckout()
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(text(container, '.checkout-pay-hint')).toBe('支付已取消，订单待付款'))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(container.querySelector('.submit-order')).toBeNull()

    fireEvent.click(container.querySelector('.pay-button')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/pay-success/index?id=501' }))
    expect(orderPosts()).toHaveLength(1)
    expect(payPosts()).toHaveLength(2)
    expect(Taro.requestPayment).toHaveBeenCalledTimes(2)
  })

  it('coming back to checkout with the same items after cancelling WeChat Pay returns to the unpaid order (same key, its note) instead of placing another', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.requestPayment).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' }).mockResolvedValueOnce({ errMsg: 'requestPayment:ok' })
    serve()
    const first = await renderCheckout()
    fireEvent.change(first.container.querySelector('.order-note')!, { target: { value: '放门口' } })
    fireEvent.click(first.container.querySelector('.submit-order')!)
    await waitFor(() => expect(text(first.container, '.checkout-pay-hint')).toBe('支付已取消，订单待付款'))
    first.unmount()

    // back to the cart, 结算 again with the same items
    const { container } = await renderCheckout()
    await waitFor(() => expect(container.querySelector('.pay-button')).not.toBeNull())
    expect(container.querySelector('.submit-order')).toBeNull()
    expect(text(container, '.checkout-pay-hint')).toBe('订单待付款，可继续支付')
    expect((container.querySelector('.order-note') as HTMLInputElement).value).toBe('放门口')
    // the order's own address, not the list's default
    expect(text(container, '.address-name')).toBe('张三')
    fireEvent.click(container.querySelector('.pay-button')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/pay-success/index?id=501' }))
    expect(orderPosts()).toHaveLength(1)
    expect(payPosts()).toHaveLength(2)
  })

  it('when the remembered order can no longer be paid (cancelled), the next 提交订单 places a new order with a new key', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.requestPayment).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
    serve({ order: () => reply(200, orderDetail({ status: 'CANCELLED', expiresAt: null, actions: [] })) })
    const first = await renderCheckout()
    fireEvent.click(first.container.querySelector('.submit-order')!)
    await waitFor(() => expect(text(first.container, '.checkout-pay-hint')).toBe('支付已取消，订单待付款'))
    first.unmount()

    const { container } = await renderCheckout()
    await waitFor(() => expect(requests().some((r) => r.url === '/api/orders/501')).toBe(true))
    await waitFor(() => expect(container.querySelector('.submit-order')).not.toBeNull())
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(orderPosts()).toHaveLength(2))
    const [a, b] = orderPosts()
    expect(a.header?.['Idempotency-Key']).not.toBe(b.header?.['Idempotency-Key'])
  })

  it('in H5 without the simulator asks to pay in WeChat', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined)
    serve({ pay: () => reply(201, { paid: false, params: PAY_PARAMS }) })
    const { container } = await renderCheckout()
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(text(container, '.checkout-pay-hint')).toBe('请在微信中支付'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '请在微信中支付' }))
    expect(go).not.toHaveBeenCalled()
    expect(Taro.requestPayment).not.toHaveBeenCalled()
  })

  it('without an address sends the customer to add one, and uses the one picked', async () => {
    serve({ addresses: [] })
    setRouterParams({ items: '71:2' })
    const { container } = render(<CheckoutPage />)
    await screen.findByText('＋ 添加收货地址')
    fireEvent.click(container.querySelector('.submit-order')!)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请添加收货地址', icon: 'none' })
    expect(orderPosts()).toHaveLength(0)
    fireEvent.click(container.querySelector('.address-card')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/address-edit/index?pick=1' })

    // back from the form: the new address is in the list and was handed over
    serve({ addresses: [address(5), address(6, { isDefault: true })] })
    pickAddress(address(5))
    act(() => fire.didShow())
    await waitFor(() => expect(text(container, '.address-name')).toBe('收货人5'))
  })
})

describe('CheckoutPage points switch', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const withPoints = preview({
    adjustments: [{ kind: 'POINTS', lineId: null, amountCents: -2500, label: '积分抵扣', sourceType: 'POINTS', sourceId: null }],
    pointsUsed: 2500,
    pointsValueCents: 2500,
    payableCents: 13300,
  })
  const noPoints = preview({ payableCents: 15800 })

  function servePoints(balance: number, place?: (req: FakeRequest) => unknown) {
    routeRequests({
      'GET /api/me': () => reply(200, { id: 9, nickname: null, pointsBalance: balance }),
      'POST /api/checkout/preview': (req) => reply(200, (req.data as { usePoints?: boolean }).usePoints ? withPoints : noPoints),
      'GET /api/addresses': () => reply(200, { items: [address(2, { isDefault: true })], total: 1 }),
      'POST /api/orders': place ?? (() => reply(201, { id: 501, orderNo: 'MC1', status: 'PENDING_PAYMENT', payableCents: 13300, expiresAt: null })),
      'POST /api/orders/501/pay': () => reply(201, { paid: true }),
    })
  }
  const previews = () => requests().filter((r) => r.url === '/api/checkout/preview').map((r) => r.data)

  it('is hidden with no points, and the order is placed without them', async () => {
    servePoints(0)
    const { container } = await renderCheckout()
    await waitFor(() => expect(requests().some((r) => r.url === '/api/me')).toBe(true))
    expect(container.querySelector('.points-switch')).toBeNull()
    expect(previews()).toEqual([{ items: [{ skuId: 71, qty: 2 }] }])
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(orderPosts()).toHaveLength(1))
    expect(orderPosts()[0].data).not.toHaveProperty('usePoints')
  })

  it('shows what the points would take off, prices with them when switched on, and places the order with usePoints', async () => {
    servePoints(3000)
    const { container } = await renderCheckout()
    await waitFor(() => expect(container.querySelector('.points-switch')).not.toBeNull())
    expect(text(container, '.points-label')).toBe('使用积分抵扣 25.00 元')
    expect(text(container, '.points-hint')).toBe('用 2500 积分，共 3000 积分')
    expect((container.querySelector('.points-switch') as HTMLInputElement).checked).toBe(false)
    expect(text(container, '.checkout-total-amount')).toBe('¥158.00')

    fireEvent.click(container.querySelector('.points-switch')!)
    await waitFor(() => expect(text(container, '.checkout-total-amount')).toBe('¥133.00'))
    expect((container.querySelector('.points-switch') as HTMLInputElement).checked).toBe(true)
    expect(previews().at(-1)).toEqual({ items: [{ skuId: 71, qty: 2 }], usePoints: true })
    const rows = [...container.querySelectorAll('.adjustment')].map((r) => [r.querySelector('.adjustment-label')?.textContent, r.querySelector('.adjustment-amount')?.textContent])
    expect(rows).toContainEqual(['积分抵扣', '-¥25.00'])

    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(orderPosts()).toHaveLength(1))
    expect(orderPosts()[0].data).toEqual({ items: [{ skuId: 71, qty: 2 }], addressId: 2, usePoints: true, couponId: null, fromCart: true })
  })

  it('when the points were spent elsewhere meanwhile, says so and prices again', async () => {
    let balance = 3000
    servePoints(3000)
    const { container } = await renderCheckout()
    await waitFor(() => expect(container.querySelector('.points-switch')).not.toBeNull())
    fireEvent.click(container.querySelector('.points-switch')!)
    await waitFor(() => expect(text(container, '.checkout-total-amount')).toBe('¥133.00'))
    balance = 0
    servePoints(balance, () => reply(409, { error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 0，需要 2500' } }))
    const before = previews().length
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '积分不足：可用 0，需要 2500', icon: 'none' }))
    await waitFor(() => expect(previews().length).toBeGreaterThan(before))
    await waitFor(() => expect(container.querySelector('.points-switch')).toBeNull())
  })
})
