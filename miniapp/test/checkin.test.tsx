import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import PointsCenterPage from '@/points/pages/index'
import HomePage from '@/pages/home'
import MePage from '@/pages/me'
import { checkInRulesLines, leadingBlanks, shiftMonth, type CheckInCalendar, type CheckInDay, type CheckInRules } from '@/services/points'
import type { PointsSummary } from '@mc/shared'
import { getSession, updateSession } from '@/stores/session'
import { fire } from './mocks/taro'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const texts = (c: HTMLElement, sel: string) => [...c.querySelectorAll(sel)].map((e) => e.textContent)
const days = (c: HTMLElement) => [...c.querySelectorAll('.calendar-day')] as HTMLElement[]
/** The cell of day n (1-based) of the shown month. */
const day = (c: HTMLElement, n: number) => days(c)[n - 1]

const ME = { id: 1, nickname: '小明', isMember: false, memberUntil: null, tier: null, nextTier: null, growth: 0, pointsBalance: 120 }
/** `GET /api/points/summary`: the page's balance (and the soonest expiry, none here). */
const SUMMARY: PointsSummary = { balance: 120, expiring: null }

const RULES: CheckInRules = {
  dailyPoints: 5,
  milestones: [
    { day: 3, bonusPoints: 10 },
    { day: 7, bonusPoints: 30 },
  ],
  makeUpEnabled: false,
  makeUpCostPoints: 20,
}

/** A month's days: `checked` maps a day of the month to its points. */
function monthDays(month: string, count: number, checked: Record<number, number>, madeUp: number[] = []): CheckInDay[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1
    return { date: `${month}-${n < 10 ? '0' : ''}${n}`, checkedIn: n in checked, points: checked[n] ?? 0, madeUp: madeUp.includes(n) }
  })
}

/** November 2026 (the 1st is a Sunday), today the 18th; checked in the 10th, 16th and 17th (a streak of 2). */
function november(patch: Partial<CheckInCalendar> = {}, checked: Record<number, number> = { 10: 5, 16: 5, 17: 5 }): CheckInCalendar {
  return {
    month: '2026-11',
    today: '2026-11-18',
    checkedInToday: false,
    streak: 2,
    days: monthDays('2026-11', 30, checked),
    nextMilestone: { day: 3, bonusPoints: 10, daysLeft: 1 },
    rules: RULES,
    ...patch,
  }
}

function october(): CheckInCalendar {
  return { ...november(), month: '2026-10', days: monthDays('2026-10', 31, { 1: 5, 2: 5, 3: 15 }) }
}

const calendarCalls = () =>
  requests()
    .filter((r) => new URL(r.url, 'http://x').pathname === '/api/points/check-in/calendar')
    .map((r) => new URL(r.url, 'http://x').searchParams.get('month'))
const posts = (path: string) => requests().filter((r) => r.method === 'POST' && new URL(r.url, 'http://x').pathname === path)
const body = (r: FakeRequest) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)

