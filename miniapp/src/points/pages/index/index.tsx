import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SubscribePrompt from '@/components/SubscribePrompt'
import StateView from '@/components/StateView'
import {
  checkIn,
  checkInRulesLines,
  dayTitle,
  expiryLine,
  getCheckInCalendar,
  getPointsSummary,
  leadingBlanks,
  makeUpCheckIn,
  monthTitle,
  shiftMonth,
  type CheckInCalendar,
  type CheckInDay,
  type CheckInResult,
} from '@/services/points'
import { errorMessage, isApiError } from '@/services/request'
import { getSession, updateSession } from '@/stores/session'
import { PAGES } from '@/utils/nav'
import './index.css'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']
const ALREADY_DONE = '今天已经签到过了'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The calendar with a check-in (or make-up) the server answered, until the next load brings the rest. */
function withCheckIn(cal: CheckInCalendar, r: CheckInResult, isToday: boolean, madeUp: boolean): CheckInCalendar {
  return {
    ...cal,
    checkedInToday: cal.checkedInToday || isToday,
    streak: r.streak,
    days: cal.days.map((d) => (d.date === r.date ? { ...d, checkedIn: true, points: r.pointsAwarded, madeUp } : d)),
  }
}

/** 积分中心: the balance, today's check-in, the streak, the month's calendar (with make-up when the store allows it) and the rules. */
export default function PointsCenterPage() {
  const [cal, setCal] = useState<CheckInCalendar | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [balance, setBalance] = useState<number | null>(null)
  /** '… 积分将于 YYYY-MM-DD 过期' (the soonest expiry), null when nothing is due. */
  const [expiring, setExpiring] = useState<string | null>(null)
  /** The points today's check-in gave (kept while another month is shown). */
  const [todayPoints, setTodayPoints] = useState<number | null>(null)
  const [monthLoading, setMonthLoading] = useState(false)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  /** The month on screen (undefined: the store's current month, before the first answer). */
  const shownMonth = useRef<string | undefined>(undefined)
  /** Only the newest calendar request may change the screen. */
  const seq = useRef(0)

  const showBalance = (value: number) => {
    setBalance(value)
    const user = getSession().user
    if (user) updateSession({ user: { ...user, pointsBalance: value } })
  }

  const loadBalance = useCallback(async () => {
    try {
      const summary = await getPointsSummary()
      setBalance(summary.balance)
      setExpiring(expiryLine(summary))
    } catch {
      // the hero shows — ; the calendar shows its own error
    }
  }, [])

  /** Loads a month (undefined: the current one). Rejects on failure; a newer request makes this one a no-op. */
  const loadMonth = useCallback(async (month?: string) => {
    const id = ++seq.current
    try {
      const res = await getCheckInCalendar(month)
      if (id !== seq.current) return
      shownMonth.current = res.month
      setCal(res)
      setError(null)
      const today = res.days.find((d) => d.date === res.today)
      if (today) setTodayPoints(today.checkedIn ? today.points : null)
    } catch (e) {
      if (id === seq.current) throw e
    }
  }, [])

  /** The shown month and the balance again; a failure shows the error page only when there is nothing to show. */
  const reload = useCallback(async () => {
    await Promise.all([
      loadBalance(),
      loadMonth(shownMonth.current).catch((e: unknown) => {
        if (shownMonth.current === undefined) setError(errorMessage(e))
        else toast(errorMessage(e))
      }),
    ])
  }, [loadBalance, loadMonth])

  /** After a change: the server's view of the month (next milestone, streak) and of the points (the soonest expiry), quietly. */
  const refreshMonth = () => {
    void loadMonth(shownMonth.current).catch(() => undefined)
    void loadBalance()
  }

  useDidShow(() => {
    void reload()
  })

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const goMonth = async (month: string) => {
    setMonthLoading(true)
    try {
      await loadMonth(month)
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      setMonthLoading(false)
    }
  }

  const doCheckIn = async () => {
    if (!cal || busyRef.current) return
    if (cal.checkedInToday) {
      toast(ALREADY_DONE)
      refreshMonth()
      return
    }
    busyRef.current = true
    setBusy(true)
    try {
      const r = await checkIn()
      showBalance(r.balance)
      setTodayPoints(r.pointsAwarded)
      setCal((c) => (c ? withCheckIn(c, r, true, false) : c))
      toast(`签到成功，+${r.pointsAwarded} 积分`)
      refreshMonth()
    } catch (e) {
      if (isApiError(e) && e.code === 'ALREADY_CHECKED_IN') {
        setCal((c) => (c ? { ...c, checkedInToday: true } : c))
        toast(ALREADY_DONE)
        void reload()
      } else {
        toast(errorMessage(e))
      }
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const makeUp = async (day: CheckInDay) => {
    if (!cal || busyRef.current) return
    const cost = cal.rules.makeUpCostPoints
    const { confirm } = await Taro.showModal({
      title: '补签',
      content: `补签${dayTitle(day.date)}需消耗 ${cost} 积分${balance !== null ? `（当前 ${balance} 积分）` : ''}，确定补签吗？`,
      confirmText: '确定补签',
      cancelText: '再想想',
    })
    if (!confirm || busyRef.current) return
    busyRef.current = true
    setBusy(true)
    try {
      const r = await makeUpCheckIn(day.date)
      showBalance(r.balance)
      setCal((c) => (c ? withCheckIn(c, r, false, true) : c))
      toast(`补签成功，+${r.pointsAwarded} 积分`)
      refreshMonth()
    } catch (e) {
      toast(errorMessage(e))
      if (isApiError(e) && e.code === 'INVALID_STATE') refreshMonth()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  if (!cal) {
    return (
      <View className='checkin-page'>
        {error ? <StateView state='error' text={error} onRetry={() => void reload()} /> : <StateView state='loading' />}
      </View>
    )
  }

  const currentMonth = cal.today.slice(0, 7)
  const isCurrentMonth = cal.month === currentMonth
  const canMakeUp = (d: CheckInDay) => cal.rules.makeUpEnabled && isCurrentMonth && d.date < cal.today && !d.checkedIn
  const missed = cal.days.some(canMakeUp)
  const next = cal.nextMilestone

  return (
    <View className='checkin-page'>
      <View className='hero checkin-hero'>
        <View className='checkin-hero-row'>
          <View className='checkin-hero-main'>
            <Text className='checkin-hero-label'>我的积分</Text>
            <Text className='checkin-balance'>{balance === null ? '—' : String(balance)}</Text>
            {expiring ? <Text className='checkin-expiry'>{expiring}</Text> : null}
          </View>
          <View className='checkin-ledger-link' onClick={() => void Taro.navigateTo({ url: PAGES.pointsLedger })}>
            <Text>积分明细 ›</Text>
          </View>
        </View>
      </View>

      <View className='card list-row points-mall-entry' onClick={() => void Taro.navigateTo({ url: PAGES.pointsMall })}>
        <View className='list-row-main'>
          <Text className='points-mall-entry-title'>积分商城</Text>
          <Text className='points-mall-entry-sub'>用积分兑换好物和会员天数</Text>
        </View>
        <Text className='points-mall-entry-go'>去兑换 ›</Text>
      </View>

      <View className='card list-row points-mall-entry lottery-entry' onClick={() => void Taro.navigateTo({ url: PAGES.lottery })}>
        <View className='list-row-main'>
          <Text className='points-mall-entry-title'>积分抽奖</Text>
          <Text className='points-mall-entry-sub'>消耗积分转盘抽奖，赢积分和优惠券</Text>
        </View>
        <Text className='points-mall-entry-go'>去抽奖 ›</Text>
      </View>

      <View className='card checkin-card'>
        <View className={`checkin-button${cal.checkedInToday ? ' done' : ''}${busy ? ' disabled' : ''}`} onClick={() => void doCheckIn()}>
          <Text className='checkin-button-title'>{cal.checkedInToday ? '今日已签到' : '签到'}</Text>
          <Text className='checkin-button-sub'>
            {cal.checkedInToday ? (todayPoints !== null ? `+${todayPoints} 积分` : '明天再来') : '领取今日积分'}
          </Text>
        </View>
        <Text className='checkin-streak'>{`已连续签到 ${cal.streak} 天`}</Text>
        {next ? (
          <Text className='checkin-milestone'>
            {next.daysLeft > 0 ? `再签 ${next.daysLeft} 天额外得 ${next.bonusPoints} 积分` : `今天签到额外得 ${next.bonusPoints} 积分`}
          </Text>
        ) : null}
      </View>
      <SubscribePrompt scene='check-in' text='连续签到快中断和有新活动时提醒我' />

      <View className='card checkin-calendar'>
        <View className='calendar-head'>
          <View className='calendar-nav calendar-prev' onClick={() => void goMonth(shiftMonth(cal.month, -1))}>
            <Text>‹</Text>
          </View>
          <Text className='calendar-title'>{monthTitle(cal.month)}</Text>
          {cal.month < currentMonth ? (
            <View className='calendar-nav calendar-next' onClick={() => void goMonth(shiftMonth(cal.month, 1))}>
              <Text>›</Text>
            </View>
          ) : (
            <View className='calendar-nav calendar-next disabled'>
              <Text>›</Text>
            </View>
          )}
        </View>
        <View className='calendar-weekdays'>
          {WEEKDAYS.map((w) => (
            <Text className='calendar-weekday' key={w}>
              {w}
            </Text>
          ))}
        </View>
        <View className={`calendar-grid${monthLoading ? ' loading' : ''}`}>
          {Array.from({ length: leadingBlanks(cal.month) }, (_, i) => (
            <View className='calendar-cell calendar-blank' key={`blank-${i}`} />
          ))}
          {cal.days.map((d) => {
            const open = canMakeUp(d)
            const cls = [
              'calendar-cell',
              'calendar-day',
              d.checkedIn ? 'checked' : '',
              d.madeUp ? 'made-up' : '',
              d.date === cal.today ? 'today' : '',
              d.date > cal.today ? 'future' : '',
              open ? 'can-make-up' : '',
            ]
              .filter(Boolean)
              .join(' ')
            return (
              <View className={cls} key={d.date} onClick={open ? () => void makeUp(d) : undefined}>
                <Text className='calendar-day-num'>{d.date === cal.today ? '今' : String(Number(d.date.slice(8)))}</Text>
                {d.checkedIn ? (
                  <Text className='calendar-day-mark'>{d.madeUp ? `补 +${d.points}` : `+${d.points}`}</Text>
                ) : open ? (
                  <Text className='calendar-day-mark make-up'>补签</Text>
                ) : null}
              </View>
            )
          })}
        </View>
        {missed ? <Text className='calendar-hint'>{`点击漏签的日期可补签，每次消耗 ${cal.rules.makeUpCostPoints} 积分`}</Text> : null}
      </View>

      <View className='card checkin-rules'>
        <Text className='card-title'>签到规则</Text>
        {checkInRulesLines(cal.rules).map((line) => (
          <Text className='checkin-rule' key={line}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  )
}
