import type { PriceBreakdown, PricedLine } from '../pricing/types';
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
export interface CheckoutPreviewResponse extends Omit<PriceBreakdown, 'lines'> {
  lines: CheckoutPreviewLine[];
}
