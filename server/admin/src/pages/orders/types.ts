/** Order shapes of docs/shopping-contract.md (staff views add customerId). */
export type Id = number | string;

export interface OrderSummaryLine {
  title: string;
  coverUrl: string;
  specs: Record<string, string>;
  qty: number;
  unitPriceCents: number;
}

export interface AdminOrderSummary {
  id: Id;
  orderNo: string;
  kind: string;
  status: string;
  payableCents: number;
  itemCount: number;
  createdAt: string;
  expiresAt: string | null;
  lines: OrderSummaryLine[];
  customerId: Id;
}

export interface Refund {
  id: Id;
  refundNo: string;
  orderId: Id;
  status: string;
  amountCents: number;
  reason: string;
  lines: { orderLineId: Id; qty: number; amountCents: number }[];
  reviewNote: string | null;
  createdAt: string;
  refundedAt: string | null;
}

export interface AdminOrderDetail extends Omit<AdminOrderSummary, 'lines'> {
  goodsCents: number;
  discountCents: number;
  shippingCents: number;
  pointsUsed: number;
  pointsValueCents: number;
  refundedCents: number;
  note: string;
  address: { name: string; phone: string; province: string; city: string; district: string; detail: string } | null;
  adjustments: { kind: string; lineId: Id | null; amountCents: number; label: string }[];
  lines: {
    id: Id;
    skuId: Id;
    productId: Id;
    title: string;
    coverUrl: string;
    specs: Record<string, string>;
    qty: number;
    listPriceCents: number;
    unitPriceCents: number;
    cashPaidCents: number;
    refundedQty: number;
  }[];
  history: { from: string | null; to: string; actor: string; reason: string | null; at: string }[];
  payment: { status: string; paidAt: string | null } | null;
  shipment: { carrier: string; trackingNo: string; shippedAt: string } | null;
  refunds: Refund[];
}

export const ORDER_KIND_LABEL: Record<string, string> = {
  GOODS: '商品订单',
  MEMBER_CARD: '会员卡',
  POINTS_REDEMPTION: '积分兑换',
};

/** '苹果 ×2，香蕉 ×1'. */
export const linesSummary = (lines: { title: string; qty: number }[]): string => lines.map((l) => `${l.title} ×${l.qty}`).join('，');
