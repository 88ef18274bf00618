import { Injectable } from '@nestjs/common';
import type { PricingBuyer } from '@mc/shared';
import { managerOf, type Db } from '../../database/sql';
import { readCustomerStanding } from './customer-standing';
import { Tier } from './entities/tier.entity';
import { MembershipService } from './membership.service';
import { TierService } from './tier.service';

/** Who is buying, as the price pipeline and the member-day audiences see them. */
export interface Buyer {
  pricing: PricingBuyer;
  growth: number;
  tiers: readonly Tier[];
}

/** A buyer with this card status, growth and points; the tier follows from the ladder. */
export function buyerOf(tiers: readonly Tier[], standing: { isMember: boolean; growth: number; pointsBalance: number }): Buyer {
  const { tier } = TierService.standingOf(tiers, standing.growth);
  const pricing: PricingBuyer = {
    isMember: standing.isMember,
    tierDiscountBp: tier?.discountBp ?? 10_000,
    tierPointsMultiplierBp: tier?.pointsMultiplierBp ?? 10_000,
    tierId: tier ? String(tier.id) : null,
    tierName: tier?.name ?? null,
    pointsBalance: standing.pointsBalance,
  };
  return { pricing, growth: standing.growth, tiers };
}

@Injectable()
export class BuyerService {
  constructor(
    private readonly membership: MembershipService,
    private readonly tiers: TierService,
  ) {}

  /**
   * A customer as a buyer: one query for membership, growth and the points balance, the tiers from
   * the cache. No customer (a visitor not signed in): a new customer's standing.
   */
  async of(db: Db, customerId: number | null): Promise<Buyer> {
    const [row, tiers] = await Promise.all([customerId === null ? null : readCustomerStanding(db, { id: customerId }), this.tiers.tiers(managerOf(db))]);
    return buyerOf(tiers, {
      isMember: this.membership.statusOf(row?.membership ?? null).isMember,
      growth: row?.growth?.growth ?? 0,
      // read without a lock: placement spends through PointsService.post, which re-checks under the account's lock
      pointsBalance: Math.max(0, Number(row?.points?.balance ?? 0)),
    });
  }
}
