import { Injectable } from '@nestjs/common';
import { canTransition, ORDER_STATUS_LABEL, type OrderStatus } from '@mc/shared';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { Sku } from '../catalog/entities/sku.entity';
import { memberDayUnits, MemberDayService } from '../member-day/member-day.service';
import { MembershipService } from '../membership/membership.service';
import { TierService } from '../membership/tier.service';
import { PointsService } from '../points/points.service';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import * as sql from '../../database/sql';

/** Who moved an order: `customer:<id>`, `staff:<id>`, `system` (jobs) or `wechat` (payment notifications). */
export type Actor = string;

/**
 * The order state machine: every status change goes through `transition`, a compare-and-set on
 * the current status (0 rows → 409 INVALID_STATE) with a history row, and `onEntered` runs what
 * the new status means for the rest of the business, in the same transaction. This is the one
 * place that shows everything an order event does.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly clock: Clock,
    private readonly membership: MembershipService,
    private readonly tiers: TierService,
    private readonly memberDays: MemberDayService,
    private readonly points: PointsService,
  ) {}

  /** `order`: its id, or the row the caller already read in this transaction (the CAS still guards it). */
  async transition(em: EntityManager, order: number | Order, to: OrderStatus, actor: Actor, reason: string | null, set: Partial<Order> = {}): Promise<Order> {
    if (typeof order === 'number') {
      const row = await em.findOneBy(Order, { id: order });
      if (!row) throw notFound('订单');
      order = row;
    }
    const from = order.status;
    if (!canTransition(from, to)) throw conflict('INVALID_STATE', from === to ? `订单已经是「${ORDER_STATUS_LABEL[to]}」状态` : `订单状态为「${ORDER_STATUS_LABEL[from]}」，不能改为「${ORDER_STATUS_LABEL[to]}」`);
    const updated = await this.tryTransition(em, order, to, actor, reason, set);
    if (!updated) throw conflict('INVALID_STATE', '订单状态刚刚发生了变化，请刷新后重试');
    return updated;
  }

  /**
   * `transition` from the status `order` was read with: null, and nothing written, when the order
   * is no longer in that status (the compare-and-set found it changed); the caller re-reads.
   */
  async tryTransition(em: EntityManager, order: Order, to: OrderStatus, actor: Actor, reason: string | null, set: Partial<Order> = {}): Promise<Order | null> {
    const from = order.status;
    const { clause, params } = sql.assignments(em, Order, { status: to, ...set });
    const changedRows = await sql.execute(em, `UPDATE ${sql.table(em, Order)} SET ${clause} WHERE id = ? AND status = ?`, [...params, order.id, from]);
    if (changedRows !== 1) return null;
    await this.recordHistory(em, { orderId: order.id, fromStatus: from, toStatus: to, actor, reason });
    const updated = { ...order, ...set, status: to } as Order;
    await this.onEntered(em, updated, actor);
    return updated;
  }

  async recordCreated(em: EntityManager, orderId: number, actor: Actor): Promise<void> {
    await this.recordHistory(em, { orderId, fromStatus: null, toStatus: 'PENDING_PAYMENT', actor, reason: null });
  }

  /** A history row (two of these per checkout); it goes out with the transaction's next statement. */
  private async recordHistory(em: EntityManager, row: Pick<OrderStatusHistory, 'orderId' | 'fromStatus' | 'toStatus' | 'actor' | 'reason'>): Promise<void> {
    await sql.insertLater(em, OrderStatusHistory, [{ ...row, at: this.clock.now() }]);
  }

  private async onEntered(em: EntityManager, order: Order, actor: Actor): Promise<void> {
    switch (order.status) {
      case 'CANCELLED': {
        const lines = await em.find(OrderLine, { where: { orderId: order.id } });
        await this.memberDays.releaseLimit(em, order, memberDayUnits(lines));
        // the points it spent go back in full (once: a payment arriving afterwards is refunded as cash only);
        // the coupon used returns here once that capability exists
        await this.points.returnForCancel(em, order);
        await this.returnStock(em, lines); // last: see returnStock
        break;
      }
      case 'PAID':
        if (order.kind === 'MEMBER_CARD') await this.membership.activate(em, order);
        // pending commission hangs here
        if (order.kind !== 'GOODS') {
          await this.transition(em, order, 'COMPLETED', actor, '虚拟商品支付后自动完成', { completedAt: this.clock.now() });
        }
        break;
      case 'COMPLETED':
        if (order.kind === 'GOODS') await this.tiers.settleOrder(em, order, 'complete');
        // every kind earns its pointsToEarn (a card order completes on payment); a refund takes them back
        await this.points.earnForOrder(em, order.id);
        break;
      case 'SHIPPED':
      case 'REFUNDED':
      case 'PENDING_PAYMENT':
        break;
    }
  }

  /**
   * Puts back the reserved units of the order's `lines` still counted against stock (or, given
   * `only`, those units of those lines: a refund's). SKU rows are the
   * hottest rows of the store (every buyer of a SKU updates its row), so every transaction that
   * changes stock does it last, sent with the COMMIT (sql.later), to hold their locks for as short
   * as possible.
   * Like placement's, these updates do not evict the catalog cache (see CatalogService).
   */
  async returnStock(em: EntityManager, lines: OrderLine[], only?: { orderLineId: number; qty: number }[]): Promise<void> {
    for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
      const qty = only ? (only.find((o) => o.orderLineId === line.id)?.qty ?? 0) : line.qty - line.refundedQty;
      if (qty > 0) await sql.later(em, `UPDATE ${sql.table(em, Sku)} SET stock = stock + ? WHERE id = ?`, [qty, line.skuId]);
    }
  }
}
