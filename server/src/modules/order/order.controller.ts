import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { OrderListQuery, RequestRefundDto, ReturnShipmentDto } from './dto/order.dto';
import { OrderQueries } from './order-queries.service';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('orders')
export class OrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly queries: OrderQueries,
    private readonly refunds: RefundService,
  ) {}

  @Get()
  list(@CurrentCustomer() who: CustomerPrincipal, @Query() q: OrderListQuery) {
    return this.queries.list(who.customerId, q);
  }

  @Get(':id')
  detail(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.queries.detail(who.customerId, id);
  }

  @Post(':id/cancel')
  async cancel(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.orders.cancel(who.customerId, id, `customer:${who.customerId}`, '买家取消订单');
    return this.queries.detail(who.customerId, id);
  }

  @Post(':id/confirm')
  async confirm(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.orders.confirm(who.customerId, id);
    return this.queries.detail(who.customerId, id);
  }

  @Post(':id/refunds')
  requestRefund(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: RequestRefundDto) {
    return this.refunds.request(who.customerId, id, dto.reason, dto.lines);
  }

  @Post(':id/refunds/:refundId/return')
  @HttpCode(200)
  shipReturn(
    @CurrentCustomer() who: CustomerPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Param('refundId', ParseIntPipe) refundId: number,
    @Body() dto: ReturnShipmentDto,
  ) {
    return this.refunds.shipReturn(who.customerId, id, refundId, dto.carrier.trim(), dto.trackingNo.trim());
  }
}
