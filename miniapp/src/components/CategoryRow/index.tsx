import { Image, ScrollView, Text, View } from '@tarojs/components'
import type { Category } from '@/services/catalog'
import { assetUrl } from '@/services/config'
import './index.css'

export interface CategoryRowProps {
  categories: Category[]
  onSelect: (category: Category) => void
}

/** The home page's horizontal row of top-level categories. */
export default function CategoryRow({ categories, onSelect }: CategoryRowProps) {
  if (categories.length === 0) return null
  return (
    <ScrollView className='category-row' scrollX enhanced showScrollbar={false}>
      {categories.map((c) => (
        <View className='category-item' key={c.id} onClick={() => onSelect(c)}>
          <Image className='category-icon' src={assetUrl(c.iconUrl)} mode='aspectFill' lazyLoad />
          <Text className='category-name'>{c.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
