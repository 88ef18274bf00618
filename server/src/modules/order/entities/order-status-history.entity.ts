import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

@Entity('order_status_history')
export class OrderStatusHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_order_history_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: string;

  /** customer:<id>, staff:<id>, system, wechat */
  @Column({ type: 'varchar', length: 32 })
  actor: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @TimeColumn()
  at: Date;
}
