import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '@/components/StateView'
import { getPointsSummary } from '@/services/points'
import { drawLottery, getLottery, landingAngle, type LotteryDrawResponse, type LotteryView } from '@/services/lottery'
import { errorMessage } from '@/services/request'
import { getSession, updateSession } from '@/stores/session'
import './index.css'

/** How long the wheel turns (the CSS transition below); the result shows when it stops. */
export const SPIN_MS = 3500

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** 积分抽奖: the wheel, its cost and the draws left today; a spin lands on the prize the server drew. */
export default function LotteryPage() {
  const [wheel, setWheel] = useState<LotteryView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [balance, setBalance] = useState<number | null>(null)
  const [angle, setAngle] = useState(0)
  const [spinning, setSpinning] = useState(false)
  const [result, setResult] = useState<LotteryDrawResponse['prize'] | null>(null)
  const pending = useRef<LotteryDrawResponse | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const load = useCallback(async () => {
    try {
      const [w, s] = await Promise.all([getLottery(), getPointsSummary()])
      setWheel(w)
      setBalance(s.balance)
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  useDidShow(() => {
    void load()
  })

  /** The wheel stopped: the prize and the balance the server answered. */
  const landed = () => {
    const r = pending.current
    if (!r) return
    pending.current = null
    if (timer.current) clearTimeout(timer.current)
    setSpinning(false)
    setResult(r.prize)
    setBalance(r.balance)
    const user = getSession().user
    if (user) updateSession({ user: { ...user, pointsBalance: r.balance } })
  }

  const spin = async () => {
    if (!wheel || spinning) return
    setSpinning(true)
    setResult(null)
    try {
      const r = await drawLottery()
      const index = Math.max(0, wheel.prizes.findIndex((p) => p.id === r.prize.id))
      pending.current = r
      setWheel((w) => (w ? { ...w, drawsLeftToday: Math.max(0, w.drawsLeftToday - 1) } : w))
      setAngle((a) => landingAngle(a, index, wheel.prizes.length))
      timer.current = setTimeout(landed, SPIN_MS + 300)
    } catch (e) {
      setSpinning(false)
      toast(errorMessage(e))
      void load()
    }
  }

  if (!wheel) {
    return <View className='lottery-page'>{error ? <StateView state='error' text={error} onRetry={() => void load()} /> : <StateView state='loading' />}</View>
  }
  if (wheel.prizes.length === 0) {
    return (
      <View className='lottery-page'>
        <StateView state='empty' text='暂无抽奖活动' />
      </View>
    )
  }

  const n = wheel.prizes.length
  const sector = 360 / n
  return (
    <View className='lottery-page'>
      <View className='card lottery-head'>
        <Text className='lottery-balance'>{`我的积分 ${balance === null ? '—' : balance}`}</Text>
        <Text className='lottery-cost'>{`每次消耗 ${wheel.costPoints} 积分`}</Text>
        <Text className='lottery-left'>{`今日还可抽 ${wheel.drawsLeftToday} 次`}</Text>
      </View>

      <View className='lottery-stage'>
        <View className='lottery-pointer' />
        <View
          className='lottery-wheel'
          style={{
            background: `repeating-conic-gradient(#ffe7c2 0 ${sector}deg, #fff6e6 ${sector}deg ${2 * sector}deg)`,
            transform: `rotate(${angle}deg)`,
            transition: spinning ? `transform ${SPIN_MS}ms cubic-bezier(0.2, 0.8, 0.2, 1)` : 'none' 
          }}
          onTransitionEnd={landed}
        >
          {wheel.prizes.map((p, i) => (
            <View className={`lottery-prize lottery-prize-${p.kind.toLowerCase()}`} key={p.id} style={{ transform: `rotate(${(i + 0.5) * sector}deg)` }}>
              <Text className='lottery-prize-name'>{p.name}</Text>
            </View>
          ))}
        </View>
        <View className={`lottery-go${spinning || wheel.drawsLeftToday === 0 ? ' disabled' : ''}`} onClick={() => void spin()}>
          <Text>{spinning ? '抽奖中' : wheel.drawsLeftToday === 0 ? '明天再来' : '抽奖'}</Text>
        </View>
      </View>

      {result ? (
        <View className='card lottery-result'>
          <Text className='lottery-result-title'>{result.kind === 'NONE' ? result.name : `恭喜抽中 ${result.name}`}</Text>
          <Text className='lottery-result-sub'>
            {result.kind === 'POINTS' ? `+${result.points} 积分已到账` : result.kind === 'COUPON' ? '优惠券已放入“我的优惠券”' : '下次好运'}
          </Text>
        </View>
      ) : null}

      <View className='card lottery-prizes'>
        <Text className='card-title'>奖品</Text>
        {wheel.prizes.map((p) => (
          <Text className='lottery-prize-line' key={p.id}>
            {p.name}
          </Text>
        ))}
      </View>
    </View>
  )
}
