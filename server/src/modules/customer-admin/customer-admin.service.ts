import { Injectable } from '@nestjs/common';
import type { AdminCustomerDetail, AdminCustomerRow, SegmentAudience } from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { notFound } from '../../common/errors';
import { skipTake, type Paged, type PageQuery } from '../../common/pagination';
import { likePattern } from '../catalog/catalog.service';
import { Coupon } from '../coupon/entities/coupon.entity';
import { Customer } from '../customer/entities/customer.entity';
import { Distributor } from '../distribution/entities/distributor.entity';
import { ReferralBinding } from '../distribution/entities/referral.entity';
import { CustomerGrowth } from '../membership/entities/customer-growth.entity';
import { MembershipPeriod } from '../membership/entities/membership-period.entity';
import { Membership } from '../membership/entities/membership.entity';
import { MembershipService } from '../membership/membership.service';
import { periodView } from '../membership/membership-sales.service';
import { TierService } from '../membership/tier.service';
import { Order } from '../order/entities/order.entity';
import { PointsAccount } from '../points/entities/points-account.entity';
import { PointsLedger } from '../points/entities/points-ledger.entity';
import { SegmentService } from '../segments/segment.service';

const LATEST = 10;


const tail = (phone: string | null) => (phone ? phone.slice(-4) : null);

