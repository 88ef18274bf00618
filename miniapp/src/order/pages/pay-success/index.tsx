import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import SubscribePrompt from '@/components/SubscribePrompt'
import { useOrder } from '@/hooks/useOrder'
import { priceText } from '@/utils/money'
import { orderDetailUrl, PAGES } from '@/utils/nav'
import './index.css'

/**
 * After WeChat reported the payment (or nothing was left to pay): the amount, the order number,
 * 查看订单 / 继续逛逛. The server's notification may land a moment later; the detail page
 * (`&paying=1`) keeps looking until the order shows paid.
 */
export default function PaySuccessPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { order, error, reload: load } = useOrder(id)

  if (!order) {
    return (
      <View className='pay-success-page'>{error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}</View>
    )
  }

  return (
    <View className='pay-success-page'>
      <View className='card pay-success-card'>
        <Text className='pay-success-icon'>✓</Text>
        <Text className='pay-success-title'>支付成功</Text>
        <Text className='pay-success-amount'>{priceText(order.payableCents)}</Text>
        <Text className='pay-success-no'>{`订单编号：${order.orderNo}`}</Text>
        <View className='pay-success-actions'>
          <View className='btn btn-ghost pay-success-view' onClick={() => void Taro.redirectTo({ url: `${orderDetailUrl(order.id)}&paying=1` })}>
            <Text>查看订单</Text>
          </View>
          <View className='btn btn-primary pay-success-home' hoverClass='btn-pressed' onClick={() => void Taro.switchTab({ url: PAGES.home })}>
            <Text>继续逛逛</Text>
          </View>
        </View>
      </View>
      {order.kind === 'GOODS' && <SubscribePrompt scene='after-order' text='发货时通过微信通知我' />}
    </View>
  )
}
