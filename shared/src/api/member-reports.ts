/**
 * The dashboard's member reports (docs/reports.md, "Member reports", defines every figure). Money in fen, shares in
 * basis points rounded down, `null` when there is nothing to divide by.
 */

/** Card sales of one plan: paid card orders in the range, before refunds. */
export interface CardPlanSales {
  planId: number;
  name: string;
  count: number;
  amountCents: number;
}

/** `GET /api/admin/reports/membership?from=&to=` (ISO instants), and the conversion inside the overview. */
export interface MembershipConversion {
  from: string;
  to: string;
  /** Customers who paid a goods order in the range. */
  buyers: number;
  /** Of them, those who also paid a card order in the range. */
  buyersWhoBoughtCard: number;
  conversionBp: number | null;
  cardSalesByPlan: CardPlanSales[];
  /** Card orders paid in the range by a customer with an earlier card not refunded by then, and their amount. */
  renewals: number;
  renewalCents: number;
  /** Fast card refunds (极速退卡) completed in the range, and the money they returned. */
  fastRefunds: number;
  fastRefundCents: number;
}

/** Goods orders of one side (member or not) of the comparison. */
export interface MemberSideFigures {
  orders: number;
  /** Distinct customers among them (a customer who bought a card mid-range can be on both sides). */
  customers: number;
  paidCents: number;
  /** Refunds completed on these orders, up to now. */
  refundedCents: number;
  /** paidCents − refundedCents */
  gmvCents: number;
  /** floor(paidCents / orders); 0 without orders. */
  avgOrderCents: number;
  /** orders / customers in basis points (1.5 orders each = 15000). */
  ordersPerCustomerBp: number | null;
  /** This side's share of both sides' GMV. */
  gmvShareBp: number | null;
}

/** Repurchase within `days` of the customer's first paid goods order in the range. */
export interface RepurchaseWindow {
  days: number;
  /** Customers whose first order in the range is at least `days` old now (their window has closed). */
  customers: number;
  /** Of them, those who paid another goods order within `days` after it. */
  repurchased: number;
  rateBp: number | null;
}

/** `GET /api/admin/reports/members?from=&to=` (store days, inclusive; default the last 7 days to today). */
export interface MembersReport {
  from: string;
  to: string;
  member: MemberSideFigures;
  nonMember: MemberSideFigures;
  /** Split by whether the customer held a card at that first order. */
  repurchase: { member: RepurchaseWindow[]; nonMember: RepurchaseWindow[] };
  /** Card conversion, sales by plan, renewals and fast refunds over the same store days. */
  cards: MembershipConversion;
}

/** Customers whose first paid goods order fell in one store month, and what they did after. */
export interface Cohort {
  /** YYYY-MM */
  month: string;
  customers: number;
  /** retainedBp[k]: the share who paid a goods order in month +k (k = 1 … up to this month); [0] is 10000. */
  retainedBp: number[];
  /** ltvCents[k]: (paid − refunded) per customer from the cohort month to the end of month +k, floor. */
  ltvCents: number[];
}

/** Average cumulative value per customer k months after the cohort month, over every cohort that reached month +k. */
export interface LtvPoint {
  offset: number;
  members: number;
  memberLtvCents: number | null;
  nonMembers: number;
  nonMemberLtvCents: number | null;
}

/** `GET /api/admin/reports/cohorts?months=12`: the last `months` store months, this one included. */
export interface CohortsReport {
  months: string[];
  cohorts: Cohort[];
  /** Member: bought a card, by now, that was not refunded in full. */
  ltv: LtvPoint[];
}

/** The repurchase windows of the members report, in days. */
export const REPURCHASE_WINDOW_DAYS = [30, 60, 90] as const;
/** The most cohort months one report answers. */
export const COHORT_MAX_MONTHS = 24;

/** One past occurrence of a member day: `GET /api/admin/reports/member-days?count=6` → `{ items, total }`. */
export interface MemberDayOccurrenceReport {
  memberDayId: number;
  name: string;
  date: string;
  startsAt: string;
  endsAt: string;
  /** Goods orders placed in the window and paid, and their amount. */
  orders: number;
  gmvCents: number;
  /** Distinct buyers among them who held a card when they ordered. */
  payingMembers: number;
  /** Card orders placed in the window and paid. */
  newCards: number;
  /** Customers whose first card order ever was placed in the window (and paid). */
  convertedCustomers: number;
  /** Goods GMV of the 28 days before the window, a day (floor). */
  baselineDailyGmvCents: number;
  upliftBp: number | null;
}
