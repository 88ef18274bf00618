import { Module } from '@nestjs/common';
import { MemberDayModule } from '../member-day/member-day.module';
import { MembershipModule } from '../membership/membership.module';
import { CheckoutController } from './checkout.controller';
import { PricingContextService } from './pricing-context.service';

@Module({ imports: [MembershipModule, MemberDayModule], controllers: [CheckoutController], providers: [PricingContextService], exports: [PricingContextService] })
export class CheckoutModule {}
