import { Injectable } from '@nestjs/common';
import { bestUnitPrice, nextOccurrences, type Occurrence } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { BuyerService, type Buyer } from '../membership/buyer.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { offeredSkus, offerView, unitPriceLine } from './member-day-offers';
import { categoryRatesOf, MemberDayPricingService } from './member-day-pricing.service';
import { MemberDayRules, scheduleOf } from './member-day-rules.service';

/** What customers see of member days: the one on now, the next one, and their offers. */
@Injectable()
export class MemberDayViewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly rules: MemberDayRules,
    private readonly pricing: MemberDayPricingService,
    private readonly buyers: BuyerService,
  ) {}

  /**
   * `now` is the server's clock: the shop counts down against it, not against the phone's own
   * clock. Offers are priced for this customer (null: a visitor, priced as a new customer).
   */
  async publicView(customerId: number | null): Promise<{ now: string; active: boolean; current: unknown; next: unknown }> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const [{ timezone }, rules, buyer] = await Promise.all([this.settings.get(em), this.rules.enabled(em), this.buyers.of(em, customerId)]);
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
      current: current && (await this.occurrenceView(em, current.rule, current.occurrence, buyer, now)),
      next: next && (await this.occurrenceView(em, next.rule, next.occurrence, buyer, next.occurrence.startsAt)),
    };
  }

  private async occurrenceView(em: EntityManager, rule: MemberDay, o: Occurrence, buyer: Buyer, at: Date) {
    return {
      id: rule.id,
      name: rule.name,
      date: o.date,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      audience: rule.audience,
      pointsMultiplierBp: rule.pointsMultiplierBp,
      perCustomerLimit: rule.perCustomerLimit,
      offers: await this.offers(em, rule, buyer, at),
      exclusiveProductIds: rule.exclusiveProductIds,
    };
  }

  /**
   * Every SKU the rule gives a member-day price (at most 50), at what one unit costs this buyer
   * as one of the day's audience (holding a card, on a paid-members day: the page sells the
   * card), with the member days on at `at`: what checkout charges them then.
   */
  private async offers(em: EntityManager, rule: MemberDay, buyer: Buyer, at: Date) {
    const [own, [rates]] = await Promise.all([em.findBy(MemberDaySkuPrice, { memberDayId: rule.id }), categoryRatesOf(em, [rule])]);
    const rows = await offeredSkus(em, own.map((p) => p.skuId), Object.keys(rates).map(Number), true, 50);
    const audience: Buyer = rule.audience === 'PAID_MEMBERS' ? { ...buyer, pricing: { ...buyer.pricing, isMember: true } } : buyer;
    const pricing = await this.pricing.forPricing(em, audience, rows.map(({ sku, product }) => ({ skuId: sku.id, categoryId: product.categoryId })), at);
    const memberDays = pricing.inForce.map((f) => (f.rule.id === rule.id ? { ...f.memberDay, audienceOk: true } : f.memberDay));
    return rows.map(({ sku, product }) => offerView(sku, product, bestUnitPrice(unitPriceLine(sku, product, pricing.inForce), audience.pricing, memberDays).unitPriceCents));
  }
}
