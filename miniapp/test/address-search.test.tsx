import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import AddressEditPage from '@/order/pages/address-edit'
import AddressListPage from '@/order/pages/address'
import HomePage from '@/pages/home'
import MePage from '@/pages/me'
import SearchPage from '@/pages/search'
import { validateAddress } from '@/services/address'
import { decodeItems, encodeItems } from '@/services/checkout'
import { updateSession } from '@/stores/session'
import { takePickedAddress } from '@/stores/ui'
import { fire, setPageStackDepth, setRouterParams } from './mocks/taro'
import { product, reply, requests, routeRequests } from './helpers'

const VALID = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' }

describe('address validation', () => {
  it('follows the server’s rules', () => {
    expect(validateAddress(VALID)).toEqual({})
    expect(validateAddress({ ...VALID, name: ' ', phone: '12345', detail: '' })).toEqual({ name: '请填写收货人', phone: '请填写 11 位手机号', detail: '请填写详细地址' })
    expect(validateAddress({ ...VALID, province: '省'.repeat(33) }).province).toBe('省份最多 32 个字')
  })
})

describe('AddressEditPage', () => {
  const fill = (c: HTMLElement, cls: string, value: string) => fireEvent.change(c.querySelector(`.${cls}`)!, { target: { value } })
  /** Scrolls each column of the region picker to a name, then 确定. */
  const pickRegion = (c: HTMLElement, ...names: string[]) => {
    names.forEach((name, column) => {
      const select = c.querySelector(`.address-region .picker-column-${column}`) as HTMLSelectElement
      const index = [...select.options].findIndex((o) => o.textContent === name)
      expect(index).toBeGreaterThanOrEqual(0)
      fireEvent.change(select, { target: { value: String(index) } })
    })
    fireEvent.click(c.querySelector('.address-region .picker-confirm')!)
  }

  it('shows field errors, then creates the address and hands it to checkout', async () => {
    routeRequests({ 'POST /api/addresses': (req) => reply(201, { id: 12, isDefault: true, ...(req.data as object) }) })
    setRouterParams({ pick: '1' })
    const { container } = render(<AddressEditPage />)
    fireEvent.click(container.querySelector('.address-save')!)
    // name, phone, the place (one row), detail
    expect(container.querySelectorAll('.field-error')).toHaveLength(4)
    expect(container.querySelector('.address-region .field-error')?.textContent).toBe('请选择所在地区')
    expect(requests()).toHaveLength(0)
    // no 导入微信地址 outside WeChat
    expect(container.querySelector('.address-import')).toBeNull()

    fill(container, 'addr-name', ' 张三 ')
    fill(container, 'addr-phone', '13800138000')
    expect(container.querySelector('.region-text')?.textContent).toBe('请选择省 / 市 / 区县')
    pickRegion(container, '浙江省', '杭州市', '西湖区')
    expect(container.querySelector('.region-text')?.textContent).toBe('浙江省 杭州市 西湖区')
    fill(container, 'addr-detail', '文三路 100 号')
    expect(container.querySelectorAll('.field-error')).toHaveLength(0)
    fireEvent.click(container.querySelector('.address-save')!)
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(requests()[0].data).toEqual({ ...VALID, isDefault: false })
    expect(takePickedAddress()).toMatchObject({ id: 12, name: '张三' })
  })

  it('edits an existing address', async () => {
    routeRequests({
      'GET /api/addresses': () => reply(200, { items: [{ id: 3, ...VALID, isDefault: true }], total: 1 }),
      'PUT /api/addresses/3': (req) => reply(200, { id: 3, ...(req.data as object) }),
    })
    setRouterParams({ id: '3' })
    setPageStackDepth(1) // opened directly: no page to go back to
    const { container } = render(<AddressEditPage />)
    await waitFor(() => expect((container.querySelector('.addr-name') as HTMLInputElement).value).toBe('张三'))
    fireEvent.change(container.querySelector('.addr-detail')!, { target: { value: '文三路 200 号' } })
    fireEvent.click(container.querySelector('.address-save')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/order/pages/address/index' }))
    expect(requests()[1]).toMatchObject({ method: 'PUT', url: '/api/addresses/3', data: { ...VALID, detail: '文三路 200 号', isDefault: true } })
  })

  it('the picker’s columns follow each other: a province’s cities, a city’s districts; municipalities as 北京市 / 北京市', async () => {
    const { container } = render(<AddressEditPage />)
    const column = (i: number) => [...(container.querySelector(`.address-region .picker-column-${i}`) as HTMLSelectElement).options].map((o) => o.textContent)
    expect(column(0)).toEqual(expect.arrayContaining(['北京市', '浙江省', '新疆维吾尔自治区']))
    expect(column(0)).not.toContain('火星')
    pickRegion(container, '浙江省', '宁波市')
    expect(column(1)).toContain('杭州市')
    expect(column(2)).toContain('海曙区')
    expect(column(2)).not.toContain('西湖区')
    pickRegion(container, '北京市', '北京市', '朝阳区')
    expect(container.querySelector('.region-text')?.textContent).toBe('北京市 北京市 朝阳区')
  })

  it('in WeChat imports an address from the address book, and flags a place not in the region list (火星 / x / y)', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    try {
      vi.mocked(Taro.chooseAddress).mockResolvedValue({ userName: '王五', telNumber: '13900139000', provinceName: '火星', cityName: 'x', countyName: 'y', detailInfo: '奥林匹斯山 1 号' } as never)
      const { container } = render(<AddressEditPage />)
      fireEvent.click(container.querySelector('.address-import')!)
      await waitFor(() => expect((container.querySelector('.addr-name') as HTMLInputElement).value).toBe('王五'))
      expect(container.querySelector('.address-region .field-error')?.textContent).toBe('没有名为「火星」的省份，请从地区列表中选择')
      fireEvent.click(container.querySelector('.address-save')!)
      expect(requests()).toHaveLength(0)

      vi.mocked(Taro.chooseAddress).mockResolvedValue({ userName: '王五', telNumber: '13900139000', provinceName: '上海市', cityName: '上海市', countyName: '徐汇区', detailInfo: '漕溪北路 1 号' } as never)
      fireEvent.click(container.querySelector('.address-import')!)
      await waitFor(() => expect(container.querySelector('.region-text')?.textContent).toBe('上海市 上海市 徐汇区'))
      expect(container.querySelector('.field-error')).toBeNull()
      expect((container.querySelector('.addr-detail') as HTMLTextAreaElement).value).toBe('漕溪北路 1 号')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('shows a place the server refuses next to the place', async () => {
    const message = '浙江省杭州市没有名为「新区」的区县，请从地区列表中选择'
    routeRequests({ 'POST /api/addresses': () => reply(400, { error: { code: 'VALIDATION_FAILED', message, details: { fields: [{ field: 'district', problems: [message] }] } } }) })
    const { container } = render(<AddressEditPage />)
    fill(container, 'addr-name', '张三')
    fill(container, 'addr-phone', '13800138000')
    pickRegion(container, '浙江省', '杭州市', '西湖区')
    fill(container, 'addr-detail', '文三路 100 号')
    fireEvent.click(container.querySelector('.address-save')!)
    await waitFor(() => expect(container.querySelector('.address-region .field-error')?.textContent).toBe(message))
  })
})

describe('AddressListPage', () => {
  it('in select mode hands the tapped address back to checkout', async () => {
    routeRequests({ 'GET /api/addresses': () => reply(200, { items: [{ id: 3, ...VALID, isDefault: true }, { id: 4, ...VALID, name: '李四', isDefault: false }], total: 2 }) })
    setRouterParams({ select: '1' })
    const { container } = render(<AddressListPage />)
    await screen.findByText('李四')
    expect(container.querySelectorAll('.address-item')).toHaveLength(2)
    fireEvent.click(screen.getByText('李四'))
    expect(takePickedAddress()).toMatchObject({ id: 4 })
    expect(Taro.navigateBack).toHaveBeenCalled()
  })
})

describe('SearchPage', () => {
  it('searches on confirm and pages the results', async () => {
    routeRequests({
      'GET /api/products': (_req, q) => {
        const page = Number(q.get('page'))
        const ids = Array.from({ length: 12 }, (_, i) => i + 1)
        return reply(200, { items: ids.slice((page - 1) * 10, page * 10).map((id) => product(id, { title: `${q.get('q')}${id}` })), total: 12 })
      },
    })
    setRouterParams({})
    const { container } = render(<SearchPage />)
    expect(screen.getByText('输入商品名称、分类或关键词，例如“茶”“坚果”')).toBeTruthy()
    expect(requests()).toHaveLength(0)
    const input = container.querySelector('.search-input')!
    fireEvent.change(input, { target: { value: ' 茶 ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(container.querySelectorAll('.product-card')).toHaveLength(10))
    expect(requests()[0].url).toBe('/api/products?q=%E8%8C%B6&page=1&pageSize=10')
    act(() => fire.reachBottom())
    await waitFor(() => expect(container.querySelectorAll('.product-card')).toHaveLength(12))
    fireEvent.click(container.querySelector('.product-card')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=1' })
  })

  it('clearing the box, by deleting the text or with ×, resets the results', async () => {
    routeRequests({ 'GET /api/products': (_req, q) => reply(200, { items: [product(1, { title: `${q.get('q')}1` })], total: 1 }) })
    setRouterParams({ q: encodeURIComponent('坚果') })
    const { container } = render(<SearchPage />)
    await waitFor(() => expect(container.querySelectorAll('.product-card')).toHaveLength(1))
    const input = container.querySelector('.search-input') as HTMLInputElement
    fireEvent.input(input, { target: { value: '' } })
    await waitFor(() => expect(container.querySelectorAll('.product-card')).toHaveLength(0))
    expect(screen.getByText('输入商品名称、分类或关键词，例如“茶”“坚果”')).toBeTruthy()
    expect(container.querySelector('.search-total')).toBeNull()

    fireEvent.input(input, { target: { value: '茶' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(screen.getByText('茶1')).toBeTruthy())
    fireEvent.click(container.querySelector('.search-clear')!)
    await waitFor(() => expect(container.querySelectorAll('.product-card')).toHaveLength(0))
    expect((container.querySelector('.search-input') as HTMLInputElement).value).toBe('')
    expect(container.querySelector('.search-clear')).toBeNull()
  })
})

describe('entry points', () => {
  it('the home page’s search bar opens search, and a product card opens its detail', async () => {
    routeRequests({ 'GET /api/categories': () => reply(200, []), 'GET /api/products': () => reply(200, { items: [product(9)], total: 1 }) })
    const { container } = render(<HomePage />)
    fireEvent.click(container.querySelector('.home-search')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' })
    await waitFor(() => expect(container.querySelector('.product-card')).not.toBeNull())
    fireEvent.click(container.querySelector('.product-card')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/product/index?id=9' })
  })

  it('我的 links to each order tab', () => {
    act(() => updateSession({ status: 'ready', user: { id: 42, nickname: '小红' } }))
    const { container } = render(<MePage />)
    fireEvent.click(container.querySelector('.order-entry-pending_payment')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/order/pages/list/index?status=PENDING_PAYMENT' })
    fireEvent.click(container.querySelector('.order-entry-after_sale')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/order/pages/list/index?status=AFTER_SALE' })
    fireEvent.click(container.querySelector('.me-orders-head')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/order/pages/list/index' })
  })

  it('checkout items travel in the page query', () => {
    expect(encodeItems([{ skuId: 71, qty: 2 }, { skuId: 9, qty: 1 }])).toBe('71:2,9:1')
    expect(decodeItems(encodeURIComponent('71:2,9:1'))).toEqual([{ skuId: 71, qty: 2 }, { skuId: 9, qty: 1 }])
    expect(decodeItems('71:0,x:1,5:3')).toEqual([{ skuId: 5, qty: 3 }])
    expect(decodeItems(undefined)).toEqual([])
  })
})
