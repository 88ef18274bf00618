import type { AdjustmentKind } from './pricing/types';

/**
 * Customer layering (docs/campaigns.md): RFM scores 1–5 by quintile over a window of days, the eight
 * classic groups from high/low R, F and M, and tags. Pure: the server feeds it one grouped query's rows.
 */

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export interface RfmScores {
  r: RfmScore;
  f: RfmScore;
  m: RfmScore;
}

/** What one customer did in the window (paid goods orders, not wholly refunded). */
export interface RfmFigures {
  /** Whole days from the latest such order to now. */
  recencyDays: number;
  orders: number;
  /** Paid less refunded, fen. */
  monetaryCents: number;
}

export const RFM_GROUPS = [
  'IMPORTANT_VALUE',
  'IMPORTANT_DEVELOP',
  'IMPORTANT_RETAIN',
  'IMPORTANT_WINBACK',
  'GENERAL_VALUE',
  'GENERAL_DEVELOP',
  'GENERAL_RETAIN',
  'GENERAL_WINBACK',
] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];

export const RFM_GROUP_LABEL: Record<RfmGroup, string> = {
  IMPORTANT_VALUE: '重要价值客户',
  IMPORTANT_DEVELOP: '重要发展客户',
  IMPORTANT_RETAIN: '重要保持客户',
  IMPORTANT_WINBACK: '重要挽留客户',
  GENERAL_VALUE: '一般价值客户',
  GENERAL_DEVELOP: '一般发展客户',
  GENERAL_RETAIN: '一般保持客户',
  GENERAL_WINBACK: '一般挽留客户',
};

export const SEGMENT_TAGS = ['PAID_MEMBER', 'DISTRIBUTOR', 'CHECK_IN_ACTIVE', 'LAPSED_MEMBER', 'DISCOUNT_ONLY'] as const;
export type SegmentTag = (typeof SEGMENT_TAGS)[number];

export const SEGMENT_TAG_LABEL: Record<SegmentTag, string> = {
  PAID_MEMBER: '付费会员',
  DISTRIBUTOR: '分销员',
  CHECK_IN_ACTIVE: '本月签到活跃',
  LAPSED_MEMBER: '会员已过期',
  DISCOUNT_ONLY: '只买优惠',
};

/** The report's parameters: the RFM window in days and the check-ins of this month that make a customer active. */
export const SEGMENT_LIMITS = {
  windowDaysMin: 7,
  windowDaysMax: 730,
  windowDaysDefault: 365,
  checkInDaysMin: 1,
  checkInDaysMax: 31,
  checkInDaysDefault: 10,
} as const;

/** A score at or above this is "high" for the eight groups (balanced quintiles: the upper three fifths). */
export const RFM_HIGH_SCORE = 3;

/** Adjustments that lowered an order's price (points pay, shipping waivers do not discount the goods). */
export const DISCOUNT_ADJUSTMENT_KINDS: readonly AdjustmentKind[] = ['MEMBER_PRICE', 'MEMBER_DAY_PRICE', 'MEMBER_DAY_CATEGORY_RATE', 'TIER_DISCOUNT', 'COUPON'];

/**
 * The four cut points of a list of values: the value at ranks ⌈k·n/5⌉ (k = 1…4) of the sorted list.
 * A value scores 1 + the number of cut points strictly below it, so n distinct values fall into five
 * classes of ⌊n/5⌋ or ⌈n/5⌉, and equal values always share a score. Empty list: no cut points.
 */
export function quintileCuts(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  return [1, 2, 3, 4].map((k) => sorted[Math.ceil((k * n) / 5) - 1]);
}

export function quintileScore(value: number, cuts: readonly number[]): RfmScore {
  let score = 1;
  for (const c of cuts) if (value > c) score++;
  return score as RfmScore;
}

/** Cut points of each dimension; recency is cut on days (fewer days = more recent). */
export interface RfmCuts {
  recencyDays: number[];
  orders: number[];
  monetaryCents: number[];
}

export function rfmCuts(rows: readonly RfmFigures[]): RfmCuts {
  return {
    // negated so that the most recent buyers are the "largest" and score 5
    recencyDays: quintileCuts(rows.map((r) => -r.recencyDays)).map((c) => -c),
    orders: quintileCuts(rows.map((r) => r.orders)),
    monetaryCents: quintileCuts(rows.map((r) => r.monetaryCents)),
  };
}

export function rfmScores(row: RfmFigures, cuts: RfmCuts): RfmScores {
  // fewer days than a cut point (in days) is "above" it: the same count as on the negated values
  let r = 1;
  for (const c of cuts.recencyDays) if (row.recencyDays < c) r++;
  return { r: r as RfmScore, f: quintileScore(row.orders, cuts.orders), m: quintileScore(row.monetaryCents, cuts.monetaryCents) };
}

/** The classic eight: M decides important/general, then R and F together decide value/develop/retain/win back. */
export function rfmGroup(s: RfmScores): RfmGroup {
  const r = s.r >= RFM_HIGH_SCORE;
  const f = s.f >= RFM_HIGH_SCORE;
  const m = s.m >= RFM_HIGH_SCORE;
  const kind = r ? (f ? 'VALUE' : 'DEVELOP') : f ? 'RETAIN' : 'WINBACK';
  return `${m ? 'IMPORTANT' : 'GENERAL'}_${kind}` as RfmGroup;
}

const DAY_MS = 86_400_000;

/** Whole days between the latest order and now (0 the same 24 hours). */
export function recencyDays(lastPaidMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - lastPaidMs) / DAY_MS));
}
