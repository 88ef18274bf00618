import { POINTS_KINDS, type PointsKind } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BigCountColumn, TimeColumn } from '../../../database/columns';

/**
 * Every change of a customer's points, append-only. `dedupeKey` names the business event
 * (`earn:order:123`, `reverse:refund:45`, `birthday:2026:customer:7`) and is unique: the last line
 * of defence against crediting or debiting one event twice, whatever the retries or races.
 */
@Entity('points_ledger')
@Index('ix_points_customer', ['customerId', 'id'])
@Index('ix_points_created', ['createdAt', 'kind', 'delta'])
@Index('ix_points_expiry', ['customerId', 'expiresOn'])
export class PointsLedger {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: POINTS_KINDS })
  kind: PointsKind;

  /** Signed: credits > 0, debits < 0. */
  @Column({ type: 'int' })
  delta: number;

  @BigCountColumn()
  balanceAfter: number;

  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  @Index('uq_points_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  dedupeKey: string;

  /** What the customer reads in the ledger (Chinese), e.g. 订单 … 完成 or 生日礼. */
  @Column({ type: 'varchar', length: 200, default: '' })
  memo: string;

  /**
   * A credit's last valid store day ('YYYY-12-31', set when it is posted: points expire at the end
   * of that day). Null on debits, on points given back (a positive REVERSE) and on credits posted
   * while the store kept points forever. What is left of which credit is not stored: see
   * `pointsExpiredBy` in `@mc/shared`.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  expiresOn: string | null;

  @TimeColumn()
  createdAt: Date;
}
