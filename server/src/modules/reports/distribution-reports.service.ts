import { Injectable } from '@nestjs/common';
import { addDays, storeDayStart, type DistributionReport } from '@mc/shared';
import { DataSource } from 'typeorm';
import { DistributionStatsService } from '../distribution/distribution-stats.service';
import { Commission } from '../distribution/entities/commission.entity';
import { Distributor } from '../distribution/entities/distributor.entity';
import { ReferralVisit } from '../distribution/entities/referral.entity';
import { Order } from '../order/entities/order.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { shareBp } from './report-sql';

type Raw = Record<string, string | number | null>;
const num = (v: unknown) => Number(v ?? 0);
const TOP = 10;

/**
 * The dashboard's distribution figures for a range of store days (docs/reports.md "Distribution reports"): aggregate
 * queries over the orders paid in the range (`ix_order_paid`) and their commission rows, the visits
 * (`ix_referral_visit_created`) and the commission accrued in it (`ix_commission_created`); the top ten are the
 * leaderboard's ranking.
 */
@Injectable()
export class DistributionReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: StoreSettingsService,
    private readonly stats: DistributionStatsService,
  ) {}

  async report(from: string, to: string): Promise<DistributionReport> {
    const { timezone } = await this.settings.get();
    const s = storeDayStart(timezone, from);
    const e = storeDayStart(timezone, addDays(to, 1));
    const [sales, funnel, top, commission, acquisition] = await Promise.all([
      this.sales(s, e),
      this.funnel(s, e),
      this.stats.ranking(s, e, TOP),
      this.commission(s, e),
      this.acquisition(s, e),
    ]);
    return { from, to, sales, funnel, top, commission, acquisition };
  }

  /**
   * What the orders paid in the range brought in (after their refunds so far), and the part attributed to distributors
   * and guides. Two queries: the total over `ix_order_paid`, the attributed part from the level-1 commission rows (far
   * fewer than the orders) to their orders, whichever side the optimizer finds smaller.
   */
  private async sales(s: Date, e: Date): Promise<DistributionReport['sales']> {
    const net = 'o.payableCents - o.refundedCents';
    const paidIn = 'o.paidAt >= :s AND o.paidAt < :e';
    const [all, attributed] = await Promise.all([
      this.ds.getRepository(Order).createQueryBuilder('o').select(`SUM(${net})`, 'total').where(paidIn, { s, e }).getRawOne<Raw>(),
      this.ds
        .getRepository(Commission)
        .createQueryBuilder('c')
        .innerJoin(Order, 'o', 'o.id = c.orderId')
        .innerJoin(Distributor, 'd', 'd.id = c.distributorId')
        .select(`SUM(${net})`, 'distributor')
        .addSelect(`SUM(CASE WHEN d.isGuide THEN ${net} ELSE 0 END)`, 'guide')
        .where(`c.level = 1 AND ${paidIn}`, { s, e })
        .getRawOne<Raw>(),
    ]);
    const [totalCents, distributorCents, guideCents] = [num(all?.total), num(attributed?.distributor), num(attributed?.guide)];
    return { totalCents, distributorCents, guideCents, distributorBp: shareBp(distributorCents, totalCents), guideBp: shareBp(guideCents, totalCents) };
  }

  /** Visits → customers bound anew → those of them who then paid an attributed order, all in the range. */
  private async funnel(s: Date, e: Date): Promise<DistributionReport['funnel']> {
    const bound = `v.outcome IN ('BOUND', 'REBOUND')`;
    const boughtAfter = this.ds
      .createQueryBuilder()
      .select('1')
      .from(Commission, 'c')
      .where('c.buyerId = v.customerId AND c.level = 1 AND c.createdAt >= v.createdAt AND c.createdAt < :e')
      .getQuery();
    const r = await this.ds
      .getRepository(ReferralVisit)
      .createQueryBuilder('v')
      .select('COUNT(*)', 'visits')
      .addSelect('COUNT(DISTINCT v.customerId)', 'visitors')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${bound} THEN v.customerId END)`, 'bound')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${bound} AND EXISTS (${boughtAfter}) THEN v.customerId END)`, 'buyers')
      .where('v.createdAt >= :s AND v.createdAt < :e', { s, e })
      .getRawOne<Raw>();
    return { visits: num(r?.visits), visitors: num(r?.visitors), bound: num(r?.bound), buyers: num(r?.buyers) };
  }

  /** The commission accrued in the range (both levels, after refunds) by its status now. */
  private async commission(s: Date, e: Date): Promise<DistributionReport['commission']> {
    const r = await this.ds
      .getRepository(Commission)
      .createQueryBuilder('c')
      .select(`SUM(CASE WHEN c.status = 'PENDING' THEN c.amountCents ELSE 0 END)`, 'pending')
      .addSelect(`SUM(CASE WHEN c.status = 'SETTLED' THEN c.amountCents ELSE 0 END)`, 'settled')
      .addSelect(`SUM(CASE WHEN c.status = 'WITHDRAWN' THEN c.amountCents ELSE 0 END)`, 'withdrawn')
      .where('c.createdAt >= :s AND c.createdAt < :e', { s, e })
      .getRawOne<Raw>();
    return { pendingCents: num(r?.pending), settledCents: num(r?.settled), withdrawnCents: num(r?.withdrawn) };
  }

  /**
   * New buyers won through distributors: customers with no order paid before the range who paid an attributed order
   * in it, and the commission (both levels) on those orders. From the commission rows to their orders paid in the
   * range; "paid before" is one probe of `ix_order_customer_paid` per row.
   */
  private async acquisition(s: Date, e: Date): Promise<DistributionReport['acquisition']> {
    const firstPaid = this.ds.createQueryBuilder().select('MIN(p.paidAt)').from(Order, 'p').where('p.customerId = o.customerId').getQuery();
    const r = await this.ds
      .getRepository(Commission)
      .createQueryBuilder('c')
      .innerJoin(Order, 'o', 'o.id = c.orderId')
      .select('COUNT(DISTINCT o.customerId)', 'customers')
      .addSelect('SUM(c.amountCents)', 'commission')
      .where(`o.paidAt >= :s AND o.paidAt < :e AND (${firstPaid}) >= :s`, { s, e })
      .getRawOne<Raw>();
    const customers = num(r?.customers);
    const commissionCents = num(r?.commission);
    return { customers, commissionCents, costPerCustomerCents: customers === 0 ? null : Math.floor(commissionCents / customers) };
  }
}
