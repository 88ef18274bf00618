import { fireEvent, render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import ProductCard from '@/components/ProductCard'
import { product } from './helpers'

const q = (root: HTMLElement, sel: string) => root.querySelector(sel)

describe('ProductCard', () => {
  it('shows cover, title, price and the lower member price', () => {
    const { container } = render(<ProductCard product={product(1, { title: '乌龙茶', priceCents: 1990, memberPriceCents: 1790 })} />)
    expect(q(container, '.product-title')?.textContent).toBe('乌龙茶')
    expect(q(container, '.product-price')?.textContent).toBe('¥19.90')
    expect(q(container, '.member-price')?.textContent).toBe('会员价 ¥17.90')
    const img = q(container, 'img.product-cover') as HTMLImageElement
    expect(img.getAttribute('src')).toBe('/api/media/placeholder/p1.svg')
    expect(img.dataset.lazyLoad).toBe('true')
  })

  it.each([
    ['no member price', null],
    ['the same member price', 1990],
    ['a higher member price', 2100],
  ])('hides the member price when there is %s', (_label, memberPriceCents) => {
    const { container } = render(<ProductCard product={product(2, { priceCents: 1990, memberPriceCents })} />)
    expect(q(container, '.product-price')?.textContent).toBe('¥19.90')
    expect(q(container, '.member-price')).toBeNull()
  })

  it('a member sees the price they pay as the main price, what gave it, and the list price struck through', () => {
    const { container } = render(
      <ProductCard product={product(3, { priceCents: 9900, memberPriceCents: 8900, unitPriceCents: 8415, unitListPriceCents: 9900, priceSource: 'MEMBER_DAY_PRICE', priceLabel: '会员日价', memberUnitPriceCents: 8415 })} />,
    )
    expect(q(container, '.product-price')?.textContent).toBe('¥84.15')
    expect(q(container, '.price-label')?.textContent).toBe('会员日价')
    expect(q(container, '.product-list-price')?.textContent).toBe('¥99.00')
    expect(q(container, '.member-price')).toBeNull()
  })

  it('a non-member sees the member price a card gives today as a tag', () => {
    const { container } = render(<ProductCard product={product(4, { priceCents: 9900, memberPriceCents: 8900, memberUnitPriceCents: 8415 })} />)
    expect(q(container, '.product-price')?.textContent).toBe('¥99.00')
    expect(q(container, '.product-list-price')).toBeNull()
    expect(q(container, '.member-price')?.textContent).toBe('会员价 ¥84.15')
  })

  it.each([
    [{ name: '会员日', onNow: false, open: false, date: '2027-03-07' }, '会员日专享 · 3月7日开抢', true],
    [{ name: '会员日', onNow: true, open: false, date: '2027-03-07' }, '会员日专享 · 开通会员后购买', true],
    [{ name: '会员日', onNow: true, open: true, date: '2027-03-07' }, '会员日专享 · 今日开抢', false],
  ])('marks a member-day-only product: %o', (memberDayOnly, label, closed) => {
    const { container } = render(<ProductCard product={product(6, { memberDayOnly })} />)
    expect(q(container, '.member-day-only')?.textContent).toBe(label)
    expect(q(container, '.product-card')?.className.includes('closed')).toBe(closed)
  })

  it('a product without a cover gets a grey box, not a lazy Image (Taro H5 would observe an element it never rendered)', () => {
    const { container } = render(<ProductCard product={product(7, { coverUrl: '' })} />)
    expect(q(container, 'img')).toBeNull()
    expect(q(container, '.product-cover.image-missing')).not.toBeNull()
  })

  it('reports a tap with its product', () => {
    const onClick = vi.fn()
    const p = product(5)
    const { container } = render(<ProductCard product={p} onClick={onClick} />)
    fireEvent.click(q(container, '.product-card')!)
    expect(onClick).toHaveBeenCalledWith(p)
  })
})
