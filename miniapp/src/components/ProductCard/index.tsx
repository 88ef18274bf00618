import { Text, View } from '@tarojs/components'
import type { ProductListItem } from '@/services/catalog'
import { priceText } from '@/utils/money'
import { memberDayOnlyText, priceDisplay } from '@/utils/price'
import './index.css'
import LazyImage from '@/components/LazyImage'

export interface ProductCardProps {
  product: ProductListItem
  onClick?: (product: ProductListItem) => void
}

/**
 * Cover, title and the price this customer pays (big, red; the list price struck through when lower,
 * with what gave it); for a non-member, what a card makes it. A member-day-only product says when it opens.
 */
export default function ProductCard({ product, onClick }: ProductCardProps) {
  const { title, coverUrl, memberOnly, memberDayOnly } = product
  const price = priceDisplay(product, product.unitListPriceCents)
  const closed = memberDayOnly != null && !memberDayOnly.open

  return (
    <View className={`product-card${closed ? ' closed' : ''}`} onClick={() => onClick?.(product)}>
      <LazyImage className='product-cover' src={coverUrl} />
      <View className='product-info'>
        <Text className='product-title'>{title}</Text>
        <View className='product-tags'>
          {memberOnly ? <Text className='product-tag'>会员专享</Text> : null}
          {memberDayOnly ? <Text className='product-tag member-day-only'>{memberDayOnlyText(memberDayOnly)}</Text> : null}
          {price.label ? <Text className='price-label'>{price.label}</Text> : null}
        </View>
        <View className='product-prices'>
          <Text className='product-price'>{priceText(price.main)}</Text>
          {price.struck != null ? <Text className='product-list-price'>{priceText(price.struck)}</Text> : null}
          {price.memberPrice != null ? <Text className='member-price'>{`会员价 ${priceText(price.memberPrice)}`}</Text> : null}
        </View>
      </View>
    </View>
  )
}
