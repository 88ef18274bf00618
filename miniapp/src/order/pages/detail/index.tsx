import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORDER_STATUS_LABEL, REFUND_STATUS_LABEL } from '@mc/shared'
import OrderLineItem from '@/components/OrderLineItem'
import PriceBreakdown from '@/components/PriceBreakdown'
import StateView from '@/components/StateView'
import { fullAddress } from '@/services/address'
import { cancelOrder, confirmOrder, getOrder, type OrderDetail } from '@/services/order'
import { payForOrder } from '@/services/payment'
import { errorMessage, isApiError } from '@/services/request'
import { priceText } from '@/utils/money'
import { PAGES, paySuccessUrl } from '@/utils/nav'
import { actorText, historyText, wasPaid } from '@/utils/order'
import { formatCountdown, formatDateTime } from '@/utils/time'
import './index.css'

/** After paying, WeChat's notification may land a moment later: look again a few times. */
const PAY_POLL_MS = 1500
const PAY_POLL_TIMES = 6

export default function OrderDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [error, setError] = useState<{ message: string; notFound: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [awaitingPayment, setAwaitingPayment] = useState(params.paying === '1')
  const [now, setNow] = useState(() => Date.now())
  const polls = useRef(0)
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    setError(null)
    try {
      const o = await getOrder(id)
      if (mine !== seq.current) return
      setOrder(o)
      setNow(Date.now())
    } catch (e) {
      if (mine !== seq.current) return
      const notFound = isApiError(e) && e.status === 404
      setError({ message: notFound ? '订单不存在' : errorMessage(e), notFound })
    }
  }, [id])

  // First show and every return (e.g. from the refund page).
  useDidShow(() => {
    void load()
  })

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const pending = order?.status === 'PENDING_PAYMENT'

  useEffect(() => {
    if (!awaitingPayment || !order) return
    if (!pending || polls.current >= PAY_POLL_TIMES) {
      setAwaitingPayment(false)
      return
    }
    const t = setTimeout(() => {
      polls.current++
      void load()
    }, PAY_POLL_MS)
    return () => clearTimeout(t)
  }, [awaitingPayment, order, pending, load])

  const expiresAt = pending && order?.expiresAt ? new Date(order.expiresAt).getTime() : null
  useEffect(() => {
    if (expiresAt === null) return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [expiresAt])

  if (!order) {
    return (
      <View className='order-detail-page'>
        {error ? <StateView state='error' text={error.message} onRetry={error.notFound ? undefined : () => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }

  const run = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
      void load()
    } finally {
      setBusy(false)
    }
  }

  const pay = () =>
    run(async () => {
      const outcome = await payForOrder(order.id)
      // paid: the success page, as after checkout (its 查看订单 comes back here and waits for the notification)
      if (outcome === 'paid') void Taro.redirectTo({ url: paySuccessUrl(order.id) })
      else if (outcome === 'cancelled') {
        void Taro.showToast({ title: '支付已取消', icon: 'none' })
      } else if (outcome === 'unsupported') {
        void Taro.showModal({ title: '提示', content: '请在微信中支付', showCancel: false })
      }
    })

  const cancel = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({ title: '取消订单', content: '确定要取消这个订单吗？', confirmText: '取消订单', cancelText: '再想想' })
      if (!confirm) return
      setOrder(await cancelOrder(order.id))
      void Taro.showToast({ title: '订单已取消', icon: 'none' })
    })

  const confirmReceipt = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({ title: '确认收货', content: '请确认已收到商品', confirmText: '确认收货' })
      if (!confirm) return
      setOrder(await confirmOrder(order.id))
      void Taro.showToast({ title: '已确认收货', icon: 'success' })
    })

  const remaining = expiresAt !== null ? expiresAt - now : null
  const lineTitles = Object.fromEntries(order.lines.map((l) => [String(l.id), l.title]))
  const actions = order.actions

  return (
    <View className='order-detail-page'>
      <View className={`order-header status-${order.status.toLowerCase()}`}>
        <Text className='order-status'>{ORDER_STATUS_LABEL[order.status] ?? order.status}</Text>
        {pending && remaining !== null ? (
          <Text className='order-countdown'>{remaining > 0 ? `剩余 ${formatCountdown(remaining)}，超时订单将自动取消` : '支付已超时，订单即将取消'}</Text>
        ) : null}
        {awaitingPayment && pending ? <Text className='order-sub'>正在确认支付结果…</Text> : null}
        {order.status === 'PAID' ? <Text className='order-sub'>商家正在备货，请耐心等待</Text> : null}
        {order.status === 'SHIPPED' && order.shipment ? <Text className='order-sub'>{`${order.shipment.carrier} ${order.shipment.trackingNo}`}</Text> : null}
      </View>

      {order.shipment ? (
        <View className='card shipment-card'>
          <Text className='card-title'>物流信息</Text>
          <Text className='info-row'>{`物流公司：${order.shipment.carrier}`}</Text>
          <Text className='info-row shipment-no'>{`运单号：${order.shipment.trackingNo}`}</Text>
          <Text className='info-row'>{`发货时间：${formatDateTime(order.shipment.shippedAt)}`}</Text>
        </View>
      ) : null}

      {order.address ? (
        <View className='card'>
          <View className='address-who'>
            <Text className='address-name'>{order.address.name}</Text>
            <Text className='address-phone'>{order.address.phone}</Text>
          </View>
          <Text className='address-full'>{fullAddress(order.address)}</Text>
        </View>
      ) : null}

      <View className='card'>
        {order.lines.map((l) => (
          <OrderLineItem key={l.id} page='detail' coverUrl={l.coverUrl} title={l.title} specs={l.specs} unitPriceCents={l.unitPriceCents} qty={l.qty}>
            {l.refundedQty > 0 ? <Text className='detail-line-refunded'>{`已退 ${l.refundedQty} 件`}</Text> : null}
          </OrderLineItem>
        ))}
        <PriceBreakdown
          goodsCents={order.goodsCents}
          adjustments={order.adjustments}
          shippingCents={order.shippingCents}
          payableCents={order.payableCents}
          payableLabel={wasPaid(order.status) ? '实付款' : '应付款'}
          lineTitles={lineTitles}
        />
        {order.kind === 'POINTS_REDEMPTION' ? (
          <View className='breakdown-row'>
            <Text className='breakdown-label'>兑换积分</Text>
            <Text className='breakdown-value redemption-points'>{`${order.pointsUsed} 积分`}</Text>
          </View>
        ) : null}
        {order.refundedCents > 0 ? (
          <View className='breakdown-row'>
            <Text className='breakdown-label'>已退款</Text>
            <Text className='breakdown-value refunded-amount'>{priceText(order.refundedCents)}</Text>
          </View>
        ) : null}
      </View>

      {order.refunds.length > 0 ? (
        <View className='card refunds-card'>
          <Text className='card-title'>售后记录</Text>
          {order.refunds.map((r) => (
            <View className='refund-item' key={r.id}>
              <View className='refund-head'>
                <Text className='refund-no'>{`退款单 ${r.refundNo}`}</Text>
                <Text className={`refund-status refund-${r.status.toLowerCase()}`}>{REFUND_STATUS_LABEL[r.status] ?? r.status}</Text>
              </View>
              <Text className='info-row'>{`退款金额：${priceText(r.amountCents)}`}</Text>
              <Text className='info-row'>{`退款原因：${r.reason}`}</Text>
              {r.reviewNote ? <Text className='info-row'>{`商家说明：${r.reviewNote}`}</Text> : null}
              {r.returnShipment ? <Text className='info-row return-parcel'>{`退货物流：${r.returnShipment.carrier} ${r.returnShipment.trackingNo}`}</Text> : null}
              <Text className='info-row'>{`申请时间：${formatDateTime(r.createdAt)}`}</Text>
              {r.status === 'AWAITING_RETURN' ? (
                <View className='btn btn-primary btn-small send-return' onClick={() => void Taro.navigateTo({ url: `${PAGES.refund}?id=${order.id}` })}>
                  <Text>填写退货物流</Text>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card-title'>订单信息</Text>
        <Text className='info-row order-no'>{`订单编号：${order.orderNo}`}</Text>
        <Text className='info-row'>{`下单时间：${formatDateTime(order.createdAt)}`}</Text>
        {order.payment?.paidAt ? <Text className='info-row'>{`支付时间：${formatDateTime(order.payment.paidAt)}`}</Text> : null}
        {order.note ? <Text className='info-row'>{`订单备注：${order.note}`}</Text> : null}
      </View>

      {order.history.length > 0 ? (
        <View className='card'>
          <Text className='card-title'>订单进度</Text>
          <View className='timeline'>
            {[...order.history].reverse().map((h, i) => (
              <View className={`timeline-item${i === 0 ? ' latest' : ''}`} key={`${h.at}-${i}`}>
                <View className='timeline-dot' />
                <View className='timeline-body'>
                  <Text className='timeline-text'>{`${historyText(h)}（${actorText(h.actor)}）`}</Text>
                  <Text className='timeline-time'>{formatDateTime(h.at)}</Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {actions.length > 0 ? (
        <View className='bottom-bar order-actions'>
          {actions.includes('cancel') ? (
            <View className={`btn btn-ghost btn-small cancel-order${busy ? ' disabled' : ''}`} onClick={() => void cancel()}>
              <Text>取消订单</Text>
            </View>
          ) : null}
          {actions.includes('refund') ? (
            <View className='btn btn-ghost btn-small apply-refund' onClick={() => void Taro.navigateTo({ url: `${PAGES.refund}?id=${order.id}` })}>
              <Text>申请退款</Text>
            </View>
          ) : null}
          {actions.includes('confirm') ? (
            <View className={`btn btn-primary btn-small confirm-receipt${busy ? ' disabled' : ''}`} onClick={() => void confirmReceipt()}>
              <Text>确认收货</Text>
            </View>
          ) : null}
          {actions.includes('pay') ? (
            <View className={`btn btn-primary btn-small pay-button${busy ? ' disabled' : ''}`} onClick={() => void pay()}>
              <Text>去支付</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
