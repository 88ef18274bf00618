import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import CategoryRow from '@/components/CategoryRow'
import ProductList from '@/components/ProductList'
import { listCategories, type Category } from '@/services/catalog'
import { useBadges } from '@/hooks/useBadges'
import { useProductPager } from '@/hooks/useProductPager'
import { useDistributorShare } from '@/hooks/useDistributorShare'
import { useMemberDay } from '@/hooks/useMemberDay'
import { memberDayTarget, type MemberDayCurrent } from '@/services/membership'
import { openCategoryLater } from '@/stores/ui'
import { PAGES } from '@/utils/nav'
import { openProduct } from '@/utils/product'
import { formatLongCountdown } from '@/utils/time'
import './index.css'

const NO_FILTER = {}
const DAY_MS = 24 * 60 * 60 * 1000

/** The banner's headline from `GET /api/member-days/current` (null: keep the default). */
export function memberDayHeadline(md: MemberDayCurrent | null, now: number): string | null {
  if (!md) return null
  if (md.active && md.current) return '会员日进行中'
  if (!md.next) return null
  const ms = new Date(md.next.startsAt).getTime() - now
  if (Number.isNaN(ms)) return null
  return ms >= DAY_MS ? `距会员日还有 ${Math.ceil(ms / DAY_MS)} 天` : '会员日即将开始'
}

/** The banner's countdown: to the end of the member day on now, else to the start of the next; null when there is none. */
export function memberDayCountdown(md: MemberDayCurrent | null, now: number): { name: string; label: string; text: string } | null {
  const shown = memberDayTarget(md)
  if (!shown) return null
  return { name: shown.occurrence.name, label: shown.active ? '距结束' : '距开始', text: formatLongCountdown(shown.target - now) }
}

const HOME_SHARE = {}

export default function HomePage() {
  useBadges() // keeps the cart tab's badge current
  const pager = useProductPager(NO_FILTER, 10)
  const [categories, setCategories] = useState<Category[]>([])
  // on failure the banner keeps its default text; the countdown runs on the server's clock
  const { data: memberDay, now, load: loadMemberDay } = useMemberDay()
  const countdown = memberDayCountdown(memberDay, now)

  useDidShow(() => {
    void loadMemberDay()
  })

  const loadCategories = useCallback(async () => {
    try {
      setCategories(await listCategories())
    } catch {
      // the row simply stays hidden; the product list shows its own error state
    }
  }, [])

  useEffect(() => {
    void loadCategories()
  }, [loadCategories])

  useReachBottom(() => {
    void pager.loadMore()
  })

  usePullDownRefresh(() => {
    void Promise.all([pager.reload(), loadCategories(), loadMemberDay()]).finally(() => Taro.stopPullDownRefresh())
  })

  // an approved distributor's share card carries their ref
  useDistributorShare(HOME_SHARE, { title: '会员商城', path: PAGES.home })

  const selectCategory = (c: Category) => {
    openCategoryLater(c.id)
    void Taro.switchTab({ url: '/pages/category/index' })
  }

  return (
    <View className='home-page'>
      <View className='home-search' onClick={() => void Taro.navigateTo({ url: PAGES.search })}>
        <View className='home-search-icon' />
        <Text className='home-search-text'>搜索商品</Text>
      </View>
      <View className='home-banner member-day-banner' onClick={() => void Taro.navigateTo({ url: PAGES.memberDay })}>
        <Text className='home-banner-title'>{memberDayHeadline(memberDay, now) ?? '会员日 每月7号 双倍积分'}</Text>
        {countdown ? (
          <View className='home-banner-countdown-row'>
            <Text className='home-banner-name'>{countdown.name}</Text>
            <Text className='home-banner-countdown-label'>{countdown.label}</Text>
            <Text className='home-banner-countdown'>{countdown.text}</Text>
          </View>
        ) : null}
        <View className='home-banner-sub'>
          <Text>会员专享价 · </Text>
          <Text
            className='home-banner-checkin'
            onClick={(e) => {
              // the rest of the banner opens the member day; this part opens the check-in
              e.stopPropagation()
              void Taro.navigateTo({ url: PAGES.points })
            }}
          >
            签到领积分 ›
          </Text>
        </View>
      </View>
      <CategoryRow categories={categories.slice(0, 10)} onSelect={selectCategory} />
      <View className='section-title'>
        <Text>为你推荐</Text>
      </View>
      <ProductList
        items={pager.items}
        loading={pager.loading}
        error={pager.error}
        hasMore={pager.hasMore}
        onRetry={() => void pager.retry()}
        onItemClick={openProduct}
      />
    </View>
  )
}
