import { Injectable } from '@nestjs/common';
import { COUPON_REFUSAL_LABEL, priceCart, priceWithCoupons, type CouponChoice, type CouponOption, type HeldCoupon, type PriceBreakdown, type PricingInput, type PricingLine } from '@mc/shared';
import { Clock } from '../../common/clock';
import { AppError, notFound } from '../../common/errors';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { MemberDayPricing, memberDayPricesOf, MemberDayPricingService, NO_MEMBER_DAY } from '../member-day/member-day-pricing.service';
import { Buyer, BuyerService } from '../membership/buyer.service';
import { StoreSettings, StoreSettingsService } from '../settings/store-settings.service';
import * as sql from '../../database/sql';
import { managerOf, type Db } from '../../database/sql';

export interface RequestedItem {
  skuId: number;
  qty: number;
}

export interface PricedCart {
  breakdown: PriceBreakdown;
  /** The rows the prices came from, by SKU id. */
  skus: Map<number, { sku: Sku; product: Product }>;
  settings: StoreSettings;
  /** The member days on now that the prices used (none: `inForce` is empty). */
  memberDay: MemberDayPricing;
  /** Each coupon offered, measured against this cart (none when no coupons were offered). */
  couponOptions: CouponOption[];
}

/** The coupons the buyer holds (CouponService.wallet) and their choice: absent = the best, null = none, an id = that one. */
export interface CouponSelection {
  held: readonly HeldCoupon[];
  choice: CouponChoice;
}

/**
 * The one place the server turns database rows into the input of the shared price pipeline.
 * Cart, checkout preview and order placement all price through here, so later capabilities
 * (membership, tiers, member days, points, coupons) plug their inputs in here and nowhere else.
 */
@Injectable()
export class PricingContextService {
  constructor(
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly buyers: BuyerService,
    private readonly memberDays: MemberDayPricingService,
  ) {}

  /** Merges repeated SKUs and checks quantities against the per-line limit. */
  normalize(items: RequestedItem[], maxQtyPerLine: number): RequestedItem[] {
    const bySku = new Map<number, number>();
    for (const { skuId, qty } of items) bySku.set(skuId, (bySku.get(skuId) ?? 0) + qty);
    const merged = [...bySku].map(([skuId, qty]) => ({ skuId, qty }));
    const over = merged.find((i) => i.qty > maxQtyPerLine);
    if (over) throw new AppError(409, 'LIMIT_EXCEEDED', `每单同一商品最多购买 ${maxQtyPerLine} 件`, { skuId: over.skuId });
    return merged;
  }

  /** SKUs with their products, in one query; unknown ids are simply absent. */
  async findSkus(db: Db, skuIds: number[]): Promise<Map<number, { sku: Sku; product: Product }>> {
    if (!skuIds.length) return new Map();
    const raw = await sql.rows(
      db,
      `SELECT ${sql.columns(db, Sku, 's')}, ${sql.columns(db, Product, 'p')} FROM ${sql.table(db, Sku, 's')} JOIN ${sql.table(db, Product, 'p')} ON p.id = s.productId WHERE s.id IN (${skuIds.map(() => '?').join(', ')})`,
      skuIds,
    );
    return new Map(raw.map((r) => [Number(r.s_id), { sku: sql.hydrate(db, Sku, r, 's')!, product: sql.hydrate(db, Product, r, 'p')! }]));
  }

  /**
   * The SKUs an order or a preview prices, with their products; unknown, inactive or off-shelf
   * items are refused. `found`: rows the caller read already in this request (the cart's).
   */
  async loadSkus(db: Db, skuIds: number[], found?: Map<number, { sku: Sku; product: Product }>): Promise<Map<number, { sku: Sku; product: Product }>> {
    const rows = found && skuIds.every((id) => found.has(id)) ? found : await this.findSkus(db, skuIds);
    const out = new Map<number, { sku: Sku; product: Product }>();
    for (const id of skuIds) {
      const row = rows.get(id);
      if (!row) throw notFound(`商品（SKU ${id}）`);
      if (!row.sku.active || !row.product.onShelf) throw new AppError(409, 'INVALID_STATE', `「${row.product.title}」已下架`, { skuId: id });
      out.set(id, row);
    }
    return out;
  }

