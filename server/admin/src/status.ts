import type { DistributorStatus, OrderStatus, RefundStatus, WithdrawalStatus } from '@mc/shared';

/** The admin's tag colours for order and refund statuses; the labels are `@mc/shared`'s ORDER_STATUS_LABEL / REFUND_STATUS_LABEL. */

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'gold',
  PAID: 'blue',
  SHIPPED: 'cyan',
  COMPLETED: 'green',
  CANCELLED: 'default',
  REFUNDED: 'purple',
};

export const REFUND_STATUS_COLOR: Record<RefundStatus, string> = {
  REQUESTED: 'orange',
  AWAITING_RETURN: 'gold',
  RETURN_SHIPPED: 'orange',
  APPROVED: 'blue',
  REFUNDED: 'green',
  REJECTED: 'red',
};

export const DISTRIBUTOR_STATUS_COLOR: Record<DistributorStatus, string> = {
  NONE: 'default',
  PENDING: 'orange',
  APPROVED: 'green',
  REJECTED: 'red',
  DISABLED: 'default',
};

export const WITHDRAWAL_STATUS_COLOR: Record<WithdrawalStatus, string> = {
  PENDING: 'orange',
  APPROVED: 'blue',
  PAID: 'green',
  REJECTED: 'red',
  FAILED: 'volcano',
};

/** A label for any status string, the raw value when unknown. */
export const labelOf = (labels: Readonly<Record<string, string>>, status: string): string => labels[status] ?? status;
