import { Injectable } from '@nestjs/common';
import { categoryRatesWithChildren, type Occurrence, type PricingMemberDay, type PricingMemberDayPrice } from '@mc/shared';
import { EntityManager, In } from 'typeorm';
import { Category } from '../catalog/entities/category.entity';
import { Tier } from '../membership/entities/tier.entity';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { MemberDayRules } from './member-day-rules.service';

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

export function audienceOk(rule: Pick<MemberDay, 'audience' | 'audienceTierId'>, buyer: MemberDayBuyer): boolean {
  if (rule.audience === 'PAID_MEMBERS') return buyer.isMember;
  const tier = rule.audienceTierId === null ? null : buyer.tiers.find((t) => t.id === rule.audienceTierId);
  return buyer.growth >= (tier?.growthThreshold ?? 0);
}

/** Each rule's category rates with the children of its rated roots (one query for all of them). */
export async function categoryRatesOf(em: EntityManager, rules: readonly Pick<MemberDay, 'categoryRates'>[]): Promise<Record<string, number>[]> {
  const rated = [...new Set(rules.flatMap((r) => Object.keys(r.categoryRates).map(Number)))];
  const children = rated.length ? await em.findBy(Category, { parentId: In(rated) }) : [];
  return rules.map((r) => categoryRatesWithChildren(r.categoryRates, children));
}

/** The member-day side of pricing: the rules on now as PricingContextService hands them to the pipeline. */
@Injectable()
export class MemberDayPricingService {
  constructor(private readonly rules: MemberDayRules) {}

  /**
   * Every member day on now, as the pipeline wants them, for this buyer and cart. Rules on at the
   * same time never price the same SKU or category (saving refuses that), so each offer has one
   * owner; all of them go to the pipeline, which gives each line the lowest price it is entitled
   * to. Three statements when rules are on (enabled rules, their SKU prices for the cart, the
   * children of rated categories), one when none is.
   */
  async forPricing(em: EntityManager, buyer: MemberDayBuyer, cart: { skuId: number; categoryId: number }[]): Promise<MemberDayPricing> {
    const enabledRules = await this.rules.enabled(em);
    const on = enabledRules.length ? await this.rules.inForce(em, enabledRules) : [];
    if (!on.length) return { inForce: [], enabledRules };
    const skuIds = cart.map((c) => c.skuId);
    const [prices, rates] = await Promise.all([
      skuIds.length ? em.findBy(MemberDaySkuPrice, { memberDayId: In(on.map(({ rule }) => rule.id)), skuId: In(skuIds) }) : [],
      categoryRatesOf(em, on.map(({ rule }) => rule)),
    ]);
    const inForce = on.map(({ rule, occurrence }, i): MemberDayInForce => {
      const ok = audienceOk(rule, buyer);
      return {
        rule,
        occurrence,
        memberDay: {
          id: String(rule.id),
          name: rule.name,
          audienceOk: ok,
          // a card opens a paid-members day; a tier day does not depend on the card
          audienceOkAsMember: rule.audience === 'PAID_MEMBERS' ? true : ok,
          categoryRatesBp: rates[i],
          pointsMultiplierBp: rule.pointsMultiplierBp,
        },
        skuPrices: new Map(prices.filter((p) => p.memberDayId === rule.id).map((p) => [p.skuId, p.priceCents])),
      };
    });
    return { inForce, enabledRules };
  }
}
