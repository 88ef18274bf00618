import { Injectable, OnModuleInit } from '@nestjs/common';
import { ORDER_STATUS_LABEL } from '@mc/shared';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { AppError, conflict, notFound } from '../../common/errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { Paged, skipTake } from '../../common/pagination';
import { withTx } from '../../common/tx';
import { AddressService } from '../address/address.service';
import { CartItem } from '../cart/entities/cart-item.entity';
import { isStockShortage, Sku } from '../catalog/entities/sku.entity';
import { PricedCart, PricingContextService } from '../checkout/pricing-context.service';
import { JobRegistry } from '../jobs/job-registry.service';
import { MemberDayService } from '../member-day/member-day.service';
import { Payment } from '../payment/entities/payment.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import { AdminOrderListQuery, OrderListQuery, PlaceOrderDto } from './dto/order.dto';
import { OrderAdjustment } from './entities/order-adjustment.entity';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import { Refund } from './entities/refund.entity';
import { insertWithBusinessNo } from './order-numbers';
import { detailView, summaryView } from './order-view';
import { Actor, OrderLifecycle } from './order-lifecycle.service';
import { PaymentService } from '../payment/payment.service';
import { PointsService } from '../points/points.service';
import * as sql from '../../database/sql';


const placedView = (o: Order) => ({ id: o.id, orderNo: o.orderNo, kind: o.kind, status: o.status, payableCents: o.payableCents, expiresAt: o.expiresAt!.toISOString() });

