import { Injectable } from '@nestjs/common';
import { addDays, nextOccurrences, storeDayStart, type MemberDayOccurrenceReport, type OverviewFigures, type OverviewReport } from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { scheduleOf } from '../member-day/member-day-rules.service';
import { MembershipPeriod } from '../membership/entities/membership-period.entity';
import { Order } from '../order/entities/order.entity';
import { Refund } from '../order/entities/refund.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberReportsService } from './member-reports.service';
import { heldCard, windowTable } from './report-sql';

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
   * One aggregate query for every window [startsAt, end) and the 28 days before it, keyed by the
   * window's index: paid goods orders, their GMV, the distinct buyers among them who held a card
   * when they ordered, paid card orders, the customers whose first card that was, and the goods GMV of the baseline days.
   */
  private async occurrenceFigures(windows: { startsAt: Date; end: Date }[]) {
    const byIndex = new Map<number, { orders: number; gmvCents: number; payingMembers: number; newCards: number; convertedCustomers: number; baselineCents: number }>();
    if (!windows.length) return byIndex;
    const lo = new Date(Math.min(...windows.map((w) => w.startsAt.getTime())) - BASELINE_DAYS * DAY_MS);
    const hi = new Date(Math.max(...windows.map((w) => w.end.getTime())));
    const params: Record<string, unknown> = { paid: PAID_STATUSES, goods: 'GOODS', card: 'MEMBER_CARD', lo, hi };
    const rows = windows.map((w, i) => {
      Object.assign(params, { [`b${i}`]: new Date(w.startsAt.getTime() - BASELINE_DAYS * DAY_MS), [`s${i}`]: w.startsAt, [`e${i}`]: w.end });
      return `SELECT ${i} AS i, :b${i} AS b, :s${i} AS s, :e${i} AS e`;
    });
    const inWindow = (kind: string) => `o.kind = :${kind} AND o.createdAt >= w.s`;
    // the customer's first card: no paid card order before this one (`ix_order_customer_kind_paid`)
    const firstCard = 'NOT EXISTS (SELECT 1 FROM `shop_order` k WHERE k.kind = :card AND k.customerId = o.customerId AND k.paidAt IS NOT NULL AND k.id < o.id)';
    const raw = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect(`COUNT(CASE WHEN ${inWindow('goods')} THEN 1 END)`, 'orders')
      .addSelect(`SUM(CASE WHEN ${inWindow('goods')} THEN o.payableCents ELSE 0 END)`, 'gmvCents')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${inWindow('goods')} AND ${heldCard('o')} THEN o.customerId END)`, 'payingMembers')
      .addSelect(`COUNT(CASE WHEN ${inWindow('card')} THEN 1 END)`, 'newCards')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${inWindow('card')} AND ${firstCard} THEN o.customerId END)`, 'convertedCustomers')
      .addSelect('SUM(CASE WHEN o.kind = :goods AND o.createdAt < w.s THEN o.payableCents ELSE 0 END)', 'baselineCents')
      .from(`(${rows.join(' UNION ALL ')})`, 'w')
      // the bounds of every window as constants too, so only that stretch of ix_order_created is read
      .innerJoin(Order, 'o', 'o.createdAt >= w.b AND o.createdAt < w.e AND o.createdAt >= :lo AND o.createdAt < :hi AND o.status IN (:...paid) AND o.kind IN (:goods, :card)')
      .groupBy('w.i')
      .setParameters(params)
      .getRawMany<Record<string, string | number>>();
    for (const r of raw) {
      byIndex.set(Number(r.i), {
        orders: Number(r.orders),
        gmvCents: Number(r.gmvCents),
        payingMembers: Number(r.payingMembers),
        newCards: Number(r.newCards),
        convertedCustomers: Number(r.convertedCustomers),
        baselineCents: Number(r.baselineCents),
      });
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
   * GMV = paid − refunded. Three aggregate queries over `ix_order_paid` / `ix_refund_refunded`, however long the range.
   */
  async overview(fromDay: string, toDay: string): Promise<OverviewReport> {
    const { timezone } = await this.settings.get();
    const startOf = (day: string) => storeDayStart(timezone, day);
    const days: string[] = [];
    for (let day = fromDay; day <= toDay; day = addDays(day, 1)) days.push(day);
    const previousFrom = addDays(fromDay, -days.length);
    const previousTo = addDays(fromDay, -1);
    const now = this.clock.now();
    // windows 0 … n-1: the days; n: the whole range; n+1: the previous range
    const windows = [
      ...days.map((day) => ({ s: startOf(day), e: startOf(addDays(day, 1)) })),
      { s: startOf(fromDay), e: startOf(addDays(toDay, 1)) },
      { s: startOf(previousFrom), e: startOf(fromDay) },
    ];
    const [orders, refunds] = await Promise.all([this.orderFigures(windows), this.refundFigures(windows)]);
    const figuresOf = async (i: number, from: string, to: string): Promise<OverviewFigures> => {
      const o = orders.get(i) ?? { orders: 0, paidCents: 0, buyers: 0, newCards: 0, cardRevenueCents: 0 };
      const refundedCents = refunds.get(i) ?? 0;
      const end = windows[i].e < now ? windows[i].e : now;
      const [paidMembers, conversion] = await Promise.all([this.paidMembersAt(end), this.memberReports.membershipConversion(windows[i].s, windows[i].e)]);
      return {
        from,
        to,
        gmvCents: o.paidCents - refundedCents,
        paidCents: o.paidCents,
        refundedCents,
        orders: o.orders,
        buyers: o.buyers,
        avgOrderCents: o.orders === 0 ? 0 : Math.floor(o.paidCents / o.orders),
        newCards: o.newCards,
        cardRevenueCents: o.cardRevenueCents,
        paidMembers,
        memberConversionBp: conversion.conversionBp,
      };
    };
    const n = days.length;
    const [current, previous] = await Promise.all([figuresOf(n, fromDay, toDay), figuresOf(n + 1, previousFrom, previousTo)]);
    const series = days.map((day, i) => {
      const o = orders.get(i);
      const refundedCents = refunds.get(i) ?? 0;
      return { day, gmvCents: (o?.paidCents ?? 0) - refundedCents, paidCents: o?.paidCents ?? 0, refundedCents, orders: o?.orders ?? 0, buyers: o?.buyers ?? 0 };
    });
    return { ...current, previous, series };
  }

  private async orderFigures(windows: { s: Date; e: Date }[]) {
    const t = windowTable(windows);
    const raw = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect('COUNT(o.id)', 'orders')
      .addSelect('SUM(o.payableCents)', 'paidCents')
      .addSelect('COUNT(DISTINCT o.customerId)', 'buyers')
      .addSelect('COUNT(CASE WHEN o.kind = :card THEN 1 END)', 'newCards')
      .addSelect('SUM(CASE WHEN o.kind = :card THEN o.payableCents ELSE 0 END)', 'cardRevenueCents')
      .from(t.sql, 'w')
      .innerJoin(Order, 'o', 'o.paidAt >= w.s AND o.paidAt < w.e')
      .groupBy('w.i')
      .setParameters({ ...t.params, card: 'MEMBER_CARD' })
      .getRawMany<Record<string, string | number>>();
    return new Map(
      raw.map((r) => [
        Number(r.i),
        { orders: Number(r.orders), paidCents: Number(r.paidCents), buyers: Number(r.buyers), newCards: Number(r.newCards), cardRevenueCents: Number(r.cardRevenueCents) },
      ]),
    );
  }

  private async refundFigures(windows: { s: Date; e: Date }[]) {
    const t = windowTable(windows);
    const raw = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect('SUM(r.amountCents)', 'refundedCents')
      .from(t.sql, 'w')
      .innerJoin(Refund, 'r', 'r.refundedAt >= w.s AND r.refundedAt < w.e AND r.status = :refunded')
      .groupBy('w.i')
      .setParameters({ ...t.params, refunded: 'REFUNDED' })
      .getRawMany<Record<string, string | number>>();
    return new Map(raw.map((r) => [Number(r.i), Number(r.refundedCents)]));
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
