import type { Cents } from '../money';
import type { SkuSpecs } from './catalog';
import type { Id, IsoDateTime } from './common';
import type { PlaceOrderResponse } from './orders';

/** A card plan: GET /api/membership/plans (on sale only) and the staff plan routes. */
export interface MembershipPlan {
  id: Id;
  name: string;
  priceCents: Cents;
  days: number;
  /** Free text ('' when none). */
  benefits: string;
  onSale: boolean;
  sort: number;
}

/** One card period bought by the customer. */
export interface MembershipPeriod {
  id: Id;
  orderId: Id;
  planId: Id;
  days: number;
  paidCents: Cents;
  purchasedAt: IsoDateTime;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  refundedAt: IsoDateTime | null;
}

export type FastRefundCheck = { eligible: true; amountCents: Cents } | { eligible: false; reason: string };

/** GET /api/membership/me */
export interface MembershipMe {
  isMember: boolean;
  memberUntil: IsoDateTime | null;
  fastRefund: FastRefundCheck;
  /** Newest first, at most 20. */
  periods: MembershipPeriod[];
}

/** POST /api/membership/orders (accepts an Idempotency-Key header). */
export interface BuyCardRequest {
  planId: Id;
}

/** What POST /api/membership/orders answers; pay it with POST /api/orders/:id/pay. */
export interface MembershipOrderResponse extends PlaceOrderResponse {
  kind: 'MEMBER_CARD';
}

/** POST /api/membership/refund */
export interface CardRefundResponse {
  refunded: true;
  amountCents: Cents;
  isMember: boolean;
  memberUntil: IsoDateTime | null;
}

// ---- member days

export type MemberDayAudience = 'PAID_MEMBERS' | 'TIER_AT_LEAST';

/** A SKU a member day prices, with its list, member and member-day price. */
export interface MemberDayOffer {
  skuId: Id;
  productId: Id;
  title: string;
  coverUrl: string;
  specs: SkuSpecs;
  listPriceCents: Cents;
  memberPriceCents: Cents | null;
  memberDayPriceCents: Cents;
}

/** One occurrence of a member day rule. */
export interface MemberDayOccurrence {
  /** The rule's id. */
  id: Id;
  name: string;
  /** The local date, YYYY-MM-DD. */
  date: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  audience: MemberDayAudience;
  pointsMultiplierBp: number;
  /** 0: no limit. */
  perCustomerLimit: number;
  offers: MemberDayOffer[];
  exclusiveProductIds: Id[];
}

/** GET /api/member-days/current */
export interface MemberDayCurrent {
  /** The server's clock: count down against it, not the device's clock. */
  now: IsoDateTime;
  active: boolean;
  current: MemberDayOccurrence | null;
  next: MemberDayOccurrence | null;
}
