import { Text, View } from '@tarojs/components'
import type { ProductListItem } from '@/services/catalog'
import ProductCard from '../ProductCard'
import './index.css'

export interface ProductListProps {
  items: ProductListItem[]
  /** a page is being fetched */
  loading: boolean
  /** the last fetch failed */
  error: string | null
  /** more pages remain */
  hasMore: boolean
  onRetry: () => void
  onItemClick?: (product: ProductListItem) => void
  emptyText?: string
}

/** A two-column product grid with its loading, empty, error and end-of-list states. */
export default function ProductList({ items, loading, error, hasMore, onRetry, onItemClick, emptyText = '暂无商品' }: ProductListProps) {
  if (items.length === 0) {
    if (error && !loading) {
      return (
        <View className='list-state list-error' onClick={onRetry}>
          <Text>加载失败，点击重试</Text>
        </View>
      )
    }
    if (loading) {
      return (
        <View className='list-state list-loading'>
          <Text>加载中…</Text>
        </View>
      )
    }
    return (
      <View className='list-state list-empty'>
        <Text>{emptyText}</Text>
      </View>
    )
  }

  return (
    <View className='product-list'>
      <View className='product-grid'>
        {items.map((p) => (
          <View className='product-cell' key={p.id}>
            <ProductCard product={p} onClick={onItemClick} />
          </View>
        ))}
      </View>
      {loading ? (
        <View className='list-footer list-loading'>
          <Text>加载中…</Text>
        </View>
      ) : error ? (
        <View className='list-footer list-error' onClick={onRetry}>
          <Text>加载失败，点击重试</Text>
        </View>
      ) : hasMore ? (
        <View className='list-footer'>
          <Text>上拉加载更多</Text>
        </View>
      ) : (
        <View className='list-footer list-end'>
          <Text>— 没有更多了 —</Text>
        </View>
      )}
    </View>
  )
}
