import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * A customer's one-time consents for one WeChat template not used yet: each accepted
 * `requestSubscribeMessage` adds one, each send takes one (a conditional update on `credits > 0`),
 * a send WeChat refused gives it back.
 */
@Entity('subscription_credit')
export class SubscriptionCredit {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  credits: number;

  @TimeColumn()
  updatedAt: Date;
}
