import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { PricingContextService } from '../pricing/pricing-context.service';
import { CouponService } from '../coupon/coupon.service';
import { BuyCardDto, CheckoutPreviewDto, couponChoice, PlaceOrderDto } from './dto/checkout.dto';
import { PlacementService } from './placement.service';

@ApiTags('checkout')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('checkout')
export class CheckoutController {
  constructor(
    private readonly ds: DataSource,
    private readonly pricing: PricingContextService,
    private readonly coupons: CouponService,
  ) {}

  /** The breakdown the order would get, with the coupon chosen (`couponId`, see docs/api.md) and the customer's other coupons. */
  @Post('preview')
  @HttpCode(200)
  async preview(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: CheckoutPreviewDto) {
    const wallet = await this.coupons.wallet(this.ds.manager, who.customerId);
    const priced = await this.pricing.price(this.ds.manager, who.customerId, dto.items, dto.usePoints === true, undefined, { held: wallet.held, choice: couponChoice(dto) });
    return { ...this.pricing.present(priced), ...this.coupons.checkoutView(priced.couponOptions, wallet) };
  }
}

/** `POST /api/orders`: placing a goods order (reading and moving orders is the order module's). */
@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly placement: PlacementService) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  place(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: PlaceOrderDto, @Headers('idempotency-key') key?: string) {
    return this.placement.placeGoods(who.customerId, dto, key);
  }
}

/** `POST /api/membership/orders`: buying a card is placing an order of kind MEMBER_CARD. */
@ApiTags('membership')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('membership')
export class BuyCardController {
  constructor(private readonly placement: PlacementService) {}

  @Post('orders')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  buy(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: BuyCardDto, @Headers('idempotency-key') key?: string) {
    return this.placement.placeCard(who.customerId, dto.planId, key);
  }
}
