import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A member day's price for one SKU (overrides the SKU's own default member-day price). */
@Entity('member_day_sku_price')
@Index('uq_member_day_sku', ['memberDayId', 'skuId'], { unique: true })
export class MemberDaySkuPrice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberDayId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  priceCents: number;
}
