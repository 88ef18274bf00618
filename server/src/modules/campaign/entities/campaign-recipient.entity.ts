import type { RecipientStatus } from '@mc/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * One customer of a started campaign. PENDING → SENT | FAILED by a conditional update in the same
 * transaction as the grant. `claimToken`/`claimedAt`: the run working on the row (a batch claims its
 * rows with one conditional UPDATE, so two runs never take the same rows; a claim older than the
 * claim timeout is taken over — its run died).
 */
@Entity('campaign_recipient')
@Index('uq_campaign_recipient', ['campaignId', 'customerId'], { unique: true })
@Index('ix_campaign_recipient_status', ['campaignId', 'status', 'id'])
export class CampaignRecipient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  customerId: number;

  @Column({ type: 'simple-enum', enum: ['PENDING', 'SENT', 'FAILED'], default: 'PENDING' })
  status: RecipientStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @TimeColumn({ nullable: true })
  claimedAt: Date | null;

  @TimeColumn({ nullable: true })
  processedAt: Date | null;
}
