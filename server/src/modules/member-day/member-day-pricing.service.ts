import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { categoryRatesWithChildren, type MemberDayOnly, type Occurrence, type PricingMemberDay, type PricingMemberDayPrice } from '@mc/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConfigCache } from '../../common/config-cache';
import { Category } from '../catalog/entities/category.entity';
import type { Buyer } from '../membership/buyer.service';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { MemberDayRules } from './member-day-rules.service';

/** A rule as the pipeline gets it for one buyer, with its own member-day prices (by SKU id). */
export interface MemberDayForPricing {
  /** Audience for this buyer (and as a paid member), category rates with a root's rate on its children. */
  memberDay: PricingMemberDay;
  /** The rule's own member-day prices (a SKU's default member-day price applies where absent). */
  skuPrices: ReadonlyMap<number, number>;
}

/** One enabled rule on now, with its occurrence; `skuPrices` are those of the cart's SKUs. */
export interface MemberDayInForce extends MemberDayForPricing {
  rule: MemberDay;
  occurrence: Occurrence;
}

export interface MemberDayPricing {
  /** Every enabled rule on now, by id (empty: no member day). */
  inForce: MemberDayInForce[];
  /** Every enabled rule, on now or not (exclusive items are closed outside their member day). */
  enabledRules: readonly MemberDay[];
}

export const NO_MEMBER_DAY: MemberDayPricing = { inForce: [], enabledRules: [] };

/** A line's member-day prices: one per member day, its own price for the SKU, else the SKU's default. */
export function memberDayPricesOf(memberDays: readonly MemberDayForPricing[], skuId: number, skuDefaultCents: number | null): PricingMemberDayPrice[] {
  return memberDays.flatMap(({ memberDay, skuPrices }) => {
    const priceCents = skuPrices.get(skuId) ?? skuDefaultCents;
    return priceCents === null ? [] : [{ memberDayId: memberDay.id, priceCents }];
  });
}

/** What decides a rule's prices (a saved rule, or a form's values). */
export type RuleTerms = Pick<MemberDay, 'id' | 'name' | 'audience' | 'audienceTierId' | 'categoryRates' | 'pointsMultiplierBp'>;

export function audienceOk(rule: Pick<MemberDay, 'audience' | 'audienceTierId'>, buyer: Buyer): boolean {
  if (rule.audience === 'PAID_MEMBERS') return buyer.pricing.isMember;
  const tier = rule.audienceTierId === null ? null : buyer.tiers.find((t) => t.id === rule.audienceTierId);
  return buyer.growth >= (tier?.growthThreshold ?? 0);
}

/** A rule as the pipeline gets it, for this buyer; `categoryRatesBp` with the children of its rated roots (categoryRatesOf). */
export function pricingMemberDay(rule: RuleTerms, buyer: Buyer, categoryRatesBp: Record<string, number>): PricingMemberDay {
  const ok = audienceOk(rule, buyer);
  return {
    id: String(rule.id),
    name: rule.name,
    audienceOk: ok,
    // a card opens a paid-members day; a tier day does not depend on the card
    audienceOkAsMember: rule.audience === 'PAID_MEMBERS' ? true : ok,
    categoryRatesBp,
    pointsMultiplierBp: rule.pointsMultiplierBp,
  };
}

/** Each rule's category rates with the children of its rated roots (one query for all of them). */
export async function categoryRatesOf(em: EntityManager, rules: readonly Pick<MemberDay, 'categoryRates'>[]): Promise<Record<string, number>[]> {
  const rated = [...new Set(rules.flatMap((r) => Object.keys(r.categoryRates).map(Number)))];
  const children = rated.length ? await em.findBy(Category, { parentId: In(rated) }) : [];
  return rules.map((r) => categoryRatesWithChildren(r.categoryRates, children));
}

/** Every enabled rule with all its own SKU prices and its category rates (children included). */
interface CatalogTerms {
  rules: readonly MemberDay[];
  skuPrices: ReadonlyMap<number, ReadonlyMap<number, number>>;
  rates: readonly Record<string, number>[];
}

