import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomerModule } from '../customer/customer.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDayUsage } from './entities/member-day-usage.entity';
import { MemberDay } from './entities/member-day.entity';
import { MemberDayAdminService } from './member-day-admin.service';
import { MemberDayLimits } from './member-day-limits.service';
import { MemberDayPreviewService } from './member-day-preview.service';
import { MemberDayPricingService } from './member-day-pricing.service';
import { MemberDayRules } from './member-day-rules.service';
import { MemberDayViewService } from './member-day-view.service';
import { AdminMemberDayController, MemberDayController } from './member-day.controller';

export const MEMBER_DAY_ENTITIES = [MemberDay, MemberDaySkuPrice, MemberDayUsage];

/**
 * Member days, one service per job: which rules are on (MemberDayRules), what they give a cart
 * (MemberDayPricingService, for PricingContextService), what they allow one customer
 * (MemberDayLimits, for checkout), what customers see (MemberDayViewService), staff editing
 * (MemberDayAdminService) and previews (MemberDayPreviewService).
 */
@Module({
  imports: [CatalogModule, CustomerModule, MembershipModule, OrderModule],
  controllers: [MemberDayController, AdminMemberDayController],
  providers: [MemberDayRules, MemberDayPricingService, MemberDayLimits, MemberDayViewService, MemberDayAdminService, MemberDayPreviewService],
  exports: [MemberDayPricingService, MemberDayLimits],
})
export class MemberDayModule {}
