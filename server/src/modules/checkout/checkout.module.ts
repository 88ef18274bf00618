import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { CheckoutController } from './checkout.controller';
import { PricingContextService } from './pricing-context.service';

@Module({ imports: [MembershipModule], controllers: [CheckoutController], providers: [PricingContextService], exports: [PricingContextService] })
export class CheckoutModule {}
