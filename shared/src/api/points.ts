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
