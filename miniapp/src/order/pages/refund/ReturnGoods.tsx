import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { REFUND_STATUS_LABEL } from '@mc/shared'
import { sendReturn, type OrderDetail, type Refund } from '@/services/order'
import { errorMessage } from '@/services/request'
import { priceText } from '@/utils/money'
import { formatDateTime } from '@/utils/time'
import ChoiceRow from './ChoiceRow'

const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '京东快递', '邮政 EMS', '极兔速递']
const TRACKING_MAX = 64

interface Props {
  order: OrderDetail
  refund: Refund
  /** After the parcel was recorded: show the refund as the server now has it. */
  onSent: () => void
}

/**
 * A refund whose goods must come back first: while it waits (AWAITING_RETURN) the customer names
 * the carrier and tracking number of the parcel; once sent (RETURN_SHIPPED) the page says what was
 * sent and that the money follows when the store has received it.
 */
export default function ReturnGoods({ order, refund, onSent }: Props) {
  const [carrierIndex, setCarrierIndex] = useState<number | null>(null)
  const [trackingNo, setTrackingNo] = useState('')
  const [sending, setSending] = useState(false)
  const parcel = refund.returnShipment

  const submit = async () => {
    if (sending) return
    const tracking = trackingNo.trim()
    if (carrierIndex === null) {
      void Taro.showToast({ title: '请选择退货快递公司', icon: 'none' })
      return
    }
    if (!tracking) {
      void Taro.showToast({ title: '请填写退货快递单号', icon: 'none' })
      return
    }
    setSending(true)
    try {
      await sendReturn(order.id, refund.id, { carrier: CARRIERS[carrierIndex], trackingNo: tracking })
      void Taro.showToast({ title: '已提交退货物流', icon: 'none' })
      onSent()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='return-goods'>
      <View className='card return-summary'>
        <View className='return-head'>
          <Text className='card-title'>{`退款单 ${refund.refundNo}`}</Text>
          <Text className='return-status'>{REFUND_STATUS_LABEL[refund.status]}</Text>
        </View>
        <Text className='info-row'>{`退款金额：${priceText(refund.amountCents)}`}</Text>
        {refund.reviewNote ? <Text className='info-row'>{`商家说明：${refund.reviewNote}`}</Text> : null}
        <Text className='return-tip'>
          {parcel ? '商家收到退货并确认后，退款将原路退回。' : '商家已同意退款。请把商品寄回商家，并填写快递公司和单号；商家收到退货后退款。'}
        </Text>
      </View>

      {parcel ? (
        <View className='card return-parcel'>
          <Text className='card-title'>退货物流</Text>
          <Text className='info-row return-parcel-carrier'>{`快递公司：${parcel.carrier}`}</Text>
          <Text className='info-row return-parcel-no'>{`快递单号：${parcel.trackingNo}`}</Text>
          <Text className='info-row'>{`寄出时间：${formatDateTime(parcel.shippedAt)}`}</Text>
        </View>
      ) : (
        <View className='card return-form'>
          <ChoiceRow className='return-carrier' label='快递公司' choices={CARRIERS} index={carrierIndex} onChange={setCarrierIndex} />
          <View className='return-tracking-row'>
            <Text className='refund-reason-label'>快递单号</Text>
            <Input
              className='return-tracking'
              value={trackingNo}
              maxlength={TRACKING_MAX}
              placeholder='请填写快递单号'
              placeholderClass='placeholder'
              onInput={(e) => setTrackingNo(e.detail.value)}
            />
          </View>
          <View className={`btn btn-primary return-submit${sending ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void submit()}>
            <Text>{sending ? '提交中…' : '提交退货物流'}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
