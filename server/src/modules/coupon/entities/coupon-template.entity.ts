import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * What staff define: the rule (X yuan off over Y, or N % off with a cap), the valid period (a
 * fixed window, or N days from the grant), the audience, and how many may be issued. `issuedCount`
 * changes only through a conditional update (CouponService.grant), so `totalQuantity` is never
 * exceeded whatever the concurrency.
 */
@Entity('coupon_template')
export class CouponTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'simple-enum', enum: ['AMOUNT_OFF', 'PERCENT_OFF'] })
  kind: 'AMOUNT_OFF' | 'PERCENT_OFF';

  @Column({ type: 'int', nullable: true })
  amountOffCents: number | null;

  @Column({ type: 'int', nullable: true })
  percentOffBp: number | null;

  @Column({ type: 'int', default: 0 })
  thresholdCents: number;

  @Column({ type: 'int', nullable: true })
  capCents: number | null;

  @TimeColumn({ nullable: true })
  validFrom: Date | null;

  @TimeColumn({ nullable: true })
  validUntil: Date | null;

  @Column({ type: 'int', nullable: true })
  validDays: number | null;

  @Column({ type: 'simple-enum', enum: ['ALL', 'PAID_MEMBERS'], default: 'ALL' })
  audience: 'ALL' | 'PAID_MEMBERS';

  /** Tier ≥ this tier (by growth threshold); null = any. */
  @Column({ type: 'int', nullable: true })
  minTierId: number | null;

  @Column({ type: 'int', nullable: true })
  totalQuantity: number | null;

  @Column({ type: 'int', default: 0 })
  issuedCount: number;

  @Column({ type: 'int', nullable: true })
  perCustomerLimit: number | null;

  /** Granted with every member card bought (on the card order's payment). */
  @Column({ type: 'boolean', default: false })
  grantOnCardPurchase: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @TimeColumn()
  createdAt: Date;
}
