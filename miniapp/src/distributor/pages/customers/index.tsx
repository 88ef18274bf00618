import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import ListFooter from '@/components/ListFooter'
import { ListStateView } from '@/components/StateView'
import { usePagedList } from '@/hooks/usePagedList'
import { assetUrl } from '@/services/config'
import { listCustomers, type BoundCustomerView } from '@/services/distribution'
import { priceText } from '@/utils/money'
import { formatDate } from '@/utils/time'
import '../../styles.css'
import './index.css'

/** 我的客户: the customers bound to this distributor, with what they bought. */
export default function CustomersPage() {
  const list = usePagedList<BoundCustomerView>('customers', (page, pageSize) => listCustomers(page, pageSize), 20, true, (c) => c.customerId)

  useReachBottom(() => {
    void list.loadMore()
  })

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  let body = <ListStateView list={list} emptyText='还没有绑定的客户，好友通过你的分享进入商城后会出现在这里' />
  if (list.items.length > 0) {
    body = (
      <View className='card customer-list'>
        <Text className='customer-total'>{`共 ${list.total} 位客户`}</Text>
        {list.items.map((c) => {
          const name = c.nickname || '微信用户'
          return (
            <View className='list-row dist-record customer-row' key={String(c.customerId)}>
              {c.avatarUrl ? (
                <Image className='customer-avatar' src={assetUrl(c.avatarUrl)} mode='aspectFill' />
              ) : (
                <View className='customer-avatar customer-avatar-text'>
                  <Text>{name.slice(0, 1)}</Text>
                </View>
              )}
              <View className='list-row-main'>
                <Text className='dist-record-title'>{name}</Text>
                <Text className='dist-record-sub'>{`${formatDate(c.boundAt)} 绑定 · ${formatDate(c.expiresAt)} 到期`}</Text>
              </View>
              <View className='dist-record-side'>
                <Text className='customer-paid'>{priceText(c.paidCents)}</Text>
                <Text className='dist-status'>{`${c.orders} 单`}</Text>
              </View>
            </View>
          )
        })}
        <ListFooter list={list} />
      </View>
    )
  }

  return <View className='dist-page customers-page'>{body}</View>
}
