import { isRefundOpen, type OrderStatus } from '@mc/shared';
import { OrderAdjustment } from './entities/order-adjustment.entity';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import { Refund } from './entities/refund.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryView(o: Order, lines: OrderLine[]) {
  return {
    id: o.id,
    orderNo: o.orderNo,
    kind: o.kind,
    status: o.status,
    payableCents: o.payableCents,
    itemCount: lines.reduce((n, l) => n + l.qty, 0),
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.status === 'PENDING_PAYMENT' ? iso(o.expiresAt) : null,
    lines: lines.map((l) => ({ title: l.title, coverUrl: l.coverUrl, specs: l.specs, qty: l.qty, unitPriceCents: l.unitPriceCents })),
  };
}

export function refundView(r: Refund) {
  return {
    id: r.id,
    refundNo: r.refundNo,
    orderId: r.orderId,
    status: r.status,
    amountCents: r.amountCents,
    shippingCents: r.shippingCents,
    reason: r.reason,
    lines: r.lines,
    reviewNote: r.reviewNote,
    returnRequired: r.returnRequired,
    returnShipment: r.returnShippedAt ? { carrier: r.returnCarrier!, trackingNo: r.returnTrackingNo!, shippedAt: r.returnShippedAt.toISOString() } : null,
    returnReceivedAt: iso(r.returnReceivedAt),
    payoutError: r.payoutError && r.payoutFailedAt ? { message: r.payoutError, at: r.payoutFailedAt.toISOString() } : null,
    createdAt: r.createdAt.toISOString(),
    refundedAt: iso(r.refundedAt),
  };
}

/**
 * Orders whose goods go out by post: goods orders, and points-mall redemptions of goods (placed
 * with an address). The others (cards, card days) complete on payment and are not refunded here.
 */
export const shipsGoods = (o: Pick<Order, 'kind' | 'address'>) => o.kind === 'GOODS' || (o.kind === 'POINTS_REDEMPTION' && o.address !== null);

/** What the customer may do next with the order. */
export function orderActions(o: Order, lines: OrderLine[], refunds: Refund[], refundWindowOpen: boolean): ('pay' | 'cancel' | 'confirm' | 'refund')[] {
  const openRefund = refunds.some((r) => isRefundOpen(r.status));
  const somethingLeft = lines.some((l) => l.refundedQty < l.qty);
  const canRefund = shipsGoods(o) && !openRefund && somethingLeft && refundableStatuses(o.status, refundWindowOpen);
  return [
    ...(o.status === 'PENDING_PAYMENT' ? (['pay', 'cancel'] as const) : []),
    ...(o.status === 'SHIPPED' ? (['confirm'] as const) : []),
    ...(canRefund ? (['refund'] as const) : []),
  ];
}

export function refundableStatuses(status: OrderStatus, refundWindowOpen: boolean): boolean {
  return status === 'PAID' || status === 'SHIPPED' || (status === 'COMPLETED' && refundWindowOpen);
}

export function detailView(
  o: Order,
  lines: OrderLine[],
  adjustments: OrderAdjustment[],
  history: OrderStatusHistory[],
  payment: PaymentSummary | null,
  refunds: Refund[],
  refundWindowOpen: boolean,
) {
  return {
    ...summaryView(o, lines),
    goodsCents: o.goodsCents,
    discountCents: o.discountCents,
    shippingCents: o.shippingCents,
    shippingPaidCents: o.shippingPaidCents,
    pointsUsed: o.pointsUsed,
    pointsValueCents: o.pointsValueCents,
    pointsToEarn: o.pointsToEarn,
    refundedCents: o.refundedCents,
    note: o.note,
    address: o.address,
    paidAt: iso(o.paidAt),
    completedAt: iso(o.completedAt),
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      productId: l.productId,
      title: l.title,
      coverUrl: l.coverUrl,
      specs: l.specs,
      qty: l.qty,
      listPriceCents: l.listPriceCents,
      unitPriceCents: l.unitPriceCents,
      priceSource: l.priceSource,
      cashPaidCents: l.cashPaidCents,
      refundedQty: l.refundedQty,
      refundedCents: l.refundedCents,
    })),
    adjustments: adjustments.map((a) => ({ kind: a.kind, orderLineId: a.orderLineId, amountCents: a.amountCents, label: a.label })),
    history: history.map((h) => ({ from: h.fromStatus, to: h.toStatus, actor: h.actor, reason: h.reason, at: h.at.toISOString() })),
    payment: payment ? { status: payment.status, paidAt: iso(payment.paidAt) } : null,
    shipment: o.shippedAt ? { carrier: o.carrier, trackingNo: o.trackingNo, shippedAt: o.shippedAt.toISOString() } : null,
    refunds: refunds.map(refundView),
    actions: orderActions(o, lines, refunds, refundWindowOpen),
  };
}

/** An order's payment as its detail shows it (the payment module supplies it). */
export interface PaymentSummary {
  status: string;
  paidAt: Date | null;
}
