import { Injectable } from '@nestjs/common';
import { ORDER_STATUS_LABEL, type PriceBreakdown } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { Tx, withTx } from '../../common/tx';
import * as sql from '../../database/sql';
import { OrderAdjustment } from './entities/order-adjustment.entity';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { insertWithBusinessNo } from './order-numbers';
import { OrderEvents } from './order-events';
import { Actor, OrderLifecycle } from './order-lifecycle.service';

/** What a new order snapshots beside its priced breakdown. */
export interface NewOrder {
  customerId: number;
  kind: Order['kind'];
  breakdown: PriceBreakdown;
  /** The title, specs and picture of each line, by the breakdown's lineId. */
  lineInfo: (lineId: string) => LineInfo;
  address: Order['address'];
  note: string;
  unpaidTimeoutMinutes: number;
  membershipPlanId?: number;
}

/** A placed order as the API answers it. */
type LineInfo = { title: string; specs: Record<string, string>; coverUrl: string };

/** An order line's columns from its priced line (what the order was placed at); the id and refund columns are the database's. */
export const orderLineOf = (orderId: number, l: PriceBreakdown['lines'][number], info: LineInfo) => ({
  orderId,
  skuId: Number(l.skuId),
  productId: Number(l.productId),
  categoryId: Number(l.categoryId),
  ...info,
  qty: l.qty,
  listPriceCents: l.listPriceCents,
  unitPriceCents: l.unitPriceCents,
  priceSource: l.priceSource,
  goodsCents: l.goodsCents,
  lineDiscountCents: l.lineDiscountCents,
  couponCents: l.couponCents,
  pointsCents: l.pointsCents,
  cashPaidCents: l.cashPaidCents,
});

export const placedView = (o: Order) => ({ id: o.id, orderNo: o.orderNo, kind: o.kind, status: o.status, payableCents: o.payableCents, expiresAt: o.expiresAt!.toISOString() });

/** After-sale window: a completed order may ask for a refund until `afterSaleDays` after completion. */
export function afterSaleWindowOpen(order: Pick<Order, 'completedAt'>, afterSaleDays: number, now: Date): boolean {
  return order.completedAt !== null && now.getTime() < order.completedAt.getTime() + afterSaleDays * DAY_MS;
}

/**
 * Orders as records: writing a priced order (checkout places them), and the customer's and
 * staff's moves (cancel, confirm, ship).
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly lifecycle: OrderLifecycle,
    private readonly events: OrderEvents,
  ) {}

  /** Writes an order from a priced cart: the order, its lines and adjustments (the snapshot), and its first history row. */
  async write(tx: Tx, o: NewOrder): Promise<Order> {
    const { breakdown } = o;
    const now = this.clock.now();
    const fields = {
      customerId: o.customerId,
      kind: o.kind,
      status: 'PENDING_PAYMENT',
      goodsCents: breakdown.goodsCents,
      discountCents: breakdown.discountCents,
      shippingCents: breakdown.shippingCents,
      shippingPaidCents: breakdown.shippingPaidCents,
      pointsUsed: breakdown.pointsUsed,
      pointsValueCents: breakdown.pointsValueCents,
      payableCents: breakdown.payableCents,
      pointsToEarn: breakdown.pointsToEarn,
      refundedCents: 0,
      membershipPlanId: o.membershipPlanId ?? null,
      memberDayId: breakdown.memberDayId,
      couponId: breakdown.couponId,
      address: o.address,
      note: o.note,
      carrier: null,
      trackingNo: null,
      expiresAt: new Date(now.getTime() + o.unpaidTimeoutMinutes * 60_000),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
      createdAt: now,
    } satisfies Omit<Order, 'id' | 'orderNo'>;
    const order = await insertWithBusinessNo(now, '', async (orderNo): Promise<Order> => {
      const row = { ...fields, orderNo };
      // alone: a taken number fails only this INSERT, which is then tried again with another
      return { ...row, id: await tx.insert(Order, [row], { alone: true }) } as Order;
    });
    // nothing below needs an id back: lines, adjustments and history go out together with the
    // next statement (the stock update, or COMMIT), in one round trip (database/outbox.ts)
    const skuIdOfLine = new Map(breakdown.lines.map((l) => [l.lineId, Number(l.skuId)]));
    await tx.insertLater(
      OrderLine,
      breakdown.lines.map((l) => orderLineOf(order.id, l, o.lineInfo(l.lineId))),
    );
    if (breakdown.adjustments.length) {
      // a line's adjustment finds the line's id by its SKU (one line per SKU in an order)
      const tuple = `(?, (SELECT l.id FROM ${sql.table(tx.em, OrderLine, 'l')} WHERE l.orderId = ? AND l.skuId = ?), ?, ?, ?, ?, ?)`;
      await tx.later(
        `INSERT INTO ${sql.table(tx.em, OrderAdjustment)} (\`orderId\`, \`orderLineId\`, \`kind\`, \`amountCents\`, \`label\`, \`sourceType\`, \`sourceId\`)` +
          ` VALUES ${breakdown.adjustments.map(() => tuple).join(', ')}`,
        breakdown.adjustments.flatMap((a) => [order.id, order.id, a.lineId === null ? null : skuIdOfLine.get(a.lineId)!, a.kind, a.amountCents, a.label, a.sourceType, a.sourceId]),
      );
    }
    await this.lifecycle.recordCreated(tx, order.id, `customer:${o.customerId}`);
    return order;
  }

  /** A customer sees only their own orders: anyone else's is 404. */
  async ownOrder(em: EntityManager, customerId: number | null, orderId: number): Promise<Order> {
    const order = await em.findOneBy(Order, customerId === null ? { id: orderId } : { id: orderId, customerId });
    if (!order) throw notFound('订单');
    return order;
  }

  /** Cancels an unpaid order; the cancel checks (payment: has WeChat taken the money?) run first. */
  async cancel(customerId: number | null, orderId: number, actor: Actor, reason: string): Promise<void> {
    const order = await this.ownOrder(this.ds.manager, customerId, orderId);
    if (order.status !== 'PENDING_PAYMENT') throw conflict('INVALID_STATE', `订单状态为「${ORDER_STATUS_LABEL[order.status]}」，只有待付款的订单可以取消`);
    await this.events.checkCancel(order);
    await withTx(this.ds, (tx) => this.lifecycle.transition(tx, order.id, 'CANCELLED', actor, reason, { cancelledAt: this.clock.now() }));
  }

  async confirm(customerId: number, orderId: number): Promise<void> {
    await this.ownOrder(this.ds.manager, customerId, orderId);
    await withTx(this.ds, (tx) => this.lifecycle.transition(tx, orderId, 'COMPLETED', `customer:${customerId}`, '买家确认收货', { completedAt: this.clock.now() }));
  }

  async ship(staffId: number, orderId: number, carrier: string, trackingNo: string): Promise<void> {
    await this.ownOrder(this.ds.manager, null, orderId);
    await withTx(this.ds, (tx) => this.lifecycle.transition(tx, orderId, 'SHIPPED', `staff:${staffId}`, `已发货：${carrier} ${trackingNo}`, { carrier, trackingNo, shippedAt: this.clock.now() }));
  }
}
