import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import { assetUrl } from '@/services/config'
import { listMallItems, MALL_ITEM_KIND_LABEL, mallPriceText, redeemBlocker, type MallItemView } from '@/services/points-mall'
import { errorMessage } from '@/services/request'
import { mallItemUrl, PAGES } from '@/utils/nav'
import './index.css'

/** 积分商城: the balance and the items on shelf, each with what stops the customer redeeming it (还差 X 积分, 已兑完, 已兑满). */
export default function PointsMallPage() {
  const [data, setData] = useState<{ balance: number; items: MallItemView[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setData(await listMallItems())
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return <View className='mall-page'>{error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}</View>
  }

  return (
    <View className='mall-page'>
      <View className='hero mall-hero'>
        <View className='mall-hero-main'>
          <Text className='mall-hero-label'>我的积分</Text>
          <Text className='mall-balance'>{String(data.balance)}</Text>
        </View>
        <View className='mall-records-link' onClick={() => void Taro.navigateTo({ url: PAGES.redemptions })}>
          <Text>兑换记录 ›</Text>
        </View>
      </View>
      {data.items.length === 0 ? (
        <StateView state='empty' text='暂无可兑换的商品' />
      ) : (
        <View className='mall-grid'>
          {data.items.map((item) => {
            const blocker = redeemBlocker(item, data.balance)
            return (
              <View className='mall-card' key={item.id} onClick={() => void Taro.navigateTo({ url: mallItemUrl(item.id) })}>
                {item.coverUrl ? <Image className='mall-cover' src={assetUrl(item.coverUrl)} mode='aspectFill' lazyLoad /> : <View className='mall-cover mall-cover-blank'><Text>{MALL_ITEM_KIND_LABEL[item.kind]}</Text></View>}
                <View className='mall-card-body'>
                  <Text className='mall-title'>{item.title}</Text>
                  <Text className='mall-price'>{mallPriceText(item)}</Text>
                  <Text className={`mall-note${blocker ? ' short' : ''}`}>{blocker ?? (item.perCustomerLimit > 0 ? `每人限兑 ${item.perCustomerLimit} 件` : `剩余 ${item.stock} 件`)}</Text>
                </View>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
