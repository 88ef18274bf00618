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
@Index('ix_refund_customer', ['customerId', 'status'])
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

  /** Shipped goods must come back before the money (set when staff approve). */
  @Column({ type: 'boolean', default: false })
  returnRequired: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  returnCarrier: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  returnTrackingNo: string | null;

  @TimeColumn({ nullable: true })
  returnShippedAt: Date | null;

  @TimeColumn({ nullable: true })
  returnReceivedAt: Date | null;

  /** Why the last attempt to send the money through WeChat Pay failed; null once it went through. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  payoutError: string | null;

  @TimeColumn({ nullable: true })
  payoutFailedAt: Date | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  approvedAt: Date | null;

  @TimeColumn({ nullable: true })
  refundedAt: Date | null;
}
