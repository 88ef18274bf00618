import type { Cents } from '../money';
import type { OrderStatus } from '../order-state';
import type { CheckoutItem } from './checkout';
import type { IsoDateTime } from './common';

/** POST /api/orders (accepts an Idempotency-Key header). */
export interface PlaceOrderRequest {
  items: CheckoutItem[];
  addressId: string;
  usePoints?: boolean;
  couponId?: string;
  note?: string;
}

export interface PlaceOrderResponse {
  id: string;
  status: Extract<OrderStatus, 'PENDING_PAYMENT'>;
  payableCents: Cents;
  expiresAt: IsoDateTime;
}

/** The five parameters of wx.requestPayment, from POST /api/orders/:id/pay. */
export interface WxRequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** POST /api/orders/:id/refunds */
export interface RefundRequest {
  reason: string;
  /** Absent: the whole order. */
  lines?: { orderLineId: string; qty: number }[];
}
