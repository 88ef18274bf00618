import { Injectable } from '@nestjs/common';
import { addDays, storeDayStart, type PointsReport, type PointsReportDay, type PointsReportTotals } from '@mc/shared';
import { DataSource } from 'typeorm';
import { CheckIn } from '../check-in/entities/check-in.entity';
import { Customer } from '../customer/entities/customer.entity';
import { Order } from '../order/entities/order.entity';
import { PointsRedemption } from '../points-mall/entities/points-redemption.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { reportRows, shareBp, windowTable, type Window } from './report-sql';

type Raw = Record<string, string | number | null>;
const num = (v: unknown) => Number(v ?? 0);
const LEDGER_FIGURES = ['issued', 'spent', 'expired', 'returned', 'reversed', 'adjustedOut'] as const;
type LedgerFigures = Record<(typeof LEDGER_FIGURES)[number], number>;
const REDEMPTION_FIGURES = ['redemptions', 'redemptionPoints', 'redemptionCashCents'] as const;

/** The ledger kinds the report tells apart, as numbers (`reportRows` reads numbers). */
const KIND = { OTHER: 0, SPEND: 1, EXPIRE: 2, REVERSE: 3, ADJUST: 4 } as const;
const KIND_CODE = `CASE l.kind ${(['SPEND', 'EXPIRE', 'REVERSE', 'ADJUST'] as const).map((k) => `WHEN '${k}' THEN ${KIND[k]}`).join(' ')} ELSE ${KIND.OTHER} END`;

/** The index of the window holding instant `t` (ms) among contiguous windows in order. */
function windowAt(windows: Window[], t: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (windows[mid].s.getTime() <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

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

  /**
   * Ledger entries per store day by what they did: one range read of `ix_points_created` (createdAt, kind, delta)
   * summed by (time bucket, kind, credit or not) in the database, a few rows per day folded into days here. A bucket
   * is a whole day from the range's start when every store day of the range is 24 hours long, else a quarter hour
   * (every zone's offset is whole quarter hours). Joined to one window per day instead, MariaDB re-planned a range
   * read for each day ("Range checked for each record") and fetched every entry from the table.
   */
  private async ledgerByDay(windows: Window[]) {
    const start = windows[0].s;
    const size = windows.every((w) => w.e.getTime() - w.s.getTime() === 86_400_000) ? 86_400 : 900;
    const bucket =
      this.ds.options.type === 'sqljs' ? `((strftime('%s', l.createdAt) - strftime('%s', :start)) / ${size})` : `(TIMESTAMPDIFF(SECOND, :start, l.createdAt) DIV ${size})`;
    const rows = await reportRows(
      this.ds,
      `SELECT ${bucket} AS b, ${KIND_CODE} AS kind, CASE WHEN l.delta > 0 THEN 1 ELSE 0 END AS credit, SUM(l.delta) AS points
       FROM \`points_ledger\` l WHERE l.createdAt >= :start AND l.createdAt < :end GROUP BY b, kind, credit`,
      { start, end: windows[windows.length - 1].e },
    );
    const byDay = new Map<number, LedgerFigures>();
    for (const { b, kind, credit, points } of rows) {
      const i = windowAt(windows, start.getTime() + b * size * 1000);
      const day = byDay.get(i) ?? (Object.fromEntries(LEDGER_FIGURES.map((k) => [k, 0])) as LedgerFigures);
      if (credit && kind !== KIND.REVERSE) day.issued += points;
      if (kind === KIND.SPEND) day.spent -= points;
      if (kind === KIND.EXPIRE) day.expired -= points;
      if (kind === KIND.REVERSE && credit) day.returned += points;
      if (kind === KIND.REVERSE && !credit) day.reversed -= points;
      if (kind === KIND.ADJUST && !credit) day.adjustedOut -= points;
      byDay.set(i, day);
    }
    return byDay;
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
