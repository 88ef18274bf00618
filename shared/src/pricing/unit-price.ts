import { applyRateBp, BP_SCALE, formatZhe } from '../money';
import type { Cents } from '../money';
import type { AdjustmentSourceType, PriceSource, PricingBuyer, PricingLine, PricingMemberDay } from './types';

/** What one unit of a SKU's price depends on (a PricingLine without its quantity and ids). */
export type UnitPriceLine = Pick<PricingLine, 'skuId' | 'categoryId' | 'listPriceCents' | 'memberPriceCents' | 'memberDayPrices'>;

export type UnitPriceBuyer = Pick<PricingBuyer, 'isMember' | 'tierDiscountBp' | 'tierId' | 'tierName'>;

/** What one unit costs a buyer, and what gave that price. */
export interface UnitPrice {
  unitPriceCents: Cents;
  source: PriceSource;
  /** For a price below list: the offer that gave it, as the line's adjustment names it. Null for LIST. */
  offer: { label: string; sourceType: AdjustmentSourceType; sourceId: string | null } | null;
}

/**
 * The line-price stage of priceCart for one unit: the lowest of list, member price (members),
 * the member-day price and category rate of every member day in `memberDays` whose audience
 * includes the buyer (`audienceOk`), tier rate; they never stack. Rates apply to the list price,
 * rounded half up. Ties go to the earlier of: each member day in order (its price, then its
 * category rate), member price, tier rate. The quantity does not matter.
 *
 * The price a shop shows and the price checkout charges both come from here. Inputs as
 * validatePricingInput accepts them (this function does not check them).
 */
export function bestUnitPrice(line: UnitPriceLine, buyer: UnitPriceBuyer, memberDays: readonly PricingMemberDay[]): UnitPrice {
  const list = line.listPriceCents;
  let best: UnitPrice = { unitPriceCents: list, source: 'LIST', offer: null };
  const offer = (unit: Cents | null, source: Exclude<PriceSource, 'LIST'>, label: string, sourceType: AdjustmentSourceType, sourceId: string | null) => {
    if (unit === null || unit >= best.unitPriceCents) return;
    best = { unitPriceCents: unit, source, offer: { label, sourceType, sourceId } };
  };
  for (const memberDay of memberDays) {
    if (!memberDay.audienceOk) continue;
    const own = line.memberDayPrices?.find((p) => p.memberDayId === memberDay.id);
    offer(own ? own.priceCents : null, 'MEMBER_DAY_PRICE', '会员日价', 'MEMBER_DAY', memberDay.id);
    if (Object.prototype.hasOwnProperty.call(memberDay.categoryRatesBp, line.categoryId)) {
      const bp = memberDay.categoryRatesBp[line.categoryId];
      offer(applyRateBp(list, bp), 'MEMBER_DAY_CATEGORY_RATE', `会员日 ${formatZhe(bp)} 折`, 'MEMBER_DAY', memberDay.id);
    }
  }
  if (buyer.isMember) offer(line.memberPriceCents, 'MEMBER_PRICE', '会员价', 'SKU', line.skuId);
  if (buyer.tierDiscountBp < BP_SCALE) {
    const label = `${buyer.tierName ?? '会员等级'} ${formatZhe(buyer.tierDiscountBp)} 折`;
    offer(applyRateBp(list, buyer.tierDiscountBp), 'TIER_DISCOUNT', label, 'TIER', buyer.tierId ?? null);
  }
  return best;
}

/** The buyer and the member days in force as they would be with a paid card: every member day a card opens is open. */
export function withPaidCard<B extends { isMember: boolean }>(buyer: B, memberDays: readonly PricingMemberDay[]): { buyer: B; memberDays: PricingMemberDay[] } {
  return {
    buyer: { ...buyer, isMember: true },
    memberDays: memberDays.map((md) => ({ ...md, audienceOk: md.audienceOk || md.audienceOkAsMember === true })),
  };
}

/** What the shop shows for one SKU to one buyer: what one unit costs them, what gave it, and what it would cost with a card. */
export interface ShopPrice {
  unitPriceCents: Cents;
  priceSource: PriceSource;
  /** The offer's name as the order's adjustment says it ('会员价', '会员日 9 折', '金卡 9.5 折'); null for LIST. */
  priceLabel: string | null;
  /** What one unit would cost this buyer holding a paid card (equal to unitPriceCents for members). */
  memberUnitPriceCents: Cents;
}

/**
 * bestUnitPrice for the shop's pages: the buyer's own price and, for a non-member, the price with a
 * card (withPaidCard), so "开通会员立省" is the difference of two prices checkout would charge.
 */
export function shopPrice(line: UnitPriceLine, buyer: UnitPriceBuyer, memberDays: readonly PricingMemberDay[]): ShopPrice {
  const own = bestUnitPrice(line, buyer, memberDays);
  let asMember = own;
  if (!buyer.isMember) {
    const card = withPaidCard(buyer, memberDays);
    asMember = bestUnitPrice(line, card.buyer, card.memberDays);
  }
  return { unitPriceCents: own.unitPriceCents, priceSource: own.source, priceLabel: own.offer?.label ?? null, memberUnitPriceCents: asMember.unitPriceCents };
}
