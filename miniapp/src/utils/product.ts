import Taro from '@tarojs/taro'
import type { ProductListItem } from '@/services/catalog'

/** Tapping a product card (the detail page comes with the order subpackage). */
export function openProduct(product: ProductListItem): void {
  void Taro.showToast({ title: `${product.title}：详情即将上线`, icon: 'none' })
}
