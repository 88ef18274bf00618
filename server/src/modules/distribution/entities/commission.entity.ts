import type { CommissionLine, CommissionStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const COMMISSION_STATUSES = ['PENDING', 'SETTLED', 'WITHDRAWN', 'CANCELLED'] as const;
export const COMMISSION_LEDGER_KINDS = ['ACCRUE', 'REDUCE', 'SETTLE', 'CLAWBACK', 'FREEZE', 'UNFREEZE', 'PAYOUT'] as const;
export type CommissionLedgerKind = (typeof COMMISSION_LEDGER_KINDS)[number];

/** One beneficiary's commission on one order (level 1: the buyer's distributor; level 2: that distributor's own). */
@Entity('commission')
@Index('uq_commission_order_level', ['orderId', 'level'], { unique: true })
@Index('ix_commission_distributor', ['distributorId', 'id'])
@Index('ix_commission_status_completed', ['status', 'completedAt'])
@Index('ix_commission_created', ['createdAt'])
@Index('ix_commission_buyer', ['buyerId', 'level', 'createdAt'])
export class Commission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 32 })
  orderNo: string;

  @Column({ type: 'int' })
  buyerId: number;

  @Column({ type: 'int' })
  distributorId: number;

  @Column({ type: 'tinyint' })
  level: 1 | 2;

  @Column({ type: 'simple-enum', enum: COMMISSION_STATUSES })
  status: CommissionStatus;

  /** The order's lines: base, rate, commission and cash refunded so far (shared `CommissionLine`). */
  @Column({ type: 'simple-json' })
  lines: CommissionLine[];

  /** Cash of the lines still kept (after refunds). */
  @Column({ type: 'int' })
  baseCents: number;

  /** The commission as it stands (after refunds). */
  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'int' })
  originalAmountCents: number;

  /** When the order completed: the after-sale window runs from here. */
  @TimeColumn({ nullable: true })
  completedAt: Date | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  settledAt: Date | null;
}

/**
 * Every movement of a distributor's money, append-only: the signed change of each balance. Each
 * balance on `distributor` is the sum of its column here. `dedupeKey` names the business event
 * (`accrue:commission:12`, `reduce:refund:5:commission:12`, `freeze:withdrawal:3`) and is unique.
 */
@Entity('commission_ledger')
@Index('ix_commission_ledger_distributor', ['distributorId', 'id'])
export class CommissionLedger {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  distributorId: number;

  @Column({ type: 'simple-enum', enum: COMMISSION_LEDGER_KINDS })
  kind: CommissionLedgerKind;

  @Column({ type: 'int', default: 0 })
  pendingDelta: number;

  @Column({ type: 'int', default: 0 })
  availableDelta: number;

  @Column({ type: 'int', default: 0 })
  frozenDelta: number;

  @Column({ type: 'int', default: 0 })
  withdrawnDelta: number;

  @Column({ type: 'int', default: 0 })
  owedDelta: number;

  @Column({ type: 'int', nullable: true })
  commissionId: number | null;

  @Column({ type: 'int', nullable: true })
  withdrawalId: number | null;

  @Index('uq_commission_ledger_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  memo: string;

  @TimeColumn()
  createdAt: Date;
}
