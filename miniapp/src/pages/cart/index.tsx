import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import QtyStepper from '@/components/QtyStepper'
import StateView from '@/components/StateView'
import { getCart, lineProblem, MAX_QTY_PER_LINE, putCartItem, removeCartItem, type Cart, type CartLine } from '@/services/cart'
import { showCartBadge } from '@/services/badges'
import { errorMessage } from '@/services/request'
import { priceText } from '@/utils/money'
import { checkoutUrl, PAGES } from '@/utils/nav'
import type { CheckoutPreview } from '@/services/checkout'
import { openProduct, specsText } from '@/utils/product'
import './index.css'
import LazyImage from '@/components/LazyImage'

/**
 * 已优惠 (the goods' discounts) · 含运费 / 免运费. `shippingCents` is the fee before any waiver and
 * `discountCents` counts the waiver too; a waived fee is 免运费, neither a discount nor a charge.
 */
function totalSubText(p: Pick<CheckoutPreview, 'discountCents' | 'shippingCents' | 'shippingPaidCents'>): string {
  const waivedCents = p.shippingCents - p.shippingPaidCents
  const goodsDiscountCents = p.discountCents - waivedCents
  const shipping = p.shippingPaidCents > 0 ? `含运费 ${priceText(p.shippingPaidCents)}` : '免运费'
  return goodsDiscountCents > 0 ? `已优惠 ${priceText(goodsDiscountCents)} · ${shipping}` : shipping
}

export default function CartPage() {
  const [cart, setCart] = useState<Cart | null>(null)
  const [error, setError] = useState<string | null>(null)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const loadSeq = useRef(0)

  const load = useCallback(async () => {
    const seq = ++loadSeq.current
    setError(null)
    try {
      const c = await getCart()
      if (seq === loadSeq.current) setCart(c)
    } catch (e) {
      if (seq === loadSeq.current) setError(errorMessage(e))
    }
  }, [])

  useDidShow(() => {
    void load()
  })

  // the cart tab's badge follows the cart on screen (every change answers the whole cart)
  useEffect(() => {
    if (cart) showCartBadge(cart.items.reduce((n, i) => n + i.qty, 0))
  }, [cart])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  /** Cart changes run one at a time, each answer (the whole cart) replacing the last. */
  const mutate = (change: () => Promise<Cart>) => {
    const run = queue.current.then(async () => {
      try {
        const c = await change()
        loadSeq.current++ // an older GET in flight must not overwrite this
        setCart(c)
      } catch (e) {
        void Taro.showToast({ title: errorMessage(e), icon: 'none' })
        void load()
      }
    })
    queue.current = run
    return run
  }

  const setQty = (line: CartLine, qty: number) => mutate(() => putCartItem(line.skuId, qty))
  const toggle = (line: CartLine) => {
    if (!line.available) return
    void mutate(() => putCartItem(line.skuId, line.qty, !line.selected))
  }
  const remove = async (line: CartLine) => {
    const { confirm } = await Taro.showModal({ title: '删除商品', content: `确定从购物车删除“${line.title}”吗？`, confirmText: '删除', confirmColor: '#e4393c' })
    if (confirm) await mutate(() => removeCartItem(line.skuId))
  }

  if (!cart) {
    return (
      <View className='cart-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }

  if (cart.items.length === 0) {
    return (
      <View className='cart-page cart-empty'>
        <Text className='cart-empty-title'>购物车还是空的</Text>
        <Text className='cart-empty-sub'>去挑几件喜欢的商品吧</Text>
        <View className='btn btn-primary cart-go-shopping' onClick={() => void Taro.switchTab({ url: PAGES.home })}>
          <Text>去逛逛</Text>
        </View>
      </View>
    )
  }

  const available = cart.items.filter((l) => l.available)
  const chosen = available.filter((l) => l.selected)
  const allSelected = available.length > 0 && chosen.length === available.length
  const preview = cart.preview

  const selectAll = () => {
    const target = !allSelected
    for (const line of available) if (line.selected !== target) void mutate(() => putCartItem(line.skuId, line.qty, target))
  }

  const goCheckout = () => {
    if (chosen.length === 0 || !preview) {
      void Taro.showToast({ title: '请选择要结算的商品', icon: 'none' })
      return
    }
    void Taro.navigateTo({ url: checkoutUrl(chosen.map((l) => ({ skuId: l.skuId, qty: l.qty })), true) })
  }

  return (
    <View className='cart-page'>
      <View className='cart-lines'>
        {cart.items.map((line) => {
          const problem = lineProblem(line)
          const checked = line.available && line.selected
          return (
            <View key={line.skuId} className={`cart-line${problem ? ' unavailable' : ''}`}>
              <View className={`check cart-check${checked ? ' checked' : ''}${line.available ? '' : ' disabled'}`} onClick={() => toggle(line)} />
              <LazyImage className='cart-cover' src={line.coverUrl} onClick={() => openProduct({ id: line.productId })} />
              <View className='cart-info'>
                <View className='cart-title-row'>
                  <Text className='cart-title'>{line.title}</Text>
                  <Text className='cart-remove' onClick={() => void remove(line)}>
                    删除
                  </Text>
                </View>
                {specsText(line.specs) ? <Text className='cart-specs'>{specsText(line.specs)}</Text> : null}
                {problem ? <Text className='cart-problem'>{problem === '库存不足' && line.stock > 0 ? `库存不足（仅剩 ${line.stock} 件）` : problem}</Text> : null}
                <View className='cart-price-row'>
                  <View className='cart-prices'>
                    <Text className='cart-price'>{priceText(line.unitPriceCents)}</Text>
                    {line.unitPriceCents < line.priceCents ? <Text className='cart-list-price'>{priceText(line.priceCents)}</Text> : null}
                  </View>
                  <QtyStepper
                    value={line.qty}
                    max={Math.max(1, Math.min(line.stock, MAX_QTY_PER_LINE))}
                    disabled={line.stock <= 0 || problem === '已失效'}
                    onChange={(qty) => void setQty(line, qty)}
                  />
                </View>
              </View>
            </View>
          )
        })}
      </View>

      {preview && preview.memberSavingsCents > 0 ? (
        <View className='member-savings' onClick={() => void Taro.navigateTo({ url: PAGES.memberCenter })}>
          <Text>{`开通会员本单立省 ${priceText(preview.memberSavingsCents)}`}</Text>
          <Text className='member-savings-go'>去开通 ›</Text>
        </View>
      ) : null}

      <View className='bottom-bar cart-bar'>
        <View className='cart-select-all' onClick={selectAll}>
          <View className={`check${allSelected ? ' checked' : ''}${available.length ? '' : ' disabled'}`} />
          <Text>全选</Text>
        </View>
        <View className='cart-total'>
          <View className='cart-total-main'>
            <Text>合计：</Text>
            <Text className='cart-total-amount'>{priceText(preview?.payableCents ?? 0)}</Text>
          </View>
          {preview ? (
            <Text className='cart-total-sub'>{totalSubText(preview)}</Text>
          ) : null}
        </View>
        <View className={`btn btn-primary go-checkout${chosen.length && preview ? '' : ' disabled'}`} hoverClass='btn-pressed' onClick={goCheckout}>
          <Text>{`去结算${chosen.length ? `(${chosen.length})` : ''}`}</Text>
        </View>
      </View>
    </View>
  )
}
