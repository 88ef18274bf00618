/** Order and refund state tables (architecture.md "Orders"). The server applies a transition as compare-and-set. */

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The tables are shared by every caller in the process: frozen, so nobody edits them by accident.
function freezeTable<K extends string>(table: Record<K, K[]>): Readonly<Record<K, readonly K[]>> {
  for (const next of Object.values<K[]>(table)) Object.freeze(next);
  return Object.freeze(table);
}

export const ORDER_KINDS = ['GOODS', 'MEMBER_CARD', 'POINTS_REDEMPTION'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/**
 * `PAID → COMPLETED` directly is for member cards and virtual goods, which complete on payment.
 * `COMPLETED → REFUNDED` is not here: after-sale refunds of completed orders are refund entities,
 * and a partial refund never moves the order.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = freezeTable<OrderStatus>({
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'COMPLETED', 'REFUNDED'],
  SHIPPED: ['COMPLETED', 'REFUNDED'],
  COMPLETED: [],
  CANCELLED: [],
  REFUNDED: [],
});

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isOrderKind(value: unknown): value is OrderKind {
  return typeof value === 'string' && (ORDER_KINDS as readonly string[]).includes(value);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return isOrderStatus(from) && ORDER_TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return isOrderStatus(from) ? ORDER_TRANSITIONS[from] : [];
}

/** No transition leaves it. COMPLETED counts: it only changes through refund entities. */
export function isTerminal(status: OrderStatus): boolean {
  return nextStatuses(status).length === 0;
}

export const ORDER_STATUS_LABEL: Readonly<Record<OrderStatus, string>> = {
  PENDING_PAYMENT: '待付款',
  PAID: '待发货',
  SHIPPED: '待收货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDED: '已退款',
};

export const ORDER_KIND_LABEL: Readonly<Record<OrderKind, string>> = {
  GOODS: '商品订单',
  MEMBER_CARD: '会员卡',
  POINTS_REDEMPTION: '积分兑换',
};

export const REFUND_STATUSES = ['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED', 'REFUNDED', 'REJECTED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A merchant approves or rejects a request. Goods already shipped come back first: approval then
 * means AWAITING_RETURN, the customer sends the parcel (RETURN_SHIPPED with carrier and tracking
 * number), and staff confirming receipt make it APPROVED. An approved refund becomes REFUNDED when
 * the money is back. Staff may still reject while the goods have not come back.
 */
export const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = freezeTable<RefundStatus>({
  REQUESTED: ['APPROVED', 'AWAITING_RETURN', 'REJECTED'],
  AWAITING_RETURN: ['RETURN_SHIPPED', 'REJECTED'],
  RETURN_SHIPPED: ['APPROVED', 'REJECTED'],
  APPROVED: ['REFUNDED'],
  REFUNDED: [],
  REJECTED: [],
});

export function isRefundStatus(value: unknown): value is RefundStatus {
  return typeof value === 'string' && (REFUND_STATUSES as readonly string[]).includes(value);
}

export function canRefundTransition(from: RefundStatus, to: RefundStatus): boolean {
  return isRefundStatus(from) && REFUND_TRANSITIONS[from].includes(to);
}

export function nextRefundStatuses(from: RefundStatus): readonly RefundStatus[] {
  return isRefundStatus(from) ? REFUND_TRANSITIONS[from] : [];
}

export function isRefundTerminal(status: RefundStatus): boolean {
  return nextRefundStatuses(status).length === 0;
}

export const REFUND_STATUS_LABEL: Readonly<Record<RefundStatus, string>> = {
  REQUESTED: '退款审核中',
  AWAITING_RETURN: '待寄回商品',
  RETURN_SHIPPED: '退货待签收',
  APPROVED: '退款中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
};

/** Refunds still being handled: while one is open the order takes no other refund request. */
export const OPEN_REFUND_STATUSES: readonly RefundStatus[] = Object.freeze(['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED']);

export function isRefundOpen(status: RefundStatus): boolean {
  return OPEN_REFUND_STATUSES.includes(status);
}
