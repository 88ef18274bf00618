import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { couponFaceText, couponRule, couponValidText, type CouponView } from '@/services/coupons'
import './index.css'

export interface CouponCardProps {
  coupon: CouponView
  /** greyed: used, expired, or not for this cart */
  dim?: boolean
  /** a line under the rule (e.g. why it does not apply) */
  note?: string
  /** right-hand side: a status tag or a selection mark */
  aside?: ReactNode
  active?: boolean
  onClick?: () => void
}

/** One coupon: its value, rule, title and validity, as the wallet and the checkout picker show it. */
export default function CouponCard({ coupon, dim = false, note, aside, active = false, onClick }: CouponCardProps) {
  return (
    <View className={`coupon-card${dim ? ' dim' : ''}${active ? ' active' : ''}`} onClick={onClick}>
      <View className='coupon-face'>
        <Text className='coupon-face-value'>{couponFaceText(coupon)}</Text>
        <Text className='coupon-face-rule'>{coupon.thresholdCents > 0 ? '满额可用' : '无门槛'}</Text>
      </View>
      <View className='coupon-body'>
        <Text className='coupon-title'>{coupon.title}</Text>
        <Text className='coupon-rule'>{couponRule(coupon)}</Text>
        <Text className='coupon-valid'>{couponValidText(coupon)}</Text>
        {note ? <Text className='coupon-note'>{note}</Text> : null}
      </View>
      {aside ? <View className='coupon-aside'>{aside}</View> : null}
    </View>
  )
}
