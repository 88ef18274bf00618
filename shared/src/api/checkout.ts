import type { Cents } from '../money';
import type { PriceBreakdown, PricedLine } from '../pricing/types';
import type { CheckoutCoupon, CheckoutUnusableCoupon } from './coupons';
import type { SkuSpecs } from './catalog';
import type { Id } from './common';

export interface CheckoutItem {
  skuId: Id;
  qty: number;
}

/** POST /api/checkout/preview */
export interface CheckoutPreviewRequest {
  items: CheckoutItem[];
  /** Spend as many points as the rules allow. */
  usePoints?: boolean;
  /** Absent: the best usable coupon; null: none; an id: that coupon (409 INVALID_STATE when it does not apply). */
  couponId?: Id | null;
}

/** A line of the preview: priceCart's line with numeric ids and the product's display fields. */
export interface CheckoutPreviewLine extends Omit<PricedLine, 'skuId' | 'productId' | 'categoryId'> {
  skuId: Id;
  productId: Id;
  categoryId: Id;
  title: string;
  specs: SkuSpecs;
  coverUrl: string;
}

/** The breakdown priceCart computed from the database's prices (PricingContextService.present). */
export interface CheckoutPreviewResponse extends Omit<PriceBreakdown, 'lines' | 'couponId'> {
  lines: CheckoutPreviewLine[];
  /** The coupon applied, null when none. */
  couponId: Id | null;
  /** What the coupon took off (Σ the lines' couponCents). */
  couponCents: Cents;
  /** The customer's coupons that apply to this cart now, the best first. */
  usableCoupons: CheckoutCoupon[];
  /** The customer's other unused, unexpired coupons, with why they do not apply. */
  unusableCoupons: CheckoutUnusableCoupon[];
}
