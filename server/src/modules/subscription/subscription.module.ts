import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { SubscriptionCredit } from './entities/subscription-credit.entity';
import { SubscriptionMessage } from './entities/subscription-message.entity';
import { SubscriptionTemplate } from './entities/subscription-template.entity';
import { AdminSubscriptionController, SubscriptionController } from './subscription.controller';
import { SubscriptionService } from './subscription.service';
import { SubscriptionTriggers } from './subscription-triggers.service';

export const SUBSCRIPTION_ENTITIES = [SubscriptionTemplate, SubscriptionCredit, SubscriptionMessage];

/**
 * Subscription messages: the merchant's templates, the customers' consents (credits) and every
 * send (`SubscriptionService.send`, also for campaigns). It reads the other modules; only `campaign` imports it.
 */
@Module({
  imports: [OrderModule, MembershipModule],
  controllers: [SubscriptionController, AdminSubscriptionController],
  providers: [SubscriptionService, SubscriptionTriggers],
  exports: [SubscriptionService],
})
export class SubscriptionModule {}
