/** `GET /api/admin/products` items, a SKU and `GET /api/admin/products/:id` (docs/shopping-contract.md). */
export type { AdminProductListItem as ProductSummary, AdminSku as Sku, AdminProductDetail as ProductDetail } from '@mc/shared';

/** '颜色：红 / 尺码：M', or 默认规格 for a product without specs. */
export const specsText = (specs: Record<string, string>): string =>
  Object.entries(specs)
    .map(([k, v]) => `${k}：${v}`)
    .join(' / ') || '默认规格';
