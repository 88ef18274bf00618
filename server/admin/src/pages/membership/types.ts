/** `GET /api/admin/membership/plans` items (docs/membership-contract.md). */
export interface Plan {
  id: number;
  name: string;
  priceCents: number;
  days: number;
  benefits: string;
  onSale: boolean;
  sort: number;
}

/** `GET /api/admin/tiers` items. */
export interface Tier {
  id: number;
  name: string;
  growthThreshold: number;
  /** Price rate, 10000 = full price. */
  discountBp: number;
  /** 10000 = 1×. */
  pointsMultiplierBp: number;
  perks: string;
}
