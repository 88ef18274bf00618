import { ScrollView, Text, View } from '@tarojs/components'
import type { Category } from '@/services/catalog'
import './index.css'
import LazyImage from '@/components/LazyImage'

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
          <LazyImage className='category-icon' src={c.iconUrl} />
          <Text className='category-name'>{c.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
