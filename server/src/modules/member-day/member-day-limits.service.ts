import { Injectable, OnModuleInit } from '@nestjs/common';
import { nextOccurrences, type PriceBreakdown } from '@mc/shared';
import { In } from 'typeorm';
import { AppError } from '../../common/errors';
import type { Tx } from '../../common/tx';
import { CustomerService } from '../customer/customer.service';
import { OrderAdjustment } from '../order/entities/order-adjustment.entity';
import { OrderLine } from '../order/entities/order-line.entity';
import { OrderEvents } from '../order/order-events';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDayUsage } from './entities/member-day-usage.entity';
import { MemberDay } from './entities/member-day.entity';
import type { MemberDayPricing } from './member-day-pricing.service';
import { scheduleOf } from './member-day-rules.service';

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

/** What a member day allows one customer: exclusive items only on its day, and the per-customer limit of units per occurrence. */
@Injectable()
export class MemberDayLimits implements OnModuleInit {
  constructor(
    private readonly settings: StoreSettingsService,
    private readonly customers: CustomerService,
    private readonly events: OrderEvents,
  ) {}

  onModuleInit(): void {
    this.events.register('member-day', {
      cancelled: (tx, { order, lines }) => this.release(tx, order, memberDayUnits(lines)),
    });
  }

  /** Exclusive items: only while their own member day is on, only for its audience. */
  assertMayBuy(productIds: number[], pricing: MemberDayPricing): void {
    for (const rule of pricing.enabledRules) {
      const blocked = rule.exclusiveProductIds.find((id) => productIds.includes(id));
      if (blocked === undefined) continue;
      const open = pricing.inForce.some((f) => f.rule.id === rule.id && f.memberDay.audienceOk);
      if (!open) throw new AppError(409, 'INVALID_STATE', `会员日专享商品，仅在「${rule.name}」期间对会员开放`, { productId: blocked });
    }
  }

  /**
   * Counts, per member day, the units it priced against its per-customer limit for this occurrence:
   * one conditional update per limited rule, rules in id order.
   */
  async reserve(tx: Tx, customerId: number, pricing: MemberDayPricing, breakdown: Pick<PriceBreakdown, 'lines' | 'adjustments'>): Promise<void> {
    const unitsByRule = memberDayUnitsByRule(breakdown);
    const limited = pricing.inForce.filter(({ rule }) => rule.perCustomerLimit > 0 && (unitsByRule.get(rule.id) ?? 0) > 0).sort((a, b) => a.rule.id - b.rule.id);
    if (!limited.length) return;
    // one customer's member-day orders queue on their customer row: parallel INSERT IGNOREs of the
    // same usage row would otherwise share a lock and deadlock on the UPDATE that follows
    await this.customers.lock(tx, customerId);
    const { em } = tx;
    for (const { rule, occurrence } of limited) {
      const units = unitsByRule.get(rule.id)!;
      const key = { memberDayId: rule.id, occurrenceDate: occurrence.date, customerId };
      await em.createQueryBuilder().insert().into(MemberDayUsage).values({ ...key, qty: 0 }).orIgnore().execute();
      const res = await em
        .createQueryBuilder()
        .update(MemberDayUsage)
        .set({ qty: () => 'qty + :units' })
        .where('memberDayId = :memberDayId AND occurrenceDate = :occurrenceDate AND customerId = :customerId AND qty + :units <= :limit', { ...key, units, limit: rule.perCustomerLimit })
        .execute();
      if (res.affected !== 1) {
        throw new AppError(409, 'LIMIT_EXCEEDED', `「${rule.name}」会员日每人限购 ${rule.perCustomerLimit} 件`, { limit: rule.perCustomerLimit, memberDayId: rule.id });
      }
    }
  }

  /**
   * A cancelled order gives each member day back the units it priced (read from the order's
   * member-day adjustments and their lines), in the occurrence the order was placed in.
   * `units` (all member-day units of the order) only skips the work when there are none.
   */
  async release(tx: Tx, order: { id: number; customerId: number; memberDayId?: string | null; createdAt: Date }, units: number): Promise<void> {
    if (units === 0) return;
    const { em } = tx;
    const rows: { sourceId: string; units: string | number }[] = await em
      .createQueryBuilder()
      .select('a.sourceId', 'sourceId')
      .addSelect('SUM(l.qty)', 'units')
      .from(OrderAdjustment, 'a')
      .innerJoin(OrderLine, 'l', 'l.id = a.orderLineId')
      .where('a.orderId = :orderId AND a.sourceType = :md AND a.kind IN (:...kinds)', { orderId: order.id, md: 'MEMBER_DAY', kinds: MEMBER_DAY_SOURCES })
      .groupBy('a.sourceId')
      .orderBy('a.sourceId')
      .getRawMany();
    if (!rows.length) return;
    const rules = await em.findBy(MemberDay, { id: In(rows.map((r) => Number(r.sourceId))) });
    const { timezone } = await this.settings.get(em);
    for (const row of rows) {
      const rule = rules.find((r) => r.id === Number(row.sourceId));
      if (!rule) continue;
      const occurrence = nextOccurrences(scheduleOf(rule), timezone, order.createdAt, 1, 2)[0];
      if (!occurrence) continue;
      await em
        .createQueryBuilder()
        .update(MemberDayUsage)
        .set({ qty: () => 'qty - :units' })
        .where('memberDayId = :id AND occurrenceDate = :date AND customerId = :customerId AND qty >= :units', { id: rule.id, date: occurrence.date, customerId: order.customerId, units: Number(row.units) })
        .execute();
    }
  }

}
