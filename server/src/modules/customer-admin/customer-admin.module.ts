import { Module } from '@nestjs/common';
import { CustomerAdminController } from './customer-admin.controller';
import { CustomerAdminService } from './customer-admin.service';
import { MembershipModule } from '../membership/membership.module';
import { SegmentsModule } from '../segments/segments.module';

/** The admin's customer list and customer page: reads across customer, membership, points, coupon, distribution and order tables. */
@Module({ imports: [MembershipModule, SegmentsModule], controllers: [CustomerAdminController], providers: [CustomerAdminService] })
export class CustomerAdminModule {}
