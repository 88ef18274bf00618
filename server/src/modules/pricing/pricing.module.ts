import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MemberDayModule } from '../member-day/member-day.module';
import { MembershipModule } from '../membership/membership.module';
import { PricingContextService } from './pricing-context.service';

/** Database rows in, the shared price pipeline's answer out: for the cart, the preview and placement. */
@Module({ imports: [CatalogModule, MembershipModule, MemberDayModule], providers: [PricingContextService], exports: [PricingContextService] })
export class PricingModule {}
