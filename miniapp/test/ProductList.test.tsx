import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import ProductList, { type ProductListProps } from '@/components/ProductList'
import { product } from './helpers'

const base: ProductListProps = { items: [], loading: false, error: null, hasMore: true, onRetry: () => undefined }

describe('ProductList', () => {
  it('shows loading before the first page', () => {
    const { container } = render(<ProductList {...base} loading />)
    expect(container.querySelector('.list-loading')?.textContent).toBe('加载中…')
    expect(container.querySelectorAll('.product-card')).toHaveLength(0)
  })

  it('shows the empty state', () => {
    render(<ProductList {...base} hasMore={false} />)
    expect(screen.getByText('暂无商品')).toBeTruthy()
  })

  it('shows the error state, which retries on tap', () => {
    const onRetry = vi.fn()
    const { container } = render(<ProductList {...base} error='网络异常' onRetry={onRetry} />)
    expect(container.querySelector('.list-error')?.textContent).toBe('加载失败，点击重试')
    fireEvent.click(container.querySelector('.list-error')!)
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('renders one card per product and the end of the list', () => {
    const items = [product(1), product(2, { memberPriceCents: null }), product(3)]
    const { container } = render(<ProductList {...base} items={items} hasMore={false} />)
    expect(container.querySelectorAll('.product-card')).toHaveLength(3)
    expect([...container.querySelectorAll('.product-title')].map((n) => n.textContent)).toEqual(['商品1', '商品2', '商品3'])
    expect(container.querySelectorAll('.member-price')).toHaveLength(2)
    expect(screen.getByText('— 没有更多了 —')).toBeTruthy()
  })

  it('keeps the cards while a next page loads or fails', () => {
    const onRetry = vi.fn()
    const { container, rerender } = render(<ProductList {...base} items={[product(1)]} loading />)
    expect(container.querySelector('.list-footer.list-loading')).not.toBeNull()
    rerender(<ProductList {...base} items={[product(1)]} error='x' onRetry={onRetry} />)
    expect(container.querySelectorAll('.product-card')).toHaveLength(1)
    fireEvent.click(container.querySelector('.list-footer.list-error')!)
    expect(onRetry).toHaveBeenCalled()
  })
})
