import { MALL_ITEM_KINDS, type MallItemKind } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * One redemption: the order (kind POINTS_REDEMPTION) it placed and a snapshot of the item as
 * redeemed. Its status is the order's.
 */
@Entity('points_redemption')
@Index('ix_redemption_customer', ['customerId', 'id'])
@Index('ix_redemption_item', ['itemId', 'id'])
export class PointsRedemption {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_redemption_order', { unique: true })
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: MALL_ITEM_KINDS })
  kind: MallItemKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'int' })
  qty: number;

  @Column({ type: 'int' })
  pointsUsed: number;

  @Column({ type: 'int' })
  cashCents: number;

  /** CARD_DAYS: days granted in all (per unit × qty). */
  @Column({ type: 'int', nullable: true })
  cardDays: number | null;

  @TimeColumn()
  createdAt: Date;
}
