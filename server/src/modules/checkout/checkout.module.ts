import { Module } from '@nestjs/common';
import { CheckoutController } from './checkout.controller';
import { PricingContextService } from './pricing-context.service';

@Module({ controllers: [CheckoutController], providers: [PricingContextService], exports: [PricingContextService] })
export class CheckoutModule {}
