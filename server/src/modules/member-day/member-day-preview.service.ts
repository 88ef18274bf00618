import { Injectable } from '@nestjs/common';
import { bestUnitPrice, nextOccurrences, validateSchedule, type MemberDaySchedule, type PricingMemberDay, type UnitPriceBuyer, type UnitPriceLine } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { badRequest, notFound } from '../../common/errors';
import { buyerOf } from '../membership/buyer.service';
import { TierService } from '../membership/tier.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDayDto, recurrenceOf } from './dto/member-day.dto';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { offeredSkus, offerView, unitPriceLine } from './member-day-offers';
import { categoryRatesOf, pricingMemberDay, type RuleTerms } from './member-day-pricing.service';
import { checkCategoryRates } from './member-day-admin.service';
import { scheduleOf } from './member-day-rules.service';

/** What staff see before a member day happens: its next occurrences and what it charges. */
@Injectable()
export class MemberDayPreviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly tiers: TierService,
  ) {}

  async preview(id: number, count: number) {
    const em = this.ds.manager;
    const rule = await em.findOneBy(MemberDay, { id });
    if (!rule) throw notFound('会员日');
    const prices = await em.findBy(MemberDaySkuPrice, { memberDayId: rule.id });
    return { id: rule.id, name: rule.name, ...(await this.occurrences(scheduleOf(rule), count)), skus: await this.skus(em, rule, prices) };
  }

  /** The same preview for a rule not saved yet (the form's values): what saving it would schedule and charge. */
  async previewDraft(dto: MemberDayDto, count: number) {
    const schedule: MemberDaySchedule = { recurrence: recurrenceOf(dto.recurrence), startMinute: dto.startMinute ?? 0, endMinute: dto.endMinute ?? 1440 };
    const problem = validateSchedule(schedule);
    if (problem) throw badRequest(`recurrence: ${problem}`);
    await checkCategoryRates(this.ds.manager, dto.categoryRates ?? {});
    const terms: RuleTerms = {
      id: 0,
      name: dto.name,
      audience: dto.audience,
      audienceTierId: dto.audienceTierId ?? null,
      categoryRates: dto.categoryRates ?? {},
      pointsMultiplierBp: dto.pointsMultiplierBp ?? 20000,
    };
    return { id: null, name: dto.name, ...(await this.occurrences(schedule, count)), skus: await this.skus(this.ds.manager, terms, dto.skuPrices ?? []) };
  }

  private async occurrences(schedule: MemberDaySchedule, count: number) {
    const { timezone } = await this.settings.get();
    const occurrences = nextOccurrences(schedule, timezone, this.clock.now(), count).map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() }));
    return { timezone, occurrences };
  }

  /**
   * Every SKU the rule prices (at most 200). `memberDayPriceCents`: the rule's own offer for one
   * unit (the lower of its price for the SKU, else the SKU's default member-day price, and its
   * category rate); `nonMemberPaysCents` / `memberPaysCents`: what one unit costs on that day
   * without / with a paid card, at the lowest standing its audience allows (no growth on a
   * paid-members day, the tier's threshold on a tier day), as checkout would charge it.
   */
  private async skus(em: EntityManager, rule: RuleTerms, prices: readonly { skuId: number; priceCents: number }[]) {
    const [[rates], tiers] = await Promise.all([categoryRatesOf(em, [rule]), this.tiers.tiers(em)]);
    const rows = await offeredSkus(em, prices.map((p) => p.skuId), Object.keys(rates).map(Number), false, 200);
    const skuPrices = new Map(prices.map((p) => [p.skuId, p.priceCents]));
    const growth = rule.audience === 'TIER_AT_LEAST' ? (tiers.find((t) => t.id === rule.audienceTierId)?.growthThreshold ?? 0) : 0;
    const standing = (isMember: boolean) => {
      const buyer = buyerOf(tiers, { isMember, growth, pointsBalance: 0 });
      return { buyer: buyer.pricing, memberDays: [pricingMemberDay(rule, buyer, rates)] };
    };
    const nonMember = standing(false);
    const member = standing(true);
    // the offer alone: in the audience, with neither card nor tier discount
    const alone = { buyer: { isMember: false, tierDiscountBp: 10_000 }, memberDays: [{ ...member.memberDays[0], audienceOk: true }] };
    const unit = (line: UnitPriceLine, as: { buyer: UnitPriceBuyer; memberDays: PricingMemberDay[] }) => bestUnitPrice(line, as.buyer, as.memberDays).unitPriceCents;
    return rows.map(({ sku, product }) => {
      const line = unitPriceLine(sku, product, [{ memberDay: alone.memberDays[0], skuPrices }]);
      return { ...offerView(sku, product, unit(line, alone)), nonMemberPaysCents: unit(line, nonMember), memberPaysCents: unit(line, member) };
    });
  }
}
