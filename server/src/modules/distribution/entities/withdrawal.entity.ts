import type { WithdrawalStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const WITHDRAWAL_STATUSES = ['PENDING', 'APPROVED', 'PAID', 'REJECTED', 'FAILED'] as const;

/** A distributor asks for available commission; staff approve; a WeChat merchant transfer pays it. */
@Entity('withdrawal')
@Index('ix_withdrawal_distributor_day', ['distributorId', 'storeDay'])
@Index('ix_withdrawal_status', ['status', 'id'])
export class Withdrawal {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  distributorId: number;

  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'simple-enum', enum: WITHDRAWAL_STATUSES })
  status: WithdrawalStatus;

  /** The store day it was asked on (the daily cap counts by it). */
  @Column({ type: 'varchar', length: 10 })
  storeDay: string;

  /** The transfer's out_bill_no at WeChat Pay: drawn once, the same on every retry, so it is paid at most once. */
  @Index('uq_withdrawal_out_batch_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  outBatchNo: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transferBillNo: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  failReason: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  reviewedAt: Date | null;

  @TimeColumn({ nullable: true })
  paidAt: Date | null;
}
