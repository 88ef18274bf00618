/**
 * `GET /api/admin/reports/overview?from=&to=` (store days YYYY-MM-DD, inclusive; default the last 7 days to today).
 * An order counts on the store day it was paid, whatever happened after; a refund on the day it completed.
 */
export interface OverviewFigures {
  from: string;
  to: string;
  /** paidCents − refundedCents */
  gmvCents: number;
  paidCents: number;
  refundedCents: number;
  /** Orders paid in the range, every kind (goods, cards, redemptions with cash). */
  orders: number;
  /** Distinct customers among them. */
  buyers: number;
  /** floor(paidCents / orders); 0 without orders. */
  avgOrderCents: number;
  /** Member-card orders paid in the range and what they brought in (before refunds). */
  newCards: number;
  cardRevenueCents: number;
  /** Customers holding a card at the end of the range (or now, for a range that has not ended). */
  paidMembers: number;
  /** Of the customers who bought goods in the range, the share who also bought a card in it; null without buyers. */
  memberConversionBp: number | null;
}

export interface OverviewDay {
  day: string;
  gmvCents: number;
  paidCents: number;
  refundedCents: number;
  orders: number;
  buyers: number;
}

export interface OverviewReport extends OverviewFigures {
  /** The same figures for the period of equal length just before. */
  previous: OverviewFigures;
  series: OverviewDay[];
}

/** The longest range the overview answers, in days. */
export const OVERVIEW_MAX_DAYS = 366;
