import { Injectable } from '@nestjs/common';
import { addDays, nextOccurrences, ORDER_KINDS, storeDayStart, type MemberDayOccurrenceReport, type OverviewFigures, type OverviewReport } from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { scheduleOf } from '../member-day/member-day-rules.service';
import { MembershipPeriod } from '../membership/entities/membership-period.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberReportsService } from './member-reports.service';
import { bucketOf, heldCard, reportRows } from './report-sql';

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
    private readonly memberReports: MemberReportsService,
  ) {}

  /** Each past occurrence of each member day: orders, GMV, paying members, cards sold, uplift vs the 28 days before. */
  async memberDays(count: number): Promise<{ items: MemberDayOccurrenceReport[]; total: number }> {
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
      const f = figures.get(i) ?? { orders: 0, gmvCents: 0, payingMembers: 0, newCards: 0, convertedCustomers: 0, baselineCents: 0 };
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
        convertedCustomers: f.convertedCustomers,
        baselineDailyGmvCents,
        upliftBp: baselineDailyGmvCents === 0 ? null : Math.floor(((f.gmvCents - baselineDailyGmvCents) * 10_000) / baselineDailyGmvCents),
      };
    });
    return { items, total: items.length };
  }

  /**
   * Per window [startsAt, end), keyed by the window's index: paid goods orders, their GMV, the distinct buyers among
   * them who held a card when they ordered, paid card orders, the customers whose first card that was; and the goods
   * GMV of the 28 days before it. One SELECT per window over its own short stretch of `ix_order_created`, and one pass
   * over the baseline days of all windows grouped by the stretches between their bounds (the baselines overlap: a
   * join of each window with the orders read the whole history once per window).
   */
  private async occurrenceFigures(windows: { startsAt: Date; end: Date }[]) {
    type Figures = { orders: number; gmvCents: number; payingMembers: number; newCards: number; convertedCustomers: number; baselineCents: number };
    const byIndex = new Map<number, Figures>();
    if (!windows.length) return byIndex;
    const baselineOf = (w: { startsAt: Date }) => new Date(w.startsAt.getTime() - BASELINE_DAYS * DAY_MS);
    const params: Record<string, unknown> = { paid: PAID_STATUSES, goods: 'GOODS', card: 'MEMBER_CARD' };
    // the customer's first card: no paid card order before this one (`ix_order_customer_kind_paid`)
    const firstCard = 'NOT EXISTS (SELECT 1 FROM `shop_order` k WHERE k.kind = :card AND k.customerId = o.customerId AND k.paidAt IS NOT NULL AND k.id < o.id)';
    const selects = windows.map((w, i) => {
      Object.assign(params, { [`s${i}`]: w.startsAt, [`e${i}`]: w.end });
      return `SELECT ${i} AS i, COUNT(CASE WHEN o.kind = :goods THEN 1 END) AS orders,
          SUM(CASE WHEN o.kind = :goods THEN o.payableCents ELSE 0 END) AS gmvCents,
          COUNT(DISTINCT CASE WHEN o.kind = :goods AND ${heldCard('o')} THEN o.customerId END) AS payingMembers,
          COUNT(CASE WHEN o.kind = :card THEN 1 END) AS newCards,
          COUNT(DISTINCT CASE WHEN o.kind = :card AND ${firstCard} THEN o.customerId END) AS convertedCustomers
        FROM \`shop_order\` o WHERE o.createdAt >= :s${i} AND o.createdAt < :e${i} AND o.status IN (:...paid) AND o.kind IN (:goods, :card)`;
    });
    const times = [...new Set(windows.flatMap((w) => [baselineOf(w).getTime(), w.startsAt.getTime()]))].sort((a, b) => a - b);
    const bounds = times.map((t) => new Date(t));
    const stretch = bucketOf('o.createdAt', bounds);
    const [figures, stretches] = await Promise.all([
      reportRows(this.ds, selects.join(' UNION ALL '), params),
      reportRows(
        this.ds,
        `SELECT ${stretch.sql} AS k, SUM(o.payableCents) AS cents FROM \`shop_order\` o
         WHERE o.createdAt >= :lo AND o.createdAt < :hi AND o.status IN (:...paid) AND o.kind = :goods GROUP BY k`,
        { ...stretch.params, lo: bounds[0], hi: bounds[bounds.length - 1], paid: PAID_STATUSES, goods: 'GOODS' },
      ),
    ]);
    const centsOf = new Map(stretches.map((r) => [r.k, r.cents]));
    for (const { i, ...f } of figures) {
      const [from, to] = [times.indexOf(baselineOf(windows[i]).getTime()), times.indexOf(windows[i].startsAt.getTime())];
      let baselineCents = 0;
      for (let k = from; k < to; k++) baselineCents += centsOf.get(k) ?? 0;
      byIndex.set(i, { ...(f as Omit<Figures, 'baselineCents'>), baselineCents });
    }
    return byIndex;
  }

  /** `GET /api/admin/reports/membership`: see MemberReportsService. */
  membershipConversion(from: Date, to: Date) {
    return this.memberReports.membershipConversion(from, to);
  }

  /**
   * The dashboard's figures for the store days [fromDay, toDay] and the period of the same length before it, plus one
   * point per day. An order counts on the day it was paid, whatever happened after; a refund on the day it completed;
   * GMV = paid − refunded. One pass over the orders of both periods grouped by store day (the periods' sums are the
   * sums of their days), one for each period's distinct buyers, one over refunds; docs/performance.md.
   */
  async overview(fromDay: string, toDay: string): Promise<OverviewReport> {
    const { timezone } = await this.settings.get();
    let n = 0;
    while (addDays(fromDay, n) <= toDay) n++;
    const previousFrom = addDays(fromDay, -n);
    const previousTo = addDays(fromDay, -1);
    // days 0 … n-1: the previous period; n … 2n-1: the range; bounds[k] is the start of day k in the store's zone
    const bounds = Array.from({ length: 2 * n + 1 }, (_, k) => storeDayStart(timezone, addDays(previousFrom, k)));
    const now = this.clock.now();
    const [days, buyers, refunds] = await Promise.all([this.orderDays(bounds), this.rangeBuyers(bounds[0], bounds[n], bounds[2 * n]), this.refundDays(bounds)]);
    const dayOf = (k: number) => days.get(k) ?? { orders: 0, paidCents: 0, buyers: 0, newCards: 0, cardRevenueCents: 0 };
    const figuresOf = async (first: number, from: string, to: string): Promise<OverviewFigures> => {
      const ks = Array.from({ length: n }, (_, i) => first + i);
      const sum = (f: (k: number) => number) => ks.reduce((t, k) => t + f(k), 0);
      const paidCents = sum((k) => dayOf(k).paidCents);
      const refundedCents = sum((k) => refunds.get(k) ?? 0);
      const orders = sum((k) => dayOf(k).orders);
      const [s, e] = [bounds[first], bounds[first + n]];
      const [paidMembers, conversion] = await Promise.all([this.paidMembersAt(e < now ? e : now), this.memberReports.membershipConversion(s, e)]);
      return {
        from,
        to,
        gmvCents: paidCents - refundedCents,
        paidCents,
        refundedCents,
        orders,
        buyers: buyers[first === 0 ? 'previous' : 'current'],
        avgOrderCents: orders === 0 ? 0 : Math.floor(paidCents / orders),
        newCards: sum((k) => dayOf(k).newCards),
        cardRevenueCents: sum((k) => dayOf(k).cardRevenueCents),
        paidMembers,
        memberConversionBp: conversion.conversionBp,
      };
    };
    const [current, previous] = await Promise.all([figuresOf(n, fromDay, toDay), figuresOf(0, previousFrom, previousTo)]);
    const series = Array.from({ length: n }, (_, i) => {
      const o = dayOf(n + i);
      const refundedCents = refunds.get(n + i) ?? 0;
      return { day: addDays(fromDay, i), gmvCents: o.paidCents - refundedCents, paidCents: o.paidCents, refundedCents, orders: o.orders, buyers: o.buyers };
    });
    return { ...current, previous, series };
  }

  /** Orders paid in [bounds[0], last bound), by day k ([bounds[k], bounds[k+1])): one covering range scan of `ix_order_rfm`. */
  private async orderDays(bounds: Date[]) {
    const day = bucketOf('o.paidAt', bounds);
    const rows = await reportRows(
      this.ds,
      `SELECT ${day.sql} AS k, COUNT(*) AS orders, SUM(o.payableCents) AS paidCents, COUNT(DISTINCT o.customerId) AS buyers,
         SUM(CASE WHEN o.kind = :card THEN 1 ELSE 0 END) AS newCards, SUM(CASE WHEN o.kind = :card THEN o.payableCents ELSE 0 END) AS cardRevenueCents
       FROM \`shop_order\` o WHERE o.kind IN (:...kinds) AND o.paidAt >= :lo AND o.paidAt < :hi GROUP BY k`,
      { ...day.params, ...this.paidBetween(bounds[0], bounds[bounds.length - 1]), card: 'MEMBER_CARD' },
    );
    return new Map(rows.map(({ k, ...figures }) => [k, figures as { orders: number; paidCents: number; buyers: number; newCards: number; cardRevenueCents: number }]));
  }

  /** Distinct customers with an order paid in [lo, mid) (previous) and in [mid, hi) (current). */
  private async rangeBuyers(lo: Date, mid: Date, hi: Date) {
    const rows = await reportRows(
      this.ds,
      `SELECT CASE WHEN o.paidAt < :mid THEN 0 ELSE 1 END AS c, COUNT(DISTINCT o.customerId) AS buyers
       FROM \`shop_order\` o WHERE o.kind IN (:...kinds) AND o.paidAt >= :lo AND o.paidAt < :hi GROUP BY c`,
      { ...this.paidBetween(lo, hi), mid },
    );
    return { previous: rows.find((r) => r.c === 0)?.buyers ?? 0, current: rows.find((r) => r.c === 1)?.buyers ?? 0 };
  }

  /** Every kind named, so that the range is read from `ix_order_rfm` (kind, paidAt, status, customerId, payableCents, …) alone. */
  private paidBetween(lo: Date, hi: Date) {
    return { kinds: ORDER_KINDS, lo, hi };
  }

  /** Refunds completed in [bounds[0], last bound), by day k, on `ix_refund_refunded`. */
  private async refundDays(bounds: Date[]) {
    const day = bucketOf('r.refundedAt', bounds);
    const rows = await reportRows(
      this.ds,
      `SELECT ${day.sql} AS k, SUM(r.amountCents) AS refundedCents FROM \`refund\` r
       WHERE r.refundedAt >= :lo AND r.refundedAt < :hi AND r.status = :refunded GROUP BY k`,
      { ...day.params, lo: bounds[0], hi: bounds[bounds.length - 1], refunded: 'REFUNDED' },
    );
    return new Map(rows.map((r) => [r.k, r.refundedCents]));
  }

  /** Customers holding a card at `at` (bought, started, not ended, not refunded by then). */
  private async paidMembersAt(at: Date): Promise<number> {
    const row = await this.ds
      .getRepository(MembershipPeriod)
      .createQueryBuilder('p')
      .select('COUNT(DISTINCT p.customerId)', 'n')
      .where('p.startsAt <= :at AND p.endsAt > :at AND (p.refundedAt IS NULL OR p.refundedAt > :at)', { at })
      .getRawOne<{ n: string | number }>();
    return Number(row?.n ?? 0);
  }
}
