import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { AdminMembershipPlanController, MembershipController } from './membership.controller';
import { MembershipModule } from './membership.module';
import { MembershipSalesService } from './membership-sales.service';

/** Selling and refunding the card: depends on orders, which depend on membership state. */
@Module({
  imports: [MembershipModule, OrderModule],
  controllers: [MembershipController, AdminMembershipPlanController],
  providers: [MembershipSalesService],
})
export class MembershipSalesModule {}
