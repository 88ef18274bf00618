import type { PriceBreakdown } from '../pricing/types';

export interface CheckoutItem {
  skuId: string;
  qty: number;
}

/** POST /api/checkout/preview */
export interface CheckoutPreviewRequest {
  items: CheckoutItem[];
  /** Spend as many points as the rules allow. */
  usePoints?: boolean;
  couponId?: string;
}

/** The breakdown priceCart computed from the database's prices. */
export type CheckoutPreviewResponse = PriceBreakdown;
