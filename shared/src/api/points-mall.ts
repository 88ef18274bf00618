import type { OrderStatus } from '../order-state';
import type { MallItemKind } from '../points/mall';
import type { Id, IsoDateTime } from './common';

/** An item of `GET /api/points-mall/items` (on shelf, by sort then id). */
export interface MallItemView {
  id: Id;
  title: string;
  kind: MallItemKind;
  coverUrl: string;
  description: string;
  pointsCost: number;
  cashCents: number;
  stock: number;
  /** 0 = no limit. */
  perCustomerLimit: number;
  /** GOODS: the SKU's specs. */
  specs: Record<string, string>;
  cardDays: number | null;
  /** For the logged-in customer: units already redeemed (not cancelled) and units they may still take. */
  redeemed: number;
  redeemable: number;
}

/** `GET /api/points-mall/items` → the customer's balance beside the items. */
export interface MallItemsResponse {
  balance: number;
  items: MallItemView[];
}

/** `POST /api/points-mall/redeem` body (header `Idempotency-Key` recommended). `addressId` for GOODS. */
export interface RedeemRequest {
  itemId: Id;
  qty: number;
  addressId?: Id;
}

/** `POST /api/points-mall/redeem` → PAID when nothing is due, else PENDING_PAYMENT (pay with `/api/orders/:id/pay`). */
export interface RedeemResponse {
  orderId: Id;
  status: OrderStatus;
  pointsUsed: number;
  payableCents: number;
}

/** A redemption record (`GET /api/points-mall/redemptions`, and the staff list with the customer). */
export interface RedemptionView {
  id: Id;
  orderId: Id;
  orderNo: string;
  orderStatus: OrderStatus;
  itemId: Id;
  kind: MallItemKind;
  title: string;
  qty: number;
  pointsUsed: number;
  cashCents: number;
  cardDays: number | null;
  customerId: Id;
  createdAt: IsoDateTime;
}

/** The staff's view of an item (`GET /api/admin/points-mall/items`). */
export interface AdminMallItemView extends Omit<MallItemView, 'redeemed' | 'redeemable' | 'specs'> {
  skuId: Id | null;
  couponTemplateId: Id | null;
  onShelf: boolean;
  sort: number;
  /** Units redeemed, cancelled ones excluded. */
  redeemedUnits: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** `POST /api/admin/points-mall/items` (and `PUT …/:id`, every field again). Each kind sets its own target: `skuId`, `couponTemplateId` or `cardDays`. */
export interface MallItemInput {
  title: string;
  kind: MallItemKind;
  skuId?: Id | null;
  couponTemplateId?: Id | null;
  cardDays?: number | null;
  coverUrl?: string;
  description?: string;
  pointsCost: number;
  cashCents: number;
  stock: number;
  perCustomerLimit: number;
  onShelf: boolean;
  sort?: number;
}
