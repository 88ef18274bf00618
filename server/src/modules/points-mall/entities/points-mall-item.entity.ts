import { MALL_ITEM_KINDS, type MallItemKind } from '@mc/shared';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** The mall's stock never goes below zero: the last guard under redemption's conditional decrement. */
export const MALL_STOCK_CHECK = 'chk_mall_item_stock';

/** An item of the points mall: priced in points (plus cash when `cashCents` > 0), with its own stock and per-customer limit. */
@Entity('points_mall_item')
@Index('ix_mall_item_shelf', ['onShelf', 'sort', 'id'])
@Check(MALL_STOCK_CHECK, 'stock >= 0')
export class PointsMallItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'simple-enum', enum: MALL_ITEM_KINDS })
  kind: MallItemKind;

  /** GOODS: the SKU shipped (its stock is taken too). */
  @Column({ type: 'int', nullable: true })
  skuId: number | null;

  /** COUPON: the coupon template granted (wired with the coupons). */
  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  /** CARD_DAYS: member-card days per unit. */
  @Column({ type: 'int', nullable: true })
  cardDays: number | null;

  @Column({ type: 'varchar', length: 512, default: '' })
  coverUrl: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'int' })
  pointsCost: number;

  @Column({ type: 'int' })
  cashCents: number;

  /** Units left in the mall (a GOODS item also needs its SKU's stock). */
  @Column({ type: 'int' })
  stock: number;

  /** Units one customer may redeem in all, cancelled redemptions not counted; 0 = no limit. */
  @Column({ type: 'int' })
  perCustomerLimit: number;

  @Column({ type: 'boolean' })
  onShelf: boolean;

  /** Higher first. */
  @Column({ type: 'int', default: 0 })
  sort: number;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
