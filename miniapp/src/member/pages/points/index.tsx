import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import { usePagedList } from '@/hooks/usePagedList'
import { getMe } from '@/services/membership'
import { listPointsLedger, pointsDeltaText, pointsKindLabel, type PointsLedgerEntry } from '@/services/points'
import { formatDateTime } from '@/utils/time'
import './index.css'

/** The points balance and its ledger (积分明细), newest first. */
export default function PointsLedgerPage() {
  const [balance, setBalance] = useState<number | null>(null)
  const list = usePagedList<PointsLedgerEntry>('ledger', (page, pageSize) => listPointsLedger(page, pageSize), 20)

  const loadBalance = useCallback(async () => {
    try {
      setBalance((await getMe()).pointsBalance)
    } catch {
      // the list shows the error
    }
  }, [])

  const shownOnce = useRef(false)
  useDidShow(() => {
    void loadBalance()
    if (shownOnce.current) void list.reload()
    shownOnce.current = true
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  usePullDownRefresh(() => {
    void Promise.all([loadBalance(), list.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  let body
  if (list.items.length === 0) {
    if (list.error && !list.loading) body = <StateView state='error' text={list.error} onRetry={() => void list.retry()} />
    else if (list.loading || !list.loaded) body = <StateView state='loading' />
    else body = <StateView state='empty' text='还没有积分记录，购物完成后即可获得积分' />
  } else {
    body = (
      <View className='card points-ledger'>
        {list.items.map((e) => (
          <View className='list-row points-entry' key={String(e.id)}>
            <View className='list-row-main points-entry-main'>
              <Text className='points-entry-kind'>{pointsKindLabel(e.kind, e.delta)}</Text>
              {e.memo ? <Text className='points-entry-memo'>{e.memo}</Text> : null}
              <Text className='points-entry-time'>{formatDateTime(e.createdAt)}</Text>
            </View>
            <Text className={`points-entry-delta${e.delta > 0 ? ' plus' : ' minus'}`}>{pointsDeltaText(e.delta)}</Text>
          </View>
        ))}
        <View className='points-footer'>
          <Text>{list.loading ? '加载中…' : list.error ? '加载失败，下拉重试' : list.hasMore ? '上拉加载更多' : '— 没有更多了 —'}</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='points-page'>
      <View className='hero points-hero'>
        <Text className='points-hero-label'>当前积分</Text>
        <Text className='points-balance'>{balance === null ? '—' : String(balance)}</Text>
        {balance !== null && balance < 0 ? <Text className='points-hero-note'>退款扣回的积分超过了余额，之后获得的积分会先抵扣</Text> : null}
      </View>
      {body}
    </View>
  )
}
