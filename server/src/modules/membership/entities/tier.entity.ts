import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A growth tier (普通 0, 银卡 500, 金卡 2000, 黑金 8000 by default). */
@Entity('tier')
export class Tier {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int' })
  growthThreshold: number;

  /** Price rate for this tier, 10000 = full price (9500 = 9.5 折). */
  @Column({ type: 'int', default: 10000 })
  discountBp: number;

  /** Points multiplier, 10000 = 1×. */
  @Column({ type: 'int', default: 10000 })
  pointsMultiplierBp: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  perks: string;
}
