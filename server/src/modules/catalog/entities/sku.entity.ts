import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sku')
export class Sku {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_sku_product')
  @Column({ type: 'int' })
  productId: number;

  /** Spec values, e.g. {"颜色":"红","尺码":"M"}. */
  @Column({ type: 'simple-json' })
  specs: Record<string, string>;

  @Column({ type: 'int' })
  priceCents: number;

  @Column({ type: 'int', nullable: true })
  memberPriceCents: number | null;

  @Column({ type: 'int', nullable: true })
  memberDayPriceCents: number | null;

  /** Changed only by conditional updates (stock >= qty). */
  @Column({ type: 'int', default: 0 })
  stock: number;

  @Column({ type: 'int', default: 0 })
  weightGrams: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
