import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import SkuPicker from '@/components/SkuPicker'
import ProductPage from '@/pages/product'
import { updateSession } from '@/stores/session'
import { findSku, initialSelection, isValueAvailable, toggleValue } from '@/utils/sku'
import { setRouterParams } from './mocks/taro'
import { asVisitor, cart, cartLine, tshirt } from './fixtures'
import { reply, requests, routeRequests } from './helpers'

const { specGroups: groups, skus } = tshirt()

/** The chip of a spec value, e.g. chip(c, '黑'). */
const chip = (c: HTMLElement, value: string) => [...c.querySelectorAll<HTMLElement>('.sku-value')].find((el) => el.textContent === value)!
const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent

describe('SKU selection rules', () => {
  it('finds the SKU only when every group is chosen', () => {
    expect(findSku(groups, skus, { 颜色: '白' })).toBeNull()
    expect(findSku(groups, skus, { 颜色: '白', 尺码: 'L' })?.id).toBe(72)
    expect(findSku(groups, skus, { 颜色: '黑', 尺码: 'M' })?.id).toBe(73)
  })

  it('disables a value whose every SKU (with the other choices) is sold out', () => {
    expect(isValueAvailable(groups, skus, {}, '尺码', 'L')).toBe(true) // 白 L has stock
    expect(isValueAvailable(groups, skus, { 颜色: '黑' }, '尺码', 'L')).toBe(false)
    expect(isValueAvailable(groups, skus, { 尺码: 'L' }, '颜色', '黑')).toBe(false)
    expect(isValueAvailable(groups, skus, { 尺码: 'L' }, '颜色', '白')).toBe(true)
  })

  it('toggles values and preselects single-value groups', () => {
    expect(toggleValue(groups, skus, { 颜色: '白' }, '颜色', '白')).toEqual({})
    expect(toggleValue(groups, skus, { 颜色: '白', 尺码: 'L' }, '颜色', '黑')).toEqual({ 颜色: '黑' }) // 黑 L is sold out: L is dropped
    const single = [{ name: '规格', values: ['100g'] }]
    expect(initialSelection(single, [{ id: 1, specs: { 规格: '100g' }, priceCents: 1, memberPriceCents: null, memberDayPriceCents: null, stock: 1, ...asVisitor(1, null) }])).toEqual({ 规格: '100g' })
    expect(initialSelection(single, [{ id: 1, specs: { 规格: '100g' }, priceCents: 1, memberPriceCents: null, memberDayPriceCents: null, stock: 0, ...asVisitor(1, null) }])).toEqual({})
    expect(initialSelection(groups, skus)).toEqual({})
  })
})

describe('SkuPicker', () => {
  it('marks the chosen values and disables sold-out ones', () => {
    const onChange = vi.fn()
    const { container } = render(<SkuPicker groups={groups} skus={skus} selection={{ 颜色: '黑' }} onChange={onChange} />)
    expect(container.querySelectorAll('.sku-value')).toHaveLength(4)
    expect(chip(container, '黑').className).toContain('active')
    expect(chip(container, 'L').className).toContain('disabled')
    expect(chip(container, 'M').className).not.toContain('disabled')

    fireEvent.click(chip(container, 'L'))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(chip(container, 'M'))
    expect(onChange).toHaveBeenCalledWith({ 颜色: '黑', 尺码: 'M' })
  })
})

