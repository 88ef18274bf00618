import type { OrderKind, OrderStatus } from '../order-state';
import type { CouponStatus } from '../pricing/coupons';
import type { Id, IsoDateTime } from './common';
import type { DistributorStatus } from './distribution';
import type { PointsLedgerEntry } from './points';

/** The distributor a customer is bound to now (the binding has not expired). */
export interface AdminCustomerBinding {
  distributorId: Id;
  /** The distributor's nickname. */
  nickname: string;
  expiresAt: IsoDateTime;
}

/** A row of `GET /api/admin/customers?q=&page=&pageSize=` (newest customers first). Never the whole phone. */
export interface AdminCustomerRow {
  id: Id;
  nickname: string;
  avatarUrl: string;
  /** The phone's last 4 digits, or null without a phone. */
  phoneTail: string | null;
  isMember: boolean;
  /** The card's end while it runs, else null (as `/api/me`). */
  memberUntil: IsoDateTime | null;
  tierName: string | null;
  pointsBalance: number;
  /** Paid orders (goods and cards, whatever happened after) and what was paid for them. */
  ordersCount: number;
  paidCents: number;
  boundDistributor: AdminCustomerBinding | null;
  createdAt: IsoDateTime;
}

/** `GET /api/admin/customers/:id`: one customer's page (latest 10 of each list). */
export interface AdminCustomerDetail {
  id: Id;
  nickname: string;
  avatarUrl: string;
  phoneTail: string | null;
  birthday: string | null;
  createdAt: IsoDateTime;
  lastLoginAt: IsoDateTime;
  card: {
    isMember: boolean;
    memberUntil: IsoDateTime | null;
    periods: { id: Id; orderId: Id; planId: Id; days: number; paidCents: number; purchasedAt: IsoDateTime; startsAt: IsoDateTime; endsAt: IsoDateTime; refundedAt: IsoDateTime | null }[];
  };
  tier: { tierId: Id | null; name: string | null; growth: number; nextTier: { id: Id; name: string; growthThreshold: number; growthNeeded: number } | null };
  points: { balance: number; latest: PointsLedgerEntry[] };
  /** Usable coupons held, soonest to expire first. */
  coupons: { id: Id; templateId: Id; title: string; status: CouponStatus; source: string; validFrom: IsoDateTime; validUntil: IsoDateTime }[];
  boundDistributor: (AdminCustomerBinding & { boundAt: IsoDateTime }) | null;
  /** Their own distributor account, if they applied. */
  distributor: { id: Id; status: Exclude<DistributorStatus, 'NONE'>; refCode: string | null; isGuide: boolean } | null;
  orders: {
    count: number;
    paidCents: number;
    latest: { id: Id; orderNo: string; kind: OrderKind; status: OrderStatus; payableCents: number; refundedCents: number; createdAt: IsoDateTime }[];
  };
}
