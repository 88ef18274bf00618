import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import type { Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { isStockShortage, Sku } from './entities/sku.entity';

export interface StockLine {
  skuId: number;
  qty: number;
}

/** The session variable that names the SKU whose stock update is running (MariaDB). */
const CURRENT_SKU = '@mc_stock_sku';

/**
 * Stock moves by orders: taken at placement, put back by a cancel or a refund of unshipped goods.
 * SKU rows are the hottest rows of the store (every buyer of a SKU updates its row), so every
 * transaction that changes stock does it last, with relative updates that go out with the COMMIT
 * (tx.later), to hold their locks for as short as possible. The `chk_sku_stock` constraint keeps
 * stock at zero or more: not enough stock fails the update, and the whole transaction rolls back
 * as 409 OUT_OF_STOCK naming the SKU that was short.
 * These updates do not evict the catalog cache (see CatalogService).
 */
@Injectable()
export class StockService {
  async reserveStock(tx: Tx, lines: readonly StockLine[]): Promise<void> {
    const sorted = byId(lines);
    if (!sorted.length) return;
    // MariaDB runs the updates in one batch and stops at the short one: with several SKUs, a
    // session variable set just before each update names it. sql.js runs each at once, so its
    // failure is caught below.
    const named = tx.dialect === 'mariadb' && sorted.length > 1;
    tx.onFailure(async (e, diagnose) => {
      if (!isStockShortage(e)) return undefined;
      if (!named) return outOfStock(sorted[0].skuId);
      const [row] = await diagnose(`SELECT ${CURRENT_SKU} AS skuId`);
      return outOfStock(Number(row?.skuId ?? sorted[0].skuId));
    });
    for (const line of sorted) {
      if (named) await tx.later(`SET ${CURRENT_SKU} = ?`, [line.skuId]);
      try {
        await tx.later(`UPDATE ${sql.table(tx.em, Sku)} SET stock = stock - ? WHERE id = ?`, [line.qty, line.skuId]);
      } catch (e) {
        throw isStockShortage(e) ? outOfStock(line.skuId) : e;
      }
    }
  }

  async releaseStock(tx: Tx, lines: readonly StockLine[]): Promise<void> {
    for (const line of byId(lines)) await tx.later(`UPDATE ${sql.table(tx.em, Sku)} SET stock = stock + ? WHERE id = ?`, [line.qty, line.skuId]);
  }
}

/** Real SKUs with something to move, in id order (the lock order of every stock change). */
const byId = (lines: readonly StockLine[]) => lines.filter((l) => l.skuId > 0 && l.qty > 0).sort((a, b) => a.skuId - b.skuId);

const outOfStock = (skuId: number) => new AppError(409, 'OUT_OF_STOCK', '库存不足', { skuId });