  async price(
    db: Db,
    customerId: number,
    requested: RequestedItem[],
    usePoints: boolean,
    found?: Map<number, { sku: Sku; product: Product }>,
    coupons?: CouponSelection,
  ): Promise<PricedCart> {
    const settings = await this.settings.get(managerOf(db));
    const items = this.normalize(requested, settings.maxQtyPerLine);
    const [skus, buyer] = await Promise.all([
      this.loadSkus(
        db,
        items.map((i) => i.skuId),
        found,
      ),
      this.buyers.of(db, customerId),
    ]);
    const memberDay = await this.memberDays.forPricing(
      managerOf(db),
      buyer,
      items.map((i) => ({ skuId: i.skuId, categoryId: skus.get(i.skuId)!.product.categoryId })),
    );
    const lines = items.map(({ skuId, qty }): PricingLine => {
      const { sku, product } = skus.get(skuId)!;
      return {
        lineId: String(skuId),
        skuId: String(skuId),
        productId: String(product.id),
        categoryId: String(product.categoryId),
        qty,
        listPriceCents: sku.priceCents,
        memberPriceCents: sku.memberPriceCents,
        memberDayPrices: memberDayPricesOf(memberDay.inForce, skuId, sku.memberDayPriceCents),
        memberOnly: product.memberOnly,
      };
    });
    return { ...this.run(lines, buyer, memberDay, usePoints, settings, coupons), skus };
  }

  /** Prices lines that are not SKUs (a member card) through the same pipeline; no member-day offers apply. */
  async priceLines(db: Db, customerId: number, lines: PricingLine[], usePoints: boolean): Promise<PricedCart> {
    const [settings, buyer] = await Promise.all([this.settings.get(managerOf(db)), this.buyers.of(db, customerId)]);
    return this.run(lines, buyer, NO_MEMBER_DAY, usePoints, settings);
  }

  private run(lines: PricingLine[], buyer: Buyer, memberDay: MemberDayPricing, usePoints: boolean, settings: StoreSettings, coupons?: CouponSelection): PricedCart {
    const input: PricingInput = {
      lines,
      buyer: buyer.pricing,
      memberDays: memberDay.inForce.map((f) => f.memberDay),
      coupon: null,
      pointsRequested: usePoints ? buyer.pricing.pointsBalance : 0,
      rules: settings,
    };
    if (!coupons) return { breakdown: priceCart(input), skus: new Map(), settings, memberDay, couponOptions: [] };
    const who = { nowMs: this.clock.now().getTime(), isMember: buyer.pricing.isMember, growth: buyer.growth };
    const r = priceWithCoupons(input, coupons.held, who, coupons.choice);
    if (!r.ok) throw new AppError(409, 'INVALID_STATE', r.refusal === 'NOT_HELD' ? '优惠券不存在或已被使用' : `优惠券不能用于本单：${COUPON_REFUSAL_LABEL[r.refusal]}`, { couponId: Number(r.couponId) });
    return { breakdown: r.breakdown, skus: new Map(), settings, memberDay, couponOptions: r.options };
  }

  /** The preview as the API shows it: the breakdown plus what each line is. */
  present(priced: PricedCart) {
    const { breakdown, skus } = priced;
    return {
      ...breakdown,
      couponId: breakdown.couponId === null ? null : Number(breakdown.couponId),
      couponCents: breakdown.lines.reduce((s, l) => s + l.couponCents, 0),
      lines: breakdown.lines.map((l) => {
        const { sku, product } = skus.get(Number(l.skuId))!;
        return {
          ...l,
          skuId: sku.id,
          productId: product.id,
          categoryId: product.categoryId,
          title: product.title,
          specs: sku.specs,
          coverUrl: product.coverUrl,
        };
      }),
    };
  }
}
