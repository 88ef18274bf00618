import type { CheckoutItem, CheckoutPreviewLine, CheckoutPreviewResponse } from '@mc/shared'
import type { Id } from './catalog'
import { post } from './request'

export type { CheckoutItem } from '@mc/shared'

/** One adjustment as the pages show it: a checkout preview's (`Adjustment`) or an order's (`OrderAdjustment`) of `@mc/shared`; `amountCents` is negative (money taken off). */
export interface Adjustment {
  kind: string
  /** the line it belongs to (checkout preview), or null for order-level ones */
  lineId?: string | null
  /** the order line it belongs to (order detail) */
  orderLineId?: Id | null
  amountCents: number
  label: string
}

export type PreviewLine = CheckoutPreviewLine

/** `POST /api/checkout/preview`: the price breakdown exactly as the order would get it. */
export type CheckoutPreview = CheckoutPreviewResponse

/** `couponId`: absent → the server applies the best coupon that fits, null → none, an id → that one. */
export function previewCheckout(items: CheckoutItem[], usePoints = false, couponId?: Id | null): Promise<CheckoutPreview> {
  return post<CheckoutPreview>('/api/checkout/preview', { items, ...(usePoints ? { usePoints } : {}), ...(couponId === undefined ? {} : { couponId }) })
}

/** `12:1,13:2` ⇄ items: how checkout's items travel in a page query. */
export function encodeItems(items: CheckoutItem[]): string {
  return items.map((i) => `${i.skuId}:${i.qty}`).join(',')
}

export function decodeItems(value: string | undefined | null): CheckoutItem[] {
  if (!value) return []
  let text = value
  try {
    text = decodeURIComponent(value)
  } catch {
    return []
  }
  const out: CheckoutItem[] = []
  for (const part of text.split(',')) {
    const m = /^(\d{1,12}):(\d{1,3})$/.exec(part.trim())
    if (!m) continue
    const qty = Number(m[2])
    if (qty >= 1) out.push({ skuId: Number(m[1]), qty })
  }
  return out
}
