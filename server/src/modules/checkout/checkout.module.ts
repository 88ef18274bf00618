import { Module } from '@nestjs/common';
import { AddressModule } from '../address/address.module';
import { CartModule } from '../cart/cart.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponModule } from '../coupon/coupon.module';
import { MemberDayModule } from '../member-day/member-day.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { PointsModule } from '../points/points.module';
import { PricingModule } from '../pricing/pricing.module';
import { BuyCardController, CheckoutController, PlaceOrderController } from './checkout.controller';
import { PlacementService } from './placement.service';

/** The checkout preview and the placing of orders of every kind. */
@Module({
  imports: [PricingModule, AddressModule, CartModule, CatalogModule, CouponModule, MemberDayModule, MembershipModule, OrderModule, PointsModule],
  controllers: [CheckoutController, PlaceOrderController, BuyCardController],
  providers: [PlacementService],
})
export class CheckoutModule {}
