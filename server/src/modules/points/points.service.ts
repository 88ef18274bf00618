import { Injectable, OnModuleInit } from '@nestjs/common';
import { formatYuan, mulDivFloor, pointsExpiryAt, pointsKept, shareOfUnits, type PointsKind, type PointsLot } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { conflict } from '../../common/errors';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { isDuplicateKey, rowLock, type Tx } from '../../common/tx';
import { OrderLine } from '../order/entities/order-line.entity';
import { Order } from '../order/entities/order.entity';
import { OrderEvents } from '../order/order-events';
import { StoreSettingsService } from '../settings/store-settings.service';
import { PointsAccount } from './entities/points-account.entity';
import { PointsLedger } from './entities/points-ledger.entity';

export interface PointsPosting {
  customerId: number;
  /** Signed, never 0. */
  delta: number;
  kind: PointsKind;
  /** Names the business event; a second posting with the same key is a no-op. */
  dedupeKey: string;
  orderId?: number | null;
  memo: string;
}

export interface PostResult {
  /** false: the dedupeKey was posted before, nothing changed. */
  posted: boolean;
  balance: number;
}


/** The cash an order's points were earned on: what was paid for goods (shipping earns nothing). */
const goodsCashCents = (o: Pick<Order, 'payableCents' | 'shippingPaidCents'>) => o.payableCents - o.shippingPaidCents;

export function ledgerView(e: PointsLedger) {
  return {
    id: e.id,
    kind: e.kind,
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    orderId: e.orderId,
    memo: e.memo,
    createdAt: e.createdAt.toISOString(),
  };
}

/** A credit that can expire (a lot): anything positive but points given back (a positive REVERSE undoes a debit instead). */
export const isLot = (p: Pick<PointsPosting, 'delta' | 'kind'>) => p.delta > 0 && p.kind !== 'REVERSE';

/**
 * The points ledger: one append-only ledger per customer and the balance beside it, changed
 * together in the caller's transaction. Orders earn on completion (or payment, by the store's
 * `pointsEarnOn`) and give back on refund; checkout spends points (SPEND at placement), a cancel
 * returns them all and a refund their share. Credits carry their expiry day (`expiresOn`); see
 * PointsExpiryService for the rest of expiry.
 *
 * A balance goes below zero only through a REVERSE: a refund takes back what its order earned
 * even when those points were spent meanwhile. The negative balance is the recorded shortfall
 * (its ledger memo says how much), and what the customer earns next pays it off first.
 */
