import type { Cents } from '../money';
import type { SkuSpecs } from './catalog';
import type { CheckoutPreviewResponse } from './checkout';
import type { Id } from './common';

/** PUT /api/cart/items (qty 0 removes). */
export interface PutCartItemRequest {
  skuId: Id;
  qty: number;
  selected?: boolean;
}

/** Why a cart line cannot be bought now. */
export type CartUnavailableReason = 'OFF_SHELF' | 'OUT_OF_STOCK';

export interface CartLine {
  skuId: Id;
  productId: Id;
  title: string;
  coverUrl: string;
  specs: SkuSpecs;
  qty: number;
  selected: boolean;
  stock: number;
  /** false when off shelf, inactive or out of stock */
  available: boolean;
  unavailableReason: CartUnavailableReason | null;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  /** The unit price the server's pricing gave this line (the list price when it was not priced). */
  unitPriceCents: Cents;
}

/** GET /api/cart; also what PUT /api/cart/items and DELETE /api/cart/items/:skuId answer. */
export interface CartView {
  items: CartLine[];
  /** The price breakdown of the selected, available lines; null when there are none. */
  preview: CheckoutPreviewResponse | null;
}
