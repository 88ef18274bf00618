import { Injectable } from '@nestjs/common';
import { nextOccurrences } from '@mc/shared';
import { DataSource } from 'typeorm';
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
    const occurrences = rules.flatMap((rule) =>
      nextOccurrences(scheduleOf(rule), timezone, new Date(now.getTime() - 400 * DAY_MS), 500, 401)
        .filter((o) => o.startsAt <= now)
        .slice(-count)
        .reverse()
        .map((o) => ({ rule, o, end: o.endsAt < now ? o.endsAt : now })),
    );
    const figures = await this.occurrenceFigures(occurrences.map(({ o, end }) => ({ startsAt: o.startsAt, end })));
    const items = occurrences.map(({ rule, o }, i) => {
      const f = figures.get(i) ?? { orders: 0, gmvCents: 0, payingMembers: 0, newCards: 0, baselineCents: 0 };
      const baselineDailyGmvCents = Math.floor(f.baselineCents / BASELINE_DAYS);
      return {
        memberDayId: rule.id,
        name: rule.name,
        date: o.date,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        orders: f.orders,
        gmvCents: f.gmvCents,
        payingMembers: f.payingMembers,
        newCards: f.newCards,
        baselineDailyGmvCents,
        upliftBp: baselineDailyGmvCents === 0 ? null : Math.floor(((f.gmvCents - baselineDailyGmvCents) * 10_000) / baselineDailyGmvCents),
      };
    });
    return { items, total: items.length };
  }

  /**
   * One aggregate query for every window [startsAt, end) and the 28 days before it, keyed by the
   * window's index: paid goods orders, their GMV, the distinct buyers among them who held a card
   * when they ordered, paid card orders, and the goods GMV of the baseline days.
   */
  private async occurrenceFigures(windows: { startsAt: Date; end: Date }[]) {
    const byIndex = new Map<number, { orders: number; gmvCents: number; payingMembers: number; newCards: number; baselineCents: number }>();
    if (!windows.length) return byIndex;
    const params: Record<string, unknown> = { paid: PAID_STATUSES, goods: 'GOODS', card: 'MEMBER_CARD' };
    const rows = windows.map((w, i) => {
      Object.assign(params, { [`b${i}`]: new Date(w.startsAt.getTime() - BASELINE_DAYS * DAY_MS), [`s${i}`]: w.startsAt, [`e${i}`]: w.end });
      return `SELECT ${i} AS i, :b${i} AS b, :s${i} AS s, :e${i} AS e`;
    });
    const inWindow = (kind: string) => `o.kind = :${kind} AND o.createdAt >= w.s`;
    const heldCard = this.ds
      .createQueryBuilder()
      .select('1')
      .from(MembershipPeriod, 'p')
      .where('p.customerId = o.customerId AND p.startsAt <= o.createdAt AND o.createdAt < p.endsAt AND (p.refundedAt IS NULL OR p.refundedAt > o.createdAt)')
      .getQuery();
    const raw = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect(`COUNT(CASE WHEN ${inWindow('goods')} THEN 1 END)`, 'orders')
      .addSelect(`SUM(CASE WHEN ${inWindow('goods')} THEN o.payableCents ELSE 0 END)`, 'gmvCents')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${inWindow('goods')} AND EXISTS (${heldCard}) THEN o.customerId END)`, 'payingMembers')
      .addSelect(`COUNT(CASE WHEN ${inWindow('card')} THEN 1 END)`, 'newCards')
      .addSelect('SUM(CASE WHEN o.kind = :goods AND o.createdAt < w.s THEN o.payableCents ELSE 0 END)', 'baselineCents')
      .from(`(${rows.join(' UNION ALL ')})`, 'w')
      .innerJoin(Order, 'o', 'o.createdAt >= w.b AND o.createdAt < w.e AND o.status IN (:...paid) AND o.kind IN (:goods, :card)')
      .groupBy('w.i')
      .setParameters(params)
      .getRawMany<Record<string, string | number>>();
    for (const r of raw) {
      byIndex.set(Number(r.i), {
        orders: Number(r.orders),
        gmvCents: Number(r.gmvCents),
        payingMembers: Number(r.payingMembers),
        newCards: Number(r.newCards),
        baselineCents: Number(r.baselineCents),
      });
    }
    return byIndex;
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
