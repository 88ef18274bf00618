import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BP_SCALE, bpToBeiText } from '@mc/shared'
import StateView from '@/components/StateView'
import SubscribePrompt from '@/components/SubscribePrompt'
import { useMemberDay } from '@/hooks/useMemberDay'
import { memberDayTarget, type MemberDayOffer } from '@/services/membership'
import { useSession } from '@/stores/session'
import { priceText } from '@/utils/money'
import { memberCenterUrl, productUrl } from '@/utils/nav'
import { specsText } from '@/utils/product'
import { formatLongCountdown } from '@/utils/time'
import './index.css'
import LazyImage from '@/components/LazyImage'

export default function MemberDayPage() {
  const { user } = useSession()
  // counts down on the server's clock (its answer says what time it is there)
  const { data, error, now, load } = useMemberDay()

  useDidShow(() => {
    void load()
  })

  const shown = memberDayTarget(data)
  const occurrence = shown?.occurrence ?? null
  const target = shown?.target ?? NaN

  if (!data) {
    return (
      <View className='member-day-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }
  if (!occurrence) {
    return (
      <View className='member-day-page'>
        <StateView state='empty' text='暂无会员日安排，敬请期待' />
      </View>
    )
  }

  const active = data.active
  const openProduct = (o: MemberDayOffer) => void Taro.navigateTo({ url: productUrl(o.productId) })

  return (
    <View className='member-day-page'>
      <View className={`hero md-hero${active ? ' active' : ''}`}>
        <Text className='md-name'>{occurrence.name}</Text>
        <Text className='md-state'>{active ? '会员日进行中' : `下一场 ${occurrence.date}`}</Text>
        <View className='md-countdown-row'>
          <Text className='md-countdown-label'>{active ? '距结束' : '距开始'}</Text>
          <Text className='md-countdown'>{formatLongCountdown(target - now)}</Text>
        </View>
        <View className='md-tags'>
          {occurrence.pointsMultiplierBp > BP_SCALE ? (
            <Text className='md-badge md-points'>{`${bpToBeiText(occurrence.pointsMultiplierBp)}倍积分`}</Text>
          ) : null}
          <Text className='md-badge'>{occurrence.audience === 'PAID_MEMBERS' ? '付费会员专享' : '指定等级会员专享'}</Text>
        </View>
        {occurrence.perCustomerLimit > 0 ? (
          <Text className='md-limit'>{`会员日特价商品每人限购 ${occurrence.perCustomerLimit} 件`}</Text>
        ) : null}
      </View>

      {occurrence.audience === 'PAID_MEMBERS' && !user?.isMember ? (
        <View className='member-savings md-join' onClick={() => void Taro.navigateTo({ url: memberCenterUrl() })}>
          <Text>开通会员，会员日享专属价</Text>
          <Text className='member-savings-go'>去开通 ›</Text>
        </View>
      ) : null}
      {user ? <SubscribePrompt scene='member-day' text='会员日前一天、会员卡到期前和有新活动时提醒我' /> : null}

      <View className='card md-offers'>
        <Text className='card-title'>{active ? '会员日特价' : '会员日特价预告'}</Text>
        {occurrence.offers.length === 0 ? <Text className='md-empty'>本场暂无特价商品</Text> : null}
        {occurrence.offers.map((o) => (
          <View className='md-offer' key={String(o.skuId)} onClick={() => openProduct(o)}>
            <LazyImage className='md-offer-cover' src={o.coverUrl} />
            <View className='md-offer-info'>
              <Text className='md-offer-title'>{o.title}</Text>
              {specsText(o.specs) ? <Text className='md-offer-specs'>{specsText(o.specs)}</Text> : null}
              <View className='md-offer-prices'>
                <Text className='member-day-price'>{priceText(o.memberDayPriceCents)}</Text>
                <Text className='list-price'>{priceText(o.listPriceCents)}</Text>
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
