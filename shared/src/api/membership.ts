import type { Recurrence } from '../member-day';
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
  /**
   * The reviewed card refund (人工退卡, after the fast-refund window or once a benefit was used): the request under
   * review for the latest card, if any, else what a request made now would ask for (pro rata of the days left; null
   * when there is no card to refund). `POST /api/membership/refund-requests {reason}` asks for it.
   */
  reviewedRefund: {
    pending: { id: Id; status: string; amountCents: number; createdAt: IsoDateTime } | null;
    estimateCents: number | null;
  };
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

// ---- tiers

/** A growth tier: GET /api/admin/tiers items (lowest threshold first); what POST and PUT /api/admin/tiers answer. */
export interface AdminTier {
  id: Id;
  name: string;
  /** Growth needed to reach it; the lowest tier's is 0. */
  growthThreshold: number;
  /** Price rate in basis points, 10000 = full price. */
  discountBp: number;
  /** Points multiplier in basis points, 10000 = 1×. */
  pointsMultiplierBp: number;
  /** Free text ('' when none). */
  perks: string;
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
  /**
   * What one unit costs the customer asking on that day as one of its audience, exactly as
   * checkout prices it (the lowest of member price, member-day prices and rates, tier rate): with a
   * paid card on a paid-members day, since that is what the page sells. A visitor (no token) is
   * priced as a new customer.
   */
  memberDayPriceCents: Cents;
}

/** A SKU in a staff preview of a member day. */
export interface MemberDayPreviewSku extends Omit<MemberDayOffer, 'memberDayPriceCents'> {
  /** The member-day offer's own unit price: the lower of the rule's price for the SKU (else the SKU's default member-day price) and its category rate. */
  memberDayPriceCents: Cents;
  /** What one unit costs on that day without a card, at the lowest standing the audience allows (no growth on a paid-members day, the tier's threshold on a tier day). */
  nonMemberPaysCents: Cents;
  /** The same with a paid card. */
  memberPaysCents: Cents;
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

/** A member day's own price for one SKU. */
export interface MemberDaySkuPrice {
  skuId: Id;
  priceCents: Cents;
}

/** A member day rule as staff see it: GET /api/admin/member-days items, GET /api/admin/member-days/:id, what POST and PUT answer. */
export interface AdminMemberDay {
  id: Id;
  name: string;
  recurrence: Recurrence;
  /** Local minutes after midnight, 0–1439. */
  startMinute: number;
  /** Local minutes after midnight, up to 1440. */
  endMinute: number;
  audience: MemberDayAudience;
  /** TIER_AT_LEAST: that tier or higher; null otherwise. */
  audienceTierId: Id | null;
  skuPrices: MemberDaySkuPrice[];
  /** Category id → price rate in basis points (10000 = full price). */
  categoryRates: Record<string, number>;
  exclusiveProductIds: Id[];
  pointsMultiplierBp: number;
  /** 0: no limit. */
  perCustomerLimit: number;
  active: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** One upcoming occurrence in a preview. */
export interface MemberDayPreviewOccurrence {
  /** The local date, YYYY-MM-DD. */
  date: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
}

/**
 * GET /api/admin/member-days/:id/preview?count=N (a saved rule) and POST /api/admin/member-days/preview?count=N
 * (the form's values, nothing saved: `id` is null): the next occurrences and what the rule charges.
 */
export interface MemberDayPreview {
  id: Id | null;
  name: string;
  /** The store's time zone (IANA). */
  timezone: string;
  occurrences: MemberDayPreviewOccurrence[];
  /** At most 200. */
  skus: MemberDayPreviewSku[];
}
