import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  addDays,
  mulDivFloor,
  nextPointsExpiry,
  pointsExpiredBy,
  storeDayAt,
  type PointsLiability,
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
   * current one first) what is due to expire, in one aggregate statement.
   *
   * A customer's points expired by day D are max(0, B − S(D)), S(D) their valid lots expiring after D
   * or never (`pointsExpiredBy`). That only grows with D, so what `pointsExpirySchedule` lists for the
   * days of month m sums to E(end of m) − E(end of m − 1), starting from the day before today (where
   * S is every valid lot). "After the end of month m" is "from the first day of month m + 1", so with
   * the bounds b0 = today and b1…b12 the next twelve first days: each lot falls in bucket k (the last
   * bound it reaches; never: 12), S(b_k) is the customer's sum of buckets ≥ k, and month m is
   * Σ max(0, B − S(b_{m+1})) − Σ max(0, B − S(b_m)) over the customers with a positive balance.
   */
  async liability(): Promise<PointsLiability> {
    const { pointsValueCentsPer100 } = await this.settings.get();
    const today = await this.today();
    const firstDays = Array.from({ length: 13 }, (_, i) => {
      const n = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
    });
    const ks = Array.from({ length: 13 }, (_, k) => k);
    const params = Object.fromEntries(ks.map((k) => [`b${k}`, k ? firstDays[k] : today]));
    const bucket = `CASE WHEN l.expiresOn IS NULL THEN 12 ${ks.slice(1).reverse().map((k) => `WHEN l.expiresOn >= :b${k} THEN ${k}`).join(' ')} ELSE 0 END`;
    // `customerId + 0`: grouped in a temporary table after one scan of the ledger, not along ix_points_expiry with a row lookup per entry
    const lots = `SELECT l.customerId AS customerId, ${bucket} AS k, SUM(l.delta) AS p FROM \`points_ledger\` l
      WHERE ${LOT} AND (l.expiresOn IS NULL OR l.expiresOn >= :b0) GROUP BY l.customerId + 0, k`;
    const later = `SELECT y.customerId AS customerId, ${ks.map((k) => `SUM(CASE WHEN y.k >= ${k} THEN y.p ELSE 0 END) AS s${k}`).join(', ')} FROM (${lots}) y GROUP BY y.customerId`;
    const expired = ks.map((k) => `COALESCE(SUM(CASE WHEN a.balance > 0 AND a.balance > COALESCE(x.s${k}, 0) THEN a.balance - COALESCE(x.s${k}, 0) ELSE 0 END), 0) AS e${k}`);
    const sql = `SELECT COALESCE(SUM(CASE WHEN a.balance > 0 THEN a.balance ELSE 0 END), 0) AS outstanding,
      COALESCE(SUM(CASE WHEN a.balance < 0 THEN -a.balance ELSE 0 END), 0) AS owed, ${expired.join(', ')}
      FROM \`points_account\` a LEFT JOIN (${later}) x ON x.customerId = a.customerId`;
    const [text, values] = this.ds.driver.escapeQueryWithParameters(sql, params);
    const [row] = (await this.ds.query(text, values)) as Record<string, string | number | null>[];
    const n = (key: string) => Number(row?.[key] ?? 0);
    const value = (p: number) => mulDivFloor(p, pointsValueCentsPer100, 100);
    return {
      date: today,
      outstandingPoints: n('outstanding'),
      outstandingValueCents: value(n('outstanding')),
      owedPoints: n('owed'),
      expiringByMonth: firstDays.slice(0, 12).map((first, m) => {
        const points = n(`e${m + 1}`) - n(`e${m}`);
        return { month: first.slice(0, 7), points, valueCents: value(points) };
      }),
    };
  }
}
