import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** A paid member card plan (e.g. 月卡 19.9 yuan / 30 days). */
@Entity('membership_plan')
export class MembershipPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int' })
  priceCents: number;

  @Column({ type: 'int' })
  days: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  benefits: string;

  @Column({ type: 'boolean', default: true })
  onSale: boolean;

  @Column({ type: 'int', default: 0 })
  sort: number;

  @TimeColumn()
  createdAt: Date;
}
