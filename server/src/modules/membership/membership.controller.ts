import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { CardRefundRequestDto, PlanDto, UpdatePlanDto } from './dto/membership.dto';
import { MembershipPlanService, planView } from './membership-plan.service';
import { MembershipSalesService } from './membership-sales.service';
import { MembershipService } from './membership.service';


@ApiTags('membership')
@Controller('membership')
export class MembershipController {
  constructor(
    private readonly membership: MembershipService,
    private readonly sales: MembershipSalesService,
  ) {}

  @Get('plans')
  async plans() {
    const items = (await this.membership.plansOnSale()).map(planView);
    return { items, total: items.length };
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  me(@CurrentCustomer() who: CustomerPrincipal) {
    return this.sales.summary(who.customerId);
  }

  @Post('refund-requests')
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  requestRefund(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: CardRefundRequestDto) {
    return this.sales.requestReviewedRefund(who.customerId, dto.reason);
  }

  @Post('refund')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  refund(@CurrentCustomer() who: CustomerPrincipal) {
    return this.sales.fastRefund(who.customerId);
  }
}

/** Card plans are the owner's (prices are money). */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles()
@Controller('admin/membership/plans')
export class AdminMembershipPlanController {
  constructor(
    private readonly plans: MembershipPlanService,
  ) {}

  @Get()
  async list() {
    const items = (await this.plans.list()).map(planView);
    return { items, total: items.length };
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: PlanDto) {
    return this.plans.create(who.staffId, dto);
  }

  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdatePlanDto) {
    return this.plans.update(who.staffId, id, dto);
  }
}