describe('ProductPage', () => {
  function serve(product = tshirt(), existingQty = 0) {
    routeRequests({
      'GET /api/products/7': () => reply(200, product),
      'GET /api/cart': () => reply(200, cart(existingQty ? [cartLine(72, { qty: existingQty })] : [], null)),
      'PUT /api/cart/items': (req) => reply(200, cart([cartLine(72, { qty: (req.data as { qty: number }).qty })], null)),
    })
  }

  it('shows the product, and the chosen SKU’s price, member price and stock', async () => {
    setRouterParams({ id: '7' })
    serve()
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(text(container, '.detail-price')).toBe('¥79.00')
    expect(text(container, '.detail-member-price')).toBe('会员价 ¥69.00')
    expect(text(container, '.detail-stock')).toBe('请选择颜色、尺码')
    expect(container.querySelector('img.detail-image')?.getAttribute('data-lazy-load')).toBe('true')

    fireEvent.click(chip(container, '白'))
    fireEvent.click(chip(container, 'L'))
    expect(text(container, '.detail-price')).toBe('¥81.00')
    expect(text(container, '.detail-member-price')).toBe('会员价 ¥71.00')
    expect(text(container, '.detail-stock')).toBe('库存 3 件')

    // the stepper stops at the SKU's stock
    const plus = container.querySelector('.qty-plus')!
    for (let i = 0; i < 5; i++) fireEvent.click(plus)
    expect(text(container, '.qty-value')).toBe('3')
    expect(plus.className).toContain('disabled')

    // 黑 L is sold out: with L chosen 黑 cannot be picked, and with 黑 chosen L cannot
    expect(chip(container, '黑').className).toContain('disabled')
    fireEvent.click(chip(container, '黑'))
    expect(chip(container, '白').className).toContain('active')
    fireEvent.click(chip(container, 'L')) // unselect L
    fireEvent.click(chip(container, '黑'))
    expect(chip(container, '黑').className).toContain('active')
    expect(chip(container, 'L').className).toContain('disabled')
    expect(text(container, '.detail-stock')).toBe('请选择尺码')
  })

  it('asks for the missing specs before adding to the cart', async () => {
    setRouterParams({ id: '7' })
    serve()
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    fireEvent.click(chip(container, '白'))
    fireEvent.click(container.querySelector('.add-to-cart')!)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择尺码', icon: 'none' })
    expect(requests().filter((r) => r.method === 'PUT')).toHaveLength(0)
  })

  it('adds the chosen quantity on top of what the cart already holds', async () => {
    setRouterParams({ id: '7' })
    serve(tshirt(), 1)
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    fireEvent.click(chip(container, '白'))
    fireEvent.click(chip(container, 'L'))
    fireEvent.click(container.querySelector('.qty-plus')!)
    fireEvent.click(container.querySelector('.add-to-cart')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已加入购物车', icon: 'success' }))
    const put = requests().find((r) => r.method === 'PUT')!
    expect(put.url).toBe('/api/cart/items')
    expect(put.data).toEqual({ skuId: 72, qty: 3, selected: true })
  })

  it('buys now: checkout with that one item', async () => {
    setRouterParams({ id: '7' })
    serve()
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    fireEvent.click(chip(container, '黑'))
    fireEvent.click(chip(container, 'M'))
    fireEvent.click(container.querySelector('.qty-plus')!)
    fireEvent.click(container.querySelector('.buy-now')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/order/pages/checkout/index?items=73%3A2' })
  })

  it('gates member-only products for non-members', async () => {
    setRouterParams({ id: '7' })
    updateSession({ user: { id: 1, nickname: null, isMember: false } })
    serve(tshirt({ memberOnly: true }))
    const { container } = render(<ProductPage />)
    await screen.findByText('会员专享')
    expect(container.querySelector('.add-to-cart')).toBeNull()
    const gate = container.querySelector('.buy-now')!
    expect(gate.textContent).toBe('开通会员后购买')
    expect(gate.className).toContain('disabled')
    fireEvent.click(gate)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('a member sees the price they pay big and red, what gave it, and the list price struck through', async () => {
    setRouterParams({ id: '7' })
    updateSession({ user: { id: 1, nickname: null, isMember: true } })
    const memberSku = (id: number, list: number, unit: number, source: 'MEMBER_PRICE' | 'MEMBER_DAY_PRICE', label: string) => ({ unitPriceCents: unit, priceSource: source, priceLabel: label, memberUnitPriceCents: unit })
    const base = tshirt()
    serve(
      tshirt({
        unitPriceCents: 5900, unitListPriceCents: 7900, priceSource: 'MEMBER_DAY_PRICE', priceLabel: '会员日价', memberUnitPriceCents: 5900, memberDayPriceCents: 5900,
        skus: base.skus.map((s) => ({ ...s, ...(s.id === 72 ? memberSku(72, 8100, 7100, 'MEMBER_PRICE', '会员价') : memberSku(s.id, 7900, 5900, 'MEMBER_DAY_PRICE', '会员日价')) })),
      }),
    )
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(text(container, '.detail-price')).toBe('¥59.00')
    expect(text(container, '.detail-price-label')).toBe('会员日价')
    expect(text(container, '.detail-list-price')).toBe('¥79.00')
    // a member is not sold the card
    expect(container.querySelector('.detail-member-price')).toBeNull()
    expect(container.querySelector('.member-nudge')).toBeNull()
    fireEvent.click(chip(container, '白'))
    fireEvent.click(chip(container, 'L'))
    expect(text(container, '.detail-price')).toBe('¥71.00')
    expect(text(container, '.detail-price-label')).toBe('会员价')
    expect(text(container, '.detail-list-price')).toBe('¥81.00')
  })

  it('a non-member sees the list price, the member price as a tag and what a card saves on one unit', async () => {
    setRouterParams({ id: '7' })
    updateSession({ user: { id: 1, nickname: null, isMember: false } })
    // on a member day the card would make it 67.15 (its member-day price), not the 69.00 member price
    const base = tshirt()
    serve(tshirt({ memberUnitPriceCents: 6715, skus: base.skus.map((s) => (s.id === 71 ? { ...s, memberUnitPriceCents: 6715 } : s)) }))
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(text(container, '.detail-price')).toBe('¥79.00')
    expect(container.querySelector('.detail-list-price')).toBeNull()
    expect(text(container, '.detail-member-price')).toBe('会员价 ¥67.15')
    expect(text(container, '.member-nudge')).toContain('开通会员立省 ¥11.85/件')
    fireEvent.click(chip(container, '白'))
    fireEvent.click(chip(container, 'L'))
    expect(text(container, '.detail-member-price')).toBe('会员价 ¥71.00')
    expect(text(container, '.member-nudge')).toContain('开通会员立省 ¥10.00/件')
    fireEvent.click(container.querySelector('.member-nudge')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/center/index' })
  })

  it('a member-day-only product says when it opens and cannot be bought before', async () => {
    setRouterParams({ id: '7' })
    serve(tshirt({ memberDayOnly: { name: '每月 7 号会员日', onNow: false, open: false, date: '2027-03-07' } }))
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(text(container, '.detail-member-day-only')).toBe('会员日专享 · 3月7日开抢')
    expect(container.querySelector('.add-to-cart')).toBeNull()
    const gate = container.querySelector('.buy-now')!
    expect(gate.textContent).toBe('3月7日 会员日开抢')
    expect(gate.className).toContain('disabled')
    fireEvent.click(gate)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('a member-day-only product is bought like any other while its day is open', async () => {
    setRouterParams({ id: '7' })
    serve(tshirt({ memberDayOnly: { name: '每月 7 号会员日', onNow: true, open: true, date: '2027-03-07' } }))
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(text(container, '.detail-member-day-only.live')).toBe('会员日专享 · 今日开抢')
    expect(container.querySelector('.add-to-cart')).not.toBeNull()
  })

  it('loads the page again when the customer signs in, to price it for them', async () => {
    setRouterParams({ id: '7' })
    updateSession({ user: null })
    serve()
    render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    const loads = () => requests().filter((r) => r.url.startsWith('/api/products/7')).length
    expect(loads()).toBe(1)
    updateSession({ user: { id: 1, nickname: null, isMember: true } })
    await waitFor(() => expect(loads()).toBe(2))
  })

  it('shows the gallery in its order (tap to preview) and the description as rich text', async () => {
    setRouterParams({ id: '7' })
    const images = ['/api/media/img/aa-800.jpg', '/api/media/img/bb-800.jpg', '/api/media/img/cc-800.jpg']
    const description = '<h3>面料</h3><p>新疆<strong>长绒棉</strong></p><img src="/api/media/img/dd-800.jpg" alt="" style="display:block;max-width:100%;height:auto">'
    serve(tshirt({ images, description }))
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    const shown = [...container.querySelectorAll('.detail-gallery img.detail-image')].map((img) => img.getAttribute('src'))
    expect(shown).toEqual(images)
    fireEvent.click(container.querySelectorAll('img.detail-image')[1])
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: images[1], urls: images })
    const rich = container.querySelector('.detail-desc-rich')!
    expect(rich.querySelector('h3')?.textContent).toBe('面料')
    expect(rich.querySelector('strong')?.textContent).toBe('长绒棉')
    expect(rich.querySelector('img')?.getAttribute('src')).toBe('/api/media/img/dd-800.jpg')
  })

  it('says 暂无详情 for a product without a description', async () => {
    setRouterParams({ id: '7' })
    serve(tshirt({ description: '' }))
    const { container } = render(<ProductPage />)
    await screen.findByText('纯棉短袖 T 恤')
    expect(container.querySelector('.detail-desc-rich')).toBeNull()
    expect(text(container, '.detail-desc-text')).toBe('暂无详情')
  })

  it('gives a description\'s server pictures the API origin in the mini-program, and leaves other addresses alone', async () => {
    vi.resetModules()
    vi.stubEnv('TARO_ENV', 'weapp')
    const { assetUrlsIn } = await import('@/services/config')
    expect(assetUrlsIn('<p>a</p><img src="/api/media/img/dd-800.jpg" alt=""><img alt="x" src="https://cdn.example.com/a.jpg">')).toBe(
      '<p>a</p><img src="http://127.0.0.1:3000/api/media/img/dd-800.jpg" alt=""><img alt="x" src="https://cdn.example.com/a.jpg">',
    )
  })

  it('says when the product is gone', async () => {
    setRouterParams({ id: '8' })
    routeRequests({})
    render(<ProductPage />)
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy()
  })
})
