import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Stock never goes below zero: placement's decrement fails on this check when there is not enough (OrderService.place). */
export const STOCK_CHECK = 'chk_sku_stock';

/** The error of a statement that would have taken a SKU's stock below zero (MariaDB and SQLite name the check). */
export function isStockShortage(e: unknown): boolean {
  const err = e as { driverError?: { message?: string }; message?: string };
  return (err.driverError?.message ?? err.message ?? '').includes(STOCK_CHECK);
}

@Entity('sku')
@Check(STOCK_CHECK, 'stock >= 0')
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

  /** Orders change it only by relative updates, which the check above keeps at zero or more. */
  @Column({ type: 'int', default: 0 })
  stock: number;

  @Column({ type: 'int', default: 0 })
  weightGrams: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
