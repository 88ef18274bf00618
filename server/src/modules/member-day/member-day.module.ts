import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomerModule } from '../customer/customer.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDayUsage } from './entities/member-day-usage.entity';
import { MemberDay } from './entities/member-day.entity';
import { MemberDayLimits } from './member-day-limits.service';
import { AdminMemberDayController, MemberDayController } from './member-day.controller';
import { MemberDayService } from './member-day.service';

export const MEMBER_DAY_ENTITIES = [MemberDay, MemberDaySkuPrice, MemberDayUsage];

@Module({
  imports: [CatalogModule, CustomerModule, MembershipModule, OrderModule],
  controllers: [MemberDayController, AdminMemberDayController],
  providers: [MemberDayService, MemberDayLimits],
  exports: [MemberDayService, MemberDayLimits],
})
export class MemberDayModule {}
