import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LotteryPrizeKind } from '@mc/shared';
import { TimeColumn } from '../../../database/columns';

/** The wheel's settings: one row (id 1); absent until staff first save the wheel. */
@Entity('lottery_config')
export class LotteryConfig {
  @PrimaryColumn({ type: 'int' })
  id: number;

  /** Points one draw costs (≥ 1: every draw is one SPEND ledger row). */
  @Column({ type: 'int' })
  costPoints: number;

  /** Draws per customer per store day. */
  @Column({ type: 'int' })
  dailyLimit: number;

  @TimeColumn()
  updatedAt: Date;
}

/**
 * A prize of the wheel. Saving the wheel retires the prizes it no longer holds (`active` false) so
 * draw records keep their prize; `stock` only falls, by a conditional update (never below 0).
 */
@Entity('lottery_prize')
export class LotteryPrize {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  kind: LotteryPrizeKind;

  /** POINTS: the points credited. */
  @Column({ type: 'int', nullable: true })
  points: number | null;

  /** COUPON: the template a coupon is granted from. */
  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  @Column({ type: 'int' })
  weight: number;

  /** What is left to give (NONE prizes ignore it). */
  @Column({ type: 'int' })
  stock: number;

  /** Position on the wheel. */
  @Column({ type: 'int' })
  sort: number;

  @Column({ type: 'boolean' })
  active: boolean;
}

/** A customer's draws of one store day: the counter the daily limit is enforced on (a conditional update). */
@Entity('lottery_day')
export class LotteryDay {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  storeDay: string;

  @Column({ type: 'int' })
  draws: number;
}

/** One draw: who, what it cost, what was won (a copy of the prize's name and kind as drawn). */
@Entity('lottery_draw')
@Index('idx_lottery_draw_customer', ['customerId'])
export class LotteryDraw {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'int' })
  prizeId: number;

  @Column({ type: 'varchar', length: 40 })
  prizeName: string;

  @Column({ type: 'varchar', length: 10 })
  kind: LotteryPrizeKind;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ type: 'int', nullable: true })
  couponId: number | null;

  @Column({ type: 'int' })
  costPoints: number;

  @Column({ type: 'varchar', length: 10 })
  storeDay: string;

  @TimeColumn()
  createdAt: Date;
}