@Injectable()
export class PointsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly events: OrderEvents,
    private readonly settings: StoreSettingsService,
  ) {}

  onModuleInit(): void {
    this.events.register('points', {
      // a store that credits on payment earns here; completion then finds the key posted (a no-op)
      paid: async (tx, { order }) => {
        if ((await this.settings.get(tx.em)).pointsEarnOn === 'PAYMENT') await this.earnForOrder(tx, order.id, '支付');
      },
      completed: (tx, { order }) => this.earnForOrder(tx, order.id),
      cancelled: (tx, { order }) => this.returnForCancel(tx, order),
      refunded: (tx, { order, refund }) => this.reverseForRefund(tx, order.id, refund),
    });
  }

  async ledger(customerId: number, q: PageQuery): Promise<Paged<ReturnType<typeof ledgerView>>> {
    const [rows, total] = await this.ds.getRepository(PointsLedger).findAndCount({ where: { customerId }, order: { id: 'DESC' }, ...skipTake(q) });
    return { items: rows.map(ledgerView), total };
  }

  /**
   * The customer's account row, created on first use, locked until the transaction ends: what
   * serializes every change of one customer's points (and a caller's own checks made under it, such
   * as the check-in's). An upsert takes an exclusive lock on an existing row at once (INSERT IGNORE
   * would take a shared one first, and two racing postings upgrading it to exclusive would deadlock).
   */
  async lockAccount(tx: Tx, customerId: number): Promise<PointsAccount> {
    const { em } = tx;
    await em
      .createQueryBuilder()
      .insert()
      .into(PointsAccount)
      .values({ customerId, balance: 0, updatedAt: this.clock.now() })
      .orUpdate(['customerId'], ['customerId'])
      .execute();
    return em.findOneOrFail(PointsAccount, { where: { customerId }, lock: rowLock(em) });
  }

  /**
   * A customer's lots that are still valid on `from` or never expire, summed by expiry day: with
   * the balance, all `pointsExpiredBy` / `pointsExpirySchedule` need. A locking read (under the
   * account's lock: the latest rows).
   */
  async lotsFrom(em: EntityManager, customerId: number, from: string): Promise<PointsLot[]> {
    const qb = em
      .createQueryBuilder(PointsLedger, 'l')
      .select('l.expiresOn', 'expiresOn')
      .addSelect('SUM(l.delta)', 'points')
      .where('l.customerId = :customerId AND l.delta > 0 AND l.kind <> :reverse', { customerId, reverse: 'REVERSE' })
      .andWhere('(l.expiresOn IS NULL OR l.expiresOn >= :from)', { from })
      .groupBy('l.expiresOn');
    const lock = rowLock(em, 'pessimistic_read');
    if (lock) qb.setLock(lock.mode);
    const rows: { expiresOn: string | null; points: string | number }[] = await qb.getRawMany();
    return rows.map((r) => ({ expiresOn: r.expiresOn, points: Number(r.points) }));
  }

  /**
   * Posts one ledger entry and moves the balance with it, in the caller's transaction. A debit
   * that would take the balance below zero is 409 INSUFFICIENT_POINTS, except a REVERSE (see the
   * class comment). A dedupeKey posted before makes this a no-op. A credit (but points given back)
   * gets its expiry day from the store's rule now (`pointsExpiryAt`); debits use the soonest-
   * expiring points first without saying which (see `pointsExpiredBy` in `@mc/shared`).
   */
  async post(tx: Tx, p: PointsPosting): Promise<PostResult> {
    const { em } = tx;
    if (!Number.isSafeInteger(p.delta) || p.delta === 0) throw new Error(`points delta must be a non-zero integer, got ${p.delta}`);
    const now = this.clock.now();
    let expiresOn: string | null = null;
    if (isLot(p)) {
      const { timezone, pointsExpiryYears } = await this.settings.get(em);
      expiresOn = pointsExpiryAt(timezone, now, pointsExpiryYears);
    }
    const account = await this.lockAccount(tx, p.customerId);
    const mayGoNegative = p.kind === 'REVERSE';
    const balanceAfter = account.balance + p.delta;
    if (balanceAfter < 0 && p.delta < 0 && !mayGoNegative) {
      // a replay of a debit posted before is still a no-op, not a 409 (a locking read: the latest rows)
      if (await em.findOne(PointsLedger, { where: { dedupeKey: p.dedupeKey }, lock: rowLock(em, 'pessimistic_read') })) return { posted: false, balance: account.balance };
      throw conflict('INSUFFICIENT_POINTS', `积分不足：可用 ${account.balance}，需要 ${-p.delta}`);
    }
    let memo = p.memo;
    if (balanceAfter < 0 && p.delta < 0) {
      const shortfall = Math.min(-p.delta, -balanceAfter);
      memo = `${memo}（积分不足，欠 ${shortfall} 积分，以后获得的积分先抵扣）`;
    }
    try {
      await em.insert(PointsLedger, {
        customerId: p.customerId,
        kind: p.kind,
        delta: p.delta,
        balanceAfter,
        orderId: p.orderId ?? null,
        dedupeKey: p.dedupeKey,
        memo: memo.slice(0, 200),
        expiresOn,
        createdAt: now,
      });
    } catch (e) {
      if (isDuplicateKey(e)) return { posted: false, balance: account.balance };
      throw e;
    }
    const update = em
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ balance: () => 'balance + :delta', updatedAt: now })
      .where('customerId = :customerId', { customerId: p.customerId, delta: p.delta });
    if (p.delta < 0 && !mayGoNegative) update.andWhere('balance >= :needed', { needed: -p.delta });
    const res = await update.execute();
    if (res.affected !== 1) throw conflict('INSUFFICIENT_POINTS', '积分不足');
    return { posted: true, balance: balanceAfter };
  }

  /**
   * An order entered COMPLETED (or was paid, in a store that credits on payment): credit its
   * pointsToEarn (less the share of any refund that went back before), once, key
   * `earn:order:<id>`. Reads the order under its row lock, which the completing transaction holds
   * already, so refunds racing the completion are seen.
   */
  async earnForOrder(tx: Tx, orderId: number, on: '完成' | '支付' = '完成'): Promise<void> {
    const { em } = tx;
    const order = await em.findOneOrFail(Order, { where: { id: orderId }, lock: rowLock(em) });
    const kept = pointsKept(order.pointsToEarn, goodsCashCents(order), order.refundedCents);
    if (kept <= 0) return;
    const note = kept < order.pointsToEarn ? `，已退款部分不计（应得 ${order.pointsToEarn}）` : '';
    await this.post(tx, { customerId: order.customerId, delta: kept, kind: 'EARN', dedupeKey: `earn:order:${order.id}`, orderId: order.id, memo: `订单 ${order.orderNo} ${on}${note}` });
  }

  /**
   * Checkout spends points: the order's `pointsUsed` as a SPEND (key `spend:order:<id>`), in the
   * placing transaction, after the order row exists. The balance was read without a lock when the
   * order was priced; `post` re-checks it under the account's row lock and its conditional update,
   * so of two orders racing for the same points one spends them and the other is 409
   * INSUFFICIENT_POINTS (and rolls back with everything it reserved).
   */
  async spendForOrder(tx: Tx, order: Pick<Order, 'id' | 'customerId' | 'orderNo' | 'pointsUsed' | 'pointsValueCents'>): Promise<void> {
    if (order.pointsUsed <= 0) return;
    await this.post(tx, {
      customerId: order.customerId,
      delta: -order.pointsUsed,
      kind: 'SPEND',
      dedupeKey: `spend:order:${order.id}`,
      orderId: order.id,
      memo: `订单 ${order.orderNo} 抵扣 ${formatYuan(order.pointsValueCents)} 元`,
    });
  }

  /**
   * An order cancelled (unpaid timeout or the customer): every point it spent goes back, once
   * (REVERSE, key `return:order:<id>`). What is returned is what the SPEND entry took, so an order
   * that spent nothing returns nothing. A payment that arrives later for the cancelled order is
   * refunded as cash only (see reverseForRefund).
   */
  async returnForCancel(tx: Tx, order: Pick<Order, 'id' | 'customerId' | 'orderNo' | 'pointsUsed'>): Promise<void> {
    const { em } = tx;
    if (order.pointsUsed <= 0) return;
    const spent = await em.findOne(PointsLedger, { where: { dedupeKey: `spend:order:${order.id}` }, lock: rowLock(em, 'pessimistic_read') });
    if (!spent || spent.delta >= 0) return;
    await this.post(tx, {
      customerId: order.customerId,
      delta: -spent.delta,
      kind: 'REVERSE',
      dedupeKey: `return:order:${order.id}`,
      orderId: order.id,
      memo: `订单 ${order.orderNo} 已取消，退还抵扣的积分`,
    });
  }

  /**
   * A refund completed: take back the points the order's cash earned (orders completed), and give
   * back the points the order spent on the refunded goods (any order not cancelled).
   * Called after the order's refundedCents and the lines' refundedQty include this refund, under
   * the lines' row locks (refunds of one order complete one after the other).
   */
  async reverseForRefund(
    tx: Tx,
    orderId: number,
    refund: { id: number; refundNo: string; amountCents: number; lines: readonly { orderLineId: number; qty: number }[] },
  ): Promise<void> {
    const order = await tx.em.findOneOrFail(Order, { where: { id: orderId }, lock: rowLock(tx.em) });
    await this.takeBackEarned(tx, order, refund);
    await this.returnSpent(tx, order, refund);
  }

  /**
   * What the order earned: the order always keeps pointsKept(pointsToEarn, goods cash, refunded),
   * so the reversals of several partial refunds add up to at most what was earned and the last full
   * refund takes the remainder.
   */
  private async takeBackEarned(tx: Tx, order: Order, refund: { id: number; refundNo: string; amountCents: number }): Promise<void> {
    const { em } = tx;
    // An order refunded before it earned (on completion) earns only what it kept when it completes;
    // one that earned on payment gives back the refunded share whatever its status.
    if (order.pointsToEarn <= 0) return;
    // Only what was credited is taken back (orders completed before the ledger existed earned nothing);
    // a locking read, so an earning committed after this transaction's snapshot is seen.
    const earned = await em.findOne(PointsLedger, { where: { dedupeKey: `earn:order:${order.id}` }, lock: rowLock(em, 'pessimistic_read') });
    if (!earned) return;
    const paid = goodsCashCents(order);
    const before = pointsKept(order.pointsToEarn, paid, order.refundedCents - refund.amountCents);
    const after = pointsKept(order.pointsToEarn, paid, order.refundedCents);
    if (after < before) {
      await this.post(tx, {
        customerId: order.customerId,
        delta: after - before,
        kind: 'REVERSE',
        dedupeKey: `reverse:refund:${refund.id}`,
        orderId: order.id,
        memo: `退款 ${refund.refundNo}，扣回订单 ${order.orderNo} 所得积分`,
      });
    }
  }

  /**
   * What the order spent, by the refunded units: each line carries its share of the points' value
   * (`pointsCents`), spread over its units by cumulative floors like its cash (cashForUnits), and
   * the points returned so far are floor(pointsUsed × value of the refunded units / pointsValueCents).
   * Each refund returns the growth of that (REVERSE, key `return:refund:<id>`), so partial refunds
   * never return more than was spent and refunding every unit returns exactly pointsUsed.
   * A cancelled order returned everything at cancellation: the automatic refund of a payment that
   * arrived afterwards (it has no lines) returns nothing more.
   */
  private async returnSpent(tx: Tx, order: Order, refund: { id: number; refundNo: string; lines: readonly { orderLineId: number; qty: number }[] }): Promise<void> {
    const { em } = tx;
    if (order.pointsUsed <= 0 || order.pointsValueCents <= 0 || order.status === 'CANCELLED' || refund.lines.length === 0) return;
    const lines = await em.find(OrderLine, { where: { orderId: order.id } });
    let valueBefore = 0;
    let valueAfter = 0;
    for (const line of lines) {
      const now = line.refundedQty;
      const inThis = refund.lines.filter((r) => r.orderLineId === line.id).reduce((s, r) => s + r.qty, 0);
      valueAfter += shareOfUnits(line.pointsCents, line.qty, 0, now);
      valueBefore += shareOfUnits(line.pointsCents, line.qty, 0, now - inThis);
    }
    const returned = (value: number) => mulDivFloor(order.pointsUsed, Math.min(value, order.pointsValueCents), order.pointsValueCents);
    const delta = returned(valueAfter) - returned(valueBefore);
    if (delta <= 0) return;
    await this.post(tx, {
      customerId: order.customerId,
      delta,
      kind: 'REVERSE',
      dedupeKey: `return:refund:${refund.id}`,
      orderId: order.id,
      memo: `退款 ${refund.refundNo}，退还订单 ${order.orderNo} 抵扣的积分`,
    });
  }
}
