import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MALL_LIMITS, pointsShort } from '@mc/shared'
import QtyStepper from '@/components/QtyStepper'
import StateView from '@/components/StateView'
import { useAddressChoice } from '@/hooks/useAddressChoice'
import { fullAddress } from '@/services/address'
import { assetUrl } from '@/services/config'
import { newIdempotencyKey } from '@/services/order'
import { payForOrder } from '@/services/payment'
import { getMallItem, MALL_ITEM_KIND_LABEL, mallPriceText, redeemBlocker, redeemItem, type MallItemView } from '@/services/points-mall'
import { errorMessage, isApiError } from '@/services/request'
import { takePickedAddress } from '@/stores/ui'
import { orderDetailUrl, paySuccessUrl } from '@/utils/nav'
import './index.css'

type Item = MallItemView & { balance: number }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** What one unit brings, after the kind's label. */
const KIND_NOTE: Record<MallItemView['kind'], (i: MallItemView) => string> = {
  GOODS: () => '',
  COUPON: () => '：每件一张，兑换后发到我的优惠券',
  CARD_DAYS: (i) => `：每件 ${i.cardDays} 天，兑换后会员卡立即延长`,
}

/**
 * A mall item: its price for the chosen quantity, the balance and 还差 X 积分 when short, the
 * address for goods (coupons and card days need none), and 立即兑换 (paid at once for points only; WeChat Pay when cash is due).
 */
export default function MallItemPage() {
  const { params } = useRouter()
  const [item, setItem] = useState<Item | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [qty, setQty] = useState(1)
  const { addresses, address, load: loadAddresses, pickerUrl } = useAddressChoice()
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  // one key per attempt: a double tap or a retry after a lost answer makes one redemption
  const key = useRef(newIdempotencyKey('redeem'))

  const load = useCallback(async () => {
    try {
      const found = await getMallItem(params.id ?? '')
      setItem(found)
      setError(null)
      setQty((q) => Math.max(1, Math.min(q, found.redeemable)))
      return found
    } catch (e) {
      setError(errorMessage(e))
      return null
    }
  }, [params.id])

  // also on coming back from the address pages: take their choice
  useDidShow(() => {
    const picked = takePickedAddress()
    void load().then((found) => {
      if (found?.kind === 'GOODS') void loadAddresses(picked?.id)
    })
  })

  if (!item) {
    return <View className='mall-item-page'>{error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}</View>
  }

  const isGoods = item.kind === 'GOODS'
  const blocker = redeemBlocker(item, item.balance, qty)
  const short = pointsShort(item.balance, item, qty)
  const maxQty = Math.max(1, Math.min(item.redeemable, MALL_LIMITS.qty.max))

  const openAddresses = () => void Taro.navigateTo({ url: pickerUrl })

  const redeem = async () => {
    if (busyRef.current) return
    if (blocker) {
      toast(blocker)
      return
    }
    if (isGoods && !address) {
      toast('请添加收货地址')
      return
    }
    busyRef.current = true
    setBusy(true)
    try {
      const res = await redeemItem({ itemId: item.id, qty, ...(isGoods ? { addressId: address!.id } : {}) }, key.current)
      key.current = newIdempotencyKey('redeem')
      if (res.status === 'PAID') {
        toast('兑换成功')
        void Taro.redirectTo({ url: orderDetailUrl(res.orderId) })
        return
      }
      const outcome = await payForOrder(res.orderId)
      if (outcome === 'paid') void Taro.redirectTo({ url: paySuccessUrl(res.orderId) })
      else if (outcome !== 'redirected') {
        // cancelled or no WeChat here: the order waits for payment on its page (unpaid, it expires and gives the points back)
        toast(outcome === 'cancelled' ? '支付已取消，可在订单中继续支付' : '请在微信中支付')
        void Taro.redirectTo({ url: orderDetailUrl(res.orderId) })
      }
    } catch (e) {
      toast(errorMessage(e))
      if (isApiError(e) && e.status === 409) void load()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <View className='mall-item-page'>
      {item.coverUrl ? (
        <Image className='mall-item-cover' src={assetUrl(item.coverUrl)} mode='aspectFill' />
      ) : (
        <View className='mall-item-cover mall-item-cover-blank'>
          <Text>{MALL_ITEM_KIND_LABEL[item.kind]}</Text>
        </View>
      )}
      <View className='card mall-item-info'>
        <Text className='mall-item-price'>{mallPriceText(item)}</Text>
        <Text className='mall-item-title'>{item.title}</Text>
        {item.description ? <Text className='mall-item-desc'>{item.description}</Text> : null}
        <Text className='mall-item-meta'>
          {[
            MALL_ITEM_KIND_LABEL[item.kind] + KIND_NOTE[item.kind](item),
            `剩余 ${item.stock} 件`,
            item.perCustomerLimit > 0 ? `每人限兑 ${item.perCustomerLimit} 件（已兑 ${item.redeemed} 件）` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>

      {isGoods ? (
        <View className={`card address-card${address ? '' : ' empty'}`} onClick={openAddresses}>
          {addresses === null ? (
            <Text className='address-loading'>地址加载中…</Text>
          ) : address ? (
            <View className='address-main'>
              <View className='address-who'>
                <Text className='address-name'>{address.name}</Text>
                <Text className='address-phone'>{address.phone}</Text>
              </View>
              <Text className='address-full'>{fullAddress(address)}</Text>
            </View>
          ) : (
            <Text className='address-add-text'>＋ 添加收货地址</Text>
          )}
          <Text className='address-arrow'>›</Text>
        </View>
      ) : null}

      <View className='card list-row mall-qty-row'>
        <Text>兑换数量</Text>
        <QtyStepper value={qty} max={maxQty} disabled={item.redeemable === 0} onChange={setQty} />
      </View>

      <View className='card mall-balance-row'>
        <Text>{`我的积分 ${item.balance}`}</Text>
        {short > 0 ? <Text className='mall-short'>{`还差 ${short} 积分`}</Text> : null}
      </View>

      <View className='bottom-bar mall-item-bar'>
        <View className='mall-item-total'>
          <Text className='mall-item-total-label'>合计</Text>
          <Text className='mall-item-total-value'>{mallPriceText(item, qty)}</Text>
        </View>
        <View className={`btn btn-primary mall-redeem${blocker || busy ? ' disabled' : ''}`} onClick={() => void redeem()}>
          <Text>{blocker ?? (item.cashCents > 0 ? '兑换并支付' : '立即兑换')}</Text>
        </View>
      </View>
    </View>
  )
}
