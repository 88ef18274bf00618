import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import ListFooter from '@/components/ListFooter'
import StateView from '@/components/StateView'
import { usePagedList } from '@/hooks/usePagedList'
import {
  WITHDRAWAL_STATUS_LABEL,
  createWithdrawal,
  getDistributorMe,
  listWithdrawals,
  parseYuanInput,
  type DistributorMe,
  type WithdrawalView,
} from '@/services/distribution'
import { newIdempotencyKey } from '@/services/order'
import { errorMessage, isApiError } from '@/services/request'
import { formatYuan, priceText } from '@/utils/money'
import { formatDateTime } from '@/utils/time'
import '../../styles.css'
import './index.css'

/** Why an amount cannot be asked for, or null when it can. Nothing is rounded or capped: the customer changes it. */
export function withdrawalProblem(text: string, me: Pick<DistributorMe, 'balances' | 'withdrawalRules'>): string | null {
  if (!text.trim()) return '请输入提现金额'
  const cents = parseYuanInput(text)
  if (cents === null) return '请输入正确的金额，最多两位小数'
  const { minCents, dailyCapCents } = me.withdrawalRules
  if (cents < minCents) return `最低提现 ${priceText(minCents)}`
  if (cents > me.balances.availableCents) return `超出可提现余额 ${priceText(me.balances.availableCents)}`
  if (cents > dailyCapCents) return `单日最多提现 ${priceText(dailyCapCents)}`
  return null
}

/** 提现: ask for a withdrawal from the available commission, and the history with each one's status. */
export default function WithdrawPage() {
  const [me, setMe] = useState<DistributorMe | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [amount, setAmount] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  /** The attempt whose answer never came (network, 5xx): asking again for the same amount reuses its key. */
  const attempt = useRef<{ amountCents: number; key: string } | null>(null)
  const list = usePagedList<WithdrawalView>('withdrawals', (page, pageSize) => listWithdrawals(page, pageSize), 20)

  const load = useCallback(async () => {
    try {
      setMe(await getDistributorMe())
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  const shownOnce = useRef(false)
  useDidShow(() => {
    void load()
    if (shownOnce.current) void list.reload()
    shownOnce.current = true
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  usePullDownRefresh(() => {
    void Promise.all([load(), list.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (!me) {
    return (
      <View className='dist-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}
      </View>
    )
  }
  if (me.status !== 'APPROVED') {
    return (
      <View className='dist-page'>
        <StateView state='empty' text='成为推广员后才能提现' />
      </View>
    )
  }

  const { minCents, dailyCapCents } = me.withdrawalRules

  const submit = async () => {
    if (busyRef.current) return
    const found = withdrawalProblem(amount, me)
    setProblem(found)
    if (found) return
    const amountCents = parseYuanInput(amount)!
    busyRef.current = true // from the confirmation on: a second tap opens nothing
    try {
      const answer = await Taro.showModal({ title: '确认提现', content: `提现 ${priceText(amountCents)} 到微信零钱，商家审核后打款。`, confirmText: '确认提现' })
      if (!answer.confirm) return
      if (!attempt.current || attempt.current.amountCents !== amountCents) attempt.current = { amountCents, key: newIdempotencyKey('withdraw') }
      setBusy(true)
      await createWithdrawal(amountCents, attempt.current.key)
      attempt.current = null
      setAmount('')
      void Taro.showToast({ title: '已提交，等待审核', icon: 'none' })
      await Promise.all([load(), list.reload()])
    } catch (e) {
      // a clear refusal ends the attempt; without an answer the same amount is asked with the same key
      if (isApiError(e) && e.status >= 400 && e.status < 500) attempt.current = null
      setProblem(errorMessage(e))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <View className='dist-page withdraw-page'>
      <View className='card withdraw-form'>
        <Text className='card-title'>提现到微信零钱</Text>
        <View className='withdraw-input-row'>
          <Text className='withdraw-currency'>¥</Text>
          <Input
            className='withdraw-amount'
            type='digit'
            value={amount}
            placeholder={`最低 ${formatYuan(minCents)} 元`}
            placeholderClass='placeholder'
            onInput={(e) => {
              setAmount(e.detail.value)
              setProblem(null)
            }}
          />
          <Text className='withdraw-all' onClick={() => setAmount(formatYuan(me.balances.availableCents))}>
            全部
          </Text>
        </View>
        {problem ? <Text className='withdraw-problem'>{problem}</Text> : null}
        <Text className='withdraw-hint'>{`可提现 ${priceText(me.balances.availableCents)} · 最低 ${priceText(minCents)} · 单日最多 ${priceText(dailyCapCents)}`}</Text>
        <View className={`btn btn-primary withdraw-submit${busy ? ' disabled' : ''}`} hoverClass='btn-pressed' onClick={() => void submit()}>
          <Text>{busy ? '提交中…' : '申请提现'}</Text>
        </View>
      </View>

      <View className='card withdraw-history'>
        <Text className='card-title'>提现记录</Text>
        {list.items.length === 0 ? (
          list.error && !list.loading ? (
            <View className='list-footer list-error' onClick={() => void list.retry()}>
              <Text>{`${list.error}，点击重试`}</Text>
            </View>
          ) : (
            <View className='list-footer'>
              <Text>{list.loading || !list.loaded ? '加载中…' : '暂无提现记录'}</Text>
            </View>
          )
        ) : (
          <>
            {list.items.map((w) => (
              <View className='list-row dist-record withdrawal-row' key={String(w.id)}>
                <View className='list-row-main'>
                  <Text className='dist-record-title'>{`提现 ${priceText(w.amountCents)}`}</Text>
                  <Text className='dist-record-sub'>{w.paidAt ? `${formatDateTime(w.paidAt)} 到账` : `${formatDateTime(w.createdAt)} 申请`}</Text>
                  {w.failReason ? <Text className='dist-record-sub withdrawal-reason'>{`原因：${w.failReason}`}</Text> : null}
                </View>
                <Text className={`dist-status withdrawal-status-${w.status.toLowerCase()}${w.status === 'REJECTED' || w.status === 'FAILED' ? ' bad' : ''}`}>
                  {WITHDRAWAL_STATUS_LABEL[w.status] ?? w.status}
                </Text>
              </View>
            ))}
            <ListFooter list={list} />
          </>
        )}
      </View>
    </View>
  )
}
