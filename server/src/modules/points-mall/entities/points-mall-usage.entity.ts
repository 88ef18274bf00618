import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Units of an item a customer holds against its per-customer limit (redeemed, not cancelled):
 * raised by a conditional update at redemption, lowered by a cancel.
 */
@Entity('points_mall_usage')
export class PointsMallUsage {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @PrimaryColumn({ type: 'int' })
  itemId: number;

  @Column({ type: 'int' })
  qty: number;
}
