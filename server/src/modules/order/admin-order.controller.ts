import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { REFUND_STATUSES, type RefundStatus } from '@mc/shared';
import { IsIn, IsOptional } from 'class-validator';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { AdminOrderListQuery, RejectRefundDto, ReviewRefundDto, ShipDto } from './dto/order.dto';
import { OrderQueries } from './order-queries.service';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

class RefundListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFUND_STATUSES })
  @IsOptional()
  @IsIn(REFUND_STATUSES)
  status?: RefundStatus;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('admin')
export class AdminOrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly queries: OrderQueries,
    private readonly refunds: RefundService,
  ) {}

  @Get('orders')
  @Roles('operator', 'finance')
  list(@Query() q: AdminOrderListQuery) {
    return this.queries.list(null, q);
  }

  @Get('orders/:id')
  @Roles('operator', 'finance')
  detail(@Param('id', ParseIntPipe) id: number) {
    return this.queries.detail(null, id);
  }

  @Post('orders/:id/ship')
  @HttpCode(200)
  @Roles('operator')
  async ship(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ShipDto) {
    await this.orders.ship(who.staffId, id, dto.carrier, dto.trackingNo);
    return this.queries.detail(null, id);
  }

  @Get('refunds')
  @Roles('finance')
  listRefunds(@Query() q: RefundListQuery) {
    return this.queries.refunds(q);
  }

  @Post('refunds/:id/approve')
  @HttpCode(200)
  @Roles('finance')
  approve(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ReviewRefundDto) {
    return this.refunds.approve(who.staffId, id, dto.note);
  }

  @Post('refunds/:id/receive')
  @HttpCode(200)
  @Roles('finance')
  receiveReturn(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ReviewRefundDto) {
    return this.refunds.receiveReturn(who.staffId, id, dto.note);
  }

  @Post('refunds/:id/reject')
  @HttpCode(200)
  @Roles('finance')
  reject(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectRefundDto) {
    return this.refunds.reject(who.staffId, id, dto.note);
  }
}
