import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MemberDayModule } from '../member-day/member-day.module';
import { MembershipModule } from '../membership/membership.module';
import { CatalogPricesController } from './catalog-prices.controller';
import { CatalogPricesService } from './catalog-prices.service';
import { PricingContextService } from './pricing-context.service';

/**
 * Database rows in, the shared price pipeline's answer out: for the cart, the preview and
 * placement, and the catalog's prices for the customer asking (the same function, per SKU).
 */
@Module({
  imports: [CatalogModule, MembershipModule, MemberDayModule],
  controllers: [CatalogPricesController],
  providers: [PricingContextService, CatalogPricesService],
  exports: [PricingContextService],
})
export class PricingModule {}
