import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** A customer's growth balance and the tier it gives, kept with each ledger entry. */
@Entity('customer_growth')
export class CustomerGrowth {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @Column({ type: 'int', default: 0 })
  growth: number;

  @Column({ type: 'int', nullable: true })
  tierId: number | null;

  @TimeColumn()
  updatedAt: Date;
}
