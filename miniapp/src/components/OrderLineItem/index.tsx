import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { priceText } from '@/utils/money'
import { specsText } from '@/utils/product'
import LazyImage from '@/components/LazyImage'

export interface OrderLineItemProps {
  /** The page's class prefix: `checkout` gives `checkout-line`, `checkout-line-title`, … */
  page: string
  coverUrl: string
  title: string
  specs: Record<string, string>
  unitPriceCents: number
  qty: number
  /** Shown under the price row (e.g. what was refunded). */
  children?: ReactNode
}

/** An order line as checkout and order detail show it: cover, title, specs, unit price × quantity (styles in app.css). */
export default function OrderLineItem({ page, coverUrl, title, specs, unitPriceCents, qty, children }: OrderLineItemProps) {
  const specText = specsText(specs)
  return (
    <View className={`line-item ${page}-line`}>
      <LazyImage className={`line-cover ${page}-line-cover`} src={coverUrl} />
      <View className={`line-info ${page}-line-info`}>
        <Text className={`line-title ${page}-line-title`}>{title}</Text>
        {specText ? <Text className={`line-specs ${page}-line-specs`}>{specText}</Text> : null}
        <View className={`line-price-row ${page}-line-price-row`}>
          <Text className={`${page}-line-price`}>{priceText(unitPriceCents)}</Text>
          <Text className={`${page}-line-qty`}>{`×${qty}`}</Text>
        </View>
        {children}
      </View>
    </View>
  )
}
