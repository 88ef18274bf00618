import { Body, Controller, Get, HttpCode, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { LotteryConfigDto } from './dto/lottery.dto';
import { LotteryService } from './lottery.service';

@ApiTags('points')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('lottery')
export class LotteryController {
  constructor(private readonly lottery: LotteryService) {}

  /** The wheel: cost, the customer's draws left today, the prizes. */
  @Get()
  view(@CurrentCustomer() who: CustomerPrincipal) {
    return this.lottery.view(who.customerId);
  }

  /** One draw: 409 INSUFFICIENT_POINTS / LIMIT_EXCEEDED, nothing taken then. */
  @Post('draw')
  @HttpCode(200)
  draw(@CurrentCustomer() who: CustomerPrincipal) {
    return this.lottery.draw(who.customerId);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/lottery')
export class AdminLotteryController {
  constructor(private readonly lottery: LotteryService) {}

  @Get()
  view() {
    return this.lottery.adminView();
  }

  /** Replaces the wheel whole. */
  @Put()
  update(@CurrentStaff() who: StaffPrincipal, @Body() dto: LotteryConfigDto) {
    return this.lottery.setConfig(who.staffId, dto);
  }

  /** The draw record, newest first. */
  @Get('draws')
  draws(@Query() q: PageQuery) {
    return this.lottery.draws(q);
  }
}
