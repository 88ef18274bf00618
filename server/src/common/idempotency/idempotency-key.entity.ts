import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../database/columns';

@Entity('idempotency_key')
@Index('uq_idempotency_customer_key', ['customerId', 'idemKey'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'varchar', length: 100 })
  idemKey: string;

  /** Route plus sha256 of the request body: the same key with another request is a conflict. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'int' })
  responseStatus: number;

  @Column({ type: 'text' })
  responseJson: string;

  @TimeColumn()
  createdAt: Date;
}
