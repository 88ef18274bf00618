import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import type { CheckoutCoupon, CheckoutUnusableCoupon } from '@mc/shared'
import CouponCard from '@/components/CouponCard'
import { priceText } from '@/utils/money'
import './index.css'

export interface CouponPickerProps {
  usable: CheckoutCoupon[]
  unusable: CheckoutUnusableCoupon[]
  /** the coupon the preview applied (null: none) */
  chosenId: number | null
  /** what it took off */
  couponCents: number
  /** an order is placed: the choice is fixed */
  disabled?: boolean
  /** another coupon, or null for none */
  onChoose: (id: number | null) => void
}

/** The checkout's coupon row and its sheet: the coupon applied and what it saves; pick another or none. The amounts are the server's. */
export default function CouponPicker({ usable, unusable, chosenId, couponCents, disabled = false, onChoose }: CouponPickerProps) {
  const [open, setOpen] = useState(false)
  const chosen = usable.find((c) => c.id === chosenId) ?? null
  const hasAny = usable.length + unusable.length > 0

  const choose = (id: number | null) => {
    setOpen(false)
    if (id !== chosenId) onChoose(id)
  }

  let value
  if (chosen) value = <Text className='coupon-picker-value chosen'>{`-${priceText(couponCents)}`}</Text>
  else if (usable.length > 0) value = <Text className='coupon-picker-value available'>{`${usable.length} 张可用`}</Text>
  else value = <Text className='coupon-picker-value none'>{hasAny ? '暂无可用' : '无优惠券'}</Text>

  return (
    <View className='card coupon-picker'>
      <View className='coupon-picker-row' onClick={() => !disabled && hasAny && setOpen(true)}>
        <Text className='coupon-picker-label'>优惠券</Text>
        <View className='coupon-picker-right'>
          {chosen ? <Text className='coupon-picker-title'>{chosen.title}</Text> : null}
          {value}
          {!disabled && hasAny ? <Text className='coupon-picker-arrow'>›</Text> : null}
        </View>
      </View>
      {open ? (
        <View className='coupon-sheet-mask' onClick={() => setOpen(false)}>
          <View className='coupon-sheet' onClick={(e) => e.stopPropagation()}>
            <View className='coupon-sheet-head'>
              <Text className='coupon-sheet-title'>选择优惠券</Text>
              <Text className='coupon-sheet-close' onClick={() => setOpen(false)}>
                完成
              </Text>
            </View>
            <ScrollView scrollY className='coupon-sheet-list'>
              {usable.map((c) => (
                <CouponCard
                  key={String(c.id)}
                  coupon={c}
                  active={c.id === chosenId}
                  onClick={() => choose(c.id)}
                  aside={
                    <View className='coupon-option-aside'>
                      <Text className='coupon-option-save'>{`省 ${priceText(c.couponCents)}`}</Text>
                      <Text className={`coupon-option-check${c.id === chosenId ? ' on' : ''}`}>{c.id === chosenId ? '✓' : ''}</Text>
                    </View>
                  }
                />
              ))}
              <View className={`coupon-option-none${chosenId === null ? ' active' : ''}`} onClick={() => choose(null)}>
                <Text>不使用优惠券</Text>
                <Text className={`coupon-option-check${chosenId === null ? ' on' : ''}`}>{chosenId === null ? '✓' : ''}</Text>
              </View>
              {unusable.length > 0 ? <Text className='coupon-sheet-section'>{`不可用（${unusable.length}）`}</Text> : null}
              {unusable.map((c) => (
                <CouponCard key={String(c.id)} coupon={c} dim note={c.reasonText} />
              ))}
            </ScrollView>
          </View>
        </View>
      ) : null}
    </View>
  )
}
