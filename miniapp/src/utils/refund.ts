import { shareOfUnits, type Cents } from '@mc/shared'
import type { OrderDetail } from '@/services/order'

export interface RefundPick {
  orderLineId: OrderDetail['lines'][number]['id']
  qty: number
}

export interface RefundEstimate {
  amountCents: Cents
  /** the order's shipping, returned when everything left is refunded before shipment */
  shippingCents: Cents
}

/**
 * What a refund request for `picks` comes to, by the server's rule (refund.service `request`):
 * each line's cash paid spread over its units by cumulative floors (`shareOfUnits`, the units
 * already refunded come first), plus the shipping paid when the picks take everything left of an
 * order not shipped yet.
 */
export function refundEstimate(order: Pick<OrderDetail, 'lines' | 'shippingPaidCents' | 'shipment'>, picks: RefundPick[]): RefundEstimate {
  let goods = 0
  for (const pick of picks) {
    const line = order.lines.find((l) => String(l.id) === String(pick.orderLineId))
    if (!line || pick.qty <= 0) continue
    const qty = Math.min(pick.qty, line.qty - line.refundedQty)
    goods += shareOfUnits(line.cashPaidCents, line.qty, line.refundedQty, qty)
  }
  const everything = order.lines.every((l) => l.qty - l.refundedQty === (picks.find((p) => String(p.orderLineId) === String(l.id))?.qty ?? 0))
  const shippingCents = everything && order.shipment === null ? order.shippingPaidCents : 0
  return { amountCents: goods + shippingCents, shippingCents }
}
