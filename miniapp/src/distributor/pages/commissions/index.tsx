import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ListStateView } from '@/components/StateView'
import ListFooter from '@/components/ListFooter'
import { usePagedList } from '@/hooks/usePagedList'
import { COMMISSION_STATUS_LABEL, listCommissions, type CommissionStatus, type CommissionView } from '@/services/distribution'
import { priceText } from '@/utils/money'
import { formatDateTime } from '@/utils/time'
import '../../styles.css'
import './index.css'

type Tab = CommissionStatus | 'ALL'
const TABS: { key: Tab; label: string }[] = [
  { key: 'ALL', label: '全部' },
  ...(['PENDING', 'SETTLED', 'WITHDRAWN', 'CANCELLED'] as const).map((s) => ({ key: s, label: COMMISSION_STATUS_LABEL[s] })),
]

/** 佣金明细: the distributor's commission records by status, newest first. */
export default function CommissionsPage() {
  const [tab, setTab] = useState<Tab>('ALL')
  const list = usePagedList<CommissionView>(tab, (page, pageSize) => listCommissions(tab === 'ALL' ? undefined : tab, page, pageSize), 20)

  useReachBottom(() => {
    void list.loadMore()
  })

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  let body = <ListStateView list={list} emptyText='暂无佣金记录，分享商品给好友试试吧' />
  if (list.items.length > 0) {
    body = (
      <View className='card commission-list'>
        {list.items.map((c) => (
          <View className='list-row dist-record commission-row' key={String(c.id)}>
            <View className='list-row-main'>
              <Text className='dist-record-title'>{`订单 ${c.orderNo}`}</Text>
              <Text className='dist-record-sub'>{`${c.buyerNickname || '顾客'} · ${c.level === 2 ? '二级' : '一级'}佣金 · 实付 ${priceText(c.baseCents)}`}</Text>
              <Text className='dist-record-sub'>
                {c.settledAt ? `${formatDateTime(c.createdAt)} 下单 · ${formatDateTime(c.settledAt)} 结算` : `${formatDateTime(c.createdAt)} 下单`}
              </Text>
            </View>
            <View className='dist-record-side'>
              <Text className={`dist-amount${c.status === 'CANCELLED' ? ' cancelled' : ''}`}>{priceText(c.amountCents)}</Text>
              <Text className={`dist-status commission-status-${c.status.toLowerCase()}`}>{COMMISSION_STATUS_LABEL[c.status] ?? c.status}</Text>
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='dist-page commissions-page'>
      <View className='dist-tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`dist-tab commission-tab-${t.key.toLowerCase()}${t.key === tab ? ' active' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {body}
    </View>
  )
}
