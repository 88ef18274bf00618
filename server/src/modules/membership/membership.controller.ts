import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { notFound } from '../../common/errors';
import { withTx } from '../../common/tx';
import { BuyCardDto, CardRefundRequestDto, PlanDto, UpdatePlanDto } from './dto/membership.dto';
import { MembershipPlan } from './entities/membership-plan.entity';
import { MembershipSalesService } from './membership-sales.service';
import { MembershipService } from './membership.service';

const planView = (p: MembershipPlan) => ({ id: p.id, name: p.name, priceCents: p.priceCents, days: p.days, benefits: p.benefits, onSale: p.onSale, sort: p.sort });

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

  @Post('orders')
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @UseGuards(CustomerGuard)
  buy(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: BuyCardDto, @Headers('idempotency-key') key?: string) {
    return this.sales.buy(who.customerId, dto.planId, key);
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
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sales: MembershipSalesService,
  ) {}

  @Get()
  async list() {
    const items = (await this.sales.listPlans()).map(planView);
    return { items, total: items.length };
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: PlanDto) {
    return withTx(this.ds, async (em) => {
      const plan = await em.save(em.create(MembershipPlan, { benefits: '', onSale: true, sort: 0, ...dto, createdAt: this.clock.now() }));
      await this.audit.record(em, { staffId: who.staffId, action: 'membership-plan.create', targetType: 'membership_plan', targetId: plan.id, after: planView(plan) });
      return planView(plan);
    });
  }

  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdatePlanDto) {
    return withTx(this.ds, async (em) => {
      const plan = await em.findOneBy(MembershipPlan, { id });
      if (!plan) throw notFound('会员卡方案');
      const before = planView(plan);
      const saved = await em.save(Object.assign(plan, dto));
      await this.audit.record(em, { staffId: who.staffId, action: 'membership-plan.update', targetType: 'membership_plan', targetId: id, before, after: planView(saved) });
      return planView(saved);
    });
  }
}
