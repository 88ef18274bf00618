import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { PricingContextService } from '../pricing/pricing-context.service';
import { BuyCardDto, CheckoutPreviewDto, PlaceOrderDto } from './dto/checkout.dto';
import { PlacementService } from './placement.service';

@ApiTags('checkout')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('checkout')
export class CheckoutController {
  constructor(
    private readonly ds: DataSource,
    private readonly pricing: PricingContextService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  async preview(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: CheckoutPreviewDto) {
    const priced = await this.pricing.price(this.ds.manager, who.customerId, dto.items, dto.usePoints === true);
    return this.pricing.present(priced);
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
