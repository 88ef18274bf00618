import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { notFound } from '../../common/errors';
import { withTx } from '../../common/tx';
import { PlanDto, UpdatePlanDto } from './dto/membership.dto';
import { MembershipPlan } from './entities/membership-plan.entity';

export const planView = (p: MembershipPlan) => ({ id: p.id, name: p.name, priceCents: p.priceCents, days: p.days, benefits: p.benefits, onSale: p.onSale, sort: p.sort });

/** Card plans as staff edit them (prices are money: every change audited in its transaction). */
@Injectable()
export class MembershipPlanService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  list() {
    return this.ds.getRepository(MembershipPlan).find({ order: { sort: 'DESC', id: 'ASC' } });
  }

  create(staffId: number, dto: PlanDto) {
    return withTx(this.ds, async ({ em }) => {
      const plan = await em.save(em.create(MembershipPlan, { benefits: '', onSale: false, sort: 0, ...dto, createdAt: this.clock.now() }));
      await this.audit.record(em, { staffId, action: 'membership-plan.create', targetType: 'membership_plan', targetId: plan.id, after: planView(plan) });
      return planView(plan);
    });
  }

  update(staffId: number, id: number, dto: UpdatePlanDto) {
    return withTx(this.ds, async ({ em }) => {
      const plan = await em.findOneBy(MembershipPlan, { id });
      if (!plan) throw notFound('会员卡方案');
      const before = planView(plan);
      const saved = await em.save(Object.assign(plan, dto));
      await this.audit.record(em, { staffId, action: 'membership-plan.update', targetType: 'membership_plan', targetId: id, before, after: planView(saved) });
      return planView(saved);
    });
  }
}
