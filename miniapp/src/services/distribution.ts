import {
  yuanToCents,
  type BoundCustomerView,
  type CommissionStatus,
  type CommissionView,
  type DistributorMe,
  type DistributorStatus,
  type Paged,
  type ReferralVisitResponse,
  type SharePayload,
  type ShareScene,
  type WithdrawalView,
} from '@mc/shared'
import type { Id } from './catalog'
import { get, post } from './request'
import { getToken } from './storage'

export { COMMISSION_STATUS_LABEL, WITHDRAWAL_STATUS_LABEL } from '@mc/shared'
export type { BoundCustomerView, CommissionStatus, CommissionView, DistributorMe, SharePayload, WithdrawalStatus, WithdrawalView } from '@mc/shared'

// ── The distributor's own routes (shared/src/api/distribution.ts) ─────────────────────────────────

/** The last `GET /api/distributors/me` answer (or the one on its way) and the token it was asked with. */
let meCache: { token: string | undefined; me: Promise<DistributorMe | null> } | null = null

function remember(p: Promise<DistributorMe>): Promise<DistributorMe> {
  meCache = { token: getToken(), me: p.catch(() => null) }
  return p
}

/** `GET /api/distributors/me`; the answer is also what share buttons go by (distributorStatus). */
export const getDistributorMe = () => remember(get<DistributorMe>('/api/distributors/me'))

export const applyDistributor = (reason: string) => remember(post<DistributorMe>('/api/distributors/apply', { reason }))

/**
 * The customer's distributor status, asked once per login (the center page refreshes it); null when
 * not logged in or unknown (asked again next time).
 */
export async function distributorStatus(): Promise<DistributorStatus | null> {
  const token = getToken()
  if (!token) return null
  if (!meCache || meCache.token !== token) void getDistributorMe().catch(() => undefined)
  const me = await meCache!.me
  if (!me && meCache?.token === token) meCache = null
  return me?.status ?? null
}

export const listCommissions = (status: CommissionStatus | undefined, page: number, pageSize: number) =>
  get<Paged<CommissionView>>('/api/distributors/me/commissions', { status, page, pageSize })

export const listWithdrawals = (page: number, pageSize: number) => get<Paged<WithdrawalView>>('/api/distributors/me/withdrawals', { page, pageSize })

/** One withdrawal; the same key always answers the same withdrawal (a retried request creates nothing new). */
export const createWithdrawal = (amountCents: number, idempotencyKey: string) =>
  post<WithdrawalView>('/api/distributors/me/withdrawals', { amountCents }, { header: { 'Idempotency-Key': idempotencyKey } })

export const listCustomers = (page: number, pageSize: number) => get<Paged<BoundCustomerView>>('/api/distributors/me/customers', { page, pageSize })

// ── Sharing ──────────────────────────────────────────────────────────────────────────────────────

/** What is shared: a product, the member-card page, or (neither) the home page. */
export type ShareTarget = { productId: Id } | { page: 'card' } | Record<string, never>

export function getSharePayload(target: ShareTarget): Promise<SharePayload> {
  const query = 'productId' in target ? { productId: String(target.productId) } : 'page' in target ? { page: target.page } : undefined
  return get<SharePayload>('/api/distributors/me/share', query)
}

/** The share payload (path with `ref`, poster) for an approved distributor; null for everyone else or on failure. */
export async function distributorShare(target: ShareTarget): Promise<SharePayload | null> {
  if ((await distributorStatus()) !== 'APPROVED') return null
  try {
    return await getSharePayload(target)
  } catch {
    return null
  }
}

/** `GET /api/share/scenes/:sceneCode` (public): the ref and page of a scanned mini-program code. */
export const getShareScene = (sceneCode: string) => get<ShareScene>(`/api/share/scenes/${encodeURIComponent(sceneCode)}`, undefined, { auth: false })

/** `POST /api/referrals/visit {ref}`: a logged-in customer opened a share link. */
export const sendReferralVisit = (ref: string) => post<ReferralVisitResponse>('/api/referrals/visit', { ref })

// ── The withdrawal amount ─────────────────────────────────────────────────────────────

/** A yuan amount typed by the customer → fen; null when it is not an amount ≥ 0 with at most two decimals. */
export function parseYuanInput(text: string): number | null {
  try {
    const cents = yuanToCents(text)
    return cents >= 0 ? cents : null
  } catch {
    return null
  }
}
