import Taro from '@tarojs/taro'
import type { ProductListItem } from '@/services/catalog'
import { productUrl } from './nav'

/** Tapping a product card opens its detail page. */
export function openProduct(product: Pick<ProductListItem, 'id'>): void {
  void Taro.navigateTo({ url: productUrl(product.id) })
}

/** `{ 颜色: '白', 尺码: 'M' }` → `白 / M` */
export function specsText(specs: Record<string, string> | null | undefined): string {
  return specs ? Object.values(specs).join(' / ') : ''
}
