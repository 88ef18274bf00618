import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { activeOccurrence, applyRateBp, categoryRatesWithChildren, nextOccurrences, schedulesOverlap, validateSchedule, type MemberDaySchedule, type Occurrence, type PriceBreakdown, type PricingMemberDay, type PricingMemberDayPrice, type Recurrence } from '@mc/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { ConfigCache } from '../../common/config-cache';
import { AppError, badRequest, conflict, notFound } from '../../common/errors';
import { rowLock, withTx } from '../../common/tx';
import { Category } from '../catalog/entities/category.entity';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { Tier } from '../membership/entities/tier.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDayDto, UpdateMemberDayDto } from './dto/member-day.dto';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDayUsage } from './entities/member-day-usage.entity';
import { MemberDay } from './entities/member-day.entity';

export const scheduleOf = (r: MemberDay): MemberDaySchedule => ({ recurrence: r.recurrence, startMinute: r.startMinute, endMinute: r.endMinute });

export const MEMBER_DAY_SOURCES = ['MEMBER_DAY_PRICE', 'MEMBER_DAY_CATEGORY_RATE'];

/** Units that got a member-day price (any member day): what the per-customer limits count. */
export function memberDayUnits(lines: readonly { qty: number; priceSource: string }[]): number {
  return lines.filter((l) => MEMBER_DAY_SOURCES.includes(l.priceSource)).reduce((n, l) => n + l.qty, 0);
}

/** Units priced by each member day (by rule id): a line's priceSource and its adjustment's sourceId say which. */
export function memberDayUnitsByRule(breakdown: Pick<PriceBreakdown, 'lines' | 'adjustments'>): Map<number, number> {
  const units = new Map<number, number>();
  for (const line of breakdown.lines) {
    if (!MEMBER_DAY_SOURCES.includes(line.priceSource)) continue;
    const adjustment = breakdown.adjustments.find((a) => a.lineId === line.lineId && a.sourceType === 'MEMBER_DAY');
    if (!adjustment?.sourceId) continue;
    const id = Number(adjustment.sourceId);
    units.set(id, (units.get(id) ?? 0) + line.qty);
  }
  return units;
}

/** One enabled rule on now: its occurrence, what the pipeline gets, and its own SKU prices for this cart. */
export interface MemberDayInForce {
  rule: MemberDay;
  occurrence: Occurrence;
  /** Audience for this buyer (and as a paid member), category rates with a root's rate on its children. */
  memberDay: PricingMemberDay;
  /** This rule's own member-day prices of the cart's SKUs (a SKU's default member-day price applies where absent). */
  skuPrices: Map<number, number>;
}

export interface MemberDayPricing {
  /** Every enabled rule on now, by id (empty: no member day). */
  inForce: MemberDayInForce[];
  /** Every enabled rule, on now or not (exclusive items are closed outside their member day). */
  enabledRules: readonly MemberDay[];
}

export const NO_MEMBER_DAY: MemberDayPricing = { inForce: [], enabledRules: [] };

/** A line's member-day prices: one per rule in force, its own price for the SKU, else the SKU's default. */
export function memberDayPricesOf(pricing: MemberDayPricing, skuId: number, skuDefaultCents: number | null): PricingMemberDayPrice[] {
  return pricing.inForce.flatMap(({ rule, skuPrices }) => {
    const priceCents = skuPrices.get(skuId) ?? skuDefaultCents;
    return priceCents === null ? [] : [{ memberDayId: String(rule.id), priceCents }];
  });
}

/** What the audience of a member day is checked against. */
export interface MemberDayBuyer {
  isMember: boolean;
  growth: number;
  tiers: readonly Tier[];
}

