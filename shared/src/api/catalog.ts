import type { Cents } from '../money';
import type { PageQuery } from './common';

/** GET /api/categories returns CategoryNode[] (roots, sorted by `sort`). */
export interface CategoryNode {
  id: string;
  name: string;
  iconUrl: string | null;
  sort: number;
  children: CategoryNode[];
}

/** GET /api/products */
export interface ProductListQuery extends PageQuery {
  categoryId?: string;
  q?: string;
}

/** An item of GET /api/products; prices of the product's cheapest SKU. */
export interface ProductListItem {
  id: string;
  title: string;
  coverUrl: string | null;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  /** Present while a member day with a price for this product is on. */
  memberDayPriceCents?: Cents | null;
}

/** Spec name → value, e.g. { 颜色: '红', 尺码: 'M' }. */
export type SkuSpecs = Record<string, string>;

export interface SkuView {
  id: string;
  specs: SkuSpecs;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  memberDayPriceCents?: Cents | null;
  stock: number;
}

/** GET /api/products/:id */
export interface ProductDetail extends ProductListItem {
  categoryId: string;
  images: string[];
  description: string;
  memberOnly: boolean;
  skus: SkuView[];
}
