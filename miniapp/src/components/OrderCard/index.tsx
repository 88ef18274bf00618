import { Text, View } from '@tarojs/components'
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL } from '@mc/shared'
import type { OrderSummary } from '@/services/order'
import { priceText } from '@/utils/money'
import { specsText } from '@/utils/product'
import { wasPaid } from '@/utils/order'
import { formatDateTime } from '@/utils/time'
import './index.css'
import LazyImage from '@/components/LazyImage'

export interface OrderCardProps {
  order: OrderSummary
  onClick: (order: OrderSummary) => void
}

/** An order in the list: number, status, its lines (one in full, several as covers), count and amount. */
export default function OrderCard({ order, onClick }: OrderCardProps) {
  const single = order.lines.length === 1 ? order.lines[0] : null
  return (
    <View className='order-card' onClick={() => onClick(order)}>
      <View className='order-card-head'>
        <Text className='order-card-no'>{order.kind === 'GOODS' ? `订单号 ${order.orderNo}` : `${ORDER_KIND_LABEL[order.kind]} ${order.orderNo}`}</Text>
        <Text className={`order-card-status status-${order.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[order.status] ?? order.status}</Text>
      </View>
      {single ? (
        <View className='order-card-line'>
          <LazyImage className='order-card-cover' src={single.coverUrl} />
          <View className='order-card-line-info'>
            <Text className='order-card-title'>{single.title}</Text>
            {specsText(single.specs) ? <Text className='order-card-specs'>{specsText(single.specs)}</Text> : null}
          </View>
        </View>
      ) : (
        <View className='order-card-covers'>
          {order.lines.slice(0, 4).map((l, i) => (
            <LazyImage key={i} className='order-card-cover' src={l.coverUrl} />
          ))}
        </View>
      )}
      <View className='order-card-foot'>
        <Text className='order-card-time'>{formatDateTime(order.createdAt)}</Text>
        <Text className='order-card-sum'>
          {`共 ${order.itemCount} 件 ${wasPaid(order.status) ? '实付' : '应付'} `}
          <Text className='order-card-amount'>{priceText(order.payableCents)}</Text>
        </Text>
      </View>
    </View>
  )
}
