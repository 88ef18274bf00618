import { Injectable } from '@nestjs/common';
import { addDays, storeDayStart, type PointsReport, type PointsReportDay, type PointsReportTotals } from '@mc/shared';
import { DataSource } from 'typeorm';
import { CheckIn } from '../check-in/entities/check-in.entity';
import { Customer } from '../customer/entities/customer.entity';
import { Order } from '../order/entities/order.entity';
import { PointsLedger } from '../points/entities/points-ledger.entity';
import { PointsRedemption } from '../points-mall/entities/points-redemption.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { shareBp, windowTable, type Window } from './report-sql';

type Raw = Record<string, string | number | null>;
const num = (v: unknown) => Number(v ?? 0);
const LEDGER_FIGURES = ['issued', 'spent', 'expired', 'returned', 'reversed', 'adjustedOut'] as const;
const REDEMPTION_FIGURES = ['redemptions', 'redemptionPoints', 'redemptionCashCents'] as const;

/** Each store day of [from, to] and the instants [s, e) it spans in the store's time zone. */
function storeDays(timezone: string, from: string, to: string): { day: string; w: Window }[] {
  const out: { day: string; w: Window }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ day, w: { s: storeDayStart(timezone, day), e: storeDayStart(timezone, addDays(day, 1)) } });
  return out;
}

/**
 * The dashboard's points figures (docs/reports.md "Points reports"): aggregate queries over the ledger, the check-ins
 * and the paid redemptions, each grouped by store day in the database. The liability is the points module's own route.
 */
