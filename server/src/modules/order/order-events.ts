import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/tx';
import type { OrderLine } from './entities/order-line.entity';
import type { Order } from './entities/order.entity';
import type { Refund } from './entities/refund.entity';

/**
 * What the order module announces, inside the transaction that made it happen. Handlers write
 * their own module's tables through the same `tx`; work outside the database (WeChat calls,
 * messages) goes in `tx.afterCommit`. A handler that throws rolls the whole event back.
 */
export interface OrderEventMap {
  /** PENDING_PAYMENT → PAID (a card or virtual order then completes at once: `completed` follows). */
  paid: { order: Order };
  /** PAID → SHIPPED: staff shipped the goods (`carrier`, `trackingNo`, `shippedAt` set). */
  shipped: { order: Order };
  /** → COMPLETED (confirmed, auto-confirmed, or a card/virtual order paid). */
  completed: { order: Order };
  /** PENDING_PAYMENT → CANCELLED; `lines` as placed. The order module puts the stock back after the handlers. */
  cancelled: { order: Order; lines: OrderLine[] };
  /**
   * A refund became APPROVED: by staff (`byStaff`) or by itself (a payment that arrived for a
   * cancelled order, a fast card refund). Its amount may still be set by a handler (a card's
   * unused days); the money is sent after commit.
   */
  refundApproved: { order: Order; refund: Refund; byStaff: boolean };
  /**
   * A refund's money went back (APPROVED → REFUNDED): `order.refundedCents` and the lines'
   * `refundedQty` already include it. The order module then marks a fully refunded order
   * REFUNDED and puts unshipped stock back.
   */
  refunded: { order: Order; refund: Refund };
}
export type OrderEvent = keyof OrderEventMap;

export type OrderEventHandlers = { [E in OrderEvent]?: (tx: Tx, event: OrderEventMap[E]) => Promise<void> };

/**
 * Who reacts, in the order they run: the one list of everything an order event does. A module
 * not listed cannot register; a new reaction is added here, in its place.
 *  - membership: `paid` activates a card order's time; `refundApproved` (by staff, card order)
 *    prices the card's unused days and takes them off the card
 *  - tiers: `completed` and `refunded` settle a goods order's growth (and the tier)
 *  - member-day: `cancelled` gives the per-customer member-day limit back
 *  - points: `paid` earns when the store credits on payment (`pointsEarnOn`), `completed` earns
 *    (a no-op when payment did), `cancelled` returns what was spent, `refunded` takes back what
 *    was earned and returns the refunded share of what was spent
 *  - points-mall: `paid` delivers a redemption (card days, coupons); `cancelled` gives the
 *    mall stock and the per-customer allowance back; `refunded` returns a redemption's points
 *  - coupons: `paid` grants the coupons that come with a card order, `cancelled` and a
 *    `refunded` that leaves nothing unrefunded give the order's coupon back
 *  - commission: `paid` creates pending commission for the buyer's distributor (and level 2),
 *    `completed` starts the settlement clock, `refunded` reduces it line by line
 *  - payment: `cancelled` closes the WeChat transaction, `refundApproved` sends the refund to
 *    WeChat (both after commit)
 *  - messages: `shipped` sends the customer the shipping message (after commit)
 */
export const ORDER_EVENT_HANDLERS = ['membership', 'tiers', 'member-day', 'points', 'points-mall', 'coupons', 'commission', 'payment', 'messages'] as const;
export type OrderEventHandlerName = (typeof ORDER_EVENT_HANDLERS)[number];

/** Checks run before a customer's or the job's cancel, outside any transaction (payment: has WeChat taken the money?). */
export type CancelCheck = (order: Order) => Promise<void>;

@Injectable()
export class OrderEvents {
  private readonly handlers = new Map<OrderEventHandlerName, OrderEventHandlers>();
  private readonly cancelChecks: CancelCheck[] = [];

  register(name: OrderEventHandlerName, handlers: OrderEventHandlers): void {
    if (this.handlers.has(name)) throw new Error(`order event handlers "${name}" registered twice`);
    this.handlers.set(name, handlers);
  }

  beforeCancel(check: CancelCheck): void {
    this.cancelChecks.push(check);
  }

  async emit<E extends OrderEvent>(event: E, tx: Tx, payload: OrderEventMap[E]): Promise<void> {
    for (const name of ORDER_EVENT_HANDLERS) {
      const handle = this.handlers.get(name)?.[event] as ((tx: Tx, e: OrderEventMap[E]) => Promise<void>) | undefined;
      if (handle) await handle(tx, payload);
    }
  }

  async checkCancel(order: Order): Promise<void> {
    for (const check of this.cancelChecks) await check(order);
  }

  /** Each event with the handlers that react to it, in the order they run. */
  listing(): Record<OrderEvent, OrderEventHandlerName[]> {
    const events: OrderEvent[] = ['paid', 'shipped', 'completed', 'cancelled', 'refundApproved', 'refunded'];
    return Object.fromEntries(events.map((e) => [e, ORDER_EVENT_HANDLERS.filter((name) => this.handlers.get(name)?.[e])])) as Record<OrderEvent, OrderEventHandlerName[]>;
  }
}
