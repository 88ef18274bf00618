import { applyRateBp } from '@mc/shared';
import { EntityManager, In } from 'typeorm';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { MemberDay } from './entities/member-day.entity';
import { categoryRatesOf } from './member-day-pricing.service';

/** Every SKU a rule (saved or not) prices, with list, member and member-day price. */
export async function offerLines(em: EntityManager, rule: Pick<MemberDay, 'categoryRates'>, prices: readonly { skuId: number; priceCents: number }[], limit: number) {
  const [rates] = await categoryRatesOf(em, [rule]);
  const categoryIds = Object.keys(rates).map(Number);
  const ratedProducts = categoryIds.length ? await em.find(Product, { where: { categoryId: In(categoryIds), onShelf: true }, take: limit }) : [];
  const skus = await em.find(Sku, {
    where: [
      ...(prices.length ? [{ id: In(prices.map((p) => p.skuId)), active: true }] : []),
      ...(ratedProducts.length ? [{ productId: In(ratedProducts.map((p) => p.id)), active: true }] : []),
    ],
    order: { id: 'ASC' },
    take: limit,
  });
  const products = skus.length ? await em.findBy(Product, { id: In([...new Set(skus.map((s) => s.productId))]) }) : [];
  return skus.map((sku) => {
    const product = products.find((p) => p.id === sku.productId)!;
    const own = prices.find((p) => p.skuId === sku.id)?.priceCents;
    const rate: number | undefined = rates[String(product.categoryId)];
    return {
      skuId: sku.id,
      productId: product.id,
      title: product.title,
      coverUrl: product.coverUrl,
      specs: sku.specs,
      listPriceCents: sku.priceCents,
      memberPriceCents: sku.memberPriceCents,
      memberDayPriceCents: own ?? sku.memberDayPriceCents ?? (rate === undefined ? sku.priceCents : applyRateBp(sku.priceCents, rate)),
    };
  });
}
