import type { Bp, Cents } from '../money';
import type { CouponAudience, CouponRefusal, CouponStatus } from '../pricing/coupons';
import type { CouponKind } from '../pricing/types';
import type { Id, IsoDateTime } from './common';

/** A coupon in the customer's wallet (`GET /api/coupons?status=`), exactly the fields of docs/api.md. */
export interface CouponView {
  id: Id;
  templateId: Id;
  title: string;
  kind: CouponKind;
  /** AMOUNT_OFF only. */
  amountOffCents?: Cents;
  /** PERCENT_OFF only: the share taken off, 1000 = 10 % off (9 折). */
  percentOffBp?: Bp;
  /** 0 = no threshold; compared with the goods at list price. */
  thresholdCents: Cents;
  /** PERCENT_OFF with a cap only. */
  capCents?: Cents;
  validFrom: IsoDateTime;
  validUntil: IsoDateTime;
  status: CouponStatus;
}

export interface CouponListResponse {
  items: CouponView[];
}

/** A coupon the checkout preview offers, with what it would take off this cart. */
export interface CheckoutCoupon extends CouponView {
  couponCents: Cents;
}

/** A held coupon that does not apply to this cart now, and why. */
export interface CheckoutUnusableCoupon extends CouponView {
  reason: CouponRefusal;
  /** The reason in Chinese, for display. */
  reasonText: string;
}

/** A coupon template as staff see it (`GET /api/admin/coupon-templates`). */
export interface CouponTemplateView {
  id: Id;
  title: string;
  kind: CouponKind;
  amountOffCents: Cents | null;
  percentOffBp: Bp | null;
  thresholdCents: Cents;
  capCents: Cents | null;
  /** Either a fixed window (validFrom/validUntil) or validDays after the grant. */
  validFrom: IsoDateTime | null;
  validUntil: IsoDateTime | null;
  validDays: number | null;
  audience: CouponAudience;
  /** Tier ≥ this tier; null = any. */
  minTierId: Id | null;
  /** null = unlimited. */
  totalQuantity: number | null;
  issuedCount: number;
  usedCount: number;
  /** null = unlimited. */
  perCustomerLimit: number | null;
  /** Granted with every member card bought (paid). */
  grantOnCardPurchase: boolean;
  active: boolean;
  createdAt: IsoDateTime;
}

/** `POST /api/admin/coupon-templates` (and `PUT …/:id`, every field again). */
export interface CouponTemplateRequest {
  title: string;
  kind: CouponKind;
  amountOffCents?: Cents;
  percentOffBp?: Bp;
  thresholdCents: Cents;
  capCents?: Cents;
  validDays?: number;
  validFrom?: IsoDateTime;
  validUntil?: IsoDateTime;
  audience: CouponAudience;
  minTierId?: Id;
  totalQuantity?: number;
  perCustomerLimit?: number;
  grantOnCardPurchase?: boolean;
  active?: boolean;
}

/** `POST /api/admin/coupon-templates/:id/grants {customerIds}`: `skipped` = customers at their limit. */
export interface CouponGrantResponse {
  granted: number;
  skipped: Id[];
}

export type CouponSource = 'STAFF' | 'CARD_PURCHASE' | 'POINTS_MALL' | 'LOTTERY' | 'CAMPAIGN' | 'SEED';

/** One granted coupon as `GET /api/admin/coupon-templates/:id/coupons` lists it (usage). */
export interface CouponUsageRow {
  id: Id;
  customerId: Id;
  customerNickname: string;
  source: CouponSource;
  status: CouponStatus;
  grantedAt: IsoDateTime;
  validUntil: IsoDateTime;
  orderId: Id | null;
  orderNo: string | null;
  usedAt: IsoDateTime | null;
}
