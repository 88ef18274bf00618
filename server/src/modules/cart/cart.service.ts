import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors';
import type { Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { PricingContextService } from '../pricing/pricing-context.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { CartItem } from './entities/cart-item.entity';

const MAX_CART_LINES = 50;

/** The server-side cart: what a customer means to buy; prices always come from the pipeline. */
@Injectable()
export class CartService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly pricing: PricingContextService,
    private readonly settings: StoreSettingsService,
  ) {}

  async view(customerId: number) {
    const em = this.ds.manager;
    const rows = await em.find(CartItem, { where: { customerId }, order: { id: 'DESC' } });
    const found = await this.pricing.findSkus(
      em,
      rows.map((r) => r.skuId),
    );
    const lines = rows.flatMap((r) => {
      const { sku, product } = found.get(r.skuId) ?? {};
      if (!sku || !product) return [];
      const unavailableReason = !sku.active || !product.onShelf ? ('OFF_SHELF' as const) : sku.stock < r.qty ? ('OUT_OF_STOCK' as const) : null;
      return [{ row: r, sku, product, available: unavailableReason === null, unavailableReason }];
    });
    const toPrice = lines.filter((l) => l.row.selected && l.available).map((l) => ({ skuId: l.sku.id, qty: l.row.qty }));
    const priced = toPrice.length ? await this.pricing.price(em, customerId, toPrice, false, found) : null;
    const unitBySku = new Map(priced?.breakdown.lines.map((l) => [Number(l.skuId), l.unitPriceCents]) ?? []);
    return {
      items: lines.map(({ row, sku, product, available, unavailableReason }) => ({
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        coverUrl: product.coverUrl,
        specs: sku.specs,
        qty: row.qty,
        selected: row.selected,
        stock: sku.stock,
        available,
        unavailableReason,
        priceCents: sku.priceCents,
        memberPriceCents: sku.memberPriceCents,
        unitPriceCents: unitBySku.get(sku.id) ?? sku.priceCents,
      })),
      preview: priced ? this.pricing.present(priced) : null,
    };
  }

  async put(customerId: number, skuId: number, qty: number, selected: boolean | undefined) {
    const em = this.ds.manager;
    if (qty === 0) {
      await em.delete(CartItem, { customerId, skuId });
      return this.view(customerId);
    }
    const { maxQtyPerLine } = await this.settings.get(em);
    if (qty > maxQtyPerLine) throw new AppError(409, 'LIMIT_EXCEEDED', `同一商品最多购买 ${maxQtyPerLine} 件`);
    const { sku } = (await this.pricing.loadSkus(em, [skuId])).get(skuId)!;
    if (qty > sku.stock) throw new AppError(409, 'OUT_OF_STOCK', sku.stock > 0 ? `库存仅剩 ${sku.stock} 件` : '该商品已售罄', { skuId, stock: sku.stock });
    const existing = await em.findOneBy(CartItem, { customerId, skuId });
    if (existing) {
      await em.update(CartItem, { id: existing.id }, { qty, ...(selected === undefined ? {} : { selected }) });
    } else {
      if ((await em.countBy(CartItem, { customerId })) >= MAX_CART_LINES) {
        throw new AppError(409, 'LIMIT_EXCEEDED', `购物车最多放 ${MAX_CART_LINES} 种商品`);
      }
      // a double tap may insert twice: the unique (customer, sku) key keeps one line
      await em.upsert(CartItem, { customerId, skuId, qty, selected: selected ?? true, addedAt: this.clock.now() }, ['customerId', 'skuId']);
    }
    return this.view(customerId);
  }

  /** Placement from the cart takes the ordered SKUs out of it, in the order's transaction (sent with its next statement). */
  async removeLines(tx: Tx, customerId: number, skuIds: number[]): Promise<void> {
    if (!skuIds.length) return;
    await tx.later(`DELETE FROM ${sql.table(tx, CartItem)} WHERE customerId = ? AND skuId IN (${skuIds.map(() => '?').join(', ')})`, [customerId, ...skuIds]);
  }

  async remove(customerId: number, skuId: number) {
    await this.ds.manager.delete(CartItem, { customerId, skuId });
    return this.view(customerId);
  }
}
