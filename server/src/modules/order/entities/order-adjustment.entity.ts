import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('order_adjustment')
/** "Was this order discounted?" from the index alone (the segments' DISCOUNT_ONLY tag). */
@Index('ix_order_adjustment_kind', ['orderId', 'kind'])
export class OrderAdjustment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_order_adjustment_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int', nullable: true })
  orderLineId: number | null;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Column({ type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  sourceId: string | null;
}