/** The admin's read of customers: the list (one query for the page, one for its order figures) and one customer's page. */
@Injectable()
export class CustomerAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly membership: MembershipService,
    private readonly tiers: TierService,
    private readonly segments: SegmentService,
  ) {}

  /** `audience`: only the customers of a segment (客户分层), as `GET /api/admin/reports/segments/customers` finds them. */
  async list(q: string | undefined, page: PageQuery, audience?: SegmentAudience): Promise<Paged<AdminCustomerRow>> {
    const only = audience ? await this.segments.audienceIds(audience) : undefined;
    if (only && !only.length) return { items: [], total: 0 };
    const qb = this.ds
      .getRepository(Customer)
      .createQueryBuilder('c')
      .leftJoinAndMapOne('c.membership', Membership, 'm', 'm.customerId = c.id')
      .leftJoinAndMapOne('c.growth', CustomerGrowth, 'g', 'g.customerId = c.id')
      .leftJoinAndMapOne('c.points', PointsAccount, 'pa', 'pa.customerId = c.id')
      .leftJoinAndMapOne('c.binding', ReferralBinding, 'rb', 'rb.customerId = c.id AND rb.expiresAt > :now', { now: this.clock.now() })
      .leftJoinAndMapOne('c.distributor', Distributor, 'd', 'd.id = rb.distributorId')
      .leftJoinAndMapOne('c.distributorCustomer', Customer, 'dc', 'dc.id = d.customerId')
      .orderBy('c.id', 'DESC');
    const text = (q ?? '').trim();
    if (text) {
      const digits = /^\d{3,}$/.test(text);
      // digits only in a tail, so its pattern needs no escaping
      qb.where(digits ? "(c.nickname LIKE :name ESCAPE '!' OR c.phone LIKE :tail)" : "c.nickname LIKE :name ESCAPE '!'", { name: likePattern(text), tail: `%${text}` });
    }
    if (only) qb.andWhere('c.id IN (:...only)', { only });
    const { skip, take } = skipTake(page);
    // every join is to one row (or none), so offset/limit page customers exactly, in one query (plus the count)
    const [customers, total] = await qb.offset(skip).limit(take).getManyAndCount();
    const [figures, tiers] = await Promise.all([this.orderFigures(customers.map((c) => c.id)), this.tiers.tiers()]);
    return {
      items: customers.map((c) => {
        const x = c as Customer & Joined;
        const f = figures.get(c.id);
        const card = this.membership.statusOf(x.membership ?? null);
        return {
          id: c.id,
          nickname: c.nickname,
          avatarUrl: c.avatarUrl,
          phoneTail: tail(c.phone),
          isMember: card.isMember,
          memberUntil: card.memberUntil?.toISOString() ?? null,
          tierName: TierService.tierFor(tiers, x.growth?.growth ?? 0)?.name ?? null,
          pointsBalance: Number(x.points?.balance ?? 0),
          ordersCount: f?.orders ?? 0,
          paidCents: f?.paidCents ?? 0,
          boundDistributor:
            x.binding && x.distributor
              ? { distributorId: x.distributor.id, nickname: x.distributorCustomer?.nickname ?? '', expiresAt: x.binding.expiresAt.toISOString() }
              : null,
          createdAt: c.createdAt.toISOString(),
        };
      }),
      total,
    };
  }

  /** Paid orders (every kind, whatever happened after) and what was paid for them, per customer: one grouped query. */
  private async orderFigures(ids: number[]): Promise<Map<number, { orders: number; paidCents: number }>> {
    if (!ids.length) return new Map();
    const rows = await this.ds
      .getRepository(Order)
      .createQueryBuilder('o')
      .select('o.customerId', 'customerId')
      .addSelect('COUNT(*)', 'orders')
      .addSelect('COALESCE(SUM(o.payableCents), 0)', 'paidCents')
      .where('o.customerId IN (:...ids) AND o.paidAt IS NOT NULL', { ids })
      .groupBy('o.customerId')
      .getRawMany<{ customerId: number; orders: string; paidCents: string }>();
    return new Map(rows.map((r) => [Number(r.customerId), { orders: Number(r.orders), paidCents: Number(r.paidCents) }]));
  }

  async detail(id: number): Promise<AdminCustomerDetail> {
    const em = this.ds.manager;
    const customer = await em.findOneBy(Customer, { id });
    if (!customer) throw notFound('客户');
    const now = this.clock.now();
    const [membership, periods, growth, points, ledger, coupons, binding, ownDistributor, orders, figures] = await Promise.all([
      em.findOneBy(Membership, { customerId: id }),
      em.find(MembershipPeriod, { where: { customerId: id }, order: { id: 'DESC' }, take: LATEST }),
      em.findOneBy(CustomerGrowth, { customerId: id }),
      em.findOneBy(PointsAccount, { customerId: id }),
      em.find(PointsLedger, { where: { customerId: id }, order: { id: 'DESC' }, take: LATEST }),
      em.find(Coupon, { where: { customerId: id, status: 'USABLE' }, order: { validUntil: 'ASC' } }),
      em.findOneBy(ReferralBinding, { customerId: id }),
      em.findOneBy(Distributor, { customerId: id }),
      em.find(Order, { where: { customerId: id }, order: { id: 'DESC' }, take: LATEST }),
      this.orderFigures([id]),
    ]);
    const standing = TierService.standingOf(await this.tiers.tiers(), growth?.growth ?? 0);
    const card = this.membership.statusOf(membership);
    const bound = binding && binding.expiresAt > now ? binding : null;
    const boundTo = bound ? await em.findOneBy(Distributor, { id: bound.distributorId }) : null;
    const boundName = boundTo ? (await em.findOneBy(Customer, { id: boundTo.customerId }))?.nickname ?? '' : '';
    const f = figures.get(id);
    return {
      id: customer.id,
      nickname: customer.nickname,
      avatarUrl: customer.avatarUrl,
      phoneTail: tail(customer.phone),
      birthday: customer.birthday,
      createdAt: customer.createdAt.toISOString(),
      lastLoginAt: customer.lastLoginAt.toISOString(),
      card: {
        isMember: card.isMember,
        memberUntil: card.memberUntil?.toISOString() ?? null,
        periods: periods.map(periodView),
      },
      tier: { tierId: standing.tier?.id ?? null, name: standing.tier?.name ?? null, growth: standing.growth, nextTier: standing.nextTier },
      points: {
        balance: Number(points?.balance ?? 0),
        latest: ledger.map((e) => ({ id: e.id, kind: e.kind, delta: Number(e.delta), balanceAfter: Number(e.balanceAfter), memo: e.memo, orderId: e.orderId, createdAt: e.createdAt.toISOString() })),
      },
      coupons: coupons.map((c) => ({ id: c.id, templateId: c.templateId, title: c.title, status: c.status, source: c.source, validFrom: c.validFrom.toISOString(), validUntil: c.validUntil.toISOString() })),
      boundDistributor: bound && boundTo ? { distributorId: boundTo.id, nickname: boundName, boundAt: bound.boundAt.toISOString(), expiresAt: bound.expiresAt.toISOString() } : null,
      distributor: ownDistributor ? { id: ownDistributor.id, status: ownDistributor.status, refCode: ownDistributor.refCode, isGuide: ownDistributor.isGuide } : null,
      orders: {
        count: f?.orders ?? 0,
        paidCents: f?.paidCents ?? 0,
        latest: orders.map((o) => ({ id: o.id, orderNo: o.orderNo, kind: o.kind, status: o.status, payableCents: o.payableCents, refundedCents: o.refundedCents, createdAt: o.createdAt.toISOString() })),
      },
    };
  }
}

interface Joined {
  membership?: Membership;
  growth?: CustomerGrowth;
  points?: PointsAccount;
  binding?: ReferralBinding;
  distributor?: Distributor;
  distributorCustomer?: Customer;
}
