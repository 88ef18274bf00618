import Taro from '@tarojs/taro'
import { ORDER_STATUS_LABEL, type OrderStatus } from '@mc/shared'
import type { OrderHistoryEntry } from '@/services/order'

export type OrderTabKey = 'ALL' | OrderStatus | 'AFTER_SALE'

export interface OrderTab {
  key: OrderTabKey
  label: string
  /** the `?status=` the list asks for (none: all orders) */
  status?: OrderStatus
  /** `?afterSale=true`: orders with any refund, whatever their status */
  afterSale?: true
}

/**
 * The order list's tabs. 售后 lists every order with a refund (`?afterSale=true`): a partial refund
 * never moves the order out of PAID/SHIPPED/COMPLETED, and a request under review changes nothing
 * either, so asking for status REFUNDED would show only orders refunded in full.
 */
export const ORDER_TABS: OrderTab[] = [
  { key: 'ALL', label: '全部' },
  { key: 'PENDING_PAYMENT', label: ORDER_STATUS_LABEL.PENDING_PAYMENT, status: 'PENDING_PAYMENT' },
  { key: 'PAID', label: ORDER_STATUS_LABEL.PAID, status: 'PAID' },
  { key: 'SHIPPED', label: ORDER_STATUS_LABEL.SHIPPED, status: 'SHIPPED' },
  { key: 'COMPLETED', label: ORDER_STATUS_LABEL.COMPLETED, status: 'COMPLETED' },
  { key: 'AFTER_SALE', label: '售后', afterSale: true },
]

export function tabFromQuery(status: string | undefined): OrderTabKey {
  if (status === 'REFUNDED') return 'AFTER_SALE' // old links: refunded orders are after-sale ones
  return ORDER_TABS.find((t) => t.key === status || (status && t.status === status && t.key !== 'ALL'))?.key ?? 'ALL'
}

/**
 * Whether the order was ever paid: a cancelled order was cancelled before payment (only
 * PENDING_PAYMENT → CANCELLED exists), so its amount is what was due (应付), not what was paid (实付).
 */
export function wasPaid(status: OrderStatus): boolean {
  return status !== 'PENDING_PAYMENT' && status !== 'CANCELLED'
}

/** What a status change means to the customer, for the detail page's timeline. */
export function historyText(h: OrderHistoryEntry): string {
  if (!h.from) return '订单已提交'
  switch (h.to) {
    case 'PAID':
      return '支付成功'
    case 'SHIPPED':
      return '商家已发货'
    case 'COMPLETED':
      return '已确认收货，交易完成'
    case 'CANCELLED':
      return '订单已取消'
    case 'REFUNDED':
      return '已全部退款'
    default:
      return ORDER_STATUS_LABEL[h.to] ?? h.to
  }
}

/** `customer:5` → 我 · `staff:1` → 商家 · `system` → 系统 */
export function actorText(actor: string): string {
  if (actor.startsWith('customer')) return '我'
  if (actor.startsWith('staff') || actor.startsWith('admin')) return '商家'
  if (actor.startsWith('wechat') || actor.startsWith('payment')) return '微信支付'
  return '系统'
}

/** Back to the previous page, or to `fallback` when this page was opened directly (H5 link, share). */
export function goBackOr(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: fallback })
}
