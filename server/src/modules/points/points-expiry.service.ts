import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  addDays,
  mulDivFloor,
  nextPointsExpiry,
  pointsExpiredBy,
  pointsExpirySchedule,
  storeDayAt,
  type PointsLiability,
  type PointsLot,
  type PointsSummary,
} from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { withTx } from '../../common/tx';
import { JobRegistry } from '../jobs/job-registry.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { PointsAccount } from './entities/points-account.entity';
import { PointsLedger } from './entities/points-ledger.entity';
import { PointsService } from './points.service';

const BATCH = 500;

/** A lot: a credit that can expire (see `isLot`), in SQL over `points_ledger l`. */
const LOT = `l.delta > 0 AND l.kind <> 'REVERSE'`;

/**
 * Points expiry (docs/points-contract.md "Expiry"): the `expire-points` job, the customer's next
 * expiry and the store's points liability. Which points a debit used is never stored: of a
 * balance, what expires by a day is what the later lots cannot cover (`pointsExpiredBy`).
 */
@Injectable()
export class PointsExpiryService implements OnModuleInit {
  private readonly logger = new Logger('PointsExpiry');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobRegistry,
    private readonly settings: StoreSettingsService,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'expire-points',
      description: "expire the points whose last day has passed (store time zone), soonest-expiring first; once a day per customer",
      // the work is keyed on the store day: running hourly expires soon after midnight and does nothing more that day
      everyMs: 60 * 60_000,
      run: () => this.expirePoints(),
    });
  }

  private async today(): Promise<string> {
    return storeDayAt((await this.settings.get()).timezone, this.clock.now());
  }

  /**
   * Every customer whose balance is more than the lots still valid today can cover gets an EXPIRE
   * of the difference, key `expire:<yesterday>:customer:<id>`. Each is worked out again under the
   * account's row lock from the latest rows, so a second run (the same day or later, on this
   * instance or another) finds nothing left to expire; the key is the last guard. A balance at or
   * below zero never expires.
   */
  async expirePoints(): Promise<{ date: string; customers: number; points: number }> {
    const today = await this.today();
    const lastDay = addDays(today, -1);
    let customers = 0;
    let points = 0;
    for (let after = 0; ; ) {
      const rows: { customerId: number | string }[] = await this.ds
        .createQueryBuilder()
        .select('a.customerId', 'customerId')
        .from(PointsAccount, 'a')
        .leftJoin(PointsLedger, 'l', `l.customerId = a.customerId AND ${LOT} AND (l.expiresOn IS NULL OR l.expiresOn >= :today)`, { today })
        .where('a.balance > 0 AND a.customerId > :after', { after })
        .groupBy('a.customerId')
        .addGroupBy('a.balance')
        .having('a.balance > COALESCE(SUM(l.delta), 0)')
        .orderBy('a.customerId', 'ASC')
        .limit(BATCH)
        .getRawMany();
      for (const row of rows) {
        const customerId = Number(row.customerId);
        const expired = await withTx(this.ds, async (tx) => {
          const account = await this.points.lockAccount(tx, customerId);
          const due = pointsExpiredBy(account.balance, await this.points.lotsFrom(tx.em, customerId, today), lastDay);
          if (due <= 0) return 0;
          const res = await this.points.post(tx, {
            customerId,
            delta: -due,
            kind: 'EXPIRE',
            dedupeKey: `expire:${lastDay}:customer:${customerId}`,
            memo: `有效期至 ${lastDay} 及以前的积分已过期`,
          });
          return res.posted ? due : 0;
        });
        if (expired > 0) {
          customers++;
          points += expired;
        }
      }
      if (rows.length < BATCH) break;
      after = Number(rows[rows.length - 1].customerId);
    }
    if (customers) this.logger.log(`${points} points of ${customers} customers expired (valid until ${lastDay} or before)`);
    return { date: today, customers, points };
  }

  /** `GET /api/points/summary`: the balance and the soonest expiry from today on. */
  async summary(customerId: number): Promise<PointsSummary> {
    const today = await this.today();
    const account = await this.ds.getRepository(PointsAccount).findOne({ where: { customerId } });
    const balance = account?.balance ?? 0;
    const lots = balance > 0 ? await this.points.lotsFrom(this.ds.manager, customerId, today) : [];
    return { balance, expiring: nextPointsExpiry(balance, lots, today) };
  }

  /**
   * `GET /api/admin/points/liability`: the points customers hold (Σ positive balances) and their
   * cash value, the points owed (Σ negative balances), and per month for the next 12 months (the
   * current one first) what is due to expire, each customer's by `pointsExpirySchedule`.
   */
  async liability(): Promise<PointsLiability> {
    const { pointsValueCentsPer100 } = await this.settings.get();
    const today = await this.today();
    const months = Array.from({ length: 12 }, (_, i) => {
      const n = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    });
    const byMonth = new Map(months.map((m) => [m, 0]));
    const [totals] = (await this.ds
      .createQueryBuilder()
      .select('COALESCE(SUM(CASE WHEN a.balance > 0 THEN a.balance ELSE 0 END), 0)', 'outstanding')
      .addSelect('COALESCE(SUM(CASE WHEN a.balance < 0 THEN -a.balance ELSE 0 END), 0)', 'owed')
      .from(PointsAccount, 'a')
      .getRawMany()) as { outstanding: string | number; owed: string | number }[];
    for (let after = 0; ; ) {
      const accounts = await this.ds
        .createQueryBuilder(PointsAccount, 'a')
        .where('a.balance > 0 AND a.customerId > :after', { after })
        .orderBy('a.customerId', 'ASC')
        .limit(BATCH)
        .getMany();
      if (!accounts.length) break;
      const lotRows: { customerId: number | string; expiresOn: string | null; points: string | number }[] = await this.ds
        .createQueryBuilder()
        .select('l.customerId', 'customerId')
        .addSelect('l.expiresOn', 'expiresOn')
        .addSelect('SUM(l.delta)', 'points')
        .from(PointsLedger, 'l')
        .where(`l.customerId IN (:...ids) AND ${LOT} AND (l.expiresOn IS NULL OR l.expiresOn >= :today)`, { ids: accounts.map((a) => a.customerId), today })
        .groupBy('l.customerId')
        .addGroupBy('l.expiresOn')
        .getRawMany();
      const lots = new Map<number, PointsLot[]>();
      for (const r of lotRows) {
        const id = Number(r.customerId);
        lots.set(id, [...(lots.get(id) ?? []), { expiresOn: r.expiresOn, points: Number(r.points) }]);
      }
      for (const a of accounts) {
        for (const due of pointsExpirySchedule(a.balance, lots.get(a.customerId) ?? [], today)) {
          const month = due.date.slice(0, 7);
          if (byMonth.has(month)) byMonth.set(month, byMonth.get(month)! + due.points);
        }
      }
      if (accounts.length < BATCH) break;
      after = accounts[accounts.length - 1].customerId;
    }
    const value = (p: number) => mulDivFloor(p, pointsValueCentsPer100, 100);
    const outstandingPoints = Number(totals?.outstanding ?? 0);
    return {
      date: today,
      outstandingPoints,
      outstandingValueCents: value(outstandingPoints),
      owedPoints: Number(totals?.owed ?? 0),
      expiringByMonth: months.map((month) => ({ month, points: byMonth.get(month)!, valueCents: value(byMonth.get(month)!) })),
    };
  }
}
