import type { OrderKind, OrderStatus, RefundStatus } from '@mc/shared'
import type { Id, Paged } from './catalog'
import type { Adjustment, CheckoutItem } from './checkout'
import { get, post } from './request'

export type OrderAction = 'pay' | 'cancel' | 'confirm' | 'refund'

export interface OrderSummaryLine {
  title: string
  coverUrl: string
  specs: Record<string, string>
  qty: number
  unitPriceCents: number
}

export interface OrderSummary {
  id: Id
  orderNo: string
  kind: OrderKind
  status: OrderStatus
  payableCents: number
  itemCount: number
  createdAt: string
  expiresAt: string | null
  lines: OrderSummaryLine[]
}

export interface OrderLine extends OrderSummaryLine {
  id: Id
  skuId: Id
  productId: Id
  listPriceCents: number
  cashPaidCents: number
  refundedQty: number
}

export interface RefundLine {
  orderLineId: Id
  qty: number
  amountCents: number
}

export interface Refund {
  id: Id
  refundNo: string
  orderId: Id
  status: RefundStatus
  amountCents: number
  reason: string
  lines: RefundLine[] | null
  reviewNote: string | null
  createdAt: string
  refundedAt: string | null
}

export interface OrderHistoryEntry {
  from: OrderStatus | null
  to: OrderStatus
  actor: string
  reason: string | null
  at: string
}

export interface OrderAddress {
  name: string
  phone: string
  province: string
  city: string
  district: string
  detail: string
}

/** `GET /api/orders/:id` */
export interface OrderDetail extends Omit<OrderSummary, 'lines'> {
  goodsCents: number
  discountCents: number
  shippingCents: number
  pointsUsed: number
  pointsValueCents: number
  refundedCents: number
  note: string | null
  address: OrderAddress | null
  adjustments: Adjustment[]
  lines: OrderLine[]
  history: OrderHistoryEntry[]
  payment: { status: string; paidAt: string | null } | null
  shipment: { carrier: string; trackingNo: string; shippedAt: string } | null
  refunds: Refund[]
  actions: OrderAction[]
}

export interface PlaceOrderRequest {
  items: CheckoutItem[]
  addressId: Id
  note?: string
  usePoints?: boolean
  fromCart?: boolean
}

/** `POST /api/orders` → the new order. */
export interface PlacedOrder {
  id: Id
  orderNo: string
  status: OrderStatus
  payableCents: number
  expiresAt: string | null
}

/** A key for `Idempotency-Key` (server: 1–100 of A-Z a-z 0-9 _ - : .). */
export function newIdempotencyKey(prefix = 'order'): string {
  let rand = ''
  while (rand.length < 16) rand += Math.random().toString(36).slice(2)
  return `${prefix}-${Date.now().toString(36)}-${rand.slice(0, 16)}`
}

/** Places an order; the same key always answers the same order (a double tap creates one). */
export function placeOrder(body: PlaceOrderRequest, idempotencyKey: string): Promise<PlacedOrder> {
  return post<PlacedOrder>('/api/orders', body, { header: { 'Idempotency-Key': idempotencyKey } })
}

export interface OrderListQuery {
  status?: OrderStatus
  page: number
  pageSize: number
}

export function listOrders(q: OrderListQuery): Promise<Paged<OrderSummary>> {
  return get<Paged<OrderSummary>>('/api/orders', { status: q.status, page: q.page, pageSize: q.pageSize })
}

export function getOrder(id: Id): Promise<OrderDetail> {
  return get<OrderDetail>(`/api/orders/${encodeURIComponent(String(id))}`)
}

export function cancelOrder(id: Id): Promise<OrderDetail> {
  return post<OrderDetail>(`/api/orders/${id}/cancel`)
}

export function confirmOrder(id: Id): Promise<OrderDetail> {
  return post<OrderDetail>(`/api/orders/${id}/confirm`)
}

export interface RefundRequest {
  reason: string
  /** omitted: the whole order (everything not refunded yet) */
  lines?: { orderLineId: Id; qty: number }[]
}

export function requestRefund(id: Id, body: RefundRequest): Promise<Refund> {
  return post<Refund>(`/api/orders/${id}/refunds`, body)
}

/** `POST /api/orders/:id/pay` */
export type PayResponse =
  | { paid: true }
  | {
      paid: false
      params: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
      simulatorPayUrl?: string
    }

export function prepay(id: Id): Promise<PayResponse> {
  return post<PayResponse>(`/api/orders/${id}/pay`)
}
