import { CAMPAIGN_STATUSES, type CampaignActionKind, type CampaignStatus, type SegmentAudience } from '@mc/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * A campaign: an audience (frozen into `campaign_recipient` rows when it starts) and one action per
 * recipient. DRAFT → RUNNING ⇄ PAUSED → DONE, each move a compare-and-set on `status`.
 * `actionKind` is a short varchar: COUPON, POINTS or MESSAGE (a subscription message, its title and content here).
 */
@Entity('campaign')
export class Campaign {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'simple-enum', enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;

  @Column({ type: 'simple-json' })
  audience: SegmentAudience;

  @Column({ type: 'varchar', length: 16 })
  actionKind: CampaignActionKind;

  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  messageTitle: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  messageContent: string | null;

  /** Recipients frozen at the start (0 before). */
  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'int' })
  createdBy: number;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  startedAt: Date | null;

  @TimeColumn({ nullable: true })
  finishedAt: Date | null;
}

