import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

@Entity('customer')
@Index('ix_customer_last_login', ['lastLoginAt'])
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_customer_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 64, default: '' })
  nickname: string;

  @Column({ type: 'varchar', length: 512, default: '' })
  avatarUrl: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** YYYY-MM-DD, set by the customer; used for the birthday gift. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday: string | null;

  /** The distributor ref code the customer arrived with (first login), for the distribution module. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  signupRef: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  lastLoginAt: Date;
}
