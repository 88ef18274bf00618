import type { Cents } from '../money';
import type { OrderKind, OrderStatus, RefundStatus } from '../order-state';
import type { AdjustmentKind } from '../pricing/types';
import type { AddressFields } from './address';
import type { SkuSpecs } from './catalog';
import type { CheckoutItem } from './checkout';
import type { Id, IsoDateTime, PageQuery } from './common';

/** POST /api/orders (accepts an Idempotency-Key header). */
export interface PlaceOrderRequest {
  items: CheckoutItem[];
  addressId: Id;
  usePoints?: boolean;
  /** As in the preview: absent = the best usable coupon, null = none, an id = that one. */
  couponId?: Id | null;
  note?: string;
  /** Remove the ordered SKUs from the cart. */
  fromCart?: boolean;
}

/** What POST /api/orders (and POST /api/membership/orders) answer. */
export interface PlaceOrderResponse {
  id: Id;
  orderNo: string;
  kind: OrderKind;
  status: Extract<OrderStatus, 'PENDING_PAYMENT'>;
  payableCents: Cents;
  expiresAt: IsoDateTime;
}

/** The five parameters of wx.requestPayment. */
export interface WxRequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** POST /api/orders/:id/pay: a 0-fen order is paid at once. */
export type PayResponse =
  | { paid: true }
  | {
      paid: false;
      params: WxRequestPaymentParams;
      /** Only when the server runs the WeChat simulator: its pay page for this prepay. */
      simulatorPayUrl?: string;
    };

/** GET /api/orders */
export interface OrderListQuery extends PageQuery {
  status?: OrderStatus;
  /** 'true': only orders with a refund. */
  afterSale?: 'true' | 'false';
}

/** GET /api/admin/orders */
export interface AdminOrderListQuery extends OrderListQuery {
  /** ISO dates on createdAt. */
  from?: string;
  to?: string;
  /** An order number. */
  q?: string;
}

export interface OrderSummaryLine {
  title: string;
  coverUrl: string;
  specs: SkuSpecs;
  qty: number;
  unitPriceCents: Cents;
}

export interface OrderSummary {
  id: Id;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  payableCents: Cents;
  itemCount: number;
  createdAt: IsoDateTime;
  /** Set while the order waits for payment. */
  expiresAt: IsoDateTime | null;
  lines: OrderSummaryLine[];
}

/** An item of GET /api/orders and GET /api/admin/orders (both carry the customer's id). */
export interface OrderListItem extends OrderSummary {
  customerId: Id;
}

export interface OrderLine extends OrderSummaryLine {
  id: Id;
  skuId: Id;
  productId: Id;
  listPriceCents: Cents;
  priceSource: string;
  cashPaidCents: Cents;
  refundedQty: number;
  refundedCents: Cents;
}

export interface OrderAdjustment {
  kind: AdjustmentKind;
  /** The order line it belongs to; null for order-level ones (coupon, points, shipping). */
  orderLineId: Id | null;
  /** Negative: money taken off. */
  amountCents: Cents;
  label: string;
}

export interface OrderHistoryEntry {
  from: OrderStatus | null;
  to: OrderStatus;
  actor: string;
  reason: string | null;
  at: IsoDateTime;
}

/** The address snapshot an order keeps. */
export type OrderAddress = AddressFields;

export type PaymentStatus = 'CREATED' | 'SUCCESS' | 'CLOSED';

export type OrderAction = 'pay' | 'cancel' | 'confirm' | 'refund';

export interface RefundLine {
  orderLineId: Id;
  qty: number;
  amountCents: Cents;
}

