import { Module } from '@nestjs/common';
import { CouponModule } from '../coupon/coupon.module';
import { PointsModule } from '../points/points.module';
import { SegmentsModule } from '../segments/segments.module';
import { SubscriptionModule } from '../subscription/subscription.module';
import { CampaignController } from './campaign.controller';
import { CampaignService } from './campaign.service';
import { CampaignRecipient } from './entities/campaign-recipient.entity';
import { Campaign } from './entities/campaign.entity';

export const CAMPAIGN_ENTITIES = [Campaign, CampaignRecipient];

/**
 * Campaigns to a segment: a coupon (through CouponService.tryGrant), points (PointsService.post)
 * or a subscription message (SubscriptionService.send) to each recipient, worked through by the `run-campaigns` job. docs/campaigns.md.
 */
@Module({ imports: [SegmentsModule, CouponModule, PointsModule, SubscriptionModule], controllers: [CampaignController], providers: [CampaignService] })
export class CampaignModule {}
