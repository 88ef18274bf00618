import type { Id } from './catalog'
import type { CartLine, CartView } from '@mc/shared'
import { ApiError, del, get, put } from './request'

/** Most of one item a cart line (and an order line) may hold. */
export const MAX_QTY_PER_LINE = 99

export type { CartLine } from '@mc/shared'

/** `GET /api/cart`: the lines and the server's price breakdown of the selected, available ones. */
export type Cart = CartView

export function getCart(): Promise<Cart> {
  return get<Cart>('/api/cart')
}

/** Sets a line's quantity (0 removes it) and optionally its selection; answers the whole cart. */
export function putCartItem(skuId: Id, qty: number, selected?: boolean): Promise<Cart> {
  return put<Cart>('/api/cart/items', selected === undefined ? { skuId, qty } : { skuId, qty, selected })
}

export function removeCartItem(skuId: Id): Promise<Cart> {
  return del<Cart>(`/api/cart/items/${encodeURIComponent(String(skuId))}`)
}

/** Adds `qty` to what the cart already holds of the SKU (the server takes the line's new total). */
export async function addToCart(skuId: Id, qty: number): Promise<Cart> {
  const cart = await getCart()
  const existing = cart.items.find((l) => String(l.skuId) === String(skuId))?.qty ?? 0
  const total = existing + qty
  if (total > MAX_QTY_PER_LINE) {
    throw new ApiError(409, 'LIMIT_EXCEEDED', `购物车中已有 ${existing} 件，每件商品最多购买 ${MAX_QTY_PER_LINE} 件`)
  }
  return putCartItem(skuId, total, true)
}

/** The line's state for display: '' when it can be bought. */
export function lineProblem(line: CartLine): '' | '库存不足' | '已失效' {
  if (line.available) return ''
  return line.stock < line.qty ? '库存不足' : '已失效'
}
