import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../../common/clock';
import { REFUND_STATUSES, type RefundStatus } from '@mc/shared';
import { IsIn, IsOptional } from 'class-validator';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { AdminOrderListQuery, RejectRefundDto, ReviewRefundDto, ShipDto } from './dto/order.dto';
import { OrderExportService } from './order-export.service';
import { OrderQueries } from './order-queries.service';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    private readonly exporter: OrderExportService,
    private readonly clock: Clock,
  ) {}

  @Get('orders')
  @Roles('operator', 'finance')
  list(@Query() q: AdminOrderListQuery) {
    return this.queries.adminList(q);
  }

  /** The filtered orders (the list's filter, every page) as an xlsx download. */
  @Get('orders/export')
  @Roles('operator', 'finance')
  @ApiProduces(XLSX)
  async export(@Query() q: AdminOrderListQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const file = await this.exporter.workbook(q);
    const day = this.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
    res.header('Content-Type', XLSX);
    res.header('Content-Disposition', `attachment; filename="orders-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`订单导出-${day}.xlsx`)}`);
    return new StreamableFile(file);
  }

  @Get('orders/:id')
  @Roles('operator', 'finance')
  detail(@Param('id', ParseIntPipe) id: number) {
    return this.queries.adminDetail(id);
  }

  @Post('orders/:id/ship')
  @HttpCode(200)
  @Roles('operator')
  async ship(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ShipDto) {
    await this.orders.ship(who.staffId, id, dto.carrier, dto.trackingNo);
    return this.queries.adminDetail(id);
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
