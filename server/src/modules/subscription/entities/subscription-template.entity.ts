import type { MessageKind } from '@mc/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** The merchant's WeChat template for one message kind: its id, which of our fields fill its keywords, on or off. */
@Entity('subscription_template')
export class SubscriptionTemplate {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  /** Template keyword (`thing1`) → our field name (shared `MESSAGE_FIELDS`). */
  @Column({ type: 'simple-json' })
  fields: Record<string, string>;

  /** The page the message opens; null: the kind's own page. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  page: string | null;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  @TimeColumn()
  updatedAt: Date;
}
