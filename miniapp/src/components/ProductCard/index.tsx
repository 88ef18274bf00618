import { Image, Text, View } from '@tarojs/components'
import { assetUrl } from '@/services/config'
import type { ProductListItem } from '@/services/catalog'
import { priceText } from '@/utils/money'
import './index.css'

export interface ProductCardProps {
  product: ProductListItem
  onClick?: (product: ProductListItem) => void
}

/** Cover, title, list price and — only when it is lower — the member price (and the member-day price). */
export default function ProductCard({ product, onClick }: ProductCardProps) {
  const { title, coverUrl, priceCents, memberPriceCents, memberDayPriceCents, memberOnly } = product
  const memberPrice = memberPriceCents != null && memberPriceCents < priceCents ? memberPriceCents : null
  const lowestOther = memberPrice ?? priceCents
  const memberDayPrice = memberDayPriceCents != null && memberDayPriceCents < lowestOther ? memberDayPriceCents : null

  return (
    <View className='product-card' onClick={() => onClick?.(product)}>
      <Image className='product-cover' src={assetUrl(coverUrl)} mode='aspectFill' lazyLoad />
      <View className='product-info'>
        <Text className='product-title'>{title}</Text>
        <View className='product-tags'>
          {memberOnly ? <Text className='product-tag'>会员专享</Text> : null}
          {memberDayPrice != null ? <Text className='member-day-price'>{`会员日 ${priceText(memberDayPrice)}`}</Text> : null}
        </View>
        <View className='product-prices'>
          <Text className='product-price'>{priceText(priceCents)}</Text>
          {memberPrice != null ? <Text className='member-price'>{`会员价 ${priceText(memberPrice)}`}</Text> : null}
        </View>
      </View>
    </View>
  )
}
