import { REFUND_STATUSES, type RefundStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export interface RefundLine {
  orderLineId: number;
  qty: number;
  amountCents: number;
}

@Entity('refund')
@Index('ix_refund_status', ['status', 'id'])
@Index('ix_refund_refunded', ['refundedAt'])
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  /** out_refund_no at WeChat Pay. */
  @Index('uq_refund_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  refundNo: string;

  @Index('ix_refund_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: REFUND_STATUSES })
  status: RefundStatus;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'int' })
  amountCents: number;

  /** Shipping refunded with it (whole unshipped orders only); included in amountCents. */
  @Column({ type: 'int', default: 0 })
  shippingCents: number;

  @Column({ type: 'simple-json' })
  lines: RefundLine[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatRefundId: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  approvedAt: Date | null;

  @TimeColumn({ nullable: true })
  refundedAt: Date | null;
}
