import { Injectable } from '@nestjs/common';
import { schedulesOverlap, validateSchedule } from '@mc/shared';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict, notFound } from '../../common/errors';
import { rowLock, withTx } from '../../common/tx';
import { Category } from '../catalog/entities/category.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { Tier } from '../membership/entities/tier.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDayDto, recurrenceOf, UpdateMemberDayDto } from './dto/member-day.dto';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { scheduleOf } from './member-day-rules.service';

/** Member-day rules as staff edit them: every change checked against the other rules and audited in its transaction. */
@Injectable()
export class MemberDayAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly audit: AuditService,
  ) {}

  async list() {
    const rules = await this.ds.getRepository(MemberDay).find({ where: { archivedAt: IsNull() }, order: { id: 'DESC' } });
    return { items: await Promise.all(rules.map((r) => this.adminView(this.ds.manager, r))), total: rules.length };
  }

  async get(id: number) {
    const rule = await this.ds.getRepository(MemberDay).findOneBy({ id, archivedAt: IsNull() });
    if (!rule) throw notFound('会员日');
    return this.adminView(this.ds.manager, rule);
  }

  private async adminView(em: EntityManager, r: MemberDay) {
    const skuPrices = await em.find(MemberDaySkuPrice, { where: { memberDayId: r.id }, order: { id: 'ASC' } });
    return { ...r, skuPrices: skuPrices.map((p) => ({ skuId: p.skuId, priceCents: p.priceCents })), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
  }

  /** Creates (`id` null) or changes a rule; the audit row, with the rule as it was and as it is, commits with it. */
  async save(staffId: number, id: number | null, dto: MemberDayDto | UpdateMemberDayDto): Promise<ReturnType<MemberDayAdminService['adminView']>> {
    return withTx(this.ds, async ({ em }) => {
      const now = this.clock.now();
      // locked: concurrent changes of one rule queue here, so each audit's `before` is the previous one's `after`
      const existing = id === null ? null : await em.findOne(MemberDay, { where: { id, archivedAt: IsNull() }, lock: rowLock(em) });
      if (id !== null && !existing) throw notFound('会员日');
      const before = existing && (await this.adminView(em, existing));
      const { skuPrices, recurrence, ...fields } = dto;
      const rule = em.create(MemberDay, {
        startMinute: 0,
        endMinute: 1440,
        audienceTierId: null,
        categoryRates: {},
        exclusiveProductIds: [],
        pointsMultiplierBp: 20000,
        perCustomerLimit: 0,
        active: true,
        archivedAt: null,
        createdAt: now,
        ...existing,
        ...fields,
        ...(recurrence ? { recurrence: recurrenceOf(recurrence) } : {}),
        updatedAt: now,
      });
      const problem = validateSchedule(scheduleOf(rule));
      if (problem) throw badRequest(`recurrence: ${problem}`);
      if (rule.audience === 'TIER_AT_LEAST' && (rule.audienceTierId === null || !(await em.existsBy(Tier, { id: rule.audienceTierId })))) {
        throw badRequest('audienceTierId: 面向某等级及以上会员的会员日，须选择一个已有的会员等级');
      }
      await checkCategoryRates(em, rule.categoryRates);
      if (skuPrices) {
        const skus = skuPrices.length ? await em.findBy(Sku, { id: In(skuPrices.map((p) => p.skuId)) }) : [];
        for (const p of skuPrices) {
          const sku = skus.find((s) => s.id === p.skuId);
          if (!sku) throw notFound(`SKU ${p.skuId}`);
          if (p.priceCents < 0 || p.priceCents > sku.priceCents) {
            throw conflict('CONFLICT', `会员日价须在 0 与原价之间（SKU ${p.skuId} 原价 ${sku.priceCents} 分）`, { skuId: p.skuId });
          }
        }
      }
      const saved = await em.save(rule);
      if (skuPrices) {
        await em.delete(MemberDaySkuPrice, { memberDayId: saved.id });
        if (skuPrices.length) await em.insert(MemberDaySkuPrice, skuPrices.map((p) => ({ memberDayId: saved.id, skuId: p.skuId, priceCents: p.priceCents })));
      }
      if (saved.active) await this.assertNoConflict(em, saved);
      const after = await this.adminView(em, saved);
      await this.audit.record(em, before ? { staffId, action: 'member-day.update', targetType: 'member_day', targetId: saved.id, before, after } : { staffId, action: 'member-day.create', targetType: 'member_day', targetId: saved.id, after });
      return after;
    });
  }

  /**
   * Removes a rule for good: switched off and archived (out of the list, never on again). Orders placed under it keep
   * its id, their limits are still released on cancel, and the member-day report still shows its past occurrences.
   */
  async archive(staffId: number, id: number): Promise<void> {
    await withTx(this.ds, async ({ em }) => {
      const rule = await em.findOne(MemberDay, { where: { id, archivedAt: IsNull() }, lock: rowLock(em) });
      if (!rule) throw notFound('会员日');
      const before = await this.adminView(em, rule);
      const now = this.clock.now();
      await em.update(MemberDay, { id }, { active: false, archivedAt: now, updatedAt: now });
      await this.audit.record(em, { staffId, action: 'member-day.delete', targetType: 'member_day', targetId: id, before });
    });
  }

  /** Two enabled member days that can be on at the same time may not both price the same SKU or category. */
  private async assertNoConflict(em: EntityManager, rule: MemberDay): Promise<void> {
    const { timezone } = await this.settings.get(em);
    const others = await em.find(MemberDay, { where: { active: true } });
    const mySkus = new Set((await em.findBy(MemberDaySkuPrice, { memberDayId: rule.id })).map((p) => p.skuId));
    const conflicts: number[] = [];
    for (const other of others.filter((o) => o.id !== rule.id)) {
      if (!schedulesOverlap(scheduleOf(rule), scheduleOf(other), timezone, this.clock.now())) continue;
      const theirSkus = (await em.findBy(MemberDaySkuPrice, { memberDayId: other.id })).map((p) => p.skuId);
      const sharedSku = theirSkus.some((s) => mySkus.has(s));
      const sharedCategory = Object.keys(other.categoryRates).some((c) => c in rule.categoryRates);
      if (sharedSku || sharedCategory) conflicts.push(other.id);
    }
    if (conflicts.length) throw conflict('CONFLICT', `与会员日 ${conflicts.join(', ')} 时间重叠且优惠冲突`, { conflictsWith: conflicts });
  }
}

/** A rule's category rates, saved or previewed: whole basis points from 1 to 10000, on categories that exist. */
export async function checkCategoryRates(em: EntityManager, rates: Record<string, unknown>): Promise<void> {
  for (const [categoryId, bp] of Object.entries(rates)) {
    if (typeof bp !== 'number' || !Number.isInteger(bp) || bp < 1 || bp > 10000) throw badRequest(`categoryRates.${categoryId}: 折扣率须为 1 … 10000 个基点（10000 为不打折）`);
    if (!/^\d+$/.test(categoryId) || !(await em.existsBy(Category, { id: Number(categoryId) }))) throw notFound(`分类 ${categoryId}`);
  }
}
