import type { DistributorStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BigCountColumn, TimeColumn } from '../../../database/columns';

export const DISTRIBUTOR_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'DISABLED'] as const;

/**
 * A customer who applied to share for commission, and their commission balances. The balances
 * change only with a `commission_ledger` row in the same transaction, under this row's lock; each
 * equals the sum of its ledger column.
 */
@Entity('distributor')
@Index('ix_distributor_status', ['status', 'id'])
export class Distributor {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_distributor_customer', { unique: true })
  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: DISTRIBUTOR_STATUSES })
  status: Exclude<DistributorStatus, 'NONE'>;

  /** Given at the first approval, kept for life (share links already out keep working). */
  @Index('uq_distributor_ref_code', { unique: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  refCode: string | null;

  /** A store guide (导购): staff mark them; they bind and earn like any distributor. */
  @Column({ type: 'boolean', default: false })
  isGuide: boolean;

  @Column({ type: 'varchar', length: 200, default: '' })
  reason: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @TimeColumn()
  appliedAt: Date;

  @TimeColumn({ nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  @BigCountColumn({ default: 0 })
  pendingCents: number;

  @BigCountColumn({ default: 0 })
  availableCents: number;

  @BigCountColumn({ default: 0 })
  frozenCents: number;

  @BigCountColumn({ default: 0 })
  withdrawnCents: number;

  @BigCountColumn({ default: 0 })
  owedCents: number;
}
