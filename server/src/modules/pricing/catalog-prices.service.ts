import { Injectable } from '@nestjs/common';
import { shopPrice, type MemberDayOnly, type Paged, type PricingMemberDay, type ProductDetail, type ProductListItem, type ShopPrice, type SkuView } from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { deepFreeze } from '../../common/config-cache';
import type { CatalogDetail, CatalogListItem, SkuPriceRow } from '../catalog/catalog.service';
import { memberDayPricesOf, MemberDayPricingService, type MemberDayInForce } from '../member-day/member-day-pricing.service';
import { BuyerService } from '../membership/buyer.service';
import type { PricingBuyer } from '@mc/shared';

/** One customer's view of prices: the buyer and the member days on now, as checkout would price them. */
export interface CatalogPricing {
  buyer: PricingBuyer;
  inForce: readonly MemberDayInForce[];
  memberDays: PricingMemberDay[];
  exclusive: ReadonlyMap<number, MemberDayOnly>;
  /** The member-day terms loaded (a new object on every reload). */
  terms: object;
  /** Equal for two customers whose prices are equal under the same terms. */
  key: string;
}

const isMemberDaySource = (p: ShopPrice) => p.priceSource === 'MEMBER_DAY_PRICE' || p.priceSource === 'MEMBER_DAY_CATEGORY_RATE';

/**
 * The catalog's prices for the customer asking: each SKU through shopPrice (bestUnitPrice, the
 * function checkout uses) with the buyer and the member days on now. The catalog stays cached as
 * it was (CatalogService); the priced answer is kept beside each cached answer, one per pricing
 * key (membership, tier, member days on and their audiences), so customers priced alike share one
 * frozen, serialized answer and a visitor costs no statement at all.
 */
@Injectable()
export class CatalogPricesService {
  private readonly priced = new WeakMap<object, WeakMap<object, Map<string, object>>>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly buyers: BuyerService,
    private readonly memberDays: MemberDayPricingService,
  ) {}

  /** One statement for a signed-in customer (their standing), none for a visitor while the caches are fresh. */
  async context(customerId: number | null): Promise<CatalogPricing> {
    const em = this.ds.manager;
    const buyer = await this.buyers.of(em, customerId);
    const md = await this.memberDays.forCatalog(em, buyer, this.clock.now());
    const { isMember, tierDiscountBp, tierId, tierName } = buyer.pricing;
    const key = JSON.stringify([
      isMember,
      tierDiscountBp,
      tierId,
      tierName,
      md.inForce.map((f) => [f.rule.id, f.occurrence.date, f.memberDay.audienceOk, f.memberDay.audienceOkAsMember]),
      [...md.exclusive],
    ]);
    return { buyer: buyer.pricing, inForce: md.inForce, memberDays: md.inForce.map((f) => f.memberDay), exclusive: md.exclusive, terms: md.terms, key };
  }

  list(page: Paged<CatalogListItem>, ctx: CatalogPricing): Paged<ProductListItem> {
    return this.memo(page, ctx, () => ({ items: page.items.map((p) => this.listItem(p, ctx)), total: page.total }));
  }

  detail(product: CatalogDetail, ctx: CatalogPricing): ProductDetail {
    return this.memo(product, ctx, () => {
      const skus: SkuView[] = product.skus.map((s) => {
        const price = this.price(s, product.categoryId, ctx);
        return { ...s, memberDayPriceCents: isMemberDaySource(price) ? price.unitPriceCents : null, ...price };
      });
      const cheapest = lowest(skus.map((s) => ({ price: s, listPriceCents: s.priceCents })));
      return { ...this.productFields(product, cheapest, ctx), images: product.images, description: product.description, specGroups: product.specGroups, skus };
    });
  }

  private listItem(p: CatalogListItem, ctx: CatalogPricing): ProductListItem {
    const cheapest = lowest(p.skus.map((s) => ({ price: this.price(s, p.categoryId, ctx), listPriceCents: s.priceCents })));
    return this.productFields(p, cheapest, ctx);
  }

  private productFields(p: Omit<CatalogListItem, 'skus'>, cheapest: { price: ShopPrice; listPriceCents: number } | null, ctx: CatalogPricing): ProductListItem {
    // a product without an active SKU (none can be bought) keeps its list price
    const price = cheapest?.price ?? { unitPriceCents: p.priceCents, priceSource: 'LIST', priceLabel: null, memberUnitPriceCents: p.priceCents };
    return {
      id: p.id,
      title: p.title,
      subtitle: p.subtitle,
      coverUrl: p.coverUrl,
      categoryId: p.categoryId,
      memberOnly: p.memberOnly,
      priceCents: p.priceCents,
      memberPriceCents: p.memberPriceCents,
      unitPriceCents: price.unitPriceCents,
      priceSource: price.priceSource,
      priceLabel: price.priceLabel,
      memberUnitPriceCents: price.memberUnitPriceCents,
      unitListPriceCents: cheapest?.listPriceCents ?? p.priceCents,
      ...(isMemberDaySource(price) ? { memberDayPriceCents: price.unitPriceCents } : {}),
      memberDayOnly: ctx.exclusive.get(p.id) ?? null,
    };
  }

  private price(sku: SkuPriceRow, categoryId: number, ctx: CatalogPricing): ShopPrice {
    const line = {
      skuId: String(sku.id),
      categoryId: String(categoryId),
      listPriceCents: sku.priceCents,
      memberPriceCents: sku.memberPriceCents,
      memberDayPrices: memberDayPricesOf(ctx.inForce, sku.id, sku.memberDayPriceCents),
    };
    const { priceSource, priceLabel, unitPriceCents, memberUnitPriceCents } = shopPrice(line, ctx.buyer, ctx.memberDays);
    return { unitPriceCents, priceSource, priceLabel, memberUnitPriceCents };
  }

  /** The priced answer for this cached answer and pricing, made once and frozen (sendCachedJson serializes it once). */
  private memo<T extends object>(cached: object, ctx: CatalogPricing, make: () => T): T {
    let byTerms = this.priced.get(cached);
    if (!byTerms) this.priced.set(cached, (byTerms = new WeakMap()));
    let byKey = byTerms.get(ctx.terms);
    if (!byKey) byTerms.set(ctx.terms, (byKey = new Map()));
    let out = byKey.get(ctx.key);
    if (!out) byKey.set(ctx.key, (out = deepFreeze(make())));
    return out as T;
  }
}

/** The SKU cheapest for the customer (ties: the first), or null for none. */
function lowest<T extends { price: ShopPrice }>(skus: T[]): T | null {
  return skus.reduce<T | null>((low, s) => (low === null || s.price.unitPriceCents < low.price.unitPriceCents ? s : low), null);
}
