/**
 * KOC distribution: the HTTP contract between the server, the mini-program's distributor center and the
 * admin pages. Rules in docs/domain.md ("KOC distributors", "Referral sharing"); routes in docs/api.md.
 * Money in fen (`…Cents`), rates in basis points (`…Bp`, 1000 = 10 %), times ISO-8601.
 */
import type { Id, IsoDateTime, Paged } from './common';

/** `NONE`: the customer never applied. */
export type DistributorStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'DISABLED';
export type CommissionStatus = 'PENDING' | 'SETTLED' | 'WITHDRAWN' | 'CANCELLED';
/** `APPROVED`: staff approved, the merchant transfer is under way; `PAID` when WeChat confirms it. */
export type WithdrawalStatus = 'PENDING' | 'APPROVED' | 'PAID' | 'REJECTED' | 'FAILED';
export type BindingMode = 'FIRST_TOUCH' | 'LAST_TOUCH';

/**
 * A distributor's money. `pendingCents` waits for the after-sale window; `availableCents` can be withdrawn;
 * `frozenCents` is asked for in withdrawals not yet paid; `withdrawnCents` was paid out. `owedCents` is what refunds
 * took back after the commission was settled or withdrawn, offset by later earnings (never clamped away).
 */
export interface DistributorBalances {
  pendingCents: number;
  availableCents: number;
  frozenCents: number;
  withdrawnCents: number;
  owedCents: number;
}

export interface DistributorStats {
  visits: number;
  boundCustomers: number;
  orders: number;
  paidCents: number;
  /** 1-based rank by paid amount this store month among approved distributors; null with no sales this month. */
  monthRank: number | null;
}

/** `POST /api/distributors/apply {reason}` and `GET /api/distributors/me`. */
export interface DistributorMe {
  status: DistributorStatus;
  refCode: string | null;
  isGuide: boolean;
  reason: string | null;
  rejectReason: string | null;
  appliedAt: IsoDateTime | null;
  reviewedAt: IsoDateTime | null;
  balances: DistributorBalances;
  stats: DistributorStats;
  withdrawalRules: { minCents: number; dailyCapCents: number };
}

export interface ApplyDistributorRequest {
  /** 1–200 characters. */
  reason: string;
}

/**
 * `GET /api/distributors/me/share?productId=` (a product) or `?page=card` (the member-card page) or neither (home).
 * `path` is the mini-program path with `ref` for `onShareAppMessage`; `posterUrl` is a public PNG
 * (`/api/share/posters/<sceneCode>.png`) with the unlimited mini-program code whose scene is `sceneCode`.
 */
export interface SharePayload {
  path: string;
  title: string;
  refCode: string;
  sceneCode: string;
  posterUrl: string;
}

/** `GET /api/share/scenes/:sceneCode` (public): what a scanned mini-program code opens. */
export interface ShareScene {
  refCode: string;
  path: string;
}

/** `POST /api/referrals/visit {ref}`: `bound` says whether this visit bound (or renewed) the customer to `ref`. */
export interface ReferralVisitResponse {
  bound: boolean;
}

/** `GET /api/distributors/me/commissions?status=&page=&pageSize=` → `Paged<CommissionView>`. */
export interface CommissionView {
  id: Id;
  orderId: Id;
  orderNo: string;
  level: 1 | 2;
  /** Cash paid for the lines this commission is on, after refunds so far. */
  baseCents: number;
  amountCents: number;
  status: CommissionStatus;
  buyerNickname: string;
  createdAt: IsoDateTime;
  settledAt: IsoDateTime | null;
}

/** `GET/POST /api/distributors/me/withdrawals` (`{amountCents}` with `Idempotency-Key`). */
export interface WithdrawalView {
  id: Id;
  amountCents: number;
  status: WithdrawalStatus;
  createdAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
  paidAt: IsoDateTime | null;
  /** Why staff rejected it or why the transfer failed. */
  failReason: string | null;
}

export interface CreateWithdrawalRequest {
  amountCents: number;
}

/** `GET /api/distributors/me/customers?page=&pageSize=` → `Paged<BoundCustomerView>`. */
export interface BoundCustomerView {
  customerId: Id;
  nickname: string;
  avatarUrl: string | null;
  boundAt: IsoDateTime;
  expiresAt: IsoDateTime;
  orders: number;
  paidCents: number;
}

// ---- staff ----

/** `GET /api/admin/distributors?status=&q=&page=&pageSize=` → `Paged<AdminDistributorView>`. */
export interface AdminDistributorView {
  id: Id;
  customerId: Id;
  nickname: string;
  phoneTail: string | null;
  status: Exclude<DistributorStatus, 'NONE'>;
  refCode: string | null;
  isGuide: boolean;
  reason: string | null;
  rejectReason: string | null;
  appliedAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
  stats: DistributorStats;
  balances: DistributorBalances;
}

/**
 * `POST /api/admin/distributors/:id/approve`, `…/reject {reason}`, `…/disable`, `…/enable`,
 * `PUT /api/admin/distributors/:id/guide {isGuide}` → `AdminDistributorView`.
 */
export interface RejectRequest {
  reason: string;
}

/** `GET/PUT /api/admin/commission-rules` (PUT takes the whole object). */
export interface CommissionRules {
  /** Level-1 rate when neither the product nor its category has one; default 1000 (10 %). */
  defaultRateBp: number;
  level2Enabled: boolean;
  /** Default 300 (3 %). */
  level2RateBp: number;
  bindingMode: BindingMode;
  /** Default 30. */
  bindingDays: number;
  /** Days after completion before pending commission settles; default 7. */
  settleAfterDays: number;
  /** Paid members who apply are approved at once; default false. */
  autoApproveMembers: boolean;
  /** Default 100 (1 yuan). */
  withdrawMinCents: number;
  /** Per distributor per store day; default 500000 (5,000 yuan). */
  withdrawDailyCapCents: number;
  categoryRates: { categoryId: Id; rateBp: number }[];
  productRates: { productId: Id; rateBp: number }[];
}

/** `GET /api/admin/withdrawals?status=&page=&pageSize=` → `Paged<AdminWithdrawalView>`; approve / reject `{reason}`. */
export interface AdminWithdrawalView extends WithdrawalView {
  distributorId: Id;
  nickname: string;
  refCode: string;
  /** The merchant transfer's batch number, stable across retries; null before approval. */
  outBatchNo: string | null;
}

/** `GET /api/admin/reports/distributors?month=YYYY-MM` → the store leaderboard, best first. */
export interface DistributorLeaderboard {
  month: string;
  items: {
    rank: number;
    distributorId: Id;
    nickname: string;
    refCode: string;
    isGuide: boolean;
    orders: number;
    paidCents: number;
    commissionCents: number;
    boundCustomers: number;
  }[];
}

export type CommissionPage = Paged<CommissionView>;
export type WithdrawalPage = Paged<WithdrawalView>;
