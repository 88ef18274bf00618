import { MALL_ITEM_KIND_LABEL, pointsShort, type MallItemsResponse, type MallItemView, type Paged, type RedeemRequest, type RedeemResponse, type RedemptionView } from '@mc/shared'
import type { Id } from './catalog'
import { get, post } from './request'
import { priceText } from '@/utils/money'

export type { MallItemView, RedemptionView } from '@mc/shared'
export { MALL_ITEM_KIND_LABEL }

/** On-shelf items with what this customer may still redeem, and their balance. */
export const listMallItems = () => get<MallItemsResponse>('/api/points-mall/items')

export const getMallItem = (id: Id) => get<MallItemView & { balance: number }>(`/api/points-mall/items/${encodeURIComponent(String(id))}`)

/** Redeems; the same key always answers the same redemption (a double tap makes one). */
export const redeemItem = (body: RedeemRequest, idempotencyKey: string) =>
  post<RedeemResponse>('/api/points-mall/redeem', body, { header: { 'Idempotency-Key': idempotencyKey } })

/** The customer's redemptions, newest first. */
export const listRedemptions = (page: number, pageSize: number) => get<Paged<RedemptionView>>('/api/points-mall/redemptions', { page, pageSize })

/** `1500 积分` or `3000 积分 + ¥39.90` for `qty` units. */
export function mallPriceText(item: { pointsCost: number; cashCents: number }, qty = 1): string {
  const points = `${item.pointsCost * qty} 积分`
  return item.cashCents > 0 ? `${points} + ${priceText(item.cashCents * qty)}` : points
}

/** What stops a redemption of `qty` units, for the button: null when it can go ahead. */
export function redeemBlocker(item: MallItemView, balance: number, qty = 1): string | null {
  if (item.stock <= 0) return '已兑完'
  if (item.redeemable < qty) return item.redeemable === 0 && item.perCustomerLimit > 0 ? `每人限兑 ${item.perCustomerLimit} 件，已兑满` : '库存不足'
  const short = pointsShort(balance, item, qty)
  return short > 0 ? `还差 ${short} 积分` : null
}
