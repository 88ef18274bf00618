import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import SubscribePrompt from '@/components/SubscribePrompt'
import { applyDistributor, getDistributorMe, type DistributorMe } from '@/services/distribution'
import { errorMessage } from '@/services/request'
import { priceText } from '@/utils/money'
import { PAGES } from '@/utils/nav'
import { formatDateTime } from '@/utils/time'
import '../../styles.css'
import './index.css'

export const REASON_MAX = 200

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** 推广中心: apply, wait, or (approved) the ref code, earnings, stats and the distributor's pages. */
export default function DistributorCenterPage() {
  const [me, setMe] = useState<DistributorMe | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setMe(await getDistributorMe())
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

  if (!me) {
    return (
      <View className='dist-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }

  let body
  switch (me.status) {
    case 'APPROVED':
      body = <Dashboard me={me} />
      break
    case 'PENDING':
      body = (
        <View className='card dist-notice dist-pending'>
          <Text className='dist-notice-title'>申请审核中</Text>
          <Text className='dist-notice-text'>{`提交于 ${formatDateTime(me.appliedAt)}，商家审核通过后即可开始推广。`}</Text>
          {me.reason ? <Text className='dist-notice-quote'>{`申请理由：${me.reason}`}</Text> : null}
        </View>
      )
      break
    case 'DISABLED':
      body = (
        <View className='card dist-notice dist-disabled'>
          <Text className='dist-notice-title'>推广资格已停用</Text>
          <Text className='dist-notice-text'>你的推广员资格已被商家停用，分享链接不再计入推广。如有疑问请联系商家。</Text>
        </View>
      )
      break
    default:
      body = (
        <>
          {me.status === 'REJECTED' ? (
            <View className='card dist-notice dist-rejected'>
              <Text className='dist-notice-title'>申请未通过</Text>
              <Text className='dist-notice-text'>{`原因：${me.rejectReason || '商家未填写'}`}</Text>
              <Text className='dist-notice-text'>可以修改申请理由后重新申请。</Text>
            </View>
          ) : null}
          <Benefits me={me} />
          <ApplyForm initial={me.status === 'REJECTED' ? (me.reason ?? '') : ''} again={me.status === 'REJECTED'} onApplied={setMe} />
        </>
      )
  }

  return (
    <View className='dist-page'>
      <View className='hero dist-hero'>
        <Text className='dist-hero-title'>推广中心</Text>
        <Text className='dist-hero-sub'>分享好物给朋友，朋友下单你赚佣金</Text>
      </View>
      {body}
    </View>
  )
}

function Benefits({ me }: { me: DistributorMe }) {
  const lines = [
    '专属推广码：分享商品、会员卡或商城给好友，链接和海报都带着你的推广码',
    '好友通过你的分享成为你的客户，之后下单你都有佣金',
    '订单完成且售后期结束后佣金转为可提现',
    `可提现到微信零钱，${priceText(me.withdrawalRules.minCents)} 起提`,
  ]
  return (
    <View className='card dist-benefits'>
      <Text className='card-title'>成为推广员</Text>
      {lines.map((l) => (
        <Text className='dist-benefit' key={l}>{`· ${l}`}</Text>
      ))}
    </View>
  )
}

function ApplyForm({ initial, again, onApplied }: { initial: string; again: boolean; onApplied: (me: DistributorMe) => void }) {
  const [reason, setReason] = useState(initial)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const submit = async () => {
    if (busyRef.current) return
    const text = reason.trim()
    if (!text) return toast('请填写申请理由')
    if (text.length > REASON_MAX) return toast(`申请理由最多 ${REASON_MAX} 字`)
    busyRef.current = true
    setBusy(true)
    try {
      const me = await applyDistributor(text)
      toast(me.status === 'APPROVED' ? '申请已通过' : '申请已提交')
      onApplied(me)
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <View className='card dist-apply'>
      <Text className='card-title'>申请理由</Text>
      <Textarea
        className='dist-apply-reason'
        value={reason}
        maxlength={REASON_MAX}
        placeholder='简单说说你打算怎样推广（如：朋友圈、社群）'
        placeholderClass='placeholder'
        onInput={(e) => setReason(e.detail.value)}
      />
      <Text className={`dist-apply-count${reason.trim().length > REASON_MAX ? ' over' : ''}`}>{`${reason.trim().length}/${REASON_MAX}`}</Text>
      <View className={`btn btn-primary dist-apply-submit${busy ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void submit()}>
        <Text>{busy ? '提交中…' : again ? '重新申请' : '申请成为推广员'}</Text>
      </View>
    </View>
  )
}

function Dashboard({ me }: { me: DistributorMe }) {
  const { balances: b, stats: s } = me
  const go = (url: string) => void Taro.navigateTo({ url })
  const copyCode = () => {
    if (me.refCode) void Taro.setClipboardData({ data: me.refCode }).catch(() => undefined)
  }
  return (
    <>
      <View className='card dist-code' onClick={copyCode}>
        <Text className='dist-code-label'>我的推广码</Text>
        <Text className='dist-code-value'>{me.refCode ?? '—'}</Text>
        {me.isGuide ? <Text className='dist-guide-tag'>导购</Text> : null}
        <Text className='dist-code-copy'>复制</Text>
      </View>

      <View className='card dist-earnings'>
        <View className='dist-available'>
          <View className='dist-available-main'>
            <Text className='dist-label'>可提现</Text>
            <Text className='dist-available-value'>{priceText(b.availableCents)}</Text>
          </View>
          <View className='btn btn-primary btn-small dist-withdraw' hoverClass='btn-pressed' onClick={() => go(PAGES.withdraw)}>
            <Text>提现</Text>
          </View>
        </View>
        <View className='dist-grid'>
          <Cell className='dist-pending-cents' label='待结算' value={priceText(b.pendingCents)} />
          <Cell className='dist-frozen-cents' label='提现中' value={priceText(b.frozenCents)} />
          <Cell className='dist-withdrawn-cents' label='已提现' value={priceText(b.withdrawnCents)} />
        </View>
        {b.owedCents > 0 ? (
          <Text className='dist-owed'>{`退款扣回佣金 ${priceText(b.owedCents)} 尚未抵扣，将从之后的佣金中扣除`}</Text>
        ) : null}
      </View>
      <SubscribePrompt scene='distributor' text='佣金结算时通过微信通知我' />

      <View className='card dist-stats'>
        <Text className='card-title'>推广数据</Text>
        <View className='dist-grid'>
          <Cell className='dist-visits' label='访问' value={String(s.visits)} />
          <Cell className='dist-bound' label='绑定客户' value={String(s.boundCustomers)} />
          <Cell className='dist-orders' label='订单' value={String(s.orders)} />
        </View>
        <View className='dist-grid'>
          <Cell className='dist-paid' label='成交金额' value={priceText(s.paidCents)} />
          <Cell className='dist-rank' label='本月排名' value={s.monthRank === null ? '暂无' : `第 ${s.monthRank} 名`} />
        </View>
      </View>

      <View className='card dist-entries'>
        {[
          { key: 'commissions', title: '佣金明细', url: PAGES.commissions },
          { key: 'withdrawals', title: '提现记录', url: PAGES.withdraw },
          { key: 'customers', title: '我的客户', url: PAGES.customers },
          { key: 'poster', title: '推广海报', url: PAGES.poster },
        ].map((e) => (
          <View key={e.key} className={`list-row dist-entry entry-${e.key}`} onClick={() => go(e.url)}>
            <Text className='dist-entry-title'>{e.title}</Text>
            <Text className='dist-entry-arrow'>›</Text>
          </View>
        ))}
      </View>
    </>
  )
}

function Cell({ className, label, value }: { className: string; label: string; value: string }) {
  return (
    <View className={`dist-cell ${className}`}>
      <Text className='dist-cell-value'>{value}</Text>
      <Text className='dist-label'>{label}</Text>
    </View>
  )
}
