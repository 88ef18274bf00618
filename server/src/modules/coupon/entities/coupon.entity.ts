import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * One coupon a customer holds: the template's rule copied at the grant (editing a template later
 * changes no coupon already granted) and its own valid window. USABLE → USED by a conditional
 * update in the placing transaction; back to USABLE when that order is cancelled or fully
 * refunded. EXPIRED is not stored: it is an unused coupon past `validUntil`.
 * `dedupeKey` names the grant (`staff:<template>:<customer>:<n>`, `card:<order>:<template>`, …):
 * the last guard against granting twice.
 */
@Entity('coupon')
@Index('ix_coupon_customer', ['customerId', 'status'])
@Index('ix_coupon_template', ['templateId', 'customerId'])
export class Coupon {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  customerId: number;

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

  @Column({ type: 'simple-enum', enum: ['ALL', 'PAID_MEMBERS'], default: 'ALL' })
  audience: 'ALL' | 'PAID_MEMBERS';

  @Column({ type: 'int', nullable: true })
  minTierId: number | null;

  @TimeColumn()
  validFrom: Date;

  @TimeColumn()
  validUntil: Date;

  @Column({ type: 'simple-enum', enum: ['USABLE', 'USED'], default: 'USABLE' })
  status: 'USABLE' | 'USED';

  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Index('uq_coupon_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  dedupeKey: string;

  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  @TimeColumn({ nullable: true })
  usedAt: Date | null;

  @TimeColumn()
  grantedAt: Date;
}