@Injectable()
export class OrderService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
    private readonly pricing: PricingContextService,
    private readonly addresses: AddressService,
    private readonly settings: StoreSettingsService,
    private readonly lifecycle: OrderLifecycle,
    private readonly payments: PaymentService,
    private readonly jobs: JobRegistry,
    private readonly memberDays: MemberDayService,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'cancel-unpaid', description: 'cancel orders left unpaid past their deadline (asks WeChat first)', everyMs: 60_000, run: () => this.cancelExpired() });
    this.jobs.register({ name: 'auto-confirm', description: 'complete orders shipped longer ago than the auto-confirm days', everyMs: 10 * 60_000, run: () => this.autoConfirm() });
  }

  /**
   * Places a goods order in one transaction: price from the database, write the order, its
   * lines, adjustments and history, spend the points it uses (`usePoints`) and take the stock
   * (a relative update that the database's stock check keeps at zero or more: 409 OUT_OF_STOCK).
   */
  async place(customerId: number, dto: PlaceOrderDto, idempotencyKey: string | undefined) {
    try {
      return await this.placeInTx(customerId, dto, idempotencyKey);
    } catch (e) {
      if (!isStockShortage(e)) throw e;
      throw new AppError(409, 'OUT_OF_STOCK', '库存不足', { skuId: await this.shortSku(dto) });
    }
  }

  private placeInTx(customerId: number, dto: PlaceOrderDto, idempotencyKey: string | undefined) {
    return this.idempotency.run(customerId, idempotencyKey, 'POST /api/orders', dto, async (em) => {
      // started together, so the reads travel in one round trip (database/sql.ts, Outbox)
      const [address, priced] = await Promise.all([this.addresses.getOwn(em, customerId, dto.addressId), this.pricing.price(em, customerId, dto.items, dto.usePoints === true)]);
      if (priced.breakdown.requiresMembership) throw new AppError(409, 'MEMBERS_ONLY', '会员专享商品，开通会员后可购买');
      this.memberDays.assertMayBuy([...priced.skus.values()].map((s) => s.product.id), priced.memberDay);
      await this.memberDays.reserveLimit(em, customerId, priced.memberDay, priced.breakdown);
      const order = await this.writeOrder(em, customerId, 'GOODS', priced, {
        address: { name: address.name, phone: address.phone, province: address.province, city: address.city, district: address.district, detail: address.detail },
        note: dto.note ?? '',
      });
      // the points the breakdown spends, re-checked under the account's lock: not enough any more
      // (another order spent them meanwhile) is 409 INSUFFICIENT_POINTS and this whole transaction
      // rolls back. The coupon is taken here once that capability exists.
      await this.points.spendForOrder(em, order);
      if (dto.fromCart) {
        const skuIds = priced.breakdown.lines.map((l) => Number(l.skuId));
        await sql.later(em, `DELETE FROM ${sql.table(em, CartItem)} WHERE customerId = ? AND skuId IN (${skuIds.map(() => '?').join(', ')})`, [customerId, ...skuIds]);
      }
      // stock last, sent with COMMIT in one round trip (see OrderLifecycle.returnStock): a popular
      // SKU's buyers queue on its row lock only while MariaDB runs the two. Not enough stock fails
      // the stock check, the COMMIT does not run and everything above rolls back (place maps it to 409).
      // The SKU's active flag was checked by the read above (loadSkus).
      for (const line of [...priced.breakdown.lines].sort((a, b) => Number(a.skuId) - Number(b.skuId))) {
        await sql.later(em, `UPDATE ${sql.table(em, Sku)} SET stock = stock - ? WHERE id = ?`, [line.qty, Number(line.skuId)]);
      }
      return placedView(order);
    });
  }

  /** A member card bought like any order (kind MEMBER_CARD, no shipping); paying it activates the card. */
  placeMembershipCard(customerId: number, plan: { id: number; name: string; priceCents: number }, idempotencyKey: string | undefined) {
    return this.idempotency.run(customerId, idempotencyKey, 'POST /api/membership/orders', { planId: plan.id }, async (em) => {
      const line = {
        lineId: `plan-${plan.id}`,
        skuId: '0',
        productId: '0',
        categoryId: '0',
        qty: 1,
        listPriceCents: plan.priceCents,
        memberPriceCents: null,
        memberDayPriceCents: null,
        requiresShipping: false,
      };
      const priced = await this.pricing.priceLines(em, customerId, [line], false);
      const order = await this.writeOrder(em, customerId, 'MEMBER_CARD', priced, { address: null, note: '', membershipPlanId: plan.id, title: plan.name });
      return placedView(order);
    });
  }

  /** Writes an order from a priced cart: the order, its lines and adjustments (the snapshot), and its first history row. */
  private async writeOrder(
    em: EntityManager,
    customerId: number,
    kind: Order['kind'],
    priced: PricedCart,
    extra: { address: Order['address']; note: string; membershipPlanId?: number; title?: string },
  ): Promise<Order> {
    const { breakdown, skus, settings } = priced;
    const now = this.clock.now();
    const fields = {
      customerId,
      kind,
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
      membershipPlanId: extra.membershipPlanId ?? null,
      memberDayId: breakdown.memberDayId,
      couponId: breakdown.couponId,
      address: extra.address,
      note: extra.note,
      carrier: null,
      trackingNo: null,
      expiresAt: new Date(now.getTime() + settings.unpaidTimeoutMinutes * 60_000),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
      createdAt: now,
    } satisfies Omit<Order, 'id' | 'orderNo'>;
    const order = await insertWithBusinessNo(now, '', async (orderNo): Promise<Order> => {
      const row = { ...fields, orderNo };
      return { ...row, id: await sql.insert(em, Order, [row]) } as Order;
    });
    // nothing below needs an id back: lines, adjustments and history go out together with the
    // next statement (the stock update, or COMMIT), in one round trip (database/sql.ts, Outbox)
    const skuIdOfLine = new Map(breakdown.lines.map((l) => [l.lineId, Number(l.skuId)]));
    await sql.insertLater(
      em,
      OrderLine,
      breakdown.lines.map((l) => {
        const source = skus.get(Number(l.skuId));
        return {
          orderId: order.id,
          skuId: Number(l.skuId),
          productId: Number(l.productId),
          categoryId: Number(l.categoryId),
          title: source?.product.title ?? extra.title ?? '',
          specs: source?.sku.specs ?? {},
          coverUrl: source?.product.coverUrl ?? '',
          qty: l.qty,
          listPriceCents: l.listPriceCents,
          unitPriceCents: l.unitPriceCents,
          priceSource: l.priceSource,
          goodsCents: l.goodsCents,
          lineDiscountCents: l.lineDiscountCents,
          couponCents: l.couponCents,
          pointsCents: l.pointsCents,
          cashPaidCents: l.cashPaidCents,
        };
      }),
    );
    if (breakdown.adjustments.length) {
      // a line's adjustment finds the line's id by its SKU (one line per SKU in an order)
      const tuple = `(?, (SELECT l.id FROM ${sql.table(em, OrderLine, 'l')} WHERE l.orderId = ? AND l.skuId = ?), ?, ?, ?, ?, ?)`;
      await sql.later(
        em,
        `INSERT INTO ${sql.table(em, OrderAdjustment)} (\`orderId\`, \`orderLineId\`, \`kind\`, \`amountCents\`, \`label\`, \`sourceType\`, \`sourceId\`)` +
          ` VALUES ${breakdown.adjustments.map(() => tuple).join(', ')}`,
        breakdown.adjustments.flatMap((a) => [order.id, order.id, a.lineId === null ? null : skuIdOfLine.get(a.lineId)!, a.kind, a.amountCents, a.label, a.sourceType, a.sourceId]),
      );
    }
    await this.lifecycle.recordCreated(em, order.id, `customer:${customerId}`);
    return order;
  }

  /** Which SKU of a refused order is short now (for the 409's details); the first one if stock came back meanwhile. */
  private async shortSku(dto: PlaceOrderDto): Promise<number> {
    const skus = await this.ds.getRepository(Sku).find({ select: { id: true, stock: true }, where: { id: In(dto.items.map((i) => i.skuId)) } });
    const wanted = new Map<number, number>();
    for (const i of dto.items) wanted.set(i.skuId, (wanted.get(i.skuId) ?? 0) + i.qty);
    return skus.sort((a, b) => a.id - b.id).find((s) => s.stock < wanted.get(s.id)!)?.id ?? dto.items[0].skuId;
  }

  async list(customerId: number | null, q: OrderListQuery | AdminOrderListQuery): Promise<Paged<ReturnType<typeof summaryView> & { customerId: number }>> {
    const qb = this.ds.getRepository(Order).createQueryBuilder('o');
    if (customerId !== null) qb.where('o.customerId = :customerId', { customerId });
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.afterSale === 'true') qb.andWhere('EXISTS (SELECT 1 FROM refund r WHERE r.orderId = o.id)');
    if ('from' in q && q.from) qb.andWhere('o.createdAt >= :from', { from: new Date(q.from) });
    if ('to' in q && q.to) qb.andWhere('o.createdAt < :to', { to: new Date(q.to) });
    if ('q' in q && q.q) qb.andWhere('o.orderNo = :no', { no: q.q.trim() });
    const { skip, take } = skipTake(q);
    const [orders, total] = await qb.orderBy('o.id', 'DESC').skip(skip).take(take).getManyAndCount();
    const lines = orders.length ? await this.ds.getRepository(OrderLine).find({ where: { orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } }) : [];
    return { items: orders.map((o) => ({ ...summaryView(o, lines.filter((l) => l.orderId === o.id)), customerId: o.customerId })), total };
  }

  /** A customer sees only their own orders: anyone else's is 404. */
  async ownOrder(em: EntityManager, customerId: number | null, orderId: number): Promise<Order> {
    const order = await em.findOneBy(Order, customerId === null ? { id: orderId } : { id: orderId, customerId });
    if (!order) throw notFound('订单');
    return order;
  }

  async detail(customerId: number | null, orderId: number) {
    const em = this.ds.manager;
    const order = await this.ownOrder(em, customerId, orderId);
    const [lines, adjustments, history, payment, refunds, settings] = await Promise.all([
      em.find(OrderLine, { where: { orderId }, order: { id: 'ASC' } }),
      em.find(OrderAdjustment, { where: { orderId }, order: { id: 'ASC' } }),
      em.find(OrderStatusHistory, { where: { orderId }, order: { id: 'ASC' } }),
      em.findOneBy(Payment, { orderId }),
      em.find(Refund, { where: { orderId }, order: { id: 'ASC' } }),
      this.settings.get(em),
    ]);
    const windowOpen = order.completedAt !== null && this.clock.now().getTime() < order.completedAt.getTime() + settings.afterSaleDays * DAY_MS;
    return { ...detailView(order, lines, adjustments, history, payment, refunds, windowOpen), customerId: order.customerId };
  }

  /** Cancels an unpaid order; asks WeChat first, so a payment that just went through is not lost. */
  async cancel(customerId: number | null, orderId: number, actor: Actor, reason: string): Promise<void> {
    const order = await this.ownOrder(this.ds.manager, customerId, orderId);
    if (order.status !== 'PENDING_PAYMENT') throw conflict('INVALID_STATE', `订单状态为「${ORDER_STATUS_LABEL[order.status]}」，只有待付款的订单可以取消`);
    if (await this.payments.settleIfPaidAtWechat(order.id)) throw conflict('INVALID_STATE', '订单刚刚已支付成功，不能取消');
    await withTx(this.ds, (em) => this.lifecycle.transition(em, order.id, 'CANCELLED', actor, reason, { cancelledAt: this.clock.now() }));
    await this.payments.closeAtWechat(order.id);
  }

  async confirm(customerId: number, orderId: number): Promise<void> {
    await this.ownOrder(this.ds.manager, customerId, orderId);
    await withTx(this.ds, (em) => this.lifecycle.transition(em, orderId, 'COMPLETED', `customer:${customerId}`, '买家确认收货', { completedAt: this.clock.now() }));
  }

  async ship(staffId: number, orderId: number, carrier: string, trackingNo: string): Promise<void> {
    await this.ownOrder(this.ds.manager, null, orderId);
    await withTx(this.ds, (em) => this.lifecycle.transition(em, orderId, 'SHIPPED', `staff:${staffId}`, `已发货：${carrier} ${trackingNo}`, { carrier, trackingNo, shippedAt: this.clock.now() }));
  }

  async cancelExpired(): Promise<{ cancelled: number; paid: number }> {
    const due = await this.ds.getRepository(Order).find({
      select: { id: true },
      where: { status: 'PENDING_PAYMENT', expiresAt: LessThan(this.clock.now()) },
      order: { id: 'ASC' },
      take: 200,
    });
    let cancelled = 0;
    let paid = 0;
    for (const { id } of due) {
      try {
        await this.cancel(null, id, 'system', '超时未支付，系统取消');
        cancelled++;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'INVALID_STATE') throw e;
        paid += (await this.ds.getRepository(Order).findOneByOrFail({ id })).status === 'PENDING_PAYMENT' ? 0 : 1;
      }
    }
    return { cancelled, paid };
  }

  async autoConfirm(): Promise<{ completed: number }> {
    const { autoConfirmDays } = await this.settings.get();
    const due = await this.ds.getRepository(Order).find({
      select: { id: true },
      where: { status: 'SHIPPED', shippedAt: LessThan(new Date(this.clock.now().getTime() - autoConfirmDays * DAY_MS)) },
      order: { id: 'ASC' },
      take: 500,
    });
    let completed = 0;
    for (const { id } of due) {
      try {
        await withTx(this.ds, (em) => this.lifecycle.transition(em, id, 'COMPLETED', 'system', '超时自动确认收货', { completedAt: this.clock.now() }));
        completed++;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'INVALID_STATE') throw e; // another instance got there first
      }
    }
    return { completed };
  }
}