@Injectable()
export class PointsReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: StoreSettingsService,
  ) {}

  async report(from: string, to: string): Promise<PointsReport> {
    const { timezone } = await this.settings.get();
    const days = storeDays(timezone, from, to);
    const windows = days.map((d) => d.w);
    const start = storeDayStart(timezone, from);
    const [ledger, checkIns, redemptions, checkIn] = await Promise.all([
      this.ledgerByDay(windows),
      this.checkInsByDay(from, to),
      this.redemptionsByDay(windows),
      this.participation(from, to, start),
    ]);
    const series: PointsReportDay[] = days.map(({ day }, i) => ({
      day,
      ...Object.fromEntries(LEDGER_FIGURES.map((k) => [k, num(ledger.get(i)?.[k])])),
      checkedIn: num(checkIns.get(day)?.checkedIn),
      madeUp: num(checkIns.get(day)?.madeUp),
      ...Object.fromEntries(REDEMPTION_FIGURES.map((k) => [k, num(redemptions.get(i)?.[k])])),
    })) as PointsReportDay[];
    const totals = Object.fromEntries(
      [...LEDGER_FIGURES, ...REDEMPTION_FIGURES].map((k) => [k, series.reduce((s, d) => s + d[k], 0)]),
    ) as unknown as PointsReportTotals;
    return { from, to, ...totals, checkIn, series };
  }

  /** Ledger entries per store day by what they did: one pass over `ix_points_created` (createdAt, kind, delta). */
  private async ledgerByDay(windows: Window[]) {
    const t = windowTable(windows);
    const rows = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect(`SUM(CASE WHEN l.delta > 0 AND l.kind <> 'REVERSE' THEN l.delta ELSE 0 END)`, 'issued')
      .addSelect(`SUM(CASE WHEN l.kind = 'SPEND' THEN -l.delta ELSE 0 END)`, 'spent')
      .addSelect(`SUM(CASE WHEN l.kind = 'EXPIRE' THEN -l.delta ELSE 0 END)`, 'expired')
      .addSelect(`SUM(CASE WHEN l.kind = 'REVERSE' AND l.delta > 0 THEN l.delta ELSE 0 END)`, 'returned')
      .addSelect(`SUM(CASE WHEN l.kind = 'REVERSE' AND l.delta < 0 THEN -l.delta ELSE 0 END)`, 'reversed')
      .addSelect(`SUM(CASE WHEN l.kind = 'ADJUST' AND l.delta < 0 THEN -l.delta ELSE 0 END)`, 'adjustedOut')
      .from(t.sql, 'w')
      .innerJoin(PointsLedger, 'l', 'l.createdAt >= w.s AND l.createdAt < w.e')
      .groupBy('w.i')
      .setParameters(t.params)
      .getRawMany<Raw>();
    return new Map(rows.map((r) => [num(r.i), r]));
  }

  /** Check-ins per store day, own and made up, over `ix_check_in_day` (storeDay, madeUp, customerId). */
  private async checkInsByDay(from: string, to: string) {
    const rows = await this.ds
      .getRepository(CheckIn)
      .createQueryBuilder('c')
      .select('c.storeDay', 'day')
      .addSelect('SUM(CASE WHEN c.madeUp THEN 0 ELSE 1 END)', 'checkedIn')
      .addSelect('SUM(CASE WHEN c.madeUp THEN 1 ELSE 0 END)', 'madeUp')
      .where('c.storeDay >= :from AND c.storeDay <= :to', { from, to })
      .groupBy('c.storeDay')
      .getRawMany<Raw>();
    return new Map(rows.map((r) => [String(r.day), r]));
  }

  /**
   * Mall redemptions whose order was paid on each store day. The few redemption orders paid in the range are found
   * first (the `(kind, paidAt)` prefix of `ix_order_rfm`; grouped, so the database keeps them apart) and only then spread over the days: joined
   * directly, the optimizer would read every redemption order once per day.
   */
  private async redemptionsByDay(windows: Window[]) {
    const t = windowTable(windows);
    const paid = this.ds
      .createQueryBuilder()
      .select('o.id', 'id')
      .addSelect('MAX(o.paidAt)', 'paidAt')
      .addSelect('SUM(r.pointsUsed)', 'points')
      .addSelect('SUM(r.cashCents)', 'cash')
      .from(Order, 'o')
      .innerJoin(PointsRedemption, 'r', 'r.orderId = o.id')
      .where(`o.kind = 'POINTS_REDEMPTION' AND o.paidAt >= :rangeStart AND o.paidAt < :rangeEnd`)
      .groupBy('o.id');
    const rows = await this.ds
      .createQueryBuilder()
      .select('w.i', 'i')
      .addSelect('COUNT(*)', 'redemptions')
      .addSelect('SUM(x.points)', 'redemptionPoints')
      .addSelect('SUM(x.cash)', 'redemptionCashCents')
      .from(`(${paid.getQuery()})`, 'x')
      .innerJoin(t.sql, 'w', 'x.paidAt >= w.s AND x.paidAt < w.e')
      .groupBy('w.i')
      .setParameters({ ...t.params, rangeStart: windows[0].s, rangeEnd: windows[windows.length - 1].e })
      .getRawMany<Raw>();
    return new Map(rows.map((r) => [num(r.i), r]));
  }

  /**
   * Distinct customers who checked in themselves in the range, against the active customers: those whose last login
   * is on or after the range's start (`ix_customer_last_login`), plus the checkers who last logged in before it (a
   * token outlives a login).
   */
  private async participation(from: string, to: string, start: Date): Promise<PointsReport['checkIn']> {
    const own = 'c.storeDay >= :from AND c.storeDay <= :to AND NOT c.madeUp';
    const [checked, recent, olderCheckers] = await Promise.all([
      this.ds.getRepository(CheckIn).createQueryBuilder('c').select('COUNT(DISTINCT c.customerId)', 'n').where(own, { from, to }).getRawOne<Raw>(),
      this.ds.getRepository(Customer).createQueryBuilder('u').select('COUNT(*)', 'n').where('u.lastLoginAt >= :start', { start }).getRawOne<Raw>(),
      this.ds
        .getRepository(CheckIn)
        .createQueryBuilder('c')
        .innerJoin(Customer, 'u', 'u.id = c.customerId AND u.lastLoginAt < :start', { start })
        .select('COUNT(DISTINCT c.customerId)', 'n')
        .where(own, { from, to })
        .getRawOne<Raw>(),
    ]);
    const customers = num(checked?.n);
    const activeCustomers = num(recent?.n) + num(olderCheckers?.n);
    return { customers, activeCustomers, participationBp: shareBp(customers, activeCustomers) };
  }
}
