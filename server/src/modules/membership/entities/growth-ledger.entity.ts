import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * Every change of a customer's growth value. An order's entries are keyed by (order, event),
 * so completing or refunding an order can never count twice; the balance is the sum.
 */
@Entity('growth_ledger')
@Index('uq_growth_source', ['orderId', 'event'], { unique: true })
@Index('ix_growth_customer', ['customerId', 'id'])
export class GrowthLedger {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'int' })
  orderId: number;

  /** 'complete', or 'refund:<refundNo>'. */
  @Column({ type: 'varchar', length: 48 })
  event: string;

  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'int' })
  balanceAfter: number;

  @TimeColumn()
  at: Date;
}
