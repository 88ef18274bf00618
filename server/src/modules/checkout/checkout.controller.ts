import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { CheckoutPreviewDto } from './dto/checkout.dto';
import { PricingContextService } from './pricing-context.service';

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
