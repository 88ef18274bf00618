import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of an order with the pipeline's allocation snapshot (commission base = cashPaidCents). */
@Entity('order_line')
export class OrderLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_order_line_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  categoryId: number;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'simple-json' })
  specs: Record<string, string>;

  @Column({ type: 'varchar', length: 512, default: '' })
  coverUrl: string;

  @Column({ type: 'int' })
  qty: number;

  @Column({ type: 'int' })
  listPriceCents: number;

  @Column({ type: 'int' })
  unitPriceCents: number;

  @Column({ type: 'varchar', length: 32 })
  priceSource: string;

  @Column({ type: 'int' })
  goodsCents: number;

  @Column({ type: 'int' })
  lineDiscountCents: number;

  @Column({ type: 'int' })
  couponCents: number;

  @Column({ type: 'int' })
  pointsCents: number;

  @Column({ type: 'int' })
  cashPaidCents: number;

  @Column({ type: 'int', default: 0 })
  refundedQty: number;

  @Column({ type: 'int', default: 0 })
  refundedCents: number;
}
