import { Entity, PrimaryColumn } from 'typeorm';
import { BigCountColumn, TimeColumn } from '../../../database/columns';

/**
 * A customer's points balance, kept in the same transaction as each ledger entry (the balance is
 * always the sum of the ledger). Negative only after a refund reversed points already spent: the
 * shortfall, offset by what the customer earns next.
 */
@Entity('points_account')
export class PointsAccount {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @BigCountColumn({ default: 0 })
  balance: number;

  @TimeColumn()
  updatedAt: Date;
}