/** Member days: when they are on (store time zone), for whom, at what prices, and the per-customer limit. */
@Injectable()
export class MemberDayService implements OnModuleDestroy {
  /** The enabled rules are read by every pricing and change rarely: see ConfigCache. */
  private readonly rules: ConfigCache<MemberDay[]>;
  private readonly occurrenceByRule = new WeakMap<MemberDay, { minute: number; timezone: string; occurrence: Occurrence | null }>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {
    this.rules = new ConfigCache(ds, [MemberDay], 5_000, (em) => em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } }));
  }

  onModuleDestroy(): void {
    this.rules.close();
  }

  /** The enabled rules in force now with their occurrences, by id. */
  async current(em: EntityManager, at: Date = this.clock.now()): Promise<{ rule: MemberDay; occurrence: Occurrence }[]> {
    return this.inForce(em, await this.enabledRules(em), at);
  }

  private enabledRules(em: EntityManager): Promise<readonly MemberDay[]> {
    return this.rules.get(em);
  }

  private async inForce(em: EntityManager, rules: readonly MemberDay[], at: Date = this.clock.now()): Promise<{ rule: MemberDay; occurrence: Occurrence }[]> {
    const { timezone } = await this.settings.get(em);
    return rules.flatMap((rule) => {
      const occurrence = this.activeOccurrence(rule, timezone, at);
      return occurrence ? [{ rule, occurrence }] : [];
    });
  }

  /**
   * Occurrences start and end on whole minutes, so within one minute the answer is the same: it is
   * worked out once per rule (as loaded) and minute, not on every pricing.
   */
  private activeOccurrence(rule: MemberDay, timezone: string, at: Date): Occurrence | null {
    const minute = Math.floor(at.getTime() / 60_000);
    const known = this.occurrenceByRule.get(rule);
    if (known && known.minute === minute && known.timezone === timezone) return known.occurrence;
    const occurrence = activeOccurrence(scheduleOf(rule), timezone, at);
    this.occurrenceByRule.set(rule, { minute, timezone, occurrence });
    return occurrence;
  }

  static audienceOk(rule: MemberDay, buyer: MemberDayBuyer): boolean {
    if (rule.audience === 'PAID_MEMBERS') return buyer.isMember;
    const tier = rule.audienceTierId === null ? null : buyer.tiers.find((t) => t.id === rule.audienceTierId);
    return buyer.growth >= (tier?.growthThreshold ?? 0);
  }

  /**
   * Every member day on now, as the pipeline wants them, for this buyer and cart. Rules on at the
   * same time never price the same SKU or category (saving refuses that), so each offer has one
   * owner; all of them go to the pipeline, which gives each line the lowest price it is entitled
   * to. Three statements when rules are on (enabled rules, their SKU prices for the cart, the
   * children of rated categories), one when none is.
   */
  async forPricing(em: EntityManager, buyer: MemberDayBuyer, cart: { skuId: number; categoryId: number }[]): Promise<MemberDayPricing> {
    const enabledRules = await this.enabledRules(em);
    const on = enabledRules.length ? await this.inForce(em, enabledRules) : [];
    if (!on.length) return { inForce: [], enabledRules };
    const skuIds = cart.map((c) => c.skuId);
    const roots = [...new Set(on.flatMap(({ rule }) => Object.keys(rule.categoryRates).map(Number)))];
    const [prices, children] = await Promise.all([
      skuIds.length ? em.findBy(MemberDaySkuPrice, { memberDayId: In(on.map(({ rule }) => rule.id)), skuId: In(skuIds) }) : [],
      roots.length ? em.findBy(Category, { parentId: In(roots) }) : [],
    ]);
    const inForce = on.map(({ rule, occurrence }): MemberDayInForce => {
      const rates = categoryRatesWithChildren(rule.categoryRates, children);
      const audienceOk = MemberDayService.audienceOk(rule, buyer);
      return {
        rule,
        occurrence,
        memberDay: {
          id: String(rule.id),
          name: rule.name,
          audienceOk,
          // a card opens a paid-members day; a tier day does not depend on the card
          audienceOkAsMember: rule.audience === 'PAID_MEMBERS' ? true : audienceOk,
          categoryRatesBp: rates,
          pointsMultiplierBp: rule.pointsMultiplierBp,
        },
        skuPrices: new Map(prices.filter((p) => p.memberDayId === rule.id).map((p) => [p.skuId, p.priceCents])),
      };
    });
    return { inForce, enabledRules };
  }

  // ---- what customers see

  /** `now` is the server's clock: the shop counts down against it, not against the phone's own clock. */
  async publicView(): Promise<{ now: string; active: boolean; current: unknown; next: unknown }> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const { timezone } = await this.settings.get(em);
    const rules = await em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } });
    const upcoming = rules
      .map((rule) => ({ rule, occurrence: nextOccurrences(scheduleOf(rule), timezone, now, 2) }))
      .flatMap(({ rule, occurrence }) => occurrence.map((o) => ({ rule, occurrence: o })))
      .sort((a, b) => a.occurrence.startsAt.getTime() - b.occurrence.startsAt.getTime());
    const currentIdx = upcoming.findIndex((u) => u.occurrence.startsAt <= now);
    const current = currentIdx >= 0 ? upcoming[currentIdx] : null;
    const next = upcoming.find((u) => u.occurrence.startsAt > now) ?? null;
    return {
      now: now.toISOString(),
      active: current !== null,
      current: current && (await this.occurrenceView(em, current.rule, current.occurrence)),
      next: next && (await this.occurrenceView(em, next.rule, next.occurrence)),
    };
  }

  private async occurrenceView(em: EntityManager, rule: MemberDay, o: Occurrence) {
    return {
      id: rule.id,
      name: rule.name,
      date: o.date,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      audience: rule.audience,
      pointsMultiplierBp: rule.pointsMultiplierBp,
      perCustomerLimit: rule.perCustomerLimit,
      offers: await this.savedOfferLines(em, rule, 50),
      exclusiveProductIds: rule.exclusiveProductIds,
    };
  }

  private async savedOfferLines(em: EntityManager, rule: MemberDay, limit: number) {
    const prices = await em.find(MemberDaySkuPrice, { where: { memberDayId: rule.id }, order: { id: 'ASC' } });
    return this.offerLines(em, rule, prices, limit);
  }

  /** Every SKU the rule (saved or not) prices, with list, member and member-day price. */
  private async offerLines(em: EntityManager, rule: Pick<MemberDay, 'categoryRates'>, prices: readonly { skuId: number; priceCents: number }[], limit: number) {
    const rateCategoryIds = Object.keys(rule.categoryRates).map(Number);
    const children = rateCategoryIds.length ? await em.findBy(Category, { parentId: In(rateCategoryIds) }) : [];
    const rates = categoryRatesWithChildren(rule.categoryRates, children);
    const categoryIds = Object.keys(rates).map(Number);
    const ratedProducts = categoryIds.length ? await em.find(Product, { where: { categoryId: In(categoryIds), onShelf: true }, take: limit }) : [];
    const skus = await em.find(Sku, {
      where: [
        ...(prices.length ? [{ id: In(prices.map((p) => p.skuId)), active: true }] : []),
        ...(ratedProducts.length ? [{ productId: In(ratedProducts.map((p) => p.id)), active: true }] : []),
      ],
      order: { id: 'ASC' },
      take: limit,
    });
    const products = skus.length ? await em.findBy(Product, { id: In([...new Set(skus.map((s) => s.productId))]) }) : [];
    return skus.map((sku) => {
      const product = products.find((p) => p.id === sku.productId)!;
      const own = prices.find((p) => p.skuId === sku.id)?.priceCents;
      const rate: number | undefined = rates[String(product.categoryId)];
      return {
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        coverUrl: product.coverUrl,
        specs: sku.specs,
        listPriceCents: sku.priceCents,
        memberPriceCents: sku.memberPriceCents,
        memberDayPriceCents: own ?? sku.memberDayPriceCents ?? (rate === undefined ? sku.priceCents : applyRateBp(sku.priceCents, rate)),
      };
    });
  }

  // ---- merchants

  async list() {
    const rules = await this.ds.getRepository(MemberDay).find({ order: { id: 'DESC' } });
    return { items: await Promise.all(rules.map((r) => this.adminView(this.ds.manager, r))), total: rules.length };
  }

  async get(id: number) {
    const rule = await this.ds.getRepository(MemberDay).findOneBy({ id });
    if (!rule) throw notFound('会员日');
    return this.adminView(this.ds.manager, rule);
  }

  private async adminView(em: EntityManager, r: MemberDay) {
    const skuPrices = await em.find(MemberDaySkuPrice, { where: { memberDayId: r.id }, order: { id: 'ASC' } });
    return { ...r, skuPrices: skuPrices.map((p) => ({ skuId: p.skuId, priceCents: p.priceCents })), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
  }

  async save(id: number | null, dto: MemberDayDto | UpdateMemberDayDto): Promise<ReturnType<MemberDayService['adminView']>> {
    return withTx(this.ds, async ({ em }) => {
      const now = this.clock.now();
      const existing = id === null ? null : await em.findOneBy(MemberDay, { id });
      if (id !== null && !existing) throw notFound('会员日');
      const recurrence: Recurrence | undefined = dto.recurrence
        ? dto.recurrence.kind === 'MONTHLY'
          ? { kind: 'MONTHLY', days: dto.recurrence.days ?? [] }
          : { kind: 'WEEKLY', weekdays: dto.recurrence.weekdays ?? [] }
        : undefined;
      const { skuPrices, recurrence: _raw, ...fields } = dto;
      const rule = em.create(MemberDay, {
        startMinute: 0,
        endMinute: 1440,
        audienceTierId: null,
        categoryRates: {},
        exclusiveProductIds: [],
        pointsMultiplierBp: 20000,
        perCustomerLimit: 0,
        active: true,
        createdAt: now,
        ...existing,
        ...fields,
        ...(recurrence ? { recurrence } : {}),
        updatedAt: now,
      });
      const problem = validateSchedule(scheduleOf(rule));
      if (problem) throw badRequest(`recurrence: ${problem}`);
      if (rule.audience === 'TIER_AT_LEAST' && (rule.audienceTierId === null || !(await em.existsBy(Tier, { id: rule.audienceTierId })))) {
        throw badRequest('audienceTierId: 面向某等级及以上会员的会员日，须选择一个已有的会员等级');
      }
      for (const [categoryId, bp] of Object.entries(rule.categoryRates)) {
        if (!Number.isInteger(bp) || bp < 1 || bp > 10000) throw badRequest(`categoryRates.${categoryId}: 折扣率须为 1 … 10000 个基点（10000 为不打折）`);
        if (!(await em.existsBy(Category, { id: Number(categoryId) }))) throw notFound(`分类 ${categoryId}`);
      }
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
      return this.adminView(em, saved);
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

  async preview(id: number, count: number) {
    const rule = await this.ds.getRepository(MemberDay).findOneBy({ id });
    if (!rule) throw notFound('会员日');
    const { timezone } = await this.settings.get();
    return {
      id: rule.id,
      name: rule.name,
      timezone,
      occurrences: nextOccurrences(scheduleOf(rule), timezone, this.clock.now(), count).map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
      skus: await this.savedOfferLines(this.ds.manager, rule, 200),
    };
  }

  /** The same preview for a rule not saved yet (the form's values): what saving it would schedule and charge. */
  async previewDraft(dto: MemberDayDto, count: number) {
    const schedule: MemberDaySchedule = {
      recurrence: dto.recurrence.kind === 'MONTHLY' ? { kind: 'MONTHLY', days: dto.recurrence.days ?? [] } : { kind: 'WEEKLY', weekdays: dto.recurrence.weekdays ?? [] },
      startMinute: dto.startMinute ?? 0,
      endMinute: dto.endMinute ?? 1440,
    };
    const problem = validateSchedule(schedule);
    if (problem) throw badRequest(`recurrence: ${problem}`);
    const { timezone } = await this.settings.get();
    return {
      id: null,
      name: dto.name,
      timezone,
      occurrences: nextOccurrences(schedule, timezone, this.clock.now(), count).map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
      skus: await this.offerLines(this.ds.manager, { categoryRates: dto.categoryRates ?? {} }, dto.skuPrices ?? [], 200),
    };
  }
}
