import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Picker, Text, Textarea, View } from '@tarojs/components'
import ShareBar from '@/components/ShareBar'
import StateView from '@/components/StateView'
import { useDistributorShare } from '@/hooks/useDistributorShare'
import type { Id } from '@/services/catalog'
import {
  benefitLines,
  buyPlan,
  fastRefundCard,
  getMe,
  getMembership,
  listPlans,
  requestCardRefund,
  setBirthday,
  type MembershipMe,
  type MembershipPlan,
  type MeProfile,
} from '@/services/membership'
import { getOrder, newIdempotencyKey } from '@/services/order'
import { payForOrder } from '@/services/payment'
import { errorMessage } from '@/services/request'
import { updateSession } from '@/stores/session'
import { priceText } from '@/utils/money'
import { memberCenterUrl, PAGES } from '@/utils/nav'
import { decodeParam, formatDate } from '@/utils/time'
import './index.css'

interface Data {
  me: MeProfile
  membership: MembershipMe
  plans: MembershipPlan[]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** WeChat's payment notification may reach the server a moment after the cashier closes: look a few times. */
async function waitForCompleted(orderId: Id): Promise<void> {
  for (let i = 0; i < 8; i++) {
    try {
      const order = await getOrder(orderId)
      if (order.status === 'COMPLETED') return
    } catch {
      // look again
    }
    await sleep(700)
  }
}

export default function MemberCenterPage() {
  const { params } = useRouter()
  const returnTo = (() => {
    const v = decodeParam(params.returnTo)
    return v.startsWith('/') ? v : ''
  })()
  // One key per visit and plan: a double tap (or paying again after a cancel) answers the same card order.
  const [visitKey] = useState(() => newIdempotencyKey('card'))
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [refundReason, setRefundReason] = useState('')
  const busyRef = useRef(false)
  const handledPaid = useRef(false)
  const share = useDistributorShare({ page: 'card' }, { title: '开通会员，享会员价和专属权益', path: PAGES.memberCenter })

  const load = useCallback(async () => {
    setError(null)
    try {
      const [me, membership, plans] = await Promise.all([getMe(), getMembership(), listPlans()])
      setData({ me, membership, plans })
      updateSession({ user: me, status: 'ready', error: null })
      return membership
    } catch (e) {
      setError(errorMessage(e))
      return null
    }
  }, [])

  /** After a card is paid: wait for the server to see it, refresh, and go back to where the customer came from. */
  const afterPaid = useCallback(
    async (orderId: Id | null) => {
      if (orderId != null) await waitForCompleted(orderId)
      const membership = await load()
      void Taro.showToast({ title: membership?.isMember ? '会员开通成功' : '支付处理中，请稍后刷新', icon: membership?.isMember ? 'success' : 'none' })
      if (membership?.isMember && returnTo) {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 })
        else void Taro.redirectTo({ url: returnTo })
      }
    },
    [load, returnTo],
  )

  useDidShow(() => {
    if (params.paying === '1' && !handledPaid.current) {
      // H5: back from the simulator's cashier
      handledPaid.current = true
      void afterPaid(params.paidOrder ? params.paidOrder : null)
      return
    }
    void load()
  })

  const buy = async (plan: MembershipPlan) => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    try {
      const order = await buyPlan(plan.id, `${visitKey}-${plan.id}`)
      const outcome = await payForOrder(order.id, { returnPage: `${memberCenterUrl(returnTo || undefined)}${returnTo ? '&' : '?'}paying=1&paidOrder=${order.id}` })
      if (outcome === 'paid') await afterPaid(order.id)
      else if (outcome === 'cancelled') void Taro.showToast({ title: '支付已取消', icon: 'none' })
      else if (outcome === 'unsupported') void Taro.showModal({ title: '提示', content: '请在微信中支付', showCancel: false })
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const refund = async (amountCents: number) => {
    if (busyRef.current) return
    const answer = await Taro.showModal({
      title: '极速退卡',
      content: `退还 ${priceText(amountCents)}，原路退回，会员权益立即失效。确定退卡吗？`,
      confirmText: '确定退卡',
    })
    if (!answer.confirm) return
    busyRef.current = true
    setBusy(true)
    try {
      const res = await fastRefundCard()
      void Taro.showToast({ title: `已退款 ${priceText(res.amountCents)}`, icon: 'none' })
      await load()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  /** Runs one action at a time (a double tap does nothing), toasting its error. */
  const once = async (action: () => Promise<void>) => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    try {
      await action()
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const askReviewedRefund = (estimateCents: number) =>
    once(async () => {
      const reason = refundReason.trim()
      if (!reason) {
        void Taro.showToast({ title: '请填写退卡原因', icon: 'none' })
        return
      }
      const answer = await Taro.showModal({
        title: '申请人工退卡',
        content: `按剩余天数折算，预计退 ${priceText(estimateCents)}，商家审核通过后原路退回，会员权益随即失效。确定申请吗？`,
        confirmText: '确定申请',
      })
      if (!answer.confirm) return
      await requestCardRefund(reason)
      setRefundReason('')
      void Taro.showToast({ title: '已提交，等待商家审核', icon: 'none' })
      await load()
    })

  const chooseBirthday = (birthday: string) =>
    once(async () => {
      const answer = await Taro.showModal({ title: '设置生日', content: `生日设置后不能修改，确定是 ${birthday} 吗？`, confirmText: '确定' })
      if (!answer.confirm) return
      await setBirthday(birthday)
      void Taro.showToast({ title: '生日已设置', icon: 'success' })
      await load()
    })

  if (!data) {
    return (
      <View className='member-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }

  const { me, membership, plans } = data
  const next = me.nextTier
  const progress = next && next.growthThreshold > 0 ? Math.min(100, Math.floor((me.growth * 100) / next.growthThreshold)) : 100
  const fast = membership.fastRefund
  const reviewed = membership.reviewedRefund
  const today = new Date().toISOString().slice(0, 10)

  return (
    <View className='member-page'>
      <View className={`hero member-hero${membership.isMember ? ' active' : ''}`}>
        <Text className='member-hero-title'>会员卡</Text>
        <Text className='member-status'>
          {membership.isMember ? `会员 · 有效期至 ${formatDate(membership.memberUntil)}` : '未开通'}
        </Text>
        <View
          className='btn btn-small member-hero-button'
          onClick={() => void Taro.pageScrollTo?.({ selector: '.plan-list', duration: 300 })}
        >
          <Text>{membership.isMember ? '续费' : '立即开通'}</Text>
        </View>
      </View>

      <ShareBar payload={share} target={{ page: 'card' }} />

      <View className='card tier-card'>
        <View className='tier-head'>
          <Text className='tier-name'>{me.tier?.name ?? '普通'}</Text>
          <Text className='tier-growth'>{`成长值 ${me.growth}`}</Text>
        </View>
        <View className='tier-bar'>
          <View className='tier-bar-fill' style={{ width: `${progress}%` }} />
        </View>
        <Text className='tier-next'>{next ? `距离下一等级${next.name}还差 ${next.growthNeeded} 成长值` : '已是最高等级'}</Text>
        <View className='member-points' onClick={() => void Taro.navigateTo({ url: PAGES.pointsLedger })}>
          <Text className='member-points-label'>积分</Text>
          <Text className='member-points-value'>{String(me.pointsBalance ?? 0)}</Text>
          <Text className='member-points-link'>明细 ›</Text>
        </View>
      </View>

      <View className='card plan-list'>
        <Text className='card-title'>{membership.isMember ? '续费会员' : '开通会员'}</Text>
        {plans.length === 0 ? <Text className='member-muted'>暂无可售会员卡</Text> : null}
        {plans.map((plan) => (
          <View className='list-row plan-card' key={String(plan.id)}>
            <View className='list-row-main plan-info'>
              <View className='plan-head'>
                <Text className='plan-name'>{plan.name}</Text>
                <Text className='plan-days'>{`${plan.days} 天`}</Text>
              </View>
              <Text className='plan-price'>{priceText(plan.priceCents)}</Text>
              {benefitLines(plan.benefits).map((b) => (
                <Text className='plan-benefit' key={b}>{`· ${b}`}</Text>
              ))}
            </View>
            <View className={`btn btn-primary btn-small buy-plan${busy ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void buy(plan)}>
              <Text>{membership.isMember ? '立即续费' : '立即开通'}</Text>
            </View>
          </View>
        ))}
      </View>

      {membership.isMember || membership.periods.length > 0 ? (
        <View className='card refund-card'>
          <Text className='card-title'>退卡</Text>
          {fast.eligible ? (
            <View className={`btn btn-ghost btn-small fast-refund${busy ? ' disabled' : ''}`} onClick={() => void refund(fast.amountCents)}>
              <Text>{`极速退卡 退 ${priceText(fast.amountCents)}`}</Text>
            </View>
          ) : (
            <Text className='member-muted fast-refund-reason'>{fast.reason}</Text>
          )}
          {!fast.eligible && reviewed.pending ? (
            <Text className='reviewed-refund-pending'>{`人工退卡审核中 · 申请退 ${priceText(reviewed.pending.amountCents)}`}</Text>
          ) : null}
          {!fast.eligible && !reviewed.pending && reviewed.estimateCents !== null ? (
            <View className='reviewed-refund'>
              <Textarea
                className='reviewed-refund-reason'
                maxlength={200}
                placeholder='退卡原因（必填）'
                value={refundReason}
                onInput={(e) => setRefundReason(e.detail.value)}
              />
              <View
                className={`btn btn-ghost btn-small reviewed-refund-submit${busy ? ' disabled' : ''}`}
                onClick={() => void askReviewedRefund(reviewed.estimateCents!)}
              >
                <Text>{`申请人工退卡 · 预计退 ${priceText(reviewed.estimateCents)}`}</Text>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='card birthday-card'>
        <Text className='card-title'>生日</Text>
        {me.birthday ? (
          <Text className='birthday-value'>{`${me.birthday}（已设置，不能修改）`}</Text>
        ) : (
          <Picker mode='date' value='1990-01-01' start='1900-01-01' end={today} onChange={(e) => void chooseBirthday(String(e.detail.value))}>
            <View className='btn btn-ghost btn-small birthday-set'>
              <Text>设置生日</Text>
            </View>
          </Picker>
        )}
        <Text className='member-muted'>付费会员生日当天可获赠积分</Text>
      </View>

      {membership.periods.length > 0 ? (
        <View className='card period-list'>
          <Text className='card-title'>开卡记录</Text>
          {membership.periods.map((p) => (
            <View className='period-row' key={String(p.id)}>
              <Text className='period-range'>{`${formatDate(p.startsAt)} 至 ${formatDate(p.endsAt)}`}</Text>
              <Text className='period-meta'>{`${p.days} 天 · ${priceText(p.paidCents)}${p.refundedAt ? ' · 已退卡' : ''}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
