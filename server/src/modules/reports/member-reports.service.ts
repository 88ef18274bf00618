import { Injectable } from '@nestjs/common';
import {
  addDays,
  monthsEnding,
  REPURCHASE_WINDOW_DAYS,
  storeDayAt,
  storeDayStart,
  type Cohort,
  type CohortsReport,
  type LtvPoint,
  type MemberSideFigures,
  type MembersReport,
  type MembershipConversion,
  type RepurchaseWindow,
} from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { MembershipPlan } from '../membership/entities/membership-plan.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { heldCardOn, msBetween, reportRows, shareBp } from './report-sql';

const GOODS = { goods: 'GOODS', card: 'MEMBER_CARD' };

/** The member reports of the dashboard (docs/reports.md, "Member reports"): SQL aggregates, nothing loaded row by row. */
@Injectable()
export class MemberReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  /**
   * Over orders paid in [from, to): goods buyers and those of them who bought a card, card sales by plan with the
   * renewals among them, and fast card refunds completed in the range. Three aggregate queries on `ix_order_paid`
   * and `ix_refund_refunded`.
   */
  async membershipConversion(from: Date, to: Date): Promise<MembershipConversion> {
    const range = { ...GOODS, from, to };
    // a renewal: the customer has an earlier card period not refunded by the time this one was bought
    const renewal = `EXISTS (SELECT 1 FROM \`membership_period\` cur JOIN \`membership_period\` prev ON prev.customerId = cur.customerId AND prev.id < cur.id
      WHERE cur.orderId = o.id AND (prev.refundedAt IS NULL OR prev.refundedAt > cur.purchasedAt))`;
    const [[buyers], sales, [fast], plans] = await Promise.all([
      reportRows(
        this.ds,
        `SELECT COUNT(*) AS buyers, SUM(b.card) AS converted FROM (
           SELECT o.customerId, MAX(CASE WHEN o.kind = :goods THEN 1 ELSE 0 END) AS goods, MAX(CASE WHEN o.kind = :card THEN 1 ELSE 0 END) AS card
           FROM \`shop_order\` o WHERE o.paidAt >= :from AND o.paidAt < :to AND o.kind IN (:goods, :card) GROUP BY o.customerId) b
         WHERE b.goods = 1`,
        range,
      ),
      reportRows(
        this.ds,
        `SELECT o.membershipPlanId AS planId, COUNT(*) AS count, SUM(o.payableCents) AS amountCents,
           SUM(CASE WHEN ${renewal} THEN 1 ELSE 0 END) AS renewals, SUM(CASE WHEN ${renewal} THEN o.payableCents ELSE 0 END) AS renewalCents
         FROM \`shop_order\` o WHERE o.paidAt >= :from AND o.paidAt < :to AND o.kind = :card GROUP BY o.membershipPlanId ORDER BY o.membershipPlanId`,
        range,
      ),
      // fast refunds are the card refunds approved automatically (staff-reviewed ones carry the reviewer's note)
      reportRows(
        this.ds,
        `SELECT COUNT(*) AS n, SUM(r.amountCents) AS cents FROM \`refund\` r JOIN \`shop_order\` o ON o.id = r.orderId
         WHERE r.refundedAt >= :from AND r.refundedAt < :to AND r.status = :refunded AND r.reviewNote = :automatic AND o.kind = :card AND o.paidAt IS NOT NULL`,
        { ...range, refunded: 'REFUNDED', automatic: 'automatic' },
      ),
      this.ds.getRepository(MembershipPlan).find({ select: { id: true, name: true } }),
    ]);
    const nameOf = new Map(plans.map((p) => [p.id, p.name]));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      buyers: buyers.buyers,
      buyersWhoBoughtCard: buyers.converted,
      conversionBp: shareBp(buyers.converted, buyers.buyers),
      cardSalesByPlan: sales.map((s) => ({ planId: s.planId, name: nameOf.get(s.planId) ?? '', count: s.count, amountCents: s.amountCents })),
      renewals: sales.reduce((n, s) => n + s.renewals, 0),
      renewalCents: sales.reduce((n, s) => n + s.renewalCents, 0),
      fastRefunds: fast.n,
      fastRefundCents: fast.cents,
    };
  }

  /** Members against the rest over the goods orders paid in store days [fromDay, toDay], their repurchase, and card sales. */
  async members(fromDay: string, toDay: string): Promise<MembersReport> {
    const { timezone } = await this.settings.get();
    const now = this.clock.now();
    const range = { ...GOODS, s: storeDayStart(timezone, fromDay), e: storeDayStart(timezone, addDays(toDay, 1)) };
    const cuts = Object.fromEntries(REPURCHASE_WINDOW_DAYS.map((d) => [`cut${d}`, new Date(now.getTime() - d * DAY_MS)]));
    const gap = msBetween(this.ds, 'f.firstAt', 'f.nextAt');
    const windowColumns = REPURCHASE_WINDOW_DAYS.map(
      (d) => `SUM(CASE WHEN f.firstAt <= :cut${d} THEN 1 ELSE 0 END) AS base${d},
        SUM(CASE WHEN f.firstAt <= :cut${d} AND f.nextAt IS NOT NULL AND ${gap} <= ${d * DAY_MS} THEN 1 ELSE 0 END) AS rep${d}`,
    ).join(', ');
    const [cards, sides, repurchase] = await Promise.all([
      this.membershipConversion(range.s, range.e),
      reportRows(
        this.ds,
        `SELECT g.member, COUNT(*) AS orders, COUNT(DISTINCT g.customerId) AS customers, SUM(g.payableCents) AS paidCents, SUM(g.refundedCents) AS refundedCents
         FROM (SELECT o.customerId, o.payableCents, o.refundedCents, MAX(CASE WHEN hc.id IS NULL THEN 0 ELSE 1 END) AS member
               FROM \`shop_order\` o LEFT JOIN \`membership_period\` hc ON ${heldCardOn('hc', 'o')}
               WHERE o.paidAt >= :s AND o.paidAt < :e AND o.kind = :goods GROUP BY o.id, o.customerId, o.payableCents, o.refundedCents) g
         GROUP BY g.member`,
        range,
      ),
      // each customer's first goods order paid in the range (a loose scan of ix_order_customer_kind_paid), whether they
      // held a card then, and their next goods order (one probe of the same index)
      reportRows(
        this.ds,
        `SELECT f.member, ${windowColumns} FROM (
           SELECT o.customerId, o.paidAt AS firstAt, MAX(CASE WHEN hc.id IS NULL THEN 0 ELSE 1 END) AS member,
             (SELECT MIN(n.paidAt) FROM \`shop_order\` n WHERE n.kind = :goods AND n.customerId = o.customerId AND n.paidAt > o.paidAt) AS nextAt
           FROM (SELECT m.customerId, MIN(m.paidAt) AS firstAt FROM \`shop_order\` m WHERE m.paidAt >= :s AND m.paidAt < :e AND m.kind = :goods GROUP BY m.customerId) fx
           JOIN \`shop_order\` o ON o.kind = :goods AND o.customerId = fx.customerId AND o.paidAt = fx.firstAt
           LEFT JOIN \`membership_period\` hc ON ${heldCardOn('hc', 'o')}
           GROUP BY o.customerId, o.paidAt) f
         GROUP BY f.member`,
        { ...range, ...cuts },
      ),
    ]);
    const side = (member: number) => sides.find((r) => r.member === member) ?? { orders: 0, customers: 0, paidCents: 0, refundedCents: 0 };
    const totalGmv = sides.reduce((n, r) => n + r.paidCents - r.refundedCents, 0);
    const figures = (member: number): MemberSideFigures => {
      const r = side(member);
      const gmvCents = r.paidCents - r.refundedCents;
      return {
        orders: r.orders,
        customers: r.customers,
        paidCents: r.paidCents,
        refundedCents: r.refundedCents,
        gmvCents,
        avgOrderCents: r.orders === 0 ? 0 : Math.floor(r.paidCents / r.orders),
        ordersPerCustomerBp: shareBp(r.orders, r.customers),
        gmvShareBp: shareBp(gmvCents, totalGmv),
      };
    };
    const windows = (member: number): RepurchaseWindow[] => {
      const r = repurchase.find((x) => x.member === member);
      return REPURCHASE_WINDOW_DAYS.map((days) => {
        const customers = r?.[`base${days}`] ?? 0;
        const repurchased = r?.[`rep${days}`] ?? 0;
        return { days, customers, repurchased, rateBp: shareBp(repurchased, customers) };
      });
    };
    return { from: fromDay, to: toDay, member: figures(1), nonMember: figures(0), repurchase: { member: windows(1), nonMember: windows(0) }, cards };
  }

  /**
   * Cohorts of the last `count` store months by the month of each customer's first paid goods order: who ordered again
   * in each later month, and the value (paid − refunded, every order kind) per customer up to each month's end.
   * Two aggregate queries whatever the number of customers.
   */
  async cohorts(count: number): Promise<CohortsReport> {
    const { timezone } = await this.settings.get();
    const months = monthsEnding(storeDayAt(timezone, this.clock.now()).slice(0, 7), count);
    const n = months.length;
    const params: Record<string, unknown> = { ...GOODS, refunded: 'REFUNDED' };
    months.forEach((m, i) => (params[`m${i}`] = storeDayStart(timezone, `${m}-01`)));
    // the month (0 … n-1) a time at or after :m0 falls in, by comparison with each month's start: no date function
    const monthOf = (col: string) => (n === 1 ? '0' : `CASE ${months.slice(1).map((_, k) => `WHEN ${col} < :m${k + 1} THEN ${k}`).join(' ')} ELSE ${n - 1} END`);
    // per cohort customer, materialised once (the GROUP BY): the first paid goods order (read from
    // ix_order_customer_kind_paid alone) and whether they bought a card not refunded in full
    const cohort = `(SELECT x.customerId, x.firstAt, CASE WHEN x.customerId IN (SELECT k.customerId FROM \`shop_order\` k
          WHERE k.kind = :card AND k.paidAt IS NOT NULL AND k.refundedCents < k.payableCents) THEN 1 ELSE 0 END AS member
        FROM (SELECT fo.customerId, MIN(fo.paidAt) AS firstAt FROM \`shop_order\` fo WHERE fo.kind = :goods AND fo.paidAt IS NOT NULL GROUP BY fo.customerId) x
        WHERE x.firstAt >= :m0 GROUP BY x.customerId, x.firstAt)`;
    const [orders, refunds] = await Promise.all([
      reportRows(
        this.ds,
        `SELECT ${monthOf('f.firstAt')} AS ci, ${monthOf('o.paidAt')} AS mi, f.member,
           COUNT(DISTINCT CASE WHEN o.kind = :goods THEN o.customerId END) AS active, SUM(o.payableCents) AS paidCents
         FROM ${cohort} f JOIN \`shop_order\` o ON o.customerId = f.customerId AND o.paidAt >= :m0
         GROUP BY ci, mi, f.member`,
        params,
      ),
      // refunds on orders paid from the first month, by the month the money went back and the month of the order
      reportRows(
        this.ds,
        `SELECT ${monthOf('f.firstAt')} AS ci, ${monthOf('r.refundedAt')} AS mi, ${monthOf('o.paidAt')} AS oi, f.member, SUM(r.amountCents) AS refundedCents
         FROM ${cohort} f JOIN \`refund\` r ON r.customerId = f.customerId AND r.status = :refunded
         JOIN \`shop_order\` o ON o.id = r.orderId AND o.paidAt >= :m0
         GROUP BY ci, mi, oi, f.member`,
        params,
      ),
    ]);
    // cell[ci][mi][member]: active goods buyers and value (paid − refunded) in that month
    const cell = Array.from({ length: n }, () => Array.from({ length: n }, () => [0, 1].map(() => ({ active: 0, valueCents: 0 }))));
    // orders paid before the cohort month (a card before the first goods), and refunds on them, are left out
    for (const r of orders.filter((x) => x.mi >= x.ci)) {
      cell[r.ci][r.mi][r.member].active = r.active;
      cell[r.ci][r.mi][r.member].valueCents += r.paidCents;
    }
    for (const r of refunds.filter((x) => x.oi >= x.ci)) cell[r.ci][r.mi][r.member].valueCents -= r.refundedCents;

    // every cohort customer paid a goods order in the cohort month: its own size is the month's active buyers
    const sizeOf = (ci: number, member: number) => cell[ci][ci][member].active;
    const valueTo = (ci: number, mi: number, member: number) => cell[ci].slice(ci, mi + 1).reduce((s, byMember) => s + byMember[member].valueCents, 0);
    const cohorts: Cohort[] = months.map((month, ci) => {
      const customers = sizeOf(ci, 0) + sizeOf(ci, 1);
      const offsets = Array.from({ length: n - ci }, (_, k) => ci + k);
      return {
        month,
        customers,
        retainedBp: offsets.map((mi) => shareBp(cell[ci][mi][0].active + cell[ci][mi][1].active, customers) ?? 0),
        ltvCents: offsets.map((mi) => (customers === 0 ? 0 : Math.floor((valueTo(ci, mi, 0) + valueTo(ci, mi, 1)) / customers))),
      };
    });
    const ltv: LtvPoint[] = Array.from({ length: n }, (_, offset) => {
      const reached = months.map((_, ci) => ci).filter((ci) => ci + offset < n);
      const sum = (f: (ci: number) => number) => reached.reduce((s, ci) => s + f(ci), 0);
      const members = sum((ci) => sizeOf(ci, 1));
      const nonMembers = sum((ci) => sizeOf(ci, 0));
      return {
        offset,
        members,
        memberLtvCents: members === 0 ? null : Math.floor(sum((ci) => valueTo(ci, ci + offset, 1)) / members),
        nonMembers,
        nonMemberLtvCents: nonMembers === 0 ? null : Math.floor(sum((ci) => valueTo(ci, ci + offset, 0)) / nonMembers),
      };
    });
    return { months, cohorts, ltv };
  }
}
