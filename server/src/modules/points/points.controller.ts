import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { PointsAdjustmentDto, PointsRulesDto } from './dto/points-admin.dto';
import { PointsAdminService } from './points-admin.service';
import { PointsExpiryService } from './points-expiry.service';
import { PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('points')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly expiry: PointsExpiryService,
  ) {}

  /** The customer's own ledger, newest first: `{items, total}`. */
  @Get('ledger')
  ledger(@CurrentCustomer() who: CustomerPrincipal, @Query() q: PageQuery) {
    return this.points.ledger(who.customerId, q);
  }

  /** `{balance, expiring: {points, date} | null}`: the soonest expiry from today on. */
  @Get('summary')
  summary(@CurrentCustomer() who: CustomerPrincipal) {
    return this.expiry.summary(who.customerId);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('admin')
export class AdminPointsController {
  constructor(
    private readonly admin: PointsAdminService,
    private readonly expiry: PointsExpiryService,
  ) {}

  /** A signed adjustment of a customer's points (ADJUST), audited → `{entry, balance}`. */
  @Roles('operator')
  @Post('customers/:id/points-adjustments')
  adjust(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: PointsAdjustmentDto) {
    return this.admin.adjust(who.staffId, id, dto);
  }

  @Roles('operator')
  @Get('points-rules')
  rules() {
    return this.admin.rules();
  }

  /** Replaces the points rules whole; in force at once. */
  @Roles('operator')
  @Put('points-rules')
  setRules(@CurrentStaff() who: StaffPrincipal, @Body() dto: PointsRulesDto) {
    return this.admin.setRules(who.staffId, dto);
  }

  /** Points outstanding, their cash value, and what expires per month for the next 12 months. */
  @Roles('operator', 'finance')
  @Get('points/liability')
  liability() {
    return this.expiry.liability();
  }
}
