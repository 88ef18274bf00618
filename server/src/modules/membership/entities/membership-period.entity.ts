import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * One card purchase turned into time: the ledger behind Membership.endsAt. The unique order id
 * makes granting a card twice for one payment impossible.
 */
@Entity('membership_period')
@Index('ix_membership_period_customer', ['customerId', 'id'])
export class MembershipPeriod {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Index('uq_membership_period_order', { unique: true })
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  planId: number;

  @Column({ type: 'int' })
  days: number;

  @Column({ type: 'int' })
  paidCents: number;

  @TimeColumn()
  purchasedAt: Date;

  @TimeColumn()
  startsAt: Date;

  @TimeColumn()
  endsAt: Date;

  @TimeColumn({ nullable: true })
  refundedAt: Date | null;
}
