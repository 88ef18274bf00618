/**
 * Points rules (domain.md "Points"): the ledger's kinds, what an order keeps of the points it
 * earned after refunds, and the day a birthday gift is due. Pure: dates come in as arguments.
 */
import { mulDivFloor } from '../money';

/**
 * The kinds of a points ledger entry: domain.md's earn, spend, expire, reverse and adjust, plus
 * GIFT for points the store gives away (the member birthday gift, a lottery prize), kept apart from ADJUST, which
 * is a staff correction, and CHECK_IN for the daily check-in's points (a make-up's cost is a SPEND).
 */
export const POINTS_KINDS = ['EARN', 'SPEND', 'EXPIRE', 'REVERSE', 'ADJUST', 'GIFT', 'CHECK_IN'] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

export const POINTS_KIND_LABEL: Readonly<Record<PointsKind, string>> = {
  EARN: '购物获得',
  SPEND: '积分抵扣',
  EXPIRE: '积分过期',
  REVERSE: '退款扣回',
  ADJUST: '积分调整',
  GIFT: '赠送积分',
  CHECK_IN: '每日签到',
};

/**
 * The points an order keeps once `refundedCents` of its `paidCents` (cash paid for goods) went
 * back: `earned − floor(earned × refunded / paid)`, so the reversals of several partial refunds
 * add up to at most what was earned, and a full refund takes back the remainder.
 */
export function pointsKept(earned: number, paidCents: number, refundedCents: number): number {
  if (earned <= 0) return 0;
  if (refundedCents <= 0) return earned;
  if (refundedCents >= paidCents) return 0;
  return earned - mulDivFloor(earned, refundedCents, paidCents);
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Whether a birthday (`YYYY-MM-DD`) is celebrated on the local date y-m-d (m 1-12): same month
 * and day; a 29 February birthday is celebrated on 28 February in years without a 29th.
 */
export function birthdayFallsOn(birthday: string, y: number, m: number, d: number): boolean {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return false;
  const bm = Number(match[1]);
  const bd = Number(match[2]);
  if (bm === m && bd === d) return true;
  return bm === 2 && bd === 29 && m === 2 && d === 28 && !isLeapYear(y);
}

export * from './check-in';
export * from './expiry';
export * from './mall';
export * from './lottery';
