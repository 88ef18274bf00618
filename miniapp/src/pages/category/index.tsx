import { useCallback, useEffect, useMemo, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import ProductList from '@/components/ProductList'
import { listCategories, type Category, type Id } from '@/services/catalog'
import { useBadges } from '@/hooks/useBadges'
import { useProductPager } from '@/hooks/useProductPager'
import { takePendingCategory } from '@/stores/ui'
import { openProduct } from '@/utils/product'
import './index.css'

export default function CategoryPage() {
  useBadges() // keeps the cart tab's badge current
  const [categories, setCategories] = useState<Category[] | null>(null)
  const [loadError, setLoadError] = useState(false)
  const [activeId, setActiveId] = useState<Id | null>(null)
  const [childId, setChildId] = useState<Id | null>(null)

  const loadCategories = useCallback(async () => {
    setLoadError(false)
    try {
      const list = await listCategories()
      setCategories(list)
      setActiveId((current) => (current != null && list.some((c) => c.id === current) ? current : list[0]?.id ?? null))
    } catch {
      setLoadError(true)
    }
  }, [])

  useEffect(() => {
    void loadCategories()
  }, [loadCategories])

  // The home page's category row hands over its choice here (switchTab carries no query).
  useDidShow(() => {
    const pending = takePendingCategory()
    if (pending != null) {
      setActiveId(pending)
      setChildId(null)
    }
  })

  const active = useMemo(() => categories?.find((c) => c.id === activeId) ?? null, [categories, activeId])
  const filter = useMemo(() => ({ categoryId: childId ?? activeId ?? undefined }), [childId, activeId])
  const pager = useProductPager(filter, 10, activeId != null)

  if (categories === null || categories.length === 0) {
    return (
      <View className='category-page'>
        {loadError ? (
          <View className='list-state list-error' onClick={() => void loadCategories()}>
            <Text>加载失败，点击重试</Text>
          </View>
        ) : (
          <View className='list-state'>
            <Text>{categories === null ? '加载中…' : '暂无分类'}</Text>
          </View>
        )}
      </View>
    )
  }

  return (
    <View className='category-page'>
      <ScrollView className='category-nav' scrollY>
        {categories.map((c) => (
          <View
            key={c.id}
            className={`category-nav-item${c.id === activeId ? ' active' : ''}`}
            onClick={() => {
              setActiveId(c.id)
              setChildId(null)
            }}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </ScrollView>
      <ScrollView
        key={`${activeId ?? ''}-${childId ?? ''}`}
        className='category-products'
        scrollY
        lowerThreshold={120}
        onScrollToLower={() => void pager.loadMore()}
      >
        {active && active.children.length > 0 ? (
          <View className='category-children'>
            <Text className={`category-chip${childId == null ? ' active' : ''}`} onClick={() => setChildId(null)}>
              全部
            </Text>
            {active.children.map((child) => (
              <Text key={child.id} className={`category-chip${childId === child.id ? ' active' : ''}`} onClick={() => setChildId(child.id)}>
                {child.name}
              </Text>
            ))}
          </View>
        ) : null}
        <ProductList
          items={pager.items}
          loading={pager.loading}
          error={pager.error}
          hasMore={pager.hasMore}
          onRetry={() => void pager.retry()}
          onItemClick={openProduct}
        />
      </ScrollView>
    </View>
  )
}
