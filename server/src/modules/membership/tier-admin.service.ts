import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { conflict, notFound } from '../../common/errors';
import { withTx } from '../../common/tx';
import { TierDto, UpdateTierDto } from './dto/tier.dto';
import { CustomerGrowth } from './entities/customer-growth.entity';
import { Tier } from './entities/tier.entity';
import { TierService } from './tier.service';

/** Staff editing the tier ladder: thresholds are unique and the lowest is 0; every change audited in its transaction. */
@Injectable()
export class TierAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly tiers: TierService,
    private readonly audit: AuditService,
  ) {}

  create(staffId: number, dto: TierDto) {
    return withTx(this.ds, async ({ em }) => {
      const tier = await em.save(em.create(Tier, { perks: '', ...dto }));
      await this.checkLadder(em);
      await this.audit.record(em, { staffId, action: 'tier.create', targetType: 'tier', targetId: tier.id, after: tier });
      return tier;
    });
  }

  update(staffId: number, id: number, dto: UpdateTierDto) {
    return withTx(this.ds, async ({ em }) => {
      const tier = await em.findOneBy(Tier, { id });
      if (!tier) throw notFound('会员等级');
      const before = { ...tier };
      const saved = await em.save(Object.assign(tier, dto));
      await this.checkLadder(em);
      await this.audit.record(em, { staffId, action: 'tier.update', targetType: 'tier', targetId: id, before, after: saved });
      return saved;
    });
  }

  async remove(staffId: number, id: number): Promise<void> {
    await withTx(this.ds, async ({ em }) => {
      const tier = await em.findOneBy(Tier, { id });
      if (!tier) throw notFound('会员等级');
      if (await em.existsBy(CustomerGrowth, { tierId: id })) throw conflict('CONFLICT', '该等级下已有会员，不能删除；如需调整，请修改它的成长值门槛');
      await em.delete(Tier, { id });
      await this.checkLadder(em);
      await this.audit.record(em, { staffId, action: 'tier.delete', targetType: 'tier', targetId: id, before: tier });
    });
  }

  private async checkLadder(em: EntityManager): Promise<void> {
    const tiers = await this.tiers.tiers(em);
    const thresholds = tiers.map((t) => t.growthThreshold);
    if (new Set(thresholds).size !== thresholds.length) throw conflict('CONFLICT', '有两个等级的成长值门槛相同');
    if (thresholds[0] !== 0) throw conflict('CONFLICT', '最低等级的成长值门槛须为 0');
  }
}
