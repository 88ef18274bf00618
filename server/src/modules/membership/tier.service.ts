import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ConfigCache } from '../../common/config-cache';
import { rowLock } from '../../common/tx';
import { OrderEvents } from '../order/order-events';
import { CustomerGrowth } from './entities/customer-growth.entity';
import { GrowthLedger } from './entities/growth-ledger.entity';
import { Tier } from './entities/tier.entity';

/** Growth per yuan paid on completed orders (1 point of growth per yuan). */
const FEN_PER_GROWTH = 100;

export interface TierStanding {
  growth: number;
  tier: { id: number; name: string; discountBp: number; pointsMultiplierBp: number } | null;
  nextTier: { id: number; name: string; growthThreshold: number; growthNeeded: number } | null;
}

/** Growth value and tiers: growth comes from completed orders, refunds take it back, tier follows. */
@Injectable()
export class TierService implements OnModuleInit, OnModuleDestroy {
  /** Tiers price every checkout (discount, points multiplier) and change rarely: see ConfigCache. */
  private readonly cache: ConfigCache<Tier[]>;

  constructor(
    ds: DataSource,
    private readonly clock: Clock,
    private readonly events: OrderEvents,
  ) {
    this.cache = new ConfigCache(ds, [Tier], 5_000, (em) => em.find(Tier, { order: { growthThreshold: 'ASC', id: 'ASC' } }));
  }

  onModuleInit(): void {
    // growth follows the cash a completed goods order kept: its completion, then each refund
    this.events.register('tiers', {
      completed: async (tx, { order }) => {
        if (order.kind === 'GOODS') await this.settleOrder(tx.em, order, 'complete');
      },
      refunded: async (tx, { order, refund }) => {
        if (order.status === 'COMPLETED' && order.kind === 'GOODS') await this.settleOrder(tx.em, order, `refund:${refund.refundNo}`);
      },
    });
  }

  onModuleDestroy(): void {
    this.cache.close();
  }

  /** All tiers, lowest threshold first (frozen). */
  tiers(em?: EntityManager): Promise<readonly Tier[]> {
    return this.cache.get(em);
  }

  static tierFor(tiers: readonly Tier[], growth: number): Tier | null {
    return [...tiers].reverse().find((t) => t.growthThreshold <= growth) ?? null;
  }

  static standingOf(tiers: readonly Tier[], growth: number): TierStanding {
    const tier = TierService.tierFor(tiers, growth);
    const next = tiers.find((t) => t.growthThreshold > growth) ?? null;
    return {
      growth,
      tier: tier && { id: tier.id, name: tier.name, discountBp: tier.discountBp, pointsMultiplierBp: tier.pointsMultiplierBp },
      nextTier: next && { id: next.id, name: next.name, growthThreshold: next.growthThreshold, growthNeeded: next.growthThreshold - growth },
    };
  }

  /**
   * Brings an order's growth to floor(kept fen / 100), where kept = paid − refunded: one ledger
   * entry per event (completion, each refund), the balance and tier updated in the same transaction.
   */
  async settleOrder(em: EntityManager, order: { id: number; customerId: number; payableCents: number; refundedCents: number }, event: string): Promise<void> {
    const target = Math.floor(Math.max(0, order.payableCents - order.refundedCents) / FEN_PER_GROWTH);
    const granted = await em
      .createQueryBuilder(GrowthLedger, 'g')
      .select('COALESCE(SUM(g.delta), 0)', 'sum')
      .where('g.orderId = :orderId', { orderId: order.id })
      .getRawOne<{ sum: string | number }>();
    const delta = target - Number(granted?.sum ?? 0);
    if (delta === 0) return;
    const now = this.clock.now();
    await em.createQueryBuilder().insert().into(CustomerGrowth).values({ customerId: order.customerId, growth: 0, tierId: null, updatedAt: now }).orIgnore().execute();
    const row = await em.findOneOrFail(CustomerGrowth, { where: { customerId: order.customerId }, lock: rowLock(em) });
    const growth = row.growth + delta;
    await em.insert(GrowthLedger, { customerId: order.customerId, orderId: order.id, event, delta, balanceAfter: growth, at: now });
    const tier = TierService.tierFor(await this.tiers(em), growth);
    await em.update(CustomerGrowth, { customerId: order.customerId }, { growth, tierId: tier?.id ?? null, updatedAt: now });
  }
}
