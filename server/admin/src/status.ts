/** Order and refund statuses with their labels (the same as `@mc/shared`'s ORDER_STATUS_LABEL / REFUND_STATUS_LABEL). */

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待付款',
  PAID: '待发货',
  SHIPPED: '待收货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDED: '已退款',
};

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'gold',
  PAID: 'blue',
  SHIPPED: 'cyan',
  COMPLETED: 'green',
  CANCELLED: 'default',
  REFUNDED: 'purple',
};

export const REFUND_STATUSES = ['REQUESTED', 'APPROVED', 'REFUNDED', 'REJECTED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_STATUS_LABEL: Record<RefundStatus, string> = {
  REQUESTED: '退款审核中',
  APPROVED: '退款中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
};

export const REFUND_STATUS_COLOR: Record<RefundStatus, string> = {
  REQUESTED: 'orange',
  APPROVED: 'blue',
  REFUNDED: 'green',
  REJECTED: 'red',
};

/** A label for any status string, the raw value when unknown. */
export const labelOf = (labels: Record<string, string>, status: string): string => labels[status] ?? status;
