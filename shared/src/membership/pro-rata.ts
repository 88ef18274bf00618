import { mulDivFloor, type Cents } from '../money';

const DAY_MS = 86_400_000;

export interface CardPeriod {
  paidCents: Cents;
  days: number;
  startsAt: Date;
  endsAt: Date;
}

/** Whole days of a card period not yet used at `now` (a started day counts as used). */
export function unusedCardDays(period: CardPeriod, now: Date): number {
  const from = Math.max(now.getTime(), period.startsAt.getTime());
  const unusedMs = Math.max(0, period.endsAt.getTime() - from);
  return Math.min(period.days, Math.floor(unusedMs / DAY_MS));
}

/** A reviewed card refund: unused days / days × price paid, rounded down to the fen. */
export function cardProRataRefundCents(period: CardPeriod, now: Date): Cents {
  return mulDivFloor(period.paidCents, unusedCardDays(period, now), period.days);
}
