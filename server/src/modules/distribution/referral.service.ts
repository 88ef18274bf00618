import { Injectable } from '@nestjs/common';
import { bindsCustomer, decideBinding, type BindingOutcome, type BoundCustomerView } from '@mc/shared';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { Customer } from '../customer/entities/customer.entity';
import { Commission } from './entities/commission.entity';
import { Clock } from '../../common/clock';
import { withTx, type Tx } from '../../common/tx';
import { CustomerService } from '../customer/customer.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Distributor } from './entities/distributor.entity';
import { ReferralBinding, ReferralVisit, type VisitSource } from './entities/referral.entity';

/** How far up a distributor's chain a cycle is looked for. */
const UPLINE_DEPTH = 10;

/**
 * Binding customers to distributors (domain.md "KOC distributors", the rule is shared's
 * `decideBinding`): every visit through a share link (at login or later) is recorded with what it
 * did, under the customer's row lock so one customer's visits are decided one after the other.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly customers: CustomerService,
  ) {}

  async visit(customerId: number, refCode: string, source: VisitSource): Promise<{ bound: boolean; outcome: BindingOutcome }> {
    const s = await this.settings.get();
    return withTx(this.ds, async (tx) => {
      const { em } = tx;
      const now = this.clock.now();
      await this.customers.lock(tx, customerId);
      const d = await em.findOneBy(Distributor, { refCode });
      const current = await em.findOneBy(ReferralBinding, { customerId });
      const decision = decideBinding({
        now,
        mode: s.referralBindingMode,
        bindingDays: s.referralBindingDays,
        customerId,
        distributor: d && { id: d.id, customerId: d.customerId, status: d.status },
        current,
        upline: d ? await this.upline(em, d.customerId, now) : [],
      });
      if (decision.binding) {
        const row = { customerId, distributorId: decision.binding.distributorId, expiresAt: decision.binding.expiresAt };
        if (current) await em.update(ReferralBinding, { customerId }, decision.outcome === 'RENEWED' ? row : { ...row, boundAt: now });
        else await em.insert(ReferralBinding, { ...row, boundAt: now });
      }
      await tx.insertLater(ReferralVisit, [{ customerId, distributorId: d?.id ?? null, refCode: refCode.slice(0, 16), source, outcome: decision.outcome, createdAt: now }]);
      return { bound: bindsCustomer(decision.outcome), outcome: decision.outcome };
    });
  }

  /** The customer's distributor now: an active binding to an approved distributor, or null. */
  async activeDistributor(tx: Tx, customerId: number, now: Date): Promise<Distributor | null> {
    const b = await tx.em.findOneBy(ReferralBinding, { customerId });
    if (!b || b.expiresAt.getTime() <= now.getTime()) return null;
    const d = await tx.em.findOneBy(Distributor, { id: b.distributorId });
    return d && d.status === 'APPROVED' ? d : null;
  }

  /** The distributor's customers bound now, newest first, with what each bought through them. */
  async boundCustomers(distributorCustomerId: number, q: PageQuery): Promise<Paged<BoundCustomerView>> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ customerId: distributorCustomerId });
    if (!d) return { items: [], total: 0 };
    const [rows, total] = await this.ds
      .getRepository(ReferralBinding)
      .findAndCount({ where: { distributorId: d.id, expiresAt: MoreThan(this.clock.now()) }, order: { boundAt: 'DESC', customerId: 'DESC' }, ...skipTake(q) });
    if (rows.length === 0) return { items: [], total };
    const ids = rows.map((r) => r.customerId);
    const customers = new Map((await this.ds.getRepository(Customer).findBy({ id: In(ids) })).map((c) => [c.id, c]));
    const sales = await this.ds
      .getRepository(Commission)
      .createQueryBuilder('c')
      .select('c.buyerId', 'id')
      .addSelect('COUNT(*)', 'orders')
      .addSelect('COALESCE(SUM(c.baseCents), 0)', 'paid')
      .where({ distributorId: d.id, level: 1, buyerId: In(ids) })
      .andWhere("c.status <> 'CANCELLED'")
      .groupBy('c.buyerId')
      .getRawMany();
    const byBuyer = new Map(sales.map((r) => [Number(r.id), r]));
    return {
      items: rows.map((b) => {
        const c = customers.get(b.customerId);
        const s = byBuyer.get(b.customerId);
        return {
          customerId: b.customerId,
          nickname: c?.nickname ?? '',
          avatarUrl: c?.avatarUrl || null,
          boundAt: b.boundAt.toISOString(),
          expiresAt: b.expiresAt.toISOString(),
          orders: Number(s?.orders ?? 0),
          paidCents: Number(s?.paid ?? 0),
        };
      }),
      total,
    };
  }

  /** The customers above `customerId`: who they are actively bound to (the distributor's customer), and so on. */
  private async upline(em: EntityManager, customerId: number, now: Date): Promise<number[]> {
    const chain: number[] = [];
    let at = customerId;
    for (let i = 0; i < UPLINE_DEPTH; i++) {
      const b = await em.findOneBy(ReferralBinding, { customerId: at });
      if (!b || b.expiresAt.getTime() <= now.getTime()) break;
      const d = await em.findOneBy(Distributor, { id: b.distributorId });
      if (!d || chain.includes(d.customerId)) break;
      chain.push(d.customerId);
      at = d.customerId;
    }
    return chain;
  }
}
