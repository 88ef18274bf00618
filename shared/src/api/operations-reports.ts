import type { DistributorLeaderboard } from './distribution';

/**
 * `GET /api/admin/reports/points?from=&to=` (store days YYYY-MM-DD, inclusive; default the last 7 days to today).
 * Every figure is defined in docs/reports.md "Points reports". Points are whole points, cash in fen. The liability
 * (points outstanding now) is `GET /api/admin/points/liability`, the 积分规则 page's figure.
 */
export interface PointsReportDay {
  day: string;
  /** Credits that can expire (EARN, GIFT, CHECK_IN, a positive ADJUST) posted on the day. */
  issued: number;
  /** −Σ SPEND (checkout, mall, lottery, make-up cost). */
  spent: number;
  /** −Σ EXPIRE. */
  expired: number;
  /** Σ positive REVERSE: spent points given back by a cancel or refund. */
  returned: number;
  /** −Σ negative REVERSE: earned points taken back by a refund. */
  reversed: number;
  /** −Σ negative ADJUST. */
  adjustedOut: number;
  /** Customers who checked in on the day themselves (make-ups not counted). */
  checkedIn: number;
  /** Make-up check-ins of the day (made later). */
  madeUp: number;
  /** Mall redemptions paid on the day: count, points and cash. */
  redemptions: number;
  redemptionPoints: number;
  redemptionCashCents: number;
}

export type PointsReportTotals = Omit<PointsReportDay, 'day' | 'checkedIn' | 'madeUp'>;

export interface PointsReport extends PointsReportTotals {
  from: string;
  to: string;
  checkIn: {
    /** Distinct customers who checked in themselves on a day of the range. */
    customers: number;
    /** Customers whose last login is on or after the range's start, or who checked in during the range. */
    activeCustomers: number;
    /** floor(customers × 10000 / activeCustomers); null without active customers. */
    participationBp: number | null;
  };
  series: PointsReportDay[];
}

/**
 * `GET /api/admin/reports/distribution?from=&to=` (store days, inclusive; default the last 7 days to today).
 * Every figure is defined in docs/reports.md "Distribution reports".
 */
export interface DistributionReport {
  from: string;
  to: string;
  sales: {
    /** Σ (payableCents − refundedCents) of the orders paid in the range. */
    totalCents: number;
    /** Of those, the orders with a level-1 commission (a distributor's customer bought). Guides included. */
    distributorCents: number;
    /** Of those, the orders whose level-1 distributor is a store guide. */
    guideCents: number;
    /** floor(distributorCents × 10000 / totalCents), null when totalCents is 0; guideBp likewise. */
    distributorBp: number | null;
    guideBp: number | null;
  };
  funnel: {
    /** Visits through share links in the range, and the distinct customers who made them. */
    visits: number;
    visitors: number;
    /** Distinct customers bound anew in the range (outcome BOUND or REBOUND). */
    bound: number;
    /** Of those, the customers who paid an order attributed to a distributor after binding, in the range. */
    buyers: number;
  };
  /** The 10 best distributors by attributed cash in the range (the monthly leaderboard's rules). */
  top: DistributorLeaderboard['items'];
  /** Commission accrued in the range (both levels, as it stands after refunds), by its status now. */
  commission: { pendingCents: number; settledCents: number; withdrawnCents: number };
  acquisition: {
    /** Customers whose first paid order is in the range and who paid an attributed order in it. */
    customers: number;
    /** The commission (both levels, after refunds) on those customers' attributed orders paid in the range. */
    commissionCents: number;
    /** floor(commissionCents / customers); null without acquired customers. */
    costPerCustomerCents: number | null;
  };
}
