import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

@Entity('address')
@Index('ix_address_customer', ['customerId', 'isDefault'])
export class Address {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 32 })
  province: string;

  @Column({ type: 'varchar', length: 32 })
  city: string;

  @Column({ type: 'varchar', length: 32 })
  district: string;

  @Column({ type: 'varchar', length: 200 })
  detail: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @TimeColumn()
  createdAt: Date;
}
