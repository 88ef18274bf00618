import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import CartPage from '@/pages/cart'
import type { Cart } from '@/services/cart'
import { cart, cartLine, preview } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const lines = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('.cart-line')]

/**
 * A server whose preview deliberately does not equal Σ unit price × qty (a shipping fee, a rounding rule):
 * the page must show the server's numbers, not its own sums.
 */
const serverPreview = preview({ goodsCents: 3000, discountCents: 400, shippingCents: 800, shippingPaidCents: 800, payableCents: 3400, memberSavingsCents: 250 })

function serve(initial: Cart) {
  let state = initial
  routeRequests({
    'GET /api/cart': () => reply(200, state),
    'PUT /api/cart/items': (req: FakeRequest) => {
      const { skuId, qty, selected } = req.data as { skuId: number; qty: number; selected?: boolean }
      state = cart(
        state.items.map((l) => (l.skuId === skuId ? { ...l, qty, selected: selected ?? l.selected } : l)),
        state.preview,
      )
      return reply(200, state)
    },
    'DELETE /api/cart/items/2': () => {
      state = cart(
        state.items.filter((l) => l.skuId !== 2),
        state.preview,
      )
      return reply(200, state)
    },
  })
}

describe('CartPage', () => {
  it('shows the lines and the totals exactly as the server’s preview has them', async () => {
    serve(
      cart(
        [cartLine(1, { qty: 2, unitPriceCents: 900, priceCents: 1000 }), cartLine(2, { qty: 1 }), cartLine(3, { selected: false })],
        serverPreview,
      ),
    )
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(3))
    expect(text(container, '.cart-total-amount')).toBe('¥34.00')
    expect(text(container, '.cart-total-sub')).toBe('已优惠 ¥4.00 · 含运费 ¥8.00')
    expect(text(container, '.member-savings')).toContain('开通会员本单立省 ¥2.50')
    expect(text(container, '.go-checkout')).toBe('去结算(2)')
    expect(lines(container)[0].querySelector('.cart-price')?.textContent).toBe('¥9.00')
    expect(lines(container)[0].querySelector('.cart-list-price')?.textContent).toBe('¥10.00')
  })

  it.each([
    // member price −4.00 and a waived 8.00 fee: the waiver is neither a discount nor a charge
    [{ discountCents: 1200, shippingCents: 800, shippingPaidCents: 0, payableCents: 2600 }, '已优惠 ¥4.00 · 免运费'],
    // only the waiver
    [{ discountCents: 800, shippingCents: 800, shippingPaidCents: 0, payableCents: 3000 }, '免运费'],
    // no fee at all
    [{ discountCents: 0, shippingCents: 0, shippingPaidCents: 0, payableCents: 3000 }, '免运费'],
  ])('says 免运费 when shipping is waived, without counting it as a discount (%o)', async (patch, expected) => {
    serve(cart([cartLine(1, { qty: 2, unitPriceCents: 900, priceCents: 1000 }), cartLine(2, { qty: 1 })], preview({ goodsCents: 3000, ...patch })))
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(2))
    expect(text(container, '.cart-total-sub')).toBe(expected)
  })

  it('greys unavailable lines and says why', async () => {
    serve(
      cart(
        [cartLine(1), cartLine(2, { available: false, stock: 50, selected: true }), cartLine(3, { available: false, stock: 1, qty: 4 })],
        serverPreview,
      ),
    )
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(3))
    const [ok, gone, short] = lines(container)
    expect(ok.className).not.toContain('unavailable')
    expect(gone.className).toContain('unavailable')
    expect(gone.querySelector('.cart-problem')?.textContent).toBe('已失效')
    expect(gone.querySelector('.cart-check')?.className).toContain('disabled')
    expect(short.querySelector('.cart-problem')?.textContent).toBe('库存不足（仅剩 1 件）')
    // only the available, selected line goes to checkout
    expect(text(container, '.go-checkout')).toBe('去结算(1)')
    fireEvent.click(gone.querySelector('.cart-check')!)
    expect(requests().filter((r) => r.method === 'PUT')).toHaveLength(0)
  })

  it('selects, changes quantities and removes through the API', async () => {
    serve(cart([cartLine(1, { qty: 2 }), cartLine(2, { selected: false })], serverPreview))
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(2))

    fireEvent.click(lines(container)[1].querySelector('.cart-check')!)
    await waitFor(() => expect(lines(container)[1].querySelector('.cart-check')?.className).toContain('checked'))
    fireEvent.click(lines(container)[0].querySelector('.qty-plus')!)
    await waitFor(() => expect(lines(container)[0].querySelector('.qty-value')?.textContent).toBe('3'))

    fireEvent.click(lines(container)[1].querySelector('.cart-remove')!)
    await waitFor(() => expect(lines(container)).toHaveLength(1))
    expect(Taro.showModal).toHaveBeenCalled()

    expect(requests().map((r) => `${r.method} ${r.url} ${r.data ? JSON.stringify(r.data) : ''}`.trim())).toEqual([
      'GET /api/cart',
      'PUT /api/cart/items {"skuId":2,"qty":1,"selected":true}',
      'PUT /api/cart/items {"skuId":1,"qty":3}',
      'DELETE /api/cart/items/2',
    ])
  })

  it('select-all selects every available line, and checkout takes the selected ones', async () => {
    serve(cart([cartLine(1, { selected: false, qty: 2 }), cartLine(2, { selected: false }), cartLine(3, { available: false, selected: false })], serverPreview))
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(3))
    fireEvent.click(container.querySelector('.cart-select-all')!)
    await waitFor(() => expect(text(container, '.go-checkout')).toBe('去结算(2)'))
    const puts = requests().filter((r) => r.method === 'PUT').map((r) => r.data)
    expect(puts).toEqual([
      { skuId: 1, qty: 2, selected: true },
      { skuId: 2, qty: 1, selected: true },
    ])
    fireEvent.click(container.querySelector('.go-checkout')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/checkout/index?items=1%3A2%2C2%3A1&fromCart=1' })
  })

  it('shows the empty cart', async () => {
    serve(cart([], null))
    render(<CartPage />)
    expect(await screen.findByText('购物车还是空的')).toBeTruthy()
    await act(async () => undefined)
  })

  it('shows an error with retry', async () => {
    routeRequests({ 'GET /api/cart': () => reply(500, { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } }) })
    const { container } = render(<CartPage />)
    expect(await screen.findByText('服务器开小差了')).toBeTruthy()
    serve(cart([cartLine(1)], serverPreview))
    fireEvent.click(container.querySelector('.list-error')!)
    await waitFor(() => expect(lines(container)).toHaveLength(1))
  })

  it('keeps the cart tab badge at the units in the cart as they change', async () => {
    serve(cart([cartLine(1, { qty: 2 }), cartLine(2, { qty: 1 })], serverPreview))
    const { container } = render(<CartPage />)
    await waitFor(() => expect(lines(container)).toHaveLength(2))
    expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '3' })
    fireEvent.click(lines(container)[0].querySelector('.qty-plus')!)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '4' }))
  })
})
