import type { UnitPriceLine } from '@mc/shared';
import { EntityManager, In } from 'typeorm';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { memberDayPricesOf, type MemberDayForPricing } from './member-day-pricing.service';

/**
 * The SKUs a rule prices, with their products, by SKU id, at most `limit`: the active SKUs of its
 * own SKU prices (`skuIds`), those of on-shelf products in its rated categories (`categoryIds`,
 * children included) and, with `skuDefaults`, every active on-shelf SKU with a default member-day
 * price of its own (every member day on gives it that price).
 */
export async function offeredSkus(em: EntityManager, skuIds: number[], categoryIds: number[], skuDefaults: boolean, limit: number): Promise<{ sku: Sku; product: Product }[]> {
  const any = [
    ...(skuIds.length ? ['s.id IN (:...skuIds)'] : []),
    ...(categoryIds.length ? ['(p.onShelf = :on AND p.categoryId IN (:...categoryIds))'] : []),
    ...(skuDefaults ? ['(p.onShelf = :on AND s.memberDayPriceCents IS NOT NULL)'] : []),
  ];
  if (!any.length) return [];
  const skus = await em
    .createQueryBuilder(Sku, 's')
    .innerJoin(Product, 'p', 'p.id = s.productId')
    .where('s.active = :on', { on: true })
    .andWhere(`(${any.join(' OR ')})`, { skuIds, categoryIds })
    .orderBy('s.id', 'ASC')
    .limit(limit)
    .getMany();
  const products = skus.length ? await em.findBy(Product, { id: In([...new Set(skus.map((s) => s.productId))]) }) : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  return skus.map((sku) => ({ sku, product: byId.get(sku.productId)! }));
}

/** What a SKU's unit price depends on, as PricingContextService hands it to the pipeline, under these member days. */
export function unitPriceLine(sku: Sku, product: Product, memberDays: readonly MemberDayForPricing[]): UnitPriceLine {
  return {
    skuId: String(sku.id),
    categoryId: String(product.categoryId),
    listPriceCents: sku.priceCents,
    memberPriceCents: sku.memberPriceCents,
    memberDayPrices: memberDayPricesOf(memberDays, sku.id, sku.memberDayPriceCents),
  };
}

/** A SKU in a member-day view or preview, with the member-day price the view means. */
export function offerView(sku: Sku, product: Product, memberDayPriceCents: number) {
  return {
    skuId: sku.id,
    productId: product.id,
    title: product.title,
    coverUrl: product.coverUrl,
    specs: sku.specs,
    listPriceCents: sku.priceCents,
    memberPriceCents: sku.memberPriceCents,
    memberDayPriceCents,
  };
}
