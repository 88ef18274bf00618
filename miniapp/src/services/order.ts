import type {
  OrderDetail,
  OrderListItem,
  OrderListQuery as SharedOrderListQuery,
  Paged,
  PayResponse,
  PlaceOrderRequest,
  PlaceOrderResponse,
  Refund,
  RefundRequest,
  ReturnShipmentRequest,
} from '@mc/shared'
import type { Id } from './catalog'
import { get, post } from './request'

export type {
  OrderAction,
  OrderAddress,
  OrderDetail,
  OrderHistoryEntry,
  OrderLine,
  OrderListItem,
  OrderSummary,
  OrderSummaryLine,
  PayResponse,
  PlaceOrderRequest,
  Refund,
  RefundLine,
  RefundRequest,
} from '@mc/shared'

/** `POST /api/orders` → the new order. */
export type PlacedOrder = PlaceOrderResponse

/** A key for `Idempotency-Key` (server: 1–100 of A-Z a-z 0-9 _ - : .). */
export function newIdempotencyKey(prefix = 'order'): string {
  let rand = ''
  while (rand.length < 16) rand += Math.random().toString(36).slice(2)
  return `${prefix}-${Date.now().toString(36)}-${rand.slice(0, 16)}`
}

/** Places an order; the same key always answers the same order (a double tap creates one). */
export function placeOrder(body: PlaceOrderRequest, idempotencyKey: string): Promise<PlaceOrderResponse> {
  return post<PlaceOrderResponse>('/api/orders', body, { header: { 'Idempotency-Key': idempotencyKey } })
}

export type OrderListQuery = Pick<SharedOrderListQuery, 'status' | 'afterSale'> & { page: number; pageSize: number }

export function listOrders(q: OrderListQuery): Promise<Paged<OrderListItem>> {
  return get<Paged<OrderListItem>>('/api/orders', { status: q.status, afterSale: q.afterSale, page: q.page, pageSize: q.pageSize })
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

export function requestRefund(id: Id, body: RefundRequest): Promise<Refund> {
  return post<Refund>(`/api/orders/${id}/refunds`, body)
}

export function prepay(id: Id): Promise<PayResponse> {
  return post<PayResponse>(`/api/orders/${id}/pay`)
}

/** The parcel sent back for a refund that needs the goods returned (AWAITING_RETURN → RETURN_SHIPPED). */
export function sendReturn(orderId: Id, refundId: Id, body: ReturnShipmentRequest): Promise<Refund> {
  return post<Refund>(`/api/orders/${orderId}/refunds/${refundId}/return`, body)
}
