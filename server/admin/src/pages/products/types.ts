/** `GET /api/admin/products` items (docs/shopping-contract.md). */
export interface ProductSummary {
  id: number;
  title: string;
  categoryId: number;
  coverUrl: string;
  onShelf: boolean;
  memberOnly: boolean;
  sort: number;
  /** The lowest list price of the active SKUs. */
  priceCents: number;
  memberPriceCents: number | null;
  totalStock: number;
  skuCount: number;
  updatedAt: string;
}

export interface Sku {
  id: number;
  specs: Record<string, string>;
  priceCents: number;
  memberPriceCents: number | null;
  memberDayPriceCents: number | null;
  stock: number;
  weightGrams: number;
  active: boolean;
}

/** `GET /api/admin/products/:id`. */
export interface ProductDetail {
  id: number;
  categoryId: number;
  title: string;
  subtitle: string;
  coverUrl: string;
  images: string[];
  description: string;
  onShelf: boolean;
  memberOnly: boolean;
  sort: number;
  skus: Sku[];
}

/** '颜色：红 / 尺码：M', or 默认规格 for a product without specs. */
export const specsText = (specs: Record<string, string>): string =>
  Object.entries(specs)
    .map(([k, v]) => `${k}：${v}`)
    .join(' / ') || '默认规格';
