import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ListFooter from '@/components/ListFooter'
import OrderCard from '@/components/OrderCard'
import StateView from '@/components/StateView'
import { usePagedList } from '@/hooks/usePagedList'
import { listOrders, type OrderSummary } from '@/services/order'
import { orderDetailUrl, PAGES } from '@/utils/nav'
import { ORDER_TABS, tabFromQuery, type OrderTabKey } from '@/utils/order'
import './index.css'

export default function OrderListPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<OrderTabKey>(() => tabFromQuery(params.status))
  const current = ORDER_TABS.find((t) => t.key === tab)
  const status = current?.status
  const afterSale = current?.afterSale ? 'true' : undefined
  const list = usePagedList<OrderSummary>(tab, (page, pageSize) => listOrders({ status, afterSale, page, pageSize }), 10)

  // Coming back from an order (paid, cancelled, confirmed) shows fresh statuses.
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

  const open = (o: OrderSummary) => void Taro.navigateTo({ url: orderDetailUrl(o.id) })

  let body
  if (list.items.length === 0) {
    if (list.error && !list.loading) body = <StateView state='error' text={list.error} onRetry={() => void list.retry()} />
    else if (list.loading || !list.loaded) body = <StateView state='loading' />
    else body = <StateView state='empty' text='暂无相关订单' actionText='去逛逛' onAction={() => void Taro.switchTab({ url: PAGES.home })} />
  } else {
    body = (
      <View className='order-list'>
        {list.items.map((o) => (
          <OrderCard key={o.id} order={o} onClick={open} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <View className='order-list-page'>
      <View className='order-tabs'>
        {ORDER_TABS.map((t) => (
          <View key={t.key} className={`order-tab order-tab-${t.key.toLowerCase()}${t.key === tab ? ' active' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {body}
    </View>
  )
}
