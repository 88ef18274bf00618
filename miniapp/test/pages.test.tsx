import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import CategoryPage from '@/pages/category'
import HomePage from '@/pages/home'
import MePage from '@/pages/me'
import { setToken } from '@/services/storage'
import { updateSession } from '@/stores/session'
import { openCategoryLater, takePendingCategory } from '@/stores/ui'
import { fire } from './mocks/taro'
import { product, reply, requests, routeRequests, type FakeRequest } from './helpers'

const CATEGORIES = [
  { id: 1, name: '茶饮', iconUrl: '/api/media/placeholder/tea.svg', children: [{ id: 11, name: '绿茶', iconUrl: '', children: [] }] },
  { id: 2, name: '零食', iconUrl: '/api/media/placeholder/snack.svg', children: [] },
]

/** A fake catalog of `total` products answering `GET /api/products` page by page. */
function catalog(total: number, opts: { failFirst?: number } = {}) {
  let failures = opts.failFirst ?? 0
  routeRequests({
    'GET /api/categories': () => reply(200, CATEGORIES),
    'GET /api/products': (_req: FakeRequest, q: URLSearchParams) => {
      if (failures > 0) {
        failures--
        return reply(500, { error: { code: 'INTERNAL_ERROR', message: 'boom' } })
      }
      const page = Number(q.get('page'))
      const size = Number(q.get('pageSize'))
      const cat = Number(q.get('categoryId') ?? 0)
      const ids = Array.from({ length: total }, (_, i) => i + 1 + cat * 100)
      return reply(200, { items: ids.slice((page - 1) * size, page * size).map((id) => product(id)), total })
    },
  })
}

const productCalls = () => requests().filter((r) => r.url.startsWith('/api/products'))
const cards = (c: HTMLElement) => c.querySelectorAll('.product-card')

describe('HomePage', () => {
  it('loads categories and the first page, then the next page at the bottom', async () => {
    catalog(15)
    const { container } = render(<HomePage />)
    expect(screen.getByText('会员日 每月7号 双倍积分')).toBeTruthy()
    await waitFor(() => expect(cards(container)).toHaveLength(10))
    expect(screen.getByText('茶饮')).toBeTruthy()
    expect(container.querySelector('.product-price')?.textContent).toBe('¥19.90')
    expect(container.querySelector('.member-price')?.textContent).toBe('会员价 ¥17.90')

    act(() => fire.reachBottom())
    await waitFor(() => expect(cards(container)).toHaveLength(15))
    expect(productCalls().map((r) => r.url)).toEqual(['/api/products?page=1&pageSize=10', '/api/products?page=2&pageSize=10'])
    expect(screen.getByText('— 没有更多了 —')).toBeTruthy()

    act(() => fire.reachBottom()) // at the end: nothing more to fetch
    expect(productCalls()).toHaveLength(2)
  })

  it('shows the error state and retries on tap', async () => {
    catalog(3, { failFirst: 1 })
    const { container } = render(<HomePage />)
    const retry = await screen.findByText('加载失败，点击重试')
    fireEvent.click(retry)
    await waitFor(() => expect(cards(container)).toHaveLength(3))
  })

  it('shows 暂无商品 for an empty catalog', async () => {
    catalog(0)
    render(<HomePage />)
    expect(await screen.findByText('暂无商品')).toBeTruthy()
  })

  it('reloads on pull-down and stops the spinner', async () => {
    catalog(4)
    const { container } = render(<HomePage />)
    await waitFor(() => expect(cards(container)).toHaveLength(4))
    act(() => fire.pullDownRefresh())
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(productCalls()).toHaveLength(2)
    expect(cards(container)).toHaveLength(4)
  })

  it('opens the category tab from the category row', async () => {
    catalog(1)
    render(<HomePage />)
    fireEvent.click(await screen.findByText('零食'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' })
  })
})

describe('CategoryPage', () => {
  it('lists categories and shows the selected one’s products', async () => {
    takePendingCategory() // nothing handed over from the home page
    catalog(2)
    const { container } = render(<CategoryPage />)
    await waitFor(() => expect(cards(container)).toHaveLength(2))
    expect(productCalls()[0].url).toBe('/api/products?categoryId=1&page=1&pageSize=10')
    expect(container.querySelector('.category-nav-item.active')?.textContent).toBe('茶饮')

    fireEvent.click(screen.getByText('绿茶'))
    await waitFor(() => expect(productCalls().at(-1)?.url).toBe('/api/products?categoryId=11&page=1&pageSize=10'))

    fireEvent.click(screen.getByText('零食'))
    await waitFor(() => expect(productCalls().at(-1)?.url).toBe('/api/products?categoryId=2&page=1&pageSize=10'))
    await waitFor(() => expect(container.querySelector('.product-title')?.textContent).toBe('商品201'))
  })

  it('opens the category the home page handed over', async () => {
    openCategoryLater(2)
    catalog(1)
    const { container } = render(<CategoryPage />)
    await waitFor(() => expect(container.querySelector('.product-title')?.textContent).toBe('商品201'))
    expect(productCalls().map((r) => r.url)).toEqual(['/api/products?categoryId=2&page=1&pageSize=10'])
    expect(container.querySelector('.category-nav-item.active')?.textContent).toBe('零食')
  })
})

describe('MePage', () => {
  it('shows the customer and opens the member centre', async () => {
    act(() => updateSession({ status: 'ready', user: { id: 42, nickname: '小红' } }))
    const { container } = render(<MePage />)
    expect(container.querySelector('.me-nickname')?.textContent).toBe('小红')
    expect(container.querySelector('.me-id')?.textContent).toBe('ID: 42')
    fireEvent.click(container.querySelector('.entry-member')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/center/index' })
  })
})

describe('badges', () => {
  const BADGES = { pendingPayment: 2, toShip: 0, toReceive: 1, afterSale: 120, cartQty: 5 }

  it('puts the counts on the 我的 order icons (none for 0, 99+ past 99) from one request', async () => {
    setToken('t')
    routeRequests({ 'GET /api/badges': () => reply(200, BADGES), 'GET /api/me': () => reply(200, { id: 42, nickname: '小红' }) })
    act(() => updateSession({ status: 'ready', user: { id: 42, nickname: '小红' } }))
    const { container } = render(<MePage />)
    const badge = (key: string) => container.querySelector(`.order-entry-${key} .me-order-badge`)?.textContent
    await waitFor(() => expect(badge('pending_payment')).toBe('2'))
    expect(badge('paid')).toBeUndefined()
    expect(badge('shipped')).toBe('1')
    expect(badge('after_sale')).toBe('99+')
    expect(badge('completed')).toBeUndefined()
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '5' })
    expect(requests().filter((r) => r.url === '/api/badges')).toHaveLength(1)
  })

  it('asks again each time a tab page shows, and clears the cart badge when the cart is empty', async () => {
    setToken('t')
    let cartQty = 3
    routeRequests({ 'GET /api/badges': () => reply(200, { ...BADGES, cartQty }), 'GET /api/categories': () => reply(200, CATEGORIES), 'GET /api/products': () => reply(200, { items: [], total: 0 }) })
    render(<HomePage />)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '3' }))
    cartQty = 0
    act(() => fire.didShow())
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 }))
  })

  it('asks nothing before login', async () => {
    routeRequests({ 'GET /api/categories': () => reply(200, CATEGORIES), 'GET /api/products': () => reply(200, { items: [], total: 0 }) })
    render(<CategoryPage />)
    await waitFor(() => expect(requests().length).toBeGreaterThan(0))
    expect(requests().some((r) => r.url.startsWith('/api/badges'))).toBe(false)
  })
})
