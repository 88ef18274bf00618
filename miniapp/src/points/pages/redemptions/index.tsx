import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORDER_STATUS_LABEL } from '@mc/shared'
import StateView from '@/components/StateView'
import { usePagedList } from '@/hooks/usePagedList'
import { listRedemptions, mallPriceText, type RedemptionView } from '@/services/points-mall'
import { formatDateTime } from '@/utils/time'
import { orderDetailUrl, PAGES } from '@/utils/nav'
import './index.css'

/** 兑换记录: the customer's redemptions, newest first; each opens its order. */
export default function RedemptionsPage() {
  const list = usePagedList<RedemptionView>('redemptions', listRedemptions, 10)

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void list.reload()
    shownOnce.current = true
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (list.items.length === 0) {
    return (
      <View className='redemptions-page'>
        {list.error && !list.loading ? (
          <StateView state='error' text={list.error} onRetry={() => void list.retry()} />
        ) : list.loading || !list.loaded ? (
          <StateView state='loading' />
        ) : (
          <StateView state='empty' text='还没有兑换记录' actionText='去积分商城' onAction={() => void Taro.redirectTo({ url: PAGES.pointsMall })} />
        )}
      </View>
    )
  }

  return (
    <View className='redemptions-page'>
      {list.items.map((r) => (
        <View className='card redemption-row' key={r.id} onClick={() => void Taro.navigateTo({ url: orderDetailUrl(r.orderId) })}>
          <View className='redemption-head'>
            <Text className='redemption-title'>{`${r.title} ×${r.qty}`}</Text>
            <Text className='redemption-status'>{ORDER_STATUS_LABEL[r.orderStatus]}</Text>
          </View>
          <Text className='redemption-price'>{mallPriceText({ pointsCost: r.pointsUsed, cashCents: r.cashCents })}</Text>
          <Text className='redemption-time'>{formatDateTime(r.createdAt)}</Text>
        </View>
      ))}
      <View className='list-footer' onClick={list.error ? () => void list.retry() : undefined}>
        <Text>{list.loading ? '加载中…' : list.error ? '加载失败，点击重试' : list.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
      </View>
    </View>
  )
}
