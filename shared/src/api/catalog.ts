import type { Cents } from '../money';
import type { ShopPrice } from '../pricing/unit-price';
import type { Id, IsoDateTime, PageQuery } from './common';

/** A product only sold on a member day (one of the rule's exclusive items). */
export interface MemberDayOnly {
  /** The member day's name. */
  name: string;
  /** The member day is on now. */
  onNow: boolean;
  /** The asking customer may buy it now (the day is on and they are in its audience). */
  open: boolean;
  /** The local date (YYYY-MM-DD) of the day on now, else of the next one; null when none is scheduled. */
  date: string | null;
}

/** GET /api/categories returns CategoryNode[]: active roots with their active children, by `sort` (highest first). */
export interface CategoryNode {
  id: Id;
  name: string;
  /** '' when none. */
  iconUrl: string;
  sort: number;
  children: CategoryNode[];
}

/** GET /api/products */
export interface ProductListQuery extends PageQuery {
  categoryId?: Id;
  q?: string;
}

/**
 * Prices in the shop (ShopPrice: `unitPriceCents`, `priceSource`, `priceLabel`,
 * `memberUnitPriceCents`) are what the asking customer pays (a visitor: as a new customer), from
 * shopPrice/bestUnitPrice with the member days on now, the function checkout uses.
 *
 * An item of GET /api/products (on-shelf products): `priceCents` and `memberPriceCents` are the
 * lowest list and member prices of its SKUs; the ShopPrice fields are those of the SKU that is
 * cheapest for the asking customer, `unitListPriceCents` that SKU's list price.
 */
export interface ProductListItem extends ShopPrice {
  id: Id;
  title: string;
  subtitle: string;
  /** '' when none. */
  coverUrl: string;
  categoryId: Id;
  memberOnly: boolean;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  unitListPriceCents: Cents;
  /** Present only while a member day on now gives the asking customer this price (= unitPriceCents). */
  memberDayPriceCents?: Cents;
  /** Sold only on a member day: which, and when; null for other products. */
  memberDayOnly: MemberDayOnly | null;
}

/** Spec name → value, e.g. { 颜色: '红', 尺码: 'M' }. */
export type SkuSpecs = Record<string, string>;

/** A spec name with its values in SKU order, e.g. `{ name: '颜色', values: ['白', '黑'] }`. */
export interface SpecGroup {
  name: string;
  values: string[];
}

/** A SKU's own columns (staff pages; the shop's SkuView adds the customer's price). */
export interface SkuRow {
  id: Id;
  specs: SkuSpecs;
  priceCents: Cents;
  memberPriceCents: Cents | null;
  memberDayPriceCents: Cents | null;
  stock: number;
}

/**
 * An active SKU of GET /api/products/:id, priced for the asking customer. `memberDayPriceCents` is
 * not the SKU's default member-day price: it is set only while a member day on now gives the asking
 * customer this price (= unitPriceCents), else null.
 */
export interface SkuView extends SkuRow, ShopPrice {}

/** GET /api/products/:id (404 when off shelf) */
export interface ProductDetail extends ProductListItem {
  images: string[];
  description: string;
  specGroups: SpecGroup[];
  skus: SkuView[];
}

// ---- staff (`/api/admin/...`)

/** An item of GET /api/admin/categories (a flat list). */
export interface AdminCategory {
  id: Id;
  parentId: Id | null;
  name: string;
  iconUrl: string;
  sort: number;
  active: boolean;
}

/** POST /api/admin/categories; PUT takes the same fields, all optional. */
export interface AdminCategoryRequest {
  parentId?: Id | null;
  name: string;
  iconUrl?: string;
  sort?: number;
  active?: boolean;
}

/** GET /api/admin/products */
export interface AdminProductListQuery extends PageQuery {
  q?: string;
  categoryId?: Id;
  onShelf?: boolean;
}

/** An item of GET /api/admin/products. */
export interface AdminProductListItem {
  id: Id;
  title: string;
  categoryId: Id;
  coverUrl: string;
  onShelf: boolean;
  memberOnly: boolean;
  sort: number;
  /** The lowest list price of the active SKUs. */
  priceCents: Cents;
  memberPriceCents: Cents | null;
  totalStock: number;
  skuCount: number;
  updatedAt: IsoDateTime;
}

/** A SKU of the staff product detail (inactive ones included, flagged). */
export interface AdminSku extends SkuRow {
  weightGrams: number;
  active: boolean;
}

/** GET /api/admin/products/:id; also what POST/PUT /api/admin/products answer. */
export interface AdminProductDetail {
  id: Id;
  categoryId: Id;
  title: string;
  subtitle: string;
  /** Search words staff add, separated by spaces ('' when none). */
  keywords: string;
  coverUrl: string;
  images: string[];
  description: string;
  onShelf: boolean;
  memberOnly: boolean;
  sort: number;
  skus: AdminSku[];
}

/** PATCH /api/admin/skus/:id */
export interface AdminSkuPatchRequest {
  stock?: number;
  priceCents?: Cents;
  memberPriceCents?: Cents | null;
}

/** What PATCH /api/admin/skus/:id answers. */
export type AdminSkuPatchResponse = AdminSku & { productId: Id };

/**
 * POST /api/admin/media/images (multipart/form-data, field `file`: a JPEG, PNG or WebP of at most 5 MB)
 * answers 201 with the stored picture. `url` (800 px) is what a product's `images` holds and what
 * descriptions show; `thumbUrl` (400 px) is the cover size. Names are digests of the content.
 */
export interface UploadedImage {
  id: string;
  url: string;
  thumbUrl: string;
  /** Of the uploaded picture, upright. */
  width: number;
  height: number;
}
