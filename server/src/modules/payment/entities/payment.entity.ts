import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const PAYMENT_STATUSES = ['CREATED', 'SUCCESS', 'CLOSED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One WeChat Pay transaction per order (out_trade_no), moved only by compare-and-set. */
@Entity('payment')
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_payment_order', { unique: true })
  @Column({ type: 'int' })
  orderId: number;

  @Index('uq_payment_out_trade_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'simple-enum', enum: PAYMENT_STATUSES })
  status: PaymentStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @TimeColumn({ nullable: true })
  prepayAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transactionId: string | null;

  @TimeColumn({ nullable: true })
  paidAt: Date | null;

  @TimeColumn()
  createdAt: Date;
}
