import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { PointsModule } from '../points/points.module';
import { BirthdayGiftService } from './birthday-gifts.service';
import { BuyerService } from './buyer.service';
import { CustomerGrowth } from './entities/customer-growth.entity';
import { GrowthLedger } from './entities/growth-ledger.entity';
import { MembershipPeriod } from './entities/membership-period.entity';
import { MembershipPlan } from './entities/membership-plan.entity';
import { Membership } from './entities/membership.entity';
import { Tier } from './entities/tier.entity';
import { AdminMembershipPlanController, MembershipController } from './membership.controller';
import { MembershipPlanService } from './membership-plan.service';
import { MembershipSalesService } from './membership-sales.service';
import { MembershipService } from './membership.service';
import { OrderCustomersService } from './order-customers.service';
import { TierAdminService } from './tier-admin.service';
import { AdminTierController } from './tier.controller';
import { TierService } from './tier.service';

export const MEMBERSHIP_ENTITIES = [MembershipPlan, Membership, MembershipPeriod, Tier, CustomerGrowth, GrowthLedger];

/**
 * The paid card (plans, periods, who is a member until when, card refunds), tiers and growth, and
 * the members' birthday gift. It reacts to order events (a paid card order, growth on completion
 * and refunds); checkout sells the card.
 */
@Module({
  imports: [OrderModule, PointsModule],
  controllers: [MembershipController, AdminMembershipPlanController, AdminTierController],
  providers: [MembershipService, MembershipPlanService, MembershipSalesService, TierService, TierAdminService, BirthdayGiftService, BuyerService, OrderCustomersService],
  exports: [MembershipService, TierService, BuyerService],
})
export class MembershipModule {}
