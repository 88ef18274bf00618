import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

@Entity('cart_item')
@Index('uq_cart_customer_sku', ['customerId', 'skuId'], { unique: true })
export class CartItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  qty: number;

  @Column({ type: 'boolean', default: true })
  selected: boolean;

  @TimeColumn()
  addedAt: Date;
}