/** The member-day side of pricing: the rules on now as PricingContextService hands them to the pipeline. */
@Injectable()
export class MemberDayPricingService implements OnModuleDestroy {
  /** The catalog prices every SKU it shows: the rules' terms, all of them, from memory (see ConfigCache). */
  private readonly terms: ConfigCache<CatalogTerms>;

  constructor(
    ds: DataSource,
    private readonly rules: MemberDayRules,
  ) {
    this.terms = new ConfigCache(ds, [MemberDay, MemberDaySkuPrice, Category], 5_000, async (em) => {
      const rules = await em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } });
      const [prices, rates] = rules.length
        ? await Promise.all([em.findBy(MemberDaySkuPrice, { memberDayId: In(rules.map((r) => r.id)) }), categoryRatesOf(em, rules)])
        : [[], []];
      const skuPrices = new Map(rules.map((r) => [r.id, new Map(prices.filter((p) => p.memberDayId === r.id).map((p) => [p.skuId, p.priceCents]))]));
      return { rules, skuPrices, rates };
    });
  }

  onModuleDestroy(): void {
    this.terms.close();
  }

  /**
   * forPricing for the catalog: every rule on now with all its own SKU prices, from memory (no
   * statement while the cache is fresh). `terms` is a new object whenever they are reloaded (a cache key).
   */
  async forCatalog(em: EntityManager, buyer: Buyer, at: Date): Promise<MemberDayPricing & { terms: object; exclusive: Map<number, MemberDayOnly> }> {
    const terms = await this.terms.get(em);
    const on = terms.rules.length ? await this.rules.inForce(em, terms.rules, at) : [];
    const inForce = on.map(({ rule, occurrence }): MemberDayInForce => ({
      rule,
      occurrence,
      memberDay: pricingMemberDay(rule, buyer, terms.rates[terms.rules.indexOf(rule)]),
      skuPrices: terms.skuPrices.get(rule.id)!,
    }));
    // exclusive items: open while their day is on for this buyer (as MemberDayLimits.assertMayBuy), else the next date
    const exclusive = new Map<number, MemberDayOnly>();
    for (const rule of terms.rules) {
      if (!rule.exclusiveProductIds.length) continue;
      const live = inForce.find((f) => f.rule.id === rule.id);
      const date = live ? live.occurrence.date : ((await this.rules.nextOrCurrent(em, rule, at))?.date ?? null);
      const view = { name: rule.name, onNow: live !== undefined, open: live?.memberDay.audienceOk === true, date };
      for (const id of rule.exclusiveProductIds) if (!exclusive.get(id)?.open) exclusive.set(id, view);
    }
    return { inForce, enabledRules: terms.rules, terms, exclusive };
  }

  /**
   * Every member day on at `at` (now), as the pipeline wants them, for this buyer and cart. Rules
   * on at the same time never price the same SKU or category (saving refuses that), so each offer
   * has one owner; all of them go to the pipeline, which gives each line the lowest price it is
   * entitled to. Three statements when rules are on (enabled rules, their SKU prices for the cart,
   * the children of rated categories), one when none is.
   */
  async forPricing(em: EntityManager, buyer: Buyer, cart: { skuId: number; categoryId: number }[], at?: Date): Promise<MemberDayPricing> {
    const enabledRules = await this.rules.enabled(em);
    const on = enabledRules.length ? await this.rules.inForce(em, enabledRules, at) : [];
    if (!on.length) return { inForce: [], enabledRules };
    const skuIds = cart.map((c) => c.skuId);
    const [prices, rates] = await Promise.all([
      skuIds.length ? em.findBy(MemberDaySkuPrice, { memberDayId: In(on.map(({ rule }) => rule.id)), skuId: In(skuIds) }) : [],
      categoryRatesOf(em, on.map(({ rule }) => rule)),
    ]);
    const inForce = on.map(({ rule, occurrence }, i): MemberDayInForce => ({
      rule,
      occurrence,
      memberDay: pricingMemberDay(rule, buyer, rates[i]),
      skuPrices: new Map(prices.filter((p) => p.memberDayId === rule.id).map((p) => [p.skuId, p.priceCents])),
    }));
    return { inForce, enabledRules };
  }
}
