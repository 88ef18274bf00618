import { Module } from '@nestjs/common';
import { CustomerModule } from '../customer/customer.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { AdminCouponTemplateController, CouponController } from './coupon.controller';
import { CouponService } from './coupon.service';
import { CouponTemplateService } from './coupon-template.service';
import { Coupon } from './entities/coupon.entity';
import { CouponTemplate } from './entities/coupon-template.entity';

export const COUPON_ENTITIES = [CouponTemplate, Coupon];

/**
 * Coupons: staff's templates, the coupons customers hold (granted by staff, with a member card, and
 * through `CouponService.grant` by other modules), the wallet, and taking a coupon for an order
 * (checkout) and giving it back when that order is cancelled or fully refunded (order events).
 */
@Module({
  imports: [OrderModule, MembershipModule, CustomerModule],
  controllers: [CouponController, AdminCouponTemplateController],
  providers: [CouponService, CouponTemplateService],
  exports: [CouponService],
})
export class CouponModule {}