describe('积分中心 (check-in page)', () => {
  it('renders the balance, the streak, the next milestone, the month calendar and the rules from the answers', async () => {
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': () => reply(200, november()),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(container.querySelector('.calendar-grid')).not.toBeNull())
    await waitFor(() => expect(text(container, '.checkin-balance')).toBe('120'))

    expect(calendarCalls()).toEqual([null]) // the store's current month by default
    expect(text(container, '.checkin-button-title')).toBe('签到')
    expect(text(container, '.checkin-streak')).toBe('已连续签到 2 天')
    expect(text(container, '.checkin-milestone')).toBe('再签 1 天额外得 10 积分')
    expect(text(container, '.calendar-title')).toBe('2026年11月')
    expect(texts(container, '.calendar-weekday')).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    // the 1st is a Sunday: six blanks, then 30 days
    expect(container.querySelectorAll('.calendar-blank')).toHaveLength(6)
    expect(days(container)).toHaveLength(30)
    expect(days(container).filter((d) => d.classList.contains('checked')).map((d) => d.textContent)).toEqual(['10+5', '16+5', '17+5'])
    expect(day(container, 18).classList.contains('today')).toBe(true)
    expect(container.querySelectorAll('.calendar-day.today')).toHaveLength(1)
    expect(day(container, 19).classList.contains('future')).toBe(true)
    // the current month is the last one: 下个月 is disabled
    expect(container.querySelector('.calendar-next')?.classList.contains('disabled')).toBe(true)
    expect(texts(container, '.checkin-rule')).toEqual([
      '每天签到得 5 积分，每天限签 1 次。',
      '连续签到第 3 天额外得 10 积分，第 7 天额外得 30 积分；连续签到满 7 天后重新计算。',
      '付费会员按所在等级的积分倍数获得签到积分。',
    ])

    fireEvent.click(container.querySelector('.checkin-ledger-link')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/points/index' })
  })

  it('says how many points expire when (the soonest expiry), and nothing when none is due; a make-up updates it', async () => {
    const rules = { ...RULES, makeUpEnabled: true, makeUpCostPoints: 20 }
    let madeUp = false
    routeRequests({
      'GET /api/points/summary': () =>
        reply(200, madeUp ? { balance: 385, expiring: { points: 160, date: '2027-12-31' } } : { balance: 400, expiring: { points: 180, date: '2027-12-31' } }),
      'GET /api/points/check-in/calendar': () => reply(200, november({ rules })),
      'POST /api/points/check-in/make-up': () => {
        madeUp = true
        return reply(200, { pointsAwarded: 5, streak: 3, balance: 385, date: '2026-11-15', costPoints: 20 })
      },
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-expiry')).toBe('180 积分将于 2027-12-31 过期'))
    expect(text(container, '.checkin-balance')).toBe('400')
    mockModal(true)
    fireEvent.click(day(container, 15))
    await waitFor(() => expect(text(container, '.checkin-expiry')).toBe('160 积分将于 2027-12-31 过期'))

    routeRequests({
      'GET /api/points/summary': () => reply(200, { balance: 50, expiring: null }),
      'GET /api/points/check-in/calendar': () => reply(200, november()),
    })
    const again = render(<PointsCenterPage />).container
    await waitFor(() => expect(text(again, '.checkin-balance')).toBe('50'))
    expect(again.querySelector('.checkin-expiry')).toBeNull()
  })

  it('checks in: the button, the balance, the streak and today’s cell change, and the session balance follows', async () => {
    updateSession({ status: 'ready', user: ME, error: null })
    let done = false
    routeRequests({
      'GET /api/points/summary': () => reply(200, done ? { balance: 135, expiring: null } : SUMMARY),
      'GET /api/points/check-in/calendar': () =>
        reply(
          200,
          done
            ? november({ checkedInToday: true, streak: 3, nextMilestone: { day: 7, bonusPoints: 30, daysLeft: 4 } }, { 10: 5, 16: 5, 17: 5, 18: 15 })
            : november(),
        ),
      'POST /api/points/check-in': () => {
        done = true
        return reply(200, { pointsAwarded: 15, streak: 3, balance: 135, date: '2026-11-18' })
      },
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-balance')).toBe('120'))
    fireEvent.click(container.querySelector('.checkin-button')!)

    await waitFor(() => expect(text(container, '.checkin-button-title')).toBe('今日已签到'))
    expect(text(container, '.checkin-button-sub')).toBe('+15 积分')
    expect(text(container, '.checkin-balance')).toBe('135')
    expect(text(container, '.checkin-streak')).toBe('已连续签到 3 天')
    expect(day(container, 18).classList.contains('checked')).toBe(true)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '签到成功，+15 积分', icon: 'none' })
    expect(getSession().user?.pointsBalance).toBe(135)
    // the month is read again for the next milestone
    await waitFor(() => expect(text(container, '.checkin-milestone')).toBe('再签 4 天额外得 30 积分'))
    expect(posts('/api/points/check-in')).toHaveLength(1)

    // a second tap does not post again: it says so and refreshes
    const before = calendarCalls().length
    fireEvent.click(container.querySelector('.checkin-button')!)
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '今天已经签到过了', icon: 'none' })
    await waitFor(() => expect(calendarCalls().length).toBe(before + 1))
    expect(posts('/api/points/check-in')).toHaveLength(1)
  })

  it('409 ALREADY_CHECKED_IN (checked in elsewhere): says 今天已经签到过了 and refreshes, never an error page', async () => {
    let gets = 0
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': () => {
        gets += 1
        // the first answer is stale: the customer checked in on another phone meanwhile
        return reply(200, gets === 1 ? november() : november({ checkedInToday: true, streak: 3 }, { 10: 5, 16: 5, 17: 5, 18: 15 }))
      },
      'POST /api/points/check-in': () => reply(409, { error: { code: 'ALREADY_CHECKED_IN', message: '今日已签到' } }),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-button-title')).toBe('签到'))
    fireEvent.click(container.querySelector('.checkin-button')!)

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '今天已经签到过了', icon: 'none' }))
    await waitFor(() => expect(text(container, '.checkin-button-sub')).toBe('+15 积分'))
    expect(text(container, '.checkin-button-title')).toBe('今日已签到')
    expect(text(container, '.checkin-streak')).toBe('已连续签到 3 天')
    expect(gets).toBe(2)
    expect(container.querySelector('.list-error')).toBeNull()
    expect(container.querySelector('.calendar-grid')).not.toBeNull()
  })

  it('shows any other check-in failure as a message and keeps the page', async () => {
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': () => reply(200, november()),
      'POST /api/points/check-in': () => reply(500, { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } }),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-button-title')).toBe('签到'))
    fireEvent.click(container.querySelector('.checkin-button')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '服务器开小差了', icon: 'none' }))
    expect(text(container, '.checkin-button-title')).toBe('签到')
  })

  it('make-up off: no make-up affordance at all', async () => {
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': () => reply(200, november()),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(days(container)).toHaveLength(30))
    expect(container.querySelectorAll('.can-make-up')).toHaveLength(0)
    expect(container.querySelector('.calendar-hint')).toBeNull()
    expect(container.textContent).not.toContain('补签')
    fireEvent.click(day(container, 5))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(posts('/api/points/check-in/make-up')).toHaveLength(0)
  })

  it('make-up on: a missed past day of this month asks with the cost, then posts the date', async () => {
    const rules = { ...RULES, makeUpEnabled: true, makeUpCostPoints: 20 }
    let madeUp = false
    routeRequests({
      'GET /api/points/summary': () => reply(200, madeUp ? { balance: 105, expiring: null } : SUMMARY),
      'GET /api/points/check-in/calendar': () =>
        reply(200, madeUp ? november({ rules, streak: 3 }, { 10: 5, 15: 5, 16: 5, 17: 5 }) : november({ rules })),
      'POST /api/points/check-in/make-up': () => {
        madeUp = true
        return reply(200, { pointsAwarded: 5, streak: 3, balance: 105, date: '2026-11-15', costPoints: 20 })
      },
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-balance')).toBe('120'))

    // missed days before today, not the checked-in ones, not today, not the future
    const open = days(container).filter((d) => d.classList.contains('can-make-up'))
    expect(open).toHaveLength(14)
    expect([10, 16, 17, 18, 19, 30].map((n) => day(container, n).classList.contains('can-make-up'))).toEqual([false, false, false, false, false, false])
    expect(text(container, '.calendar-hint')).toBe('点击漏签的日期可补签，每次消耗 20 积分')
    expect(texts(container, '.checkin-rule')).toContain('可补签本月今天以前漏签的日期，每次消耗 20 积分。')

    // cancelled: nothing is sent
    mockModal(false)
    fireEvent.click(day(container, 15))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(modalContent(0)).toBe('补签11月15日需消耗 20 积分（当前 120 积分），确定补签吗？')
    await act(async () => {})
    expect(posts('/api/points/check-in/make-up')).toHaveLength(0)

    // confirmed
    mockModal(true)
    fireEvent.click(day(container, 15))
    await waitFor(() => expect(posts('/api/points/check-in/make-up')).toHaveLength(1))
    expect(body(posts('/api/points/check-in/make-up')[0])).toEqual({ date: '2026-11-15' })
    await waitFor(() => expect(text(container, '.checkin-balance')).toBe('105'))
    expect(day(container, 15).classList.contains('checked')).toBe(true)
    expect(day(container, 15).classList.contains('can-make-up')).toBe(false)
    expect(text(container, '.checkin-streak')).toBe('已连续签到 3 天')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '补签成功，+5 积分', icon: 'none' })
  })

  it('make-up refused (not enough points): shows the server message', async () => {
    routeRequests({
      'GET /api/points/summary': () => reply(200, { balance: 3, expiring: null }),
      'GET /api/points/check-in/calendar': () => reply(200, november({ rules: { ...RULES, makeUpEnabled: true } })),
      'POST /api/points/check-in/make-up': () => reply(409, { error: { code: 'INSUFFICIENT_POINTS', message: '积分不足' } }),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.checkin-balance')).toBe('3'))
    fireEvent.click(day(container, 2))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '积分不足', icon: 'none' }))
    expect(text(container, '.checkin-balance')).toBe('3')
    expect(day(container, 2).classList.contains('checked')).toBe(false)
  })

  it('month navigation asks for the right month, up to the current one; past months offer no make-up', async () => {
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': (_req, q) => {
        const month = q.get('month')
        if (month === '2026-10') return reply(200, { ...october(), rules: { ...RULES, makeUpEnabled: true } })
        if (month === '2026-09') return reply(500, { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } })
        return reply(200, november({ rules: { ...RULES, makeUpEnabled: true } }))
      },
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(text(container, '.calendar-title')).toBe('2026年11月'))

    // 下个月 is disabled on the current month
    fireEvent.click(container.querySelector('.calendar-next')!)
    await act(async () => {})
    expect(calendarCalls()).toEqual([null])

    fireEvent.click(container.querySelector('.calendar-prev')!)
    await waitFor(() => expect(text(container, '.calendar-title')).toBe('2026年10月'))
    expect(calendarCalls()).toEqual([null, '2026-10'])
    expect(days(container)).toHaveLength(31)
    expect(container.querySelectorAll('.calendar-blank')).toHaveLength(3) // 1 October 2026 is a Thursday
    expect(days(container).filter((d) => d.classList.contains('checked')).map((d) => d.textContent)).toEqual(['1+5', '2+5', '3+15'])
    expect(container.querySelectorAll('.calendar-day.today')).toHaveLength(0)
    expect(container.querySelectorAll('.can-make-up')).toHaveLength(0)
    // today's button still answers for today
    expect(text(container, '.checkin-button-title')).toBe('签到')
    expect(container.querySelector('.calendar-next')?.classList.contains('disabled')).toBe(false)

    // a month that fails to load keeps the one shown
    fireEvent.click(container.querySelector('.calendar-prev')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '服务器开小差了', icon: 'none' }))
    expect(text(container, '.calendar-title')).toBe('2026年10月')
    expect(calendarCalls()).toEqual([null, '2026-10', '2026-09'])

    fireEvent.click(container.querySelector('.calendar-next')!)
    await waitFor(() => expect(text(container, '.calendar-title')).toBe('2026年11月'))
    expect(calendarCalls()).toEqual([null, '2026-10', '2026-09', '2026-11'])

    // pull-down refresh reloads the month on screen
    act(() => fire.pullDownRefresh())
    await waitFor(() => expect(calendarCalls()).toEqual([null, '2026-10', '2026-09', '2026-11', '2026-11']))
  })

  it('shows a failed first load with a retry', async () => {
    let fail = true
    routeRequests({
      'GET /api/points/summary': () => reply(200, SUMMARY),
      'GET /api/points/check-in/calendar': () => (fail ? reply(500, { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } }) : reply(200, november())),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(container.querySelector('.list-error')).not.toBeNull())
    expect(text(container, '.list-error')).toContain('服务器开小差了')
    fail = false
    fireEvent.click(container.querySelector('.list-error')!)
    await waitFor(() => expect(days(container)).toHaveLength(30))
  })
})

