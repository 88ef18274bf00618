import type { Id } from './catalog'
import { get, post } from './request'

/** `GET /api/membership/plans` item (on sale only). */
export interface MembershipPlan {
  id: Id
  name: string
  priceCents: number
  days: number
  benefits: string | string[] | null
  onSale: boolean
  sort: number
}

export interface MembershipPeriod {
  id: Id
  orderId: Id
  planId: Id
  days: number
  paidCents: number
  purchasedAt: string
  startsAt: string
  endsAt: string
  refundedAt: string | null
}

export type FastRefund = { eligible: true; amountCents: number } | { eligible: false; reason: string }

/** `GET /api/membership/me` */
export interface MembershipMe {
  isMember: boolean
  memberUntil: string | null
  fastRefund: FastRefund
  periods: MembershipPeriod[]
}

/** `GET /api/me` (the parts the member pages read). */
export interface MeProfile {
  id: Id
  nickname: string | null
  isMember: boolean
  memberUntil: string | null
  tier: { id: number; name: string } | null
  nextTier: { id: number; name: string; growthThreshold: number; growthNeeded: number } | null
  growth: number
  pointsBalance: number
}

export interface MembershipOrder {
  id: Id
  orderNo: string
  kind: 'MEMBER_CARD'
  status: string
  payableCents: number
  expiresAt: string | null
}

export interface CardRefundResult {
  refunded: true
  amountCents: number
  isMember: boolean
  memberUntil: string | null
}

export interface MemberDayOffer {
  skuId: Id
  productId: Id
  title: string
  coverUrl: string
  specs: Record<string, string>
  listPriceCents: number
  memberPriceCents: number | null
  memberDayPriceCents: number
}

export interface MemberDayOccurrence {
  id: Id
  name: string
  date: string
  startsAt: string
  endsAt: string
  audience: 'PAID_MEMBERS' | 'TIER_AT_LEAST'
  pointsMultiplierBp: number
  perCustomerLimit: number
  offers: MemberDayOffer[]
  exclusiveProductIds: Id[]
}

/** `GET /api/member-days/current` */
export interface MemberDayCurrent {
  /** The server's clock (ISO): countdowns run against it, not against the device's clock. */
  now?: string
  active: boolean
  current: MemberDayOccurrence | null
  next: MemberDayOccurrence | null
}

export async function listPlans(): Promise<MembershipPlan[]> {
  return (await get<{ items: MembershipPlan[] }>('/api/membership/plans')).items
}

export const getMembership = () => get<MembershipMe>('/api/membership/me')

export const getMe = () => get<MeProfile>('/api/me')

/** Orders a card; the same key always answers the same order. */
export function buyPlan(planId: Id, idempotencyKey: string): Promise<MembershipOrder> {
  return post<MembershipOrder>('/api/membership/orders', { planId }, { header: { 'Idempotency-Key': idempotencyKey } })
}

export const fastRefundCard = () => post<CardRefundResult>('/api/membership/refund')

export const getCurrentMemberDay = () => get<MemberDayCurrent>('/api/member-days/current')

/** The member day on now, or else the next one, and when its countdown ends (its end, or its start). */
export function memberDayTarget(md: MemberDayCurrent | null): { occurrence: MemberDayOccurrence; active: boolean; target: number } | null {
  const occurrence = md ? (md.active ? md.current : md.next) : null
  if (!md || !occurrence) return null
  const target = new Date(md.active ? occurrence.endsAt : occurrence.startsAt).getTime()
  return Number.isNaN(target) ? null : { occurrence, active: md.active, target }
}

/** The offer of a member day that is on now for this SKU, else (no SKU chosen) this product's lowest one. */
export function liveOffer(md: MemberDayCurrent | null, productId: Id, skuId: Id | null): MemberDayOffer | null {
  if (!md?.active || !md.current) return null
  const offers = md.current.offers.filter((o) => String(o.productId) === String(productId))
  if (skuId !== null) return offers.find((o) => String(o.skuId) === String(skuId)) ?? null
  return offers.reduce<MemberDayOffer | null>((low, o) => (low === null || o.memberDayPriceCents < low.memberDayPriceCents ? o : low), null)
}

/** Plan benefits as lines (the server may send one text or a list). */
export function benefitLines(benefits: MembershipPlan['benefits']): string[] {
  if (!benefits) return []
  const list = Array.isArray(benefits) ? benefits : String(benefits).split(/[\n,，;；、·]/)
  return list.map((b) => String(b).trim()).filter(Boolean)
}

/** `20000` bp → `2`, `15000` → `1.5` (integer arithmetic only). */
export function multiplierText(bp: number): string {
  const whole = Math.floor(bp / 10000)
  const rest = bp % 10000
  if (rest === 0) return String(whole)
  return `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`
}
