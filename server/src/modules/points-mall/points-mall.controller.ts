import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { MallItemDto, PatchMallItemDto, RedeemDto, RedemptionQuery } from './dto/points-mall.dto';
import { PointsMallAdminService } from './points-mall-admin.service';
import { PointsMallService } from './points-mall.service';

@ApiTags('points')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('points-mall')
export class PointsMallController {
  constructor(private readonly mall: PointsMallService) {}

  /** `{balance, items}`: on-shelf items with what this customer may still redeem. */
  @Get('items')
  items(@CurrentCustomer() who: CustomerPrincipal) {
    return this.mall.items(who.customerId);
  }

  @Get('items/:id')
  item(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.mall.item(who.customerId, id);
  }

  /** → `{orderId, status, pointsUsed, payableCents}`; 409 INSUFFICIENT_POINTS, LIMIT_EXCEEDED, OUT_OF_STOCK, INVALID_STATE (off shelf). */
  @Post('redeem')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  redeem(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: RedeemDto, @Headers('idempotency-key') key?: string) {
    return this.mall.redeem(who.customerId, dto, key);
  }

  /** The customer's redemptions, newest first. */
  @Get('redemptions')
  redemptions(@CurrentCustomer() who: CustomerPrincipal, @Query() q: RedemptionQuery) {
    return this.mall.mine(who.customerId, q);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/points-mall')
export class AdminPointsMallController {
  constructor(
    private readonly admin: PointsMallAdminService,
    private readonly mall: PointsMallService,
  ) {}

  @Get('items')
  list(@Query() q: PageQuery) {
    return this.admin.list(q);
  }

  @Get('items/:id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.admin.get(id);
  }

  @Post('items')
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: MallItemDto) {
    return this.admin.create(who.staffId, dto);
  }

  /** Every field again (a full edit). */
  @Put('items/:id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: MallItemDto) {
    return this.admin.update(who.staffId, id, dto);
  }

  /** On/off shelf and sort. */
  @Patch('items/:id')
  patch(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: PatchMallItemDto) {
    return this.admin.patch(who.staffId, id, dto);
  }

  /** Every customer's redemptions, newest first; `itemId` narrows to one item. */
  @Get('redemptions')
  redemptions(@Query() q: RedemptionQuery) {
    return this.mall.redemptions(q.itemId ? { itemId: q.itemId } : {}, q);
  }
}
