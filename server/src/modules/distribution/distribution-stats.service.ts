import { Injectable } from '@nestjs/common';
import { localDate, localToUtc, type DistributorLeaderboard, type DistributorStats } from '@mc/shared';
import { DataSource, In, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { Customer } from '../customer/entities/customer.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Commission } from './entities/commission.entity';
import { Distributor } from './entities/distributor.entity';
import { ReferralBinding, ReferralVisit } from './entities/referral.entity';

const num = (v: unknown) => Number(v ?? 0);

/** What distributors achieved: visits, customers bound now, attributed orders and cash, and the month's leaderboard. */
@Injectable()
export class DistributionStatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  empty(): DistributorStats {
    return { visits: 0, boundCustomers: 0, orders: 0, paidCents: 0, monthRank: null };
  }

  /** Stats of several distributors (a page of the staff list, or one). */
  async statsFor(ids: readonly number[]): Promise<Map<number, DistributorStats>> {
    const out = new Map<number, DistributorStats>(ids.map((id) => [id, this.empty()]));
    if (ids.length === 0) return out;
    const now = this.clock.now();
    const [visits, bound, sales, board] = await Promise.all([
      this.ds.getRepository(ReferralVisit).createQueryBuilder('v').select('v.distributorId', 'id').addSelect('COUNT(*)', 'n').where({ distributorId: In([...ids]) }).groupBy('v.distributorId').getRawMany(),
      this.boundCounts(ids, now),
      this.ds
        .getRepository(Commission)
        .createQueryBuilder('c')
        .select('c.distributorId', 'id')
        .addSelect('COUNT(*)', 'orders')
        .addSelect('COALESCE(SUM(c.baseCents), 0)', 'paid')
        .where({ distributorId: In([...ids]), level: 1 })
        .andWhere("c.status <> 'CANCELLED'")
        .groupBy('c.distributorId')
        .getRawMany(),
      this.leaderboard(),
    ]);
    for (const r of visits) out.get(num(r.id))!.visits = num(r.n);
    for (const [id, n] of bound) out.get(id)!.boundCustomers = n;
    for (const r of sales) Object.assign(out.get(num(r.id))!, { orders: num(r.orders), paidCents: num(r.paid) });
    for (const item of board.items) if (out.has(item.distributorId)) out.get(item.distributorId)!.monthRank = item.rank;
    return out;
  }

  /**
   * The store month's leaderboard (default: this month): approved distributors with attributed
   * orders in the month, by cash paid (after refunds), then commission, then who joined first.
   */
  async leaderboard(month?: string): Promise<DistributorLeaderboard> {
    const { timezone } = await this.settings.get();
    const [y, m] = month ? month.split('-').map(Number) : localDate(timezone, this.clock.now());
    const from = localToUtc(timezone, y, m, 1, 0);
    const to = m === 12 ? localToUtc(timezone, y + 1, 1, 1, 0) : localToUtc(timezone, y, m + 1, 1, 0);
    return { month: `${y}-${String(m).padStart(2, '0')}`, items: await this.ranking(from, to) };
  }

  /** The leaderboard's ranking of the commission accrued in [from, to); the first `limit` only when given (ranked in SQL). */
  async ranking(from: Date, to: Date, limit?: number): Promise<DistributorLeaderboard['items']> {
    const query = this.ds
      .getRepository(Commission)
      .createQueryBuilder('c')
      .innerJoin(Distributor, 'd', "d.id = c.distributorId AND d.status = 'APPROVED'")
      .select('c.distributorId', 'id')
      .addSelect("SUM(CASE WHEN c.level = 1 AND c.status <> 'CANCELLED' THEN 1 ELSE 0 END)", 'orders')
      .addSelect('SUM(CASE WHEN c.level = 1 THEN c.baseCents ELSE 0 END)', 'paid')
      .addSelect('SUM(c.amountCents)', 'commission')
      .where('c.createdAt >= :from AND c.createdAt < :to', { from, to })
      .groupBy('c.distributorId')
      .having("SUM(CASE WHEN c.level = 1 AND c.status <> 'CANCELLED' THEN 1 ELSE 0 END) > 0")
      .orderBy('paid', 'DESC')
      .addOrderBy('commission', 'DESC')
      .addOrderBy('id', 'ASC');
    if (limit) query.limit(limit);
    const ranked = (await query.getRawMany()).map((r) => ({ id: num(r.id), orders: num(r.orders), paid: num(r.paid), commission: num(r.commission) }));
    const ids = ranked.map((r) => r.id);
    const distributors = new Map((ids.length ? await this.ds.getRepository(Distributor).findBy({ id: In(ids) }) : []).map((d) => [d.id, d]));
    const customers = new Map(
      (distributors.size ? await this.ds.getRepository(Customer).findBy({ id: In([...distributors.values()].map((d) => d.customerId)) }) : []).map((c) => [c.id, c]),
    );
    const bound = await this.boundCounts(ids, this.clock.now());
    return ranked.map((r, i) => {
      const d = distributors.get(r.id)!;
      return {
        rank: i + 1,
        distributorId: r.id,
        nickname: customers.get(d.customerId)?.nickname ?? '',
        refCode: d.refCode ?? '',
        isGuide: d.isGuide,
        orders: r.orders,
        paidCents: r.paid,
        commissionCents: r.commission,
        boundCustomers: bound.get(r.id) ?? 0,
      };
    });
  }

  private async boundCounts(ids: readonly number[], now: Date): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ds
      .getRepository(ReferralBinding)
      .createQueryBuilder('b')
      .select('b.distributorId', 'id')
      .addSelect('COUNT(*)', 'n')
      .where({ distributorId: In([...ids]), expiresAt: MoreThan(now) })
      .groupBy('b.distributorId')
      .getRawMany();
    return new Map(rows.map((r) => [num(r.id), num(r.n)]));
  }
}
