import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Input, Switch, Text, View } from '@tarojs/components'
import CouponPicker from '@/components/CouponPicker'
import OrderLineItem from '@/components/OrderLineItem'
import PriceBreakdown from '@/components/PriceBreakdown'
import StateView from '@/components/StateView'
import { useAddressChoice } from '@/hooks/useAddressChoice'
import { fullAddress } from '@/services/address'
import { decodeItems, encodeItems, previewCheckout, type CheckoutPreview } from '@/services/checkout'
import { getOrder, placeOrder, type OrderAddress, type PlacedOrder } from '@/services/order'
import { payForOrder } from '@/services/payment'
import { refreshMe } from '@/services/auth'
import { ApiError, errorMessage, isApiError } from '@/services/request'
import { checkoutSignature, finishCheckoutAttempt, type CheckoutAttempt, rememberPlacedOrder, resumeCheckoutAttempt } from '@/stores/checkout-attempt'
import { getSession } from '@/stores/session'
import { takePickedAddress } from '@/stores/ui'
import { formatYuan, priceText } from '@/utils/money'
import { checkoutUrl, memberCenterUrl, orderDetailUrl, PAGES, paySuccessUrl } from '@/utils/nav'
import './index.css'

export default function CheckoutPage() {
  const { params } = useRouter()
  const items = useMemo(() => decodeItems(params.items), [params.items])
  const fromCart = params.fromCart === '1'
  const signature = checkoutSignature(encodeItems(items), fromCart)
  // One key per checkout attempt (kept in storage until its order is paid or can no longer be): a double tap,
  // a retry after a lost answer, or coming back after cancelling WeChat Pay cannot make a second order.
  const attempt = useRef<CheckoutAttempt | null>(null)
  if (attempt.current === null) attempt.current = resumeCheckoutAttempt(signature)

  const [preview, setPreview] = useState<CheckoutPreview | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  // Points: the switch shows when the customer has some; `pointsOffer` is what the server would spend (the preview with usePoints).
  const [usePoints, setUsePoints] = useState(false)
  const usePointsRef = useRef(false)
  const [pointsBalance, setPointsBalance] = useState(() => getSession().user?.pointsBalance ?? 0)
  const [pointsOffer, setPointsOffer] = useState<{ pointsUsed: number; pointsValueCents: number } | null>(null)
  // The coupon: undefined until the customer picks (the server applies the best), then an id or null (none).
  const couponChoiceRef = useRef<number | null | undefined>(undefined)
  const { addresses, address, load: loadAddresses, pickerUrl } = useAddressChoice()
  const [note, setNote] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [placed, setPlaced] = useState<PlacedOrder | null>(null)
  const [payHint, setPayHint] = useState<string | null>(null)
  const busy = useRef(false)
  const [resuming, setResuming] = useState(() => attempt.current!.orderId != null)
  /** the address of the order this attempt placed earlier (it ships there, whatever the list's default now is) */
  const [resumedAddress, setResumedAddress] = useState<OrderAddress | null>(null)

  // Back on this page with an order this attempt placed: if it still waits for payment, pay that one.
  useEffect(() => {
    const remembered = attempt.current!
    if (remembered.orderId == null) return
    let live = true
    getOrder(remembered.orderId)
      .then((o) => {
        if (!live) return
        if (o.status === 'PENDING_PAYMENT' && o.expiresAt) {
          setPlaced({ id: o.id, orderNo: o.orderNo, kind: o.kind, status: 'PENDING_PAYMENT', payableCents: o.payableCents, expiresAt: o.expiresAt })
          setNote(o.note)
          setResumedAddress(o.address)
          setPayHint('订单待付款，可继续支付')
        } else {
          finishCheckoutAttempt(remembered)
          attempt.current = resumeCheckoutAttempt(signature)
        }
      })
      .catch((e) => {
        if (!live) return
        // gone: start afresh; otherwise keep the key (placing again with it answers the same order)
        if (isApiError(e) && e.status === 404) {
          finishCheckoutAttempt(remembered)
          attempt.current = resumeCheckoutAttempt(signature)
        }
      })
      .finally(() => {
        if (live) setResuming(false)
      })
    return () => {
      live = false
    }
  }, [signature])

  const loadPreview = useCallback(async () => {
    if (items.length === 0) return
    setPreviewError(null)
    const withPoints = usePointsRef.current
    let coupon = couponChoiceRef.current
    try {
      const priced = previewCheckout(items, withPoints, coupon).catch((e: unknown) => {
        // the coupon picked no longer applies (used elsewhere, expired): back to the best one
        if (!isApiError(e) || e.code !== 'INVALID_STATE' || coupon == null) throw e
        void Taro.showToast({ title: e.message, icon: 'none' })
        couponChoiceRef.current = coupon = undefined
        return previewCheckout(items, withPoints)
      })
      const [shown, me] = await Promise.all([priced, refreshMe()])
      if (withPoints !== usePointsRef.current || coupon !== couponChoiceRef.current) return // changed meanwhile: its own load answers
      const balance = me?.pointsBalance ?? 0
      setPointsBalance(balance)
      if (balance <= 0 && withPoints) {
        // nothing left to spend (used up elsewhere): the switch goes away and the order asks for none
        usePointsRef.current = false
        setUsePoints(false)
      }
      setPreview(shown)
      if (withPoints) setPointsOffer(shown)
      else setPointsOffer(balance > 0 ? await previewCheckout(items, true, shown.couponId ?? (coupon === null ? null : undefined)).catch(() => null) : null)
    } catch (e) {
      setPreviewError(errorMessage(e))
    }
  }, [items])

  const chooseCoupon = (id: number | null) => {
    if (placed) return
    couponChoiceRef.current = id
    void loadPreview()
  }

  const toggleUsePoints = (on: boolean) => {
    if (placed) return
    usePointsRef.current = on
    setUsePoints(on)
    void loadPreview()
  }

  // Also runs when coming back from the address pages (take their choice, re-read the list) and from the
  // member center (a card just bought: the preview now has member prices).
  useDidShow(() => {
    void loadPreview()
    const picked = takePickedAddress()
    void loadAddresses(picked?.id)
  })

  const shownAddress: (OrderAddress & { isDefault?: boolean }) | null = resumedAddress ?? address

  const pay = async (order: PlacedOrder) => {
    const outcome = await payForOrder(order.id)
    if (outcome === 'paid') {
      finishCheckoutAttempt(attempt.current!)
      // the success page; its 查看订单 opens the detail page, which looks again until WeChat's notification has landed
      void Taro.redirectTo({ url: paySuccessUrl(order.id) })
    } else if (outcome === 'cancelled') {
      setPayHint('支付已取消，订单待付款')
      void Taro.showToast({ title: '支付已取消', icon: 'none' })
    } else if (outcome === 'unsupported') {
      setPayHint('请在微信中支付')
      void Taro.showModal({ title: '提示', content: '请在微信中支付', showCancel: false })
    }
    // 'redirected': the browser is on its way to the simulator's cashier
  }

  const submit = async () => {
    if (busy.current || resuming) return
    if (!placed) {
      if (!preview) return
      if (preview.requiresMembership) {
        void Taro.showToast({ title: '含会员专享商品，开通会员后购买', icon: 'none' })
        return
      }
      if (!address) {
        void Taro.showToast({ title: '请添加收货地址', icon: 'none' })
        return
      }
    }
    busy.current = true
    setSubmitting(true)
    try {
      let order = placed
      if (!order) {
        const text = note.trim()
        order = await placeOrder(
          // the coupon the customer saw applied (or none): never a different one than the preview's
          { items, addressId: address!.id, ...(usePoints ? { usePoints: true } : {}), couponId: preview!.couponId, ...(text ? { note: text } : {}), ...(fromCart ? { fromCart: true } : {}) },
          attempt.current!.key,
        )
        attempt.current = rememberPlacedOrder(attempt.current!, order.id)
        setPlaced(order)
        setPayHint('订单已提交，待付款')
      }
      await pay(order)
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
      // the points or the coupon were used elsewhere meanwhile: show what is left
      if (e instanceof ApiError && (e.code === 'INSUFFICIENT_POINTS' || e.code === 'INVALID_STATE')) {
        if (e.code === 'INVALID_STATE') couponChoiceRef.current = undefined
        void loadPreview()
      }
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }

  const openAddresses = () => {
    if (placed) return
    void Taro.navigateTo({ url: pickerUrl })
  }

  if (items.length === 0) {
    return (
      <View className='checkout-page'>
        <StateView state='empty' text='没有要结算的商品' actionText='去逛逛' onAction={() => void Taro.switchTab({ url: PAGES.home })} />
      </View>
    )
  }
  if (!preview) {
    return (
      <View className='checkout-page'>
        {previewError ? <StateView state='error' text={previewError} onRetry={() => void loadPreview()} /> : <StateView state='loading' />}
      </View>
    )
  }

  const lineTitles = Object.fromEntries(preview.lines.map((l) => [l.lineId, l.title]))

  return (
    <View className='checkout-page'>
      <View className={`card address-card${shownAddress ? '' : ' empty'}`} onClick={openAddresses}>
        {addresses === null && !resumedAddress ? (
          <Text className='address-loading'>地址加载中…</Text>
        ) : shownAddress ? (
          <View className='address-main'>
            <View className='address-who'>
              <Text className='address-name'>{shownAddress.name}</Text>
              <Text className='address-phone'>{shownAddress.phone}</Text>
              {shownAddress.isDefault ? <Text className='address-default-tag'>默认</Text> : null}
            </View>
            <Text className='address-full'>{fullAddress(shownAddress)}</Text>
          </View>
        ) : (
          <Text className='address-add-text'>＋ 添加收货地址</Text>
        )}
        {placed ? null : <Text className='address-arrow'>›</Text>}
      </View>

      <View className='card checkout-lines'>
        {preview.lines.map((l) => (
          <OrderLineItem key={l.lineId} page='checkout' coverUrl={l.coverUrl} title={l.title} specs={l.specs} unitPriceCents={l.unitPriceCents} qty={l.qty} />
        ))}
      </View>

      <View className='card'>
        <PriceBreakdown
          goodsCents={preview.goodsCents}
          adjustments={preview.adjustments}
          shippingCents={preview.shippingCents}
          payableCents={preview.payableCents}
          payableLabel='应付款'
          lineTitles={lineTitles}
        />
      </View>

      <CouponPicker
        usable={preview.usableCoupons}
        unusable={preview.unusableCoupons}
        chosenId={preview.couponId}
        couponCents={preview.couponCents}
        disabled={Boolean(placed)}
        onChoose={chooseCoupon}
      />

      {pointsBalance > 0 && (pointsOffer === null || pointsOffer.pointsValueCents > 0) ? (
        <View className='card points-card'>
          <View className='points-text'>
            <Text className='points-label'>{pointsOffer ? `使用积分抵扣 ${formatYuan(pointsOffer.pointsValueCents)} 元` : '使用积分抵扣'}</Text>
            <Text className='points-hint'>{pointsOffer ? `用 ${pointsOffer.pointsUsed} 积分，共 ${pointsBalance} 积分` : `共 ${pointsBalance} 积分`}</Text>
          </View>
          <Switch className='points-switch' checked={usePoints} disabled={Boolean(placed)} color='#e4393c' onChange={(e) => toggleUsePoints(Boolean(e.detail.value))} />
        </View>
      ) : null}

      {preview.memberSavingsCents > 0 ? (
        <View
          className='member-savings checkout-member-savings join-nudge'
          onClick={() => void Taro.navigateTo({ url: memberCenterUrl(checkoutUrl(items, fromCart)) })}
        >
          <Text>{`开通会员本单立省 ${priceText(preview.memberSavingsCents)}`}</Text>
          <Text className='member-savings-go'>去开通 ›</Text>
        </View>
      ) : null}

      <View className='card note-card'>
        <Text className='note-label'>订单备注</Text>
        <Input
          className='order-note'
          value={note}
          maxlength={200}
          disabled={Boolean(placed)}
          placeholder='选填，给商家留言'
          placeholderClass='placeholder'
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>

      {preview.requiresMembership ? <Text className='checkout-warning'>订单含会员专享商品，开通会员后才能购买</Text> : null}

      <View className='bottom-bar checkout-bar'>
        <View className='checkout-total'>
          {placed ? (
            <Text className='checkout-pay-hint'>{payHint ?? '订单待付款'}</Text>
          ) : (
            <>
              <Text>应付：</Text>
              <Text className='checkout-total-amount'>{priceText(preview.payableCents)}</Text>
            </>
          )}
        </View>
        {placed ? (
          <>
            <View className='btn btn-ghost checkout-view-order' onClick={() => void Taro.redirectTo({ url: orderDetailUrl(placed.id) })}>
              <Text>查看订单</Text>
            </View>
            <View className={`btn btn-primary pay-button${submitting ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void submit()}>
              <Text>去支付</Text>
            </View>
          </>
        ) : (
          <View
            className={`btn btn-primary submit-order${submitting || preview.requiresMembership ? ' disabled' : ''}`}
            hoverClass='btn-pressed'
            onClick={() => void submit()}
          >
            <Text>{submitting ? '提交中…' : '提交订单'}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
