import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, RichText, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import QtyStepper from '@/components/QtyStepper'
import ShareBar from '@/components/ShareBar'
import SkuPicker from '@/components/SkuPicker'
import StateView from '@/components/StateView'
import { useDistributorShare } from '@/hooks/useDistributorShare'
import { addToCart, MAX_QTY_PER_LINE } from '@/services/cart'
import { getProduct, type ProductDetail } from '@/services/catalog'
import { assetUrl, assetUrlsIn } from '@/services/config'
import { errorMessage, isApiError } from '@/services/request'
import { useSession } from '@/stores/session'
import { priceText } from '@/utils/money'
import { checkoutUrl, memberCenterUrl, PAGES, productUrl } from '@/utils/nav'
import { memberDayOnlyText, monthDayText, priceDisplay } from '@/utils/price'
import { findSku, initialSelection, missingGroups, type SkuSelection } from '@/utils/sku'
import cartIcon from '@/assets/tab/cart.png'
import './index.css'

export default function ProductPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { user } = useSession()
  const [product, setProduct] = useState<ProductDetail | null>(null)
  const [error, setError] = useState<{ message: string; notFound: boolean } | null>(null)
  const [selection, setSelection] = useState<SkuSelection>({})
  const [qty, setQty] = useState(1)
  const [busy, setBusy] = useState(false)
  // the server prices the page for whoever is signed in: load again when that (or their card) changes
  const buyer = user ? `${user.id}:${user.isMember}` : ''

  const load = useCallback(async () => {
    setError(null)
    if (!id) {
      setError({ message: '商品不存在', notFound: true })
      return
    }
    try {
      const p = await getProduct(id)
      setProduct(p)
      setSelection(initialSelection(p.specGroups, p.skus))
      setQty(1)
    } catch (e) {
      setError({ message: isApiError(e) && e.status === 404 ? '商品不存在或已下架' : errorMessage(e), notFound: isApiError(e) && e.status === 404 })
    }
  }, [id, buyer])

  useEffect(() => {
    void load()
  }, [load])

  // an approved distributor's share card carries their ref
  const share = useDistributorShare(id ? { productId: id } : null, { title: product?.title ?? '会员商城', path: productUrl(id) })

  const sku = useMemo(() => (product ? findSku(product.specGroups, product.skus, selection) : null), [product, selection])
  const maxQty = sku ? Math.max(1, Math.min(sku.stock, MAX_QTY_PER_LINE)) : MAX_QTY_PER_LINE
  useEffect(() => {
    if (qty > maxQty) setQty(maxQty)
  }, [qty, maxQty])

  if (!product) {
    return (
      <View className='product-page'>
        {error ? (
          <StateView state='error' text={error.message} onRetry={error.notFound ? undefined : () => void load()} />
        ) : (
          <StateView state='loading' />
        )}
      </View>
    )
  }

  const images = product.images.length > 0 ? product.images : product.coverUrl ? [product.coverUrl] : []
  // the chosen SKU's price, else the product's (its cheapest SKU for this customer): what checkout charges
  const price = sku ? priceDisplay(sku, sku.priceCents) : priceDisplay(product, product.unitListPriceCents)
  const memberDayOnly = product.memberDayOnly
  const dayClosed = memberDayOnly != null && !memberDayOnly.open
  const memberGate = Boolean(product.memberOnly) && !user?.isMember
  const missing = missingGroups(product.specGroups, selection)
  const soldOut = product.skus.every((s) => s.stock <= 0)

  /** The SKU to buy, or null after telling the customer what is missing. */
  const chosenSku = () => {
    if (!sku) {
      void Taro.showToast({ title: missing.length ? `请选择${missing.join('、')}` : '该规格暂不可售', icon: 'none' })
      return null
    }
    if (sku.stock <= 0) {
      void Taro.showToast({ title: '该规格已售罄', icon: 'none' })
      return null
    }
    return sku
  }

  const onAddToCart = async () => {
    if (busy || memberGate || dayClosed) return
    const s = chosenSku()
    if (!s) return
    setBusy(true)
    try {
      await addToCart(s.id, qty)
      void Taro.showToast({ title: '已加入购物车', icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const onBuyNow = () => {
    if (memberGate || dayClosed) return
    const s = chosenSku()
    if (!s) return
    void Taro.navigateTo({ url: checkoutUrl([{ skuId: s.id, qty }]) })
  }

  return (
    <View className='product-page'>
      {images.length > 0 ? (
        <Swiper className='detail-gallery' indicatorDots={images.length > 1} circular={images.length > 1}>
          {images.map((src, i) => (
            <SwiperItem key={`${src}-${i}`}>
              <Image
                className='detail-image'
                src={assetUrl(src)}
                mode='aspectFill'
                lazyLoad
                onClick={() => void Taro.previewImage({ current: assetUrl(src), urls: images.map(assetUrl) })}
              />
            </SwiperItem>
          ))}
        </Swiper>
      ) : null}

      <View className='detail-price-panel'>
        <View className='detail-prices'>
          <Text className='detail-price'>{priceText(price.main)}</Text>
          {price.label ? <Text className='detail-price-label'>{price.label}</Text> : null}
          {price.struck != null ? <Text className='detail-list-price'>{priceText(price.struck)}</Text> : null}
          {price.memberPrice != null ? <Text className='detail-member-price'>{`会员价 ${priceText(price.memberPrice)}`}</Text> : null}
        </View>
        {memberDayOnly ? (
          <View className='detail-member-day-row'>
            <Text className={`detail-member-day-only${memberDayOnly.open ? ' live' : ''}`}>{memberDayOnlyText(memberDayOnly)}</Text>
          </View>
        ) : null}
      </View>
      {price.memberSaving != null ? (
        <View className='member-savings member-nudge' onClick={() => void Taro.navigateTo({ url: memberCenterUrl() })}>
          <Text>{`开通会员立省 ${priceText(price.memberSaving)}/件`}</Text>
          <Text className='member-savings-go'>去开通 ›</Text>
        </View>
      ) : null}

      <View className='detail-head'>
        <View className='detail-title-row'>
          {product.memberOnly ? <Text className='member-only-tag'>会员专享</Text> : null}
          <Text className='detail-title'>{product.title}</Text>
        </View>
        {product.subtitle ? <Text className='detail-subtitle'>{product.subtitle}</Text> : null}
      </View>

      <ShareBar payload={share} target={{ productId: product.id }} />

      <View className='card detail-sku'>
        <SkuPicker groups={product.specGroups} skus={product.skus} selection={selection} onChange={setSelection} />
        <View className='detail-qty-row'>
          <Text className='detail-qty-label'>数量</Text>
          <Text className='detail-stock'>
            {sku ? (sku.stock > 0 ? `库存 ${sku.stock} 件` : '已售罄') : soldOut ? '已售罄' : `请选择${missing.join('、')}`}
          </Text>
          <QtyStepper value={qty} max={maxQty} disabled={Boolean(sku && sku.stock <= 0)} onChange={setQty} />
        </View>
      </View>

      <View className='card detail-desc'>
        <Text className='card-title'>商品详情</Text>
        {/* sanitized HTML (the server keeps only safe tags); its pictures' paths need the API origin in weapp */}
        {product.description ? <RichText className='detail-desc-rich' nodes={assetUrlsIn(product.description)} /> : <Text className='detail-desc-text'>暂无详情</Text>}
      </View>

      <View className='bottom-bar detail-bar'>
        <View className='bar-cart' onClick={() => void Taro.switchTab({ url: PAGES.cart })}>
          <Image className='bar-cart-icon' src={cartIcon} mode='aspectFit' />
          <Text className='bar-cart-text'>购物车</Text>
        </View>
        {memberGate ? (
          <View className='btn btn-primary disabled bar-button buy-now member-gate'>
            <Text>开通会员后购买</Text>
          </View>
        ) : dayClosed ? (
          <View className='btn btn-primary disabled bar-button buy-now member-day-gate'>
            <Text>{memberDayOnly.onNow ? '开通会员后购买' : memberDayOnly.date ? `${monthDayText(memberDayOnly.date)} 会员日开抢` : '仅会员日开放'}</Text>
          </View>
        ) : (
          <>
            <View className={`btn btn-warn bar-button add-to-cart${busy || soldOut ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void onAddToCart()}>
              <Text>加入购物车</Text>
            </View>
            <View className={`btn btn-primary bar-button buy-now${soldOut ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={onBuyNow}>
              <Text>立即购买</Text>
            </View>
          </>
        )}
      </View>
    </View>
  )
}
