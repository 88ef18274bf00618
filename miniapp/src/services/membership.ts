import type {
  CardRefundResponse,
  Me,
  MemberDayCurrent,
  MemberDayOccurrence,
  MembershipMe,
  MembershipOrderResponse,
  MembershipPlan,
  Paged,
  Refund,
} from '@mc/shared'
import type { Id } from './catalog'
import { get, post, request } from './request'

export type {
  CardRefundResponse as CardRefundResult,
  FastRefundCheck as FastRefund,
  MemberDayCurrent,
  MemberDayOccurrence,
  MemberDayOffer,
  MembershipMe,
  MembershipOrderResponse as MembershipOrder,
  MembershipPeriod,
  MembershipPlan,
  Me as MeProfile,
} from '@mc/shared'

export async function listPlans(): Promise<MembershipPlan[]> {
  return (await get<Paged<MembershipPlan>>('/api/membership/plans')).items
}

export const getMembership = () => get<MembershipMe>('/api/membership/me')

export const getMe = () => get<Me>('/api/me')

/** Orders a card; the same key always answers the same order. */
export function buyPlan(planId: Id, idempotencyKey: string): Promise<MembershipOrderResponse> {
  return post<MembershipOrderResponse>('/api/membership/orders', { planId }, { header: { 'Idempotency-Key': idempotencyKey } })
}

export const fastRefundCard = () => post<CardRefundResponse>('/api/membership/refund')

/** 人工退卡: asks staff to refund the latest card pro rata; answers the refund under review. */
export const requestCardRefund = (reason: string) => post<Refund>('/api/membership/refund-requests', { reason })

/** The birthday is set once (it drives the yearly gift); the server refuses a change. */
export const setBirthday = (birthday: string) => request<void>('/api/me', { method: 'PATCH', data: { birthday } })

export const getCurrentMemberDay = () => get<MemberDayCurrent>('/api/member-days/current')

/** The member day on now, or else the next one, and when its countdown ends (its end, or its start). */
export function memberDayTarget(md: MemberDayCurrent | null): { occurrence: MemberDayOccurrence; active: boolean; target: number } | null {
  const occurrence = md ? (md.active ? md.current : md.next) : null
  if (!md || !occurrence) return null
  const target = new Date(md.active ? occurrence.endsAt : occurrence.startsAt).getTime()
  return Number.isNaN(target) ? null : { occurrence, active: md.active, target }
}

/** Plan benefits as lines (one text; a list is split the same way). */
export function benefitLines(benefits: MembershipPlan['benefits']): string[] {
  if (!benefits) return []
  const list = Array.isArray(benefits) ? benefits : String(benefits).split(/[\n,，;；、·]/)
  return list.map((b) => String(b).trim()).filter(Boolean)
}
