import type { PointsKind } from '../points';
import type { Id, IsoDateTime } from './common';

/** An entry of `GET /api/points/ledger` (newest first, paged). */
export interface PointsLedgerEntry {
  id: Id;
  kind: PointsKind;
  /** Signed: credits > 0, debits < 0. */
  delta: number;
  balanceAfter: number;
  orderId: Id | null;
  memo: string;
  createdAt: IsoDateTime;
}

/** The check-in rules as `GET /api/points/check-in/calendar` (`rules`) and `GET/PUT /api/admin/check-in-rules` show them. */
export interface CheckInRulesView {
  dailyPoints: number;
  milestones: { day: number; bonusPoints: number }[];
  makeUpEnabled: boolean;
  makeUpCostPoints: number;
}

/** `POST /api/points/check-in`. `date` is the store day checked in (YYYY-MM-DD); `balance` after the award. */
export interface CheckInResponse {
  pointsAwarded: number;
  streak: number;
  balance: number;
  date: string;
}

/** `POST /api/points/check-in/make-up {date}`: the made-up day; `streak` is the current streak afterwards. */
export interface MakeUpCheckInResponse extends CheckInResponse {
  costPoints: number;
}

/** `GET /api/points/check-in/calendar?month=YYYY-MM`. */
export interface CheckInCalendar {
  month: string;
  today: string;
  checkedInToday: boolean;
  /** The current streak: ending today, else yesterday, else 0. */
  streak: number;
  /** Every day of the month; `points` 0 and `madeUp` false on a day not checked in. */
  days: { date: string; checkedIn: boolean; points: number; madeUp: boolean }[];
  /** The next milestone bonus the coming check-ins reach; `daysLeft` 1 = the next check-in. */
  nextMilestone: { day: number; bonusPoints: number; daysLeft: number } | null;
  rules: CheckInRulesView;
}

/** `GET /api/points/summary`: the balance and the soonest expiry ("X 积分将于 date 过期"), null when nothing is due to expire. */
export interface PointsSummary {
  balance: number;
  expiring: { points: number; date: string } | null;
}

/** When an order's points are credited: when it completes (default) or as soon as it is paid. */
export const POINTS_EARN_ON = ['COMPLETION', 'PAYMENT'] as const;
export type PointsEarnOn = (typeof POINTS_EARN_ON)[number];

/** `GET/PUT /api/admin/points-rules`: the store's points settings. */
export interface PointsRulesView {
  /** What 100 points are worth in fen: one of 100, 50, 25, 20, 10, 5, 4, 2, 1 (default 100: 100 points = 1 yuan). */
  pointsValueCentsPer100: number;
  /** Points pay at most this share of the goods after discounts, in basis points 0 … 10000 (default 5000). */
  pointsMaxSpendBp: number;
  /** Points earned per yuan of goods cash, before multipliers, 0 … 10000 (default 1). */
  pointsPerYuanEarned: number;
  pointsEarnOn: PointsEarnOn;
  /** Points expire at the end of 31 December this many years after the year earned; 0 = never (default 1). */
  pointsExpiryYears: number;
  /** The paid member's birthday gift; 0 = off (default 200). */
  birthdayGiftPoints: number;
}

/** `GET /api/admin/points/liability`: what the store owes in points. */
export interface PointsLiability {
  /** Today, the store day the figures are for. */
  date: string;
  /** Σ of positive balances. */
  outstandingPoints: number;
  /** Their cash value in fen at today's points value (rounded down). */
  outstandingValueCents: number;
  /** Σ of negative balances as a positive number: points customers owe (shortfalls). */
  owedPoints: number;
  /** The next 12 months from the current one, each with the points due to expire in it (FIFO). */
  expiringByMonth: { month: string; points: number; valueCents: number }[];
}

/** `POST /api/admin/customers/:id/points-adjustments` → the entry written and the balance after it. */
export interface PointsAdjustmentResult {
  entry: PointsLedgerEntry;
  balance: number;
}