describe('check-in helpers', () => {
  it('shiftMonth crosses years; leadingBlanks counts from Monday', () => {
    expect(shiftMonth('2026-11', 1)).toBe('2026-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-03', -14)).toBe('2025-01')
    expect(leadingBlanks('2026-11')).toBe(6) // Sunday
    expect(leadingBlanks('2026-06')).toBe(0) // Monday
  })

  it('rules text follows the store rules', () => {
    expect(checkInRulesLines({ dailyPoints: 8, milestones: [], makeUpEnabled: false, makeUpCostPoints: 0 })).toEqual([
      '每天签到得 8 积分，每天限签 1 次。',
      '付费会员按所在等级的积分倍数获得签到积分。',
    ])
    expect(checkInRulesLines({ dailyPoints: 5, milestones: [{ day: 5, bonusPoints: 20 }], makeUpEnabled: true, makeUpCostPoints: 0 })).toEqual([
      '每天签到得 5 积分，每天限签 1 次。',
      '连续签到第 5 天额外得 20 积分；连续签到满 7 天后重新计算。',
      '付费会员按所在等级的积分倍数获得签到积分。',
      '可补签本月今天以前漏签的日期，每次消耗 0 积分。',
    ])
  })
})

describe('entries to the check-in page', () => {
  it('the home banner’s 签到领积分 opens it (the rest of the banner still opens the member day)', () => {
    routeRequests({})
    const { container } = render(<HomePage />)
    fireEvent.click(container.querySelector('.home-banner-checkin')!)
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/index/index' })
    fireEvent.click(container.querySelector('.home-banner-title')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/pages/member-day/index' })
  })

  it('the 我的 page entry opens it and promises no points mall', () => {
    updateSession({ status: 'ready', user: ME, error: null })
    routeRequests({ 'GET /api/me': () => reply(200, ME) })
    const { container } = render(<MePage />)
    expect(text(container, '.entry-points .me-entry-desc')).toBe('每日签到领积分')
    fireEvent.click(container.querySelector('.entry-points')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/index/index' })
  })
})

function mockModal(confirm: boolean) {
  vi.mocked(Taro.showModal).mockImplementation((() => Promise.resolve({ confirm, cancel: !confirm })) as never)
}
function modalContent(call: number): string | undefined {
  return (vi.mocked(Taro.showModal).mock.calls[call]?.[0] as { content?: string } | undefined)?.content
}