/** A refund (POST /api/orders/:id/refunds, the `refunds` of an order, staff approve/reject). */
export interface Refund {
  id: Id;
  refundNo: string;
  orderId: Id;
  status: RefundStatus;
  /** Shipping included. */
  amountCents: Cents;
  /** Shipping refunded with it (whole unshipped orders only). */
  shippingCents: Cents;
  reason: string;
  lines: RefundLine[];
  reviewNote: string | null;
  /** Goods already shipped come back first: set once staff approve such a refund. */
  returnRequired: boolean;
  /** The customer's parcel back to the store (RETURN_SHIPPED and later). */
  returnShipment: { carrier: string; trackingNo: string; shippedAt: IsoDateTime } | null;
  /** When staff confirmed the returned goods arrived. */
  returnReceivedAt: IsoDateTime | null;
  /** The last failed attempt to send the money through WeChat Pay (cleared once it goes through). */
  payoutError: { message: string; at: IsoDateTime } | null;
  createdAt: IsoDateTime;
  refundedAt: IsoDateTime | null;
}

/** POST /api/orders/:id/refunds/:refundId/return */
export interface ReturnShipmentRequest {
  carrier: string;
  trackingNo: string;
}

/** GET /api/orders/:id (and POST …/cancel, …/confirm); GET /api/admin/orders/:id. */
export interface OrderDetail extends Omit<OrderSummary, 'lines'> {
  customerId: Id;
  goodsCents: Cents;
  discountCents: Cents;
  shippingCents: Cents;
  shippingPaidCents: Cents;
  pointsUsed: number;
  pointsValueCents: Cents;
  pointsToEarn: number;
  refundedCents: Cents;
  /** '' when none. */
  note: string;
  address: OrderAddress | null;
  paidAt: IsoDateTime | null;
  completedAt: IsoDateTime | null;
  lines: OrderLine[];
  adjustments: OrderAdjustment[];
  history: OrderHistoryEntry[];
  payment: { status: PaymentStatus; paidAt: IsoDateTime | null } | null;
  shipment: { carrier: string; trackingNo: string; shippedAt: IsoDateTime } | null;
  refunds: Refund[];
  actions: OrderAction[];
}

/** POST /api/orders/:id/refunds */
export interface RefundRequest {
  reason: string;
  /** Absent: the whole order (everything not refunded yet). */
  lines?: { orderLineId: Id; qty: number }[];
}

/** POST /api/admin/orders/:id/ship */
export interface ShipOrderRequest {
  carrier: string;
  trackingNo: string;
}

/** The customer as staff see them beside an order: never the whole phone number. */
export interface OrderCustomer {
  id: Id;
  nickname: string;
  /** The last 4 digits of the bound phone, null when none is bound. */
  phoneTail: string | null;
  /** Holds a paid card now. */
  member: boolean;
}

/** An item of GET /api/admin/orders. */
export interface AdminOrderListItem extends OrderListItem {
  customer: OrderCustomer;
  /** The refund being handled on this order, if any (staff are warned before shipping it). */
  openRefund: { id: Id; status: RefundStatus } | null;
}

/** GET /api/admin/orders/:id (and POST …/ship). */
export interface AdminOrderDetail extends OrderDetail {
  customer: OrderCustomer;
}

/** GET /api/badges: the counts on the 我的 page's order icons and the cart tab. */
export interface CustomerBadges {
  pendingPayment: number;
  /** Paid, waiting to be shipped (待发货). */
  toShip: number;
  /** Shipped (待收货). */
  toReceive: number;
  /** Orders with a refund still being handled (售后). */
  afterSale: number;
  /** Units in the cart. */
  cartQty: number;
}

/** GET /api/admin/badges: the counts in the admin menu. */
export interface AdminBadges {
  /** Paid goods orders waiting to be shipped. */
  ordersToShip: number;
  /** Refunds waiting for staff: requests to review, returned goods to receive, payouts WeChat refused. */
  refundsToReview: number;
}

/** An item of GET /api/admin/refunds. */
export interface AdminRefund extends Omit<Refund, 'lines'> {
  lines: (RefundLine & { title: string })[];
  orderNo: string;
  customerId: Id;
}
