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

  it('shows a member-day price only when it beats the member price', () => {
    const lower = render(<ProductCard product={product(3, { priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: 1590 })} />)
    expect(q(lower.container, '.member-day-price')?.textContent).toBe('会员日 ¥15.90')
    lower.unmount()
    const higher = render(<ProductCard product={product(4, { priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: 1800 })} />)
    expect(q(higher.container, '.member-day-price')).toBeNull()
  })

  it('reports a tap with its product', () => {
    const onClick = vi.fn()
    const p = product(5)
    const { container } = render(<ProductCard product={p} onClick={onClick} />)
    fireEvent.click(q(container, '.product-card')!)
    expect(onClick).toHaveBeenCalledWith(p)
  })
})
