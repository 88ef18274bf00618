import { Module } from '@nestjs/common';
import { AddressModule } from '../address/address.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponModule } from '../coupon/coupon.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { PointsModule } from '../points/points.module';
import { SettingsModule } from '../settings/settings.module';
import { PointsMallItem } from './entities/points-mall-item.entity';
import { PointsMallUsage } from './entities/points-mall-usage.entity';
import { PointsRedemption } from './entities/points-redemption.entity';
import { AdminPointsMallController, PointsMallController } from './points-mall.controller';
import { PointsMallAdminService } from './points-mall-admin.service';
import { PointsMallService } from './points-mall.service';

export const POINTS_MALL_ENTITIES = [PointsMallItem, PointsRedemption, PointsMallUsage];

/** The points mall: items, redemptions (orders of kind POINTS_REDEMPTION) and the per-customer allowance. */
@Module({
  imports: [AddressModule, CatalogModule, CouponModule, MembershipModule, OrderModule, PointsModule, SettingsModule],
  controllers: [PointsMallController, AdminPointsMallController],
  providers: [PointsMallService, PointsMallAdminService],
})
export class PointsMallModule {}
