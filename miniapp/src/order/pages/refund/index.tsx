import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import QtyStepper from '@/components/QtyStepper'
import StateView from '@/components/StateView'
import { useOrder } from '@/hooks/useOrder'
import { requestRefund, type OrderLine } from '@/services/order'
import { errorMessage } from '@/services/request'
import { priceText } from '@/utils/money'
import { orderDetailUrl } from '@/utils/nav'
import { goBackOr } from '@/utils/order'
import { refundEstimate, type RefundPick } from '@/utils/refund'
import { specsText } from '@/utils/product'
import ChoiceRow from './ChoiceRow'
import ReturnGoods from './ReturnGoods'
import './index.css'
import LazyImage from '@/components/LazyImage'

const REFUND_REASONS = ['不想要了', '拍错/多拍', '商品与描述不符', '质量问题', '少件/漏发', '未按约定时间发货', '其他']
/** The server takes at most 200 characters of reason; the picked reason and '：' come first. */
const DETAIL_MAX = 150

type Mode = 'whole' | 'partial'

const remainingQty = (l: OrderLine) => l.qty - l.refundedQty

export default function RefundPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { order, error, reload: load } = useOrder(id)
  const [mode, setMode] = useState<Mode>('whole')
  /** order line id → qty to refund (lines not in it are not chosen) */
  const [chosen, setChosen] = useState<Record<string, number>>({})
  const [reasonIndex, setReasonIndex] = useState<number | null>(null)
  const [detail, setDetail] = useState('')
  const [submitting, setSubmitting] = useState(false)

  if (!order) {
    return <View className='refund-page'>{error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}</View>
  }
  // a refund that waits for the goods: this page is where the customer sends them back
  const returning = order.refunds.find((r) => r.status === 'AWAITING_RETURN' || r.status === 'RETURN_SHIPPED')
  if (returning) {
    return (
      <View className='refund-page'>
        <ReturnGoods order={order} refund={returning} onSent={() => void load()} />
      </View>
    )
  }
  if (!order.actions.includes('refund')) {
    return (
      <View className='refund-page'>
        <StateView state='empty' text='该订单当前不能申请退款' actionText='返回订单' onAction={() => goBackOr(orderDetailUrl(order.id))} />
      </View>
    )
  }

  const refundable = order.lines.filter((l) => remainingQty(l) > 0)
  const picks: RefundPick[] =
    mode === 'whole'
      ? refundable.map((l) => ({ orderLineId: l.id, qty: remainingQty(l) }))
      : Object.entries(chosen)
          .filter(([, qty]) => qty > 0)
          .map(([orderLineId, qty]) => ({ orderLineId: Number(orderLineId), qty }))
  const estimate = refundEstimate(order, picks)

  const toggleLine = (l: OrderLine) => {
    setChosen((c) => {
      const next = { ...c }
      if (next[String(l.id)]) delete next[String(l.id)]
      else next[String(l.id)] = remainingQty(l)
      return next
    })
  }

  const submit = async () => {
    if (submitting) return
    if (reasonIndex === null) {
      void Taro.showToast({ title: '请选择退款原因', icon: 'none' })
      return
    }
    const lines = picks
    if (mode === 'partial' && lines.length === 0) {
      void Taro.showToast({ title: '请选择要退的商品', icon: 'none' })
      return
    }
    const text = detail.trim()
    const reason = text ? `${REFUND_REASONS[reasonIndex]}：${text}` : REFUND_REASONS[reasonIndex]
    setSubmitting(true)
    try {
      const refund = await requestRefund(order.id, mode === 'whole' ? { reason } : { reason, lines })
      void Taro.showToast({ title: `已提交，退款 ${priceText(refund.amountCents)}`, icon: 'none' })
      goBackOr(orderDetailUrl(order.id))
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='refund-page'>
      <View className='card refund-modes'>
        <View className={`refund-mode refund-mode-whole${mode === 'whole' ? ' active' : ''}`} onClick={() => setMode('whole')}>
          <Text>整单退款</Text>
        </View>
        <View className={`refund-mode refund-mode-partial${mode === 'partial' ? ' active' : ''}`} onClick={() => setMode('partial')}>
          <Text>部分退款</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='card-title'>{mode === 'whole' ? '退还以下全部商品' : '选择要退的商品和数量'}</Text>
        {refundable.map((l) => {
          const qty = chosen[String(l.id)] ?? 0
          return (
            <View className={`line-item refund-line${qty ? ' chosen' : ''}`} key={l.id}>
              {mode === 'partial' ? <View className={`check refund-line-check${qty ? ' checked' : ''}`} onClick={() => toggleLine(l)} /> : null}
              <LazyImage className='line-cover refund-line-cover' src={l.coverUrl} />
              <View className='line-info refund-line-info'>
                <Text className='line-title refund-line-title'>{l.title}</Text>
                {specsText(l.specs) ? <Text className='line-specs refund-line-specs'>{specsText(l.specs)}</Text> : null}
                <View className='refund-line-row'>
                  <Text className='refund-line-paid'>{`实付 ${priceText(l.cashPaidCents)}`}</Text>
                  {mode === 'partial' && qty > 0 ? (
                    <QtyStepper value={qty} max={remainingQty(l)} onChange={(v) => setChosen((c) => ({ ...c, [String(l.id)]: v }))} />
                  ) : (
                    <Text className='refund-line-qty'>{`可退 ${remainingQty(l)} 件`}</Text>
                  )}
                </View>
              </View>
            </View>
          )
        })}
        <View className='refund-estimate'>
          <Text className='refund-estimate-label'>退款金额</Text>
          <View className='refund-estimate-value'>
            <Text className='refund-amount'>{priceText(estimate.amountCents)}</Text>
            {estimate.shippingCents > 0 ? <Text className='refund-shipping'>{`含运费 ${priceText(estimate.shippingCents)}`}</Text> : null}
          </View>
        </View>
        <Text className='refund-tip'>按实付金额计算，以商家审核后实际退回为准</Text>
      </View>

      <View className='card'>
        <ChoiceRow label='退款原因' choices={REFUND_REASONS} index={reasonIndex} onChange={setReasonIndex} />
        <Textarea
          className='refund-detail'
          value={detail}
          maxlength={DETAIL_MAX}
          placeholder='补充说明（选填）'
          placeholderClass='placeholder'
          onInput={(e) => setDetail(e.detail.value)}
        />
      </View>

      <View className='refund-actions'>
        <View className={`btn btn-primary refund-submit${submitting ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void submit()}>
          <Text>{submitting ? '提交中…' : '提交申请'}</Text>
        </View>
      </View>
    </View>
  )
}
