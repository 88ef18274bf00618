import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { isLoggedIn, login, refreshMe } from '@/services/auth'
import { assetUrl } from '@/services/config'
import { useBadges } from '@/hooks/useBadges'
import { badgeText, type CustomerBadges } from '@/services/badges'
import { useSession } from '@/stores/session'
import { orderListUrl, PAGES } from '@/utils/nav'
import { formatDate } from '@/utils/time'
import { ORDER_TABS, type OrderTabKey } from '@/utils/order'
import './index.css'

const ENTRIES = [
  { key: 'member', title: '会员中心', desc: '会员价 · 会员日 · 专属权益', url: '/member/pages/center/index' },
  { key: 'order', title: '我的订单', desc: '查看全部订单', url: '/order/pages/list/index' },
  { key: 'address', title: '收货地址', desc: '管理收货地址', url: '/order/pages/address/index' },
  { key: 'points', title: '积分中心', desc: '每日签到领积分', url: PAGES.points },
  { key: 'coupons', title: '我的优惠券', desc: '可使用 · 已使用 · 已过期', url: PAGES.coupons },
  { key: 'distributor', title: '推广中心', desc: '分享赚佣金', url: PAGES.distributor },
] as const

/** A one-character badge per order tab (the labels all start with 待). */
const ORDER_ICON_TEXT: Partial<Record<OrderTabKey, string>> = { PENDING_PAYMENT: '付', PAID: '发', SHIPPED: '收', COMPLETED: '完', AFTER_SALE: '售' }

/** Which count of `GET /api/badges` each order icon shows (已完成 has none). */
const ORDER_BADGE: Partial<Record<OrderTabKey, keyof CustomerBadges>> = { PENDING_PAYMENT: 'pendingPayment', PAID: 'toShip', SHIPPED: 'toReceive', AFTER_SALE: 'afterSale' }

export default function MePage() {
  const { user, status, error } = useSession()
  const badges = useBadges()

  useDidShow(() => {
    if (isLoggedIn()) void refreshMe()
  })

  const orderBadge = (key: OrderTabKey) => {
    const field = ORDER_BADGE[key]
    return field && badges && user ? badgeText(badges[field]) : ''
  }

  const name = user?.nickname || '微信用户'
  return (
    <View className='me-page'>
      <View className='me-header'>
        {user?.avatarUrl ? (
          <Image className='me-avatar' src={assetUrl(user.avatarUrl)} mode='aspectFill' />
        ) : (
          <View className='me-avatar me-avatar-text'>
            <Text>{user ? name.slice(0, 1) : '?'}</Text>
          </View>
        )}
        <View className='me-info'>
          {user ? (
            <>
              <Text className='me-nickname'>{name}</Text>
              <Text className='me-id'>{`ID: ${user.id}`}</Text>
              <Text className='me-member' onClick={() => void Taro.navigateTo({ url: PAGES.memberCenter })}>
                {user.isMember ? `会员${user.memberUntil ? ` · 有效期至 ${formatDate(user.memberUntil)}` : ''}` : '未开通会员 · 去开通 ›'}
              </Text>
            </>
          ) : status === 'error' ? (
            <>
              <Text className='me-nickname'>未登录</Text>
              <Text className='me-error'>{error ?? '登录失败'}</Text>
              <Button className='me-login' size='mini' onClick={() => void login().catch(() => undefined)}>
                重新登录
              </Button>
            </>
          ) : (
            <Text className='me-nickname'>登录中…</Text>
          )}
        </View>
      </View>
      {user ? (
        <View className='me-stats'>
          <View className='me-stat me-points' onClick={() => void Taro.navigateTo({ url: PAGES.pointsLedger })}>
            <Text className='me-stat-value'>{user.pointsBalance ?? 0}</Text>
            <Text className='me-stat-label'>积分</Text>
          </View>
          <View className='me-stat'>
            <Text className='me-stat-value'>{user.growth ?? 0}</Text>
            <Text className='me-stat-label'>成长值</Text>
          </View>
          <View className='me-stat me-tier' onClick={() => void Taro.navigateTo({ url: PAGES.memberCenter })}>
            <Text className='me-stat-value'>{user.tier?.name ?? '—'}</Text>
            <Text className='me-stat-label'>等级</Text>
          </View>
        </View>
      ) : null}
      <View className='me-orders'>
        <View className='me-orders-head' onClick={() => void Taro.navigateTo({ url: orderListUrl() })}>
          <Text className='me-orders-title'>我的订单</Text>
          <Text className='me-orders-all'>全部订单 ›</Text>
        </View>
        <View className='me-orders-tabs'>
          {ORDER_TABS.filter((t) => t.key !== 'ALL').map((t) => (
            <View
              key={t.key}
              className={`me-order-tab order-entry-${t.key.toLowerCase()}`}
              onClick={() => void Taro.navigateTo({ url: orderListUrl(t.key as Exclude<OrderTabKey, 'ALL'>) })}
            >
              <View className={`me-order-icon icon-${t.key.toLowerCase()}`}>
                <Text>{ORDER_ICON_TEXT[t.key] ?? t.label.slice(0, 1)}</Text>
                {orderBadge(t.key) ? <Text className='me-order-badge'>{orderBadge(t.key)}</Text> : null}
              </View>
              <Text className='me-order-label'>{t.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='me-entries'>
        {ENTRIES.map((e) => (
          <View key={e.key} className={`me-entry entry-${e.key}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text className='me-entry-title'>{e.title}</Text>
            <Text className='me-entry-desc'>{e.desc}</Text>
            <Text className='me-entry-arrow'>›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
