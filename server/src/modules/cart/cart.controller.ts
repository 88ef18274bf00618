import { Body, Controller, Delete, Get, Param, ParseIntPipe, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { CartService } from './cart.service';
import { PutCartItemDto } from './dto/cart.dto';

@ApiTags('cart')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  view(@CurrentCustomer() who: CustomerPrincipal) {
    return this.cart.view(who.customerId);
  }

  @Put('items')
  put(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: PutCartItemDto) {
    return this.cart.put(who.customerId, dto.skuId, dto.qty, dto.selected);
  }

  @Delete('items/:skuId')
  remove(@CurrentCustomer() who: CustomerPrincipal, @Param('skuId', ParseIntPipe) skuId: number) {
    return this.cart.remove(who.customerId, skuId);
  }
}
