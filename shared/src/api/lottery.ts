import type { Id, IsoDateTime } from './common';

export type LotteryPrizeKind = 'POINTS' | 'COUPON' | 'NONE';

export const LOTTERY_PRIZE_KIND_LABEL: Readonly<Record<LotteryPrizeKind, string>> = { POINTS: '积分', COUPON: '优惠券', NONE: '谢谢参与' };

/** `GET /api/lottery`: the wheel as the customer sees it (prizes in wheel order; empty when the store has none). */
export interface LotteryView {
  costPoints: number;
  drawsLeftToday: number;
  prizes: { id: Id; name: string; kind: LotteryPrizeKind }[];
}

/** `POST /api/lottery/draw`: the prize won and the balance after the draw (cost spent, points prize credited). */
export interface LotteryDrawResponse {
  prize: { id: Id; name: string; kind: LotteryPrizeKind; points?: number; couponId?: Id };
  balance: number;
}

/** A prize as staff set it (`PUT /api/admin/lottery`); NONE prizes are never out of stock. */
export interface LotteryPrizeInput {
  name: string;
  kind: LotteryPrizeKind;
  points?: number;
  couponTemplateId?: Id;
  weight: number;
  stock: number;
}

/** `GET/PUT /api/admin/lottery`: the wheel with each prize's id and what was drawn of it. */
export interface AdminLotteryView {
  costPoints: number;
  dailyLimit: number;
  prizes: (LotteryPrizeInput & { id: Id; drawn: number })[];
}

/** An item of `GET /api/admin/lottery/draws` (newest first). */
export interface LotteryDrawRecord {
  id: Id;
  customerId: Id;
  customerNickname: string;
  prizeName: string;
  kind: LotteryPrizeKind;
  points: number | null;
  couponId: Id | null;
  costPoints: number;
  createdAt: IsoDateTime;
}
