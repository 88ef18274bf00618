import type { Cents } from '../money';
import type { SkuSpecs } from './catalog';

/** PUT /api/cart/items (qty 0 removes). */
export interface PutCartItemRequest {
  skuId: string;
  qty: number;
}

export interface CartItem {
  skuId: string;
  productId: string;
  title: string;
  coverUrl: string | null;
  specs: SkuSpecs;
  qty: number;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  stock: number;
}

/** GET /api/cart */
export interface CartView {
  items: CartItem[];
}
