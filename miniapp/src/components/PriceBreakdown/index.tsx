import { Text, View } from '@tarojs/components'
import type { Adjustment } from '@/services/checkout'
import { priceText, signedPriceText } from '@/utils/money'
import './index.css'

export interface PriceBreakdownProps {
  goodsCents: number
  adjustments: Adjustment[]
  shippingCents: number
  payableCents: number
  payableLabel?: string
  /** line id (preview `lineId` or order `orderLineId`) → product title, to say which line an adjustment is for */
  lineTitles?: Record<string, string>
}

/** The server's itemised breakdown, shown as given: goods, shipping, each adjustment (discounts, waivers), payable. Nothing is computed here. */
export default function PriceBreakdown({ goodsCents, adjustments, shippingCents, payableCents, payableLabel = '实付款', lineTitles = {} }: PriceBreakdownProps) {
  return (
    <View className='breakdown'>
      <View className='breakdown-row'>
        <Text className='breakdown-label'>商品金额</Text>
        <Text className='breakdown-value goods-amount'>{priceText(goodsCents)}</Text>
      </View>
      <View className='breakdown-row'>
        <Text className='breakdown-label'>运费</Text>
        <Text className='breakdown-value shipping-amount'>{shippingCents === 0 ? '免运费' : priceText(shippingCents)}</Text>
      </View>
      {adjustments.map((a, i) => {
        const lineKey = a.lineId ?? a.orderLineId
        const lineTitle = lineKey != null ? lineTitles[String(lineKey)] : undefined
        return (
          <View className='breakdown-row adjustment' key={`${a.kind}-${lineKey ?? ''}-${i}`}>
            <View className='adjustment-text'>
              <Text className='breakdown-label adjustment-label'>{a.label}</Text>
              {lineTitle ? <Text className='adjustment-line'>{lineTitle}</Text> : null}
            </View>
            <Text className='breakdown-value adjustment-amount'>{signedPriceText(a.amountCents)}</Text>
          </View>
        )
      })}
      <View className='breakdown-row breakdown-total'>
        <Text className='breakdown-label'>{payableLabel}</Text>
        <Text className='breakdown-value payable-amount'>{priceText(payableCents)}</Text>
      </View>
    </View>
  )
}
