import { Injectable } from '@nestjs/common';
import { nextOccurrences } from '@mc/shared';
import { DataSource, In } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { scheduleOf } from '../member-day/member-day-rules.service';
import { MembershipPeriod } from '../membership/entities/membership-period.entity';
import { MembershipPlan } from '../membership/entities/membership-plan.entity';
import { Order } from '../order/entities/order.entity';
import { StoreSettingsService } from '../settings/store-settings.service';

/** Orders that were paid (whatever happened after). */
const PAID_STATUSES = ['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDED'] as const;
const BASELINE_DAYS = 28;

/** Numbers the dashboards chart; all computed from orders and membership periods, nothing cached. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  private paidOrdersBetween(from: Date, to: Date, kind: Order['kind']) {
    return this.ds
      .getRepository(Order)
      .createQueryBuilder('o')
      .select(['o.id', 'o.customerId', 'o.payableCents', 'o.createdAt', 'o.membershipPlanId'])
      .where('o.kind = :kind AND o.status IN (:...paid) AND o.createdAt >= :from AND o.createdAt < :to', { kind, paid: PAID_STATUSES, from, to })
      .getMany();
  }

  /** Each past occurrence of each member day: orders, GMV, paying members, cards sold, uplift vs the 28 days before. */
  async memberDays(count: number) {
    const now = this.clock.now();
    const { timezone } = await this.settings.get();
    const rules = await this.ds.getRepository(MemberDay).find({ order: { id: 'ASC' } });
    const items = [];
    for (const rule of rules) {
      const past = nextOccurrences(scheduleOf(rule), timezone, new Date(now.getTime() - 400 * DAY_MS), 500, 401).filter((o) => o.startsAt <= now).slice(-count);
      for (const o of past.reverse()) {
        const end = o.endsAt < now ? o.endsAt : now;
        const [orders, cards, baseline] = await Promise.all([
          this.paidOrdersBetween(o.startsAt, end, 'GOODS'),
          this.paidOrdersBetween(o.startsAt, end, 'MEMBER_CARD'),
          this.paidOrdersBetween(new Date(o.startsAt.getTime() - BASELINE_DAYS * DAY_MS), o.startsAt, 'GOODS'),
        ]);
        const gmvCents = orders.reduce((s, x) => s + x.payableCents, 0);
        const baselineDailyGmvCents = Math.floor(baseline.reduce((s, x) => s + x.payableCents, 0) / BASELINE_DAYS);
        items.push({
          memberDayId: rule.id,
          name: rule.name,
          date: o.date,
          startsAt: o.startsAt.toISOString(),
          endsAt: o.endsAt.toISOString(),
          orders: orders.length,
          gmvCents,
          payingMembers: await this.membersAmong(orders),
          newCards: cards.length,
          baselineDailyGmvCents,
          upliftBp: baselineDailyGmvCents === 0 ? null : Math.floor(((gmvCents - baselineDailyGmvCents) * 10_000) / baselineDailyGmvCents),
        });
      }
    }
    return { items, total: items.length };
  }

  /** Distinct buyers who held a card when they ordered. */
  private async membersAmong(orders: Pick<Order, 'customerId' | 'createdAt'>[]): Promise<number> {
    if (!orders.length) return 0;
    const periods = await this.ds.getRepository(MembershipPeriod).findBy({ customerId: In([...new Set(orders.map((o) => o.customerId))]) });
    const members = new Set(
      orders.filter((o) => periods.some((p) => p.customerId === o.customerId && p.startsAt <= o.createdAt && o.createdAt < p.endsAt && (!p.refundedAt || p.refundedAt > o.createdAt))).map((o) => o.customerId),
    );
    return members.size;
  }

  /** Of the customers who bought goods in [from, to), how many bought a card in it; card sales by plan. */
  async membershipConversion(from: Date, to: Date) {
    const [goods, cards, plans] = await Promise.all([
      this.paidOrdersBetween(from, to, 'GOODS'),
      this.paidOrdersBetween(from, to, 'MEMBER_CARD'),
      this.ds.getRepository(MembershipPlan).find({ order: { id: 'ASC' } }),
    ]);
    const buyers = new Set(goods.map((o) => o.customerId));
    const converted = new Set(cards.map((o) => o.customerId).filter((id) => buyers.has(id)));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      buyers: buyers.size,
      buyersWhoBoughtCard: converted.size,
      conversionBp: buyers.size === 0 ? null : Math.floor((converted.size * 10_000) / buyers.size),
      cardSalesByPlan: plans
        .map((p) => {
          const sold = cards.filter((o) => o.membershipPlanId === p.id);
          return { planId: p.id, name: p.name, count: sold.length, amountCents: sold.reduce((s, o) => s + o.payableCents, 0) };
        })
        .filter((p) => p.count > 0),
    };
  }
}
