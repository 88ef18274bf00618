import { checkInCycleDays, POINTS_KIND_LABEL, type PointsSummary, type CheckInCalendar, type CheckInResponse, type CheckInRulesView, type MakeUpCheckInResponse, type Paged, type PointsKind, type PointsLedgerEntry } from '@mc/shared'
import { get, post } from './request'

export type { PointsLedgerEntry } from '@mc/shared'

/** The customer's own points ledger, newest first. */
export function listPointsLedger(page: number, pageSize: number): Promise<Paged<PointsLedgerEntry>> {
  return get<Paged<PointsLedgerEntry>>('/api/points/ledger', { page, pageSize })
}

/** The balance and the soonest expiry (`expiring` null when nothing is due). */
export const getPointsSummary = () => get<PointsSummary>('/api/points/summary')

/** '180 积分将于 2027-12-31 过期' for the soonest expiry; null when none. */
export const expiryLine = (s: Pick<PointsSummary, 'expiring'>): string | null =>
  s.expiring ? `${s.expiring.points} 积分将于 ${s.expiring.date} 过期` : null

/** A REVERSE that credits is spent points given back (a cancelled or refunded order), not points taken back. */
export const pointsKindLabel = (kind: string, delta = 0): string =>
  kind === 'REVERSE' && delta > 0 ? '抵扣退还' : (POINTS_KIND_LABEL[kind as PointsKind] ?? '积分变动')

/** `+120` / `-33` */
export const pointsDeltaText = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))

// ── Daily check-in (签到) ────────────────────────────────────────────────────────────────────────
// The shapes of the check-in routes as agreed with the server (not yet in @mc/shared).

/** The check-in contract's shapes (docs/points-contract.md) and the reward cycle, from shared: the server awards by the same rules. */
export type CheckInRules = CheckInRulesView
export type CheckInDay = CheckInCalendar['days'][number]
export type CheckInResult = CheckInResponse
export type MakeUpResult = MakeUpCheckInResponse
export type { CheckInCalendar }

/** Today's check-in; a second one the same store day is 409 ALREADY_CHECKED_IN. */
export const checkIn = () => post<CheckInResult>('/api/points/check-in')

/** The month's check-ins (`YYYY-MM`; none: the store's current month), the streak and the rules. */
export const getCheckInCalendar = (month?: string) => get<CheckInCalendar>('/api/points/check-in/calendar', { month })

/** Make up a missed day of this month before today (409 INVALID_STATE when not allowed, INSUFFICIENT_POINTS). */
export const makeUpCheckIn = (date: string) => post<MakeUpResult>('/api/points/check-in/make-up', { date })

/** `2026-11` moved by `delta` months → `2026-12`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + delta
  const year = Math.floor(index / 12)
  const mon = index - year * 12 + 1
  return `${year}-${mon < 10 ? '0' : ''}${mon}`
}

/** `2026-11` → `2026年11月` */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** `2026-11-05` → `11月5日` */
export function dayTitle(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** Blank cells before the 1st in a week that starts on Monday (一 … 日). */
export function leadingBlanks(month: string): number {
  const [y, m] = month.split('-').map(Number)
  const weekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay() // 0 = Sunday
  return (weekday + 6) % 7
}

/** The rules as lines for customers, from the store's rules (the reward cycle as the server counts it: shared checkInCycleDays). */
export function checkInRulesLines(rules: CheckInRules): string[] {
  const lines = [`每天签到得 ${rules.dailyPoints} 积分，每天限签 1 次。`]
  const milestones = [...rules.milestones].filter((m) => m.bonusPoints > 0).sort((a, b) => a.day - b.day)
  if (milestones.length > 0) {
    const bonuses = milestones.map((m) => `第 ${m.day} 天额外得 ${m.bonusPoints} 积分`).join('，')
    lines.push(`连续签到${bonuses}；连续签到满 ${checkInCycleDays(rules)} 天后重新计算。`)
  }
  lines.push('付费会员按所在等级的积分倍数获得签到积分。')
  if (rules.makeUpEnabled) {
    lines.push(`可补签本月今天以前漏签的日期，每次消耗 ${rules.makeUpCostPoints} 积分。`)
  }
  return lines
}
