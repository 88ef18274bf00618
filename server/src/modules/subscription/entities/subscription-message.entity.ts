import type { SubscriptionMessageStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const SUBSCRIPTION_MESSAGE_STATUSES = ['SENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;

/**
 * One message the store meant to send: the unique (customer, kind, dedupeKey) makes a job run
 * twice, or on two instances, send it once. `kind` is a MessageKind, or TEMPLATE for a send
 * named by template id (campaigns).
 */
@Entity('subscription_message')
@Index('uq_subscription_message_key', ['customerId', 'kind', 'dedupeKey'], { unique: true })
@Index('ix_subscription_message_status', ['status', 'id'])
export class SubscriptionMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  /** What makes this message one of a kind: the order id, the member day's date, the card's end, … */
  @Column({ type: 'varchar', length: 128 })
  dedupeKey: string;

  @Column({ type: 'simple-enum', enum: SUBSCRIPTION_MESSAGE_STATUSES })
  status: SubscriptionMessageStatus;

  /** The template data as sent (keyword → {value}). */
  @Column({ type: 'simple-json' })
  data: Record<string, { value: string }>;

  @Column({ type: 'varchar', length: 255, nullable: true })
  page: string | null;

  /** Why it was not sent: no consent left, or WeChat's errcode and errmsg. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  error: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
