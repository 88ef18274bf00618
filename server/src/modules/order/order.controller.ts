import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { OrderListQuery, PlaceOrderDto, RequestRefundDto } from './dto/order.dto';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('orders')
export class OrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly refunds: RefundService,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  place(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: PlaceOrderDto, @Headers('idempotency-key') key?: string) {
    return this.orders.place(who.customerId, dto, key);
  }

  @Get()
  list(@CurrentCustomer() who: CustomerPrincipal, @Query() q: OrderListQuery) {
    return this.orders.list(who.customerId, q);
  }

  @Get(':id')
  detail(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.orders.detail(who.customerId, id);
  }

  @Post(':id/cancel')
  async cancel(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.orders.cancel(who.customerId, id, `customer:${who.customerId}`, '买家取消订单');
    return this.orders.detail(who.customerId, id);
  }

  @Post(':id/confirm')
  async confirm(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.orders.confirm(who.customerId, id);
    return this.orders.detail(who.customerId, id);
  }

  @Post(':id/refunds')
  requestRefund(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: RequestRefundDto) {
    return this.refunds.request(who.customerId, id, dto.reason, dto.lines);
  }
}
