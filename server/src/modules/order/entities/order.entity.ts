import { ORDER_KINDS, ORDER_STATUSES, type OrderAddress, type OrderKind, type OrderStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** An order of any kind. Amounts are the placement snapshot, never recomputed. */
@Entity('shop_order')
@Index('ix_order_customer', ['customerId', 'status', 'id'])
@Index('ix_order_status_expires', ['status', 'expiresAt'])
@Index('ix_order_status_shipped', ['status', 'shippedAt'])
@Index('ix_order_created', ['createdAt'])
@Index('ix_order_customer_paid', ['customerId', 'paidAt'])
@Index('ix_order_paid', ['paidAt'])
@Index('ix_order_customer_kind_paid', ['customerId', 'kind', 'paidAt'])
/** Covers the RFM report's grouped read (segments module): goods orders paid in a window, per customer. */
@Index('ix_order_rfm', ['kind', 'paidAt', 'status', 'customerId', 'payableCents', 'refundedCents'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_order_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  orderNo: string;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: ORDER_KINDS })
  kind: OrderKind;

  @Column({ type: 'simple-enum', enum: ORDER_STATUSES })
  status: OrderStatus;

  @Column({ type: 'int' })
  goodsCents: number;

  /** Line prices, coupon and shipping waiver (everything but points), ≥ 0. */
  @Column({ type: 'int' })
  discountCents: number;

  /** The shipping fee before any waiver. */
  @Column({ type: 'int' })
  shippingCents: number;

  /** Shipping actually charged. */
  @Column({ type: 'int' })
  shippingPaidCents: number;

  @Column({ type: 'int' })
  pointsUsed: number;

  @Column({ type: 'int' })
  pointsValueCents: number;

  @Column({ type: 'int' })
  payableCents: number;

  @Column({ type: 'int' })
  pointsToEarn: number;

  @Column({ type: 'int', default: 0 })
  refundedCents: number;

  /** MEMBER_CARD orders: the card plan bought. */
  @Column({ type: 'int', nullable: true })
  membershipPlanId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  memberDayId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  couponId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  address: OrderAddress | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  carrier: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  trackingNo: string | null;

  @TimeColumn({ nullable: true })
  expiresAt: Date | null;

  @TimeColumn({ nullable: true })
  paidAt: Date | null;

  @TimeColumn({ nullable: true })
  shippedAt: Date | null;

  @TimeColumn({ nullable: true })
  completedAt: Date | null;

  @TimeColumn({ nullable: true })
  cancelledAt: Date | null;

  @TimeColumn()
  createdAt: Date;
}
