import type { Recurrence } from '@mc/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const MEMBER_DAY_AUDIENCES = ['PAID_MEMBERS', 'TIER_AT_LEAST'] as const;
export type MemberDayAudience = (typeof MEMBER_DAY_AUDIENCES)[number];

/** A merchant's member-day rule set: when, for whom, and what it offers. */
@Entity('member_day')
export class MemberDay {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'simple-json' })
  recurrence: Recurrence;

  @Column({ type: 'int' })
  startMinute: number;

  @Column({ type: 'int' })
  endMinute: number;

  @Column({ type: 'simple-enum', enum: MEMBER_DAY_AUDIENCES })
  audience: MemberDayAudience;

  /** TIER_AT_LEAST: customers whose tier is this one or higher. */
  @Column({ type: 'int', nullable: true })
  audienceTierId: number | null;

  /** Category id → price rate in basis points (10000 = full price). */
  @Column({ type: 'simple-json' })
  categoryRates: Record<string, number>;

  /** Products only the audience may buy, and only during the member day. */
  @Column({ type: 'simple-json' })
  exclusiveProductIds: number[];

  @Column({ type: 'int', default: 20000 })
  pointsMultiplierBp: number;

  /** Units one customer may buy at member-day prices per occurrence; 0 = no limit. */
  @Column({ type: 'int', default: 0 })
  perCustomerLimit: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set when staff remove the rule: it is off for good and leaves the admin list; orders and reports still name it. */
  @TimeColumn({ nullable: true })
  archivedAt: Date | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
