import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import CouponCard from '@/components/CouponCard'
import StateView from '@/components/StateView'
import { COUPON_TABS, listCoupons, type CouponStatus, type CouponView } from '@/services/coupons'
import { errorMessage } from '@/services/request'
import './index.css'

const STATUS_TAG: Record<CouponStatus, string> = { USABLE: '', USED: '已使用', EXPIRED: '已过期' }

/** 我的优惠券: the customer's coupons by status (可使用 / 已使用 / 已过期). */
export default function CouponsPage() {
  const [tab, setTab] = useState<CouponStatus>('USABLE')
  const [items, setItems] = useState<CouponView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = useRef(tab)

  const load = useCallback(async (status: CouponStatus) => {
    current.current = status
    setError(null)
    try {
      const res = await listCoupons(status)
      if (current.current === status) setItems(res.items)
    } catch (e) {
      if (current.current === status) setError(errorMessage(e))
    }
  }, [])

  useEffect(() => {
    setItems(null)
    void load(tab)
  }, [tab, load])

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void load(current.current)
    shownOnce.current = true
  })

  usePullDownRefresh(() => {
    void load(current.current).finally(() => Taro.stopPullDownRefresh())
  })

  const empty = COUPON_TABS.find((t) => t.key === tab)!.empty
  let body
  if (items === null) body = error ? <StateView state='error' text={error} onRetry={() => void load(tab)} /> : <StateView state='loading' />
  else if (items.length === 0) body = <StateView state='empty' text={empty} />
  else
    body = (
      <View className='coupon-list'>
        {items.map((c) => (
          <CouponCard key={String(c.id)} coupon={c} dim={c.status !== 'USABLE'} aside={STATUS_TAG[c.status] ? <Text className='coupon-status'>{STATUS_TAG[c.status]}</Text> : null} />
        ))}
      </View>
    )

  return (
    <View className='coupons-page'>
      <View className='coupon-tabs'>
        {COUPON_TABS.map((t) => (
          <View key={t.key} className={`coupon-tab coupon-tab-${t.key.toLowerCase()}${t.key === tab ? ' active' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {body}
    </View>
  )
}
