import { Injectable } from '@nestjs/common';
import { canTransition, ORDER_STATUS_LABEL, type OrderStatus } from '@mc/shared';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import type { Tx } from '../../common/tx';
import { StockService } from '../catalog/stock.service';
import { compareAndSet } from './compare-and-set';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import { OrderEvents } from './order-events';
import { shipsGoods } from './order-view';

/** Who moved an order: `customer:<id>`, `staff:<id>`, `system` (jobs) or `wechat` (payment notifications). */
export type Actor = string;

/**
 * The order state machine: every status change goes through `transition`, checked against the
 * state table (shared/src/order-state.ts) and applied as a compare-and-set on the current status
 * (0 rows → 409 INVALID_STATE) with a history row; then the order announces it (OrderEvents) to
 * the modules that react, in the same transaction.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly clock: Clock,
    private readonly events: OrderEvents,
    private readonly stock: StockService,
  ) {}

  /** `order`: its id, or the row the caller already read in this transaction (the CAS still guards it). */
  async transition(tx: Tx, order: number | Order, to: OrderStatus, actor: Actor, reason: string | null, set: Partial<Order> = {}): Promise<Order> {
    if (typeof order === 'number') {
      const row = await tx.em.findOneBy(Order, { id: order });
      if (!row) throw notFound('订单');
      order = row;
    }
    const updated = await this.tryTransition(tx, order, to, actor, reason, set);
    if (!updated) throw conflict('INVALID_STATE', '订单状态刚刚发生了变化，请刷新后重试');
    return updated;
  }

  /**
   * `transition` from the status `order` was read with: null, and nothing written, when the order
   * is no longer in that status (the compare-and-set found it changed); the caller re-reads.
   * A move the state table does not allow is 409 INVALID_STATE.
   */
  async tryTransition(tx: Tx, order: Order, to: OrderStatus, actor: Actor, reason: string | null, set: Partial<Order> = {}): Promise<Order | null> {
    const from = order.status;
    if (!canTransition(from, to)) {
      throw conflict('INVALID_STATE', from === to ? `订单已经是「${ORDER_STATUS_LABEL[to]}」状态` : `订单状态为「${ORDER_STATUS_LABEL[from]}」，不能改为「${ORDER_STATUS_LABEL[to]}」`);
    }
    if (!(await compareAndSet(tx, Order, order.id, from, { ...set, status: to }))) return null;
    await this.recordHistory(tx, { orderId: order.id, fromStatus: from, toStatus: to, actor, reason });
    const updated = { ...order, ...set, status: to } as Order;
    await this.onEntered(tx, updated, actor);
    return updated;
  }

  async recordCreated(tx: Tx, orderId: number, actor: Actor): Promise<void> {
    await this.recordHistory(tx, { orderId, fromStatus: null, toStatus: 'PENDING_PAYMENT', actor, reason: null });
  }

  /** A history row (two of these per checkout); it goes out with the transaction's next statement. */
  private async recordHistory(tx: Tx, row: Pick<OrderStatusHistory, 'orderId' | 'fromStatus' | 'toStatus' | 'actor' | 'reason'>): Promise<void> {
    await tx.insertLater(OrderStatusHistory, [{ ...row, at: this.clock.now() }]);
  }

  private async onEntered(tx: Tx, order: Order, actor: Actor): Promise<void> {
    switch (order.status) {
      case 'CANCELLED': {
        const lines = await tx.em.find(OrderLine, { where: { orderId: order.id } });
        await this.events.emit('cancelled', tx, { order, lines });
        await this.stock.releaseStock(tx, lines.map((l) => ({ skuId: l.skuId, qty: l.qty - l.refundedQty }))); // last: see StockService
        break;
      }
      case 'PAID':
        await this.events.emit('paid', tx, { order });
        if (!shipsGoods(order)) {
          await this.transition(tx, order, 'COMPLETED', actor, '虚拟商品支付后自动完成', { completedAt: this.clock.now() });
        }
        break;
      case 'COMPLETED':
        await this.events.emit('completed', tx, { order });
        break;
      case 'SHIPPED':
        await this.events.emit('shipped', tx, { order });
        break;
      case 'REFUNDED':
      case 'PENDING_PAYMENT':
        break;
    }
  }
}
