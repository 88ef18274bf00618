import { couponRuleText, formatYuan, formatZhe, type CouponListResponse, type CouponStatus, type CouponView } from '@mc/shared'
import { formatDate } from '@/utils/time'
import { get } from './request'

export type { CouponStatus, CouponView } from '@mc/shared'

/** The customer's own coupons of one status (usable ones expiring first). */
export function listCoupons(status: CouponStatus): Promise<CouponListResponse> {
  return get<CouponListResponse>('/api/coupons', { status })
}

/** The big figure on a coupon: `¥20` / `¥10.5` or `9折`. */
export function couponFaceText(c: Pick<CouponView, 'kind' | 'amountOffCents' | 'percentOffBp'>): string {
  if (c.kind === 'AMOUNT_OFF') return `¥${formatYuan(c.amountOffCents ?? 0).replace(/\.?0+$/, '')}`
  return `${formatZhe(10_000 - (c.percentOffBp ?? 0))}折`
}

/** '满 100 减 20' etc. (the same words as the admin page). */
export const couponRule = (c: CouponView) => couponRuleText(c)

/** `2027-03-10 至 2027-04-09` */
export const couponValidText = (c: Pick<CouponView, 'validFrom' | 'validUntil'>) => `${formatDate(c.validFrom)} 至 ${formatDate(c.validUntil)}`

export const COUPON_TABS: { key: CouponStatus; label: string; empty: string }[] = [
  { key: 'USABLE', label: '可使用', empty: '暂无可用的优惠券' },
  { key: 'USED', label: '已使用', empty: '还没有用过优惠券' },
  { key: 'EXPIRED', label: '已过期', empty: '没有过期的优惠券' },
]
