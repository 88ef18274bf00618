import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { CouponService } from './coupon.service';
import { CouponTemplateService } from './coupon-template.service';
import { CouponGrantDto, CouponListQuery, CouponTemplateDto, CouponUsageQuery } from './dto/coupon.dto';

@ApiTags('coupons')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('coupons')
export class CouponController {
  constructor(private readonly coupons: CouponService) {}

  /** The customer's coupons: `?status=USABLE|USED|EXPIRED` (absent: all). */
  @Get()
  list(@CurrentCustomer() who: CustomerPrincipal, @Query() q: CouponListQuery) {
    return this.coupons.list(who.customerId, q.status);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/coupon-templates')
export class AdminCouponTemplateController {
  constructor(private readonly templates: CouponTemplateService) {}

  @Get()
  list(@Query() q: PageQuery) {
    return this.templates.list(q);
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: CouponTemplateDto) {
    return this.templates.create(who.staffId, dto);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.templates.get(id);
  }

  /** Replaces the template's rule whole; coupons already granted keep theirs. */
  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: CouponTemplateDto) {
    return this.templates.update(who.staffId, id, dto);
  }

  /** One coupon to each customer listed → `{granted, skipped}` (skipped: at their per-customer limit). */
  @Post(':id/grants')
  grant(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: CouponGrantDto) {
    return this.templates.grant(who.staffId, id, dto);
  }

  /** Usage: every coupon granted from the template, who holds it, and the order that used it. */
  @Get(':id/coupons')
  usage(@Param('id', ParseIntPipe) id: number, @Query() q: CouponUsageQuery) {
    return this.templates.usage(id, q);
  }
}
