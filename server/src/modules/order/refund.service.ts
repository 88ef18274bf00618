import { Injectable } from '@nestjs/common';
import { canRefundTransition, OPEN_REFUND_STATUSES, ORDER_KIND_LABEL, ORDER_STATUS_LABEL, REFUND_STATUS_LABEL, shareOfUnits, type RefundStatus } from '@mc/shared';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError, conflict, notFound } from '../../common/errors';
import { rowLock, Tx, withTx } from '../../common/tx';
import { StockService } from '../catalog/stock.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { RefundLineDto } from './dto/order.dto';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { Refund, RefundLine } from './entities/refund.entity';
import { compareAndSet } from './compare-and-set';
import { insertWithBusinessNo } from './order-numbers';
import { OrderEvents } from './order-events';
import { OrderLifecycle } from './order-lifecycle.service';
import { refundableStatuses, refundView, shipsGoods } from './order-view';
import { afterSaleWindowOpen } from './order.service';

/**
 * Refunds as records: a customer asks (whole order or some lines), staff approve or reject, and
 * once the money is back (the payment module sends it to WeChat and reports the result through
 * `complete`) the order, its lines and the reacting modules settle. Every status change checks the
 * refund state table and is a compare-and-set.
 */
@Injectable()
export class RefundService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly lifecycle: OrderLifecycle,
    private readonly events: OrderEvents,
    private readonly stock: StockService,
    private readonly settings: StoreSettingsService,
    private readonly audit: AuditService,
  ) {}

  async request(customerId: number, orderId: number, reason: string, wanted: RefundLineDto[] | undefined) {
    const refund = await withTx(this.ds, async (tx) => {
      const { em } = tx;
      // the row lock serialises refund requests on one order
      const order = await em.findOne(Order, { where: { id: orderId, customerId }, lock: rowLock(em) });
      if (!order) throw notFound('订单');
      if (!shipsGoods(order)) throw conflict('INVALID_STATE', `${ORDER_KIND_LABEL[order.kind]}订单不能在这里申请退款`);
      const { afterSaleDays } = await this.settings.get(em);
      if (!refundableStatuses(order.status, afterSaleWindowOpen(order, afterSaleDays, this.clock.now()))) {
        throw conflict(
          'INVALID_STATE',
          order.status === 'COMPLETED' ? `订单已过 ${afterSaleDays} 天售后期，不能申请退款` : `订单状态为「${ORDER_STATUS_LABEL[order.status]}」，不能申请退款`,
        );
      }
      if (await em.existsBy(Refund, { orderId, status: In([...OPEN_REFUND_STATUSES]) })) {
        throw conflict('INVALID_STATE', '该订单已有退款正在处理中');
      }
      const lines = await em.find(OrderLine, { where: { orderId }, order: { id: 'ASC' } });
      const picks = wanted ?? lines.filter((l) => l.refundedQty < l.qty).map((l) => ({ orderLineId: l.id, qty: l.qty - l.refundedQty }));
      if (picks.length === 0) throw conflict('INVALID_STATE', '该订单的商品已全部退款');
      const refundLines: RefundLine[] = [];
      for (const pick of picks) {
        const line = lines.find((l) => l.id === pick.orderLineId);
        if (!line) throw new AppError(400, 'VALIDATION_FAILED', `订单商品 ${pick.orderLineId} 不属于该订单`);
        if (refundLines.some((r) => r.orderLineId === line.id)) throw new AppError(400, 'VALIDATION_FAILED', `订单商品 ${line.id} 重复出现`);
        if (pick.qty > line.qty - line.refundedQty) throw conflict('LIMIT_EXCEEDED', `订单商品 ${line.id} 最多还能退 ${line.qty - line.refundedQty} 件`);
        refundLines.push({ orderLineId: line.id, qty: pick.qty, amountCents: shareOfUnits(line.cashPaidCents, line.qty, line.refundedQty, pick.qty) });
      }
      const everythingAfter = lines.every((l) => l.qty - l.refundedQty === (refundLines.find((r) => r.orderLineId === l.id)?.qty ?? 0));
      const shippingCents = everythingAfter && order.shippedAt === null ? order.shippingPaidCents : 0;
      const amountCents = refundLines.reduce((s, r) => s + r.amountCents, 0) + shippingCents;
      return this.insert(tx, { order, status: 'REQUESTED', reason, amountCents, shippingCents, lines: refundLines });
    });
    return refundView(refund);
  }

  /**
   * A whole-order refund not tied to lines: APPROVED for what the system owes by itself (a payment
   * that arrived for a cancelled order, a fast card refund; its money goes out after commit),
   * REQUESTED for a card refund staff review.
   */
  async createForOrder(tx: Tx, order: Order, amountCents: number, reason: string, status: 'REQUESTED' | 'APPROVED' = 'APPROVED'): Promise<Refund> {
    const refund = await this.insert(tx, { order, status, reason, amountCents, shippingCents: 0, lines: [] });
    if (status === 'APPROVED') await this.events.emit('refundApproved', tx, { order, refund, byStaff: false });
    return refund;
  }

  private insert(tx: Tx, r: { order: Order; status: 'REQUESTED' | 'APPROVED'; reason: string; amountCents: number; shippingCents: number; lines: RefundLine[] }): Promise<Refund> {
    const now = this.clock.now();
    const automatic = r.status === 'APPROVED';
    return insertWithBusinessNo(now, 'R', (refundNo) =>
      tx.em.save(
        tx.em.create(Refund, {
          refundNo,
          orderId: r.order.id,
          customerId: r.order.customerId,
          status: r.status,
          reason: r.reason,
          amountCents: r.amountCents,
          shippingCents: r.shippingCents,
          lines: r.lines,
          reviewNote: automatic ? 'automatic' : null,
          reviewedBy: null,
          wechatRefundId: null,
          returnRequired: false,
          returnCarrier: null,
          returnTrackingNo: null,
          returnShippedAt: null,
          returnReceivedAt: null,
          payoutError: null,
          payoutFailedAt: null,
          createdAt: now,
          approvedAt: automatic ? now : null,
          refundedAt: null,
        }),
      ),
    );
  }

  /** The payment module's note of WeChat's id for a refund it sent (WeChat took it: no failure to show). */
  async recordWechatRefundId(refundId: number, wechatRefundId: string): Promise<void> {
    await this.ds.getRepository(Refund).update({ id: refundId }, { wechatRefundId, payoutError: null, payoutFailedAt: null });
  }

  /** The payment module's note that WeChat refused to send the money; staff see it and may retry. */
  async recordPayoutFailure(refundId: number, message: string): Promise<void> {
    await this.ds.getRepository(Refund).update({ id: refundId, status: 'APPROVED' }, { payoutError: message.slice(0, 200), payoutFailedAt: this.clock.now() });
  }

  /** An approval sets the amount a handler worked out (a card's unused days at approval). */
  async setAmount(tx: Tx, refund: Refund, amountCents: number): Promise<void> {
    await tx.em.update(Refund, { id: refund.id }, { amountCents });
    refund.amountCents = amountCents;
  }

  /**
   * Staff approve a request. Goods that were shipped come back first (AWAITING_RETURN: the money
   * waits for `receiveReturn`); otherwise the refund is APPROVED and the money goes out.
   */
  async approve(staffId: number, refundId: number, note: string | undefined) {
    await withTx(this.ds, async (tx) => {
      const current = await this.find(tx, refundId);
      const order = await tx.em.findOneByOrFail(Order, { id: current.orderId });
      const returnRequired = current.lines.length > 0 && order.shippedAt !== null;
      const review = { reviewedBy: staffId, reviewNote: note ?? null };
      // a handler may set the amount (a card's unused days), so the audit reads it from the event's refund
      const after = { ...current, ...review, status: returnRequired ? ('AWAITING_RETURN' as const) : ('APPROVED' as const) };
      if (returnRequired) {
        await this.move(tx, current, 'AWAITING_RETURN', { ...review, returnRequired: true }, '不能再审核', 'REQUESTED');
      } else {
        await this.move(tx, current, 'APPROVED', { ...review, approvedAt: this.clock.now() }, '不能再审核', 'REQUESTED');
        await this.events.emit('refundApproved', tx, { order, refund: after, byStaff: true });
      }
      await this.audit.record(tx.em, { staffId, action: 'refund.approve', targetType: 'refund', targetId: refundId, before: { status: current.status, amountCents: current.amountCents }, after: { status: after.status, amountCents: after.amountCents, note: note ?? null } });
    });
    return this.view(refundId);
  }

  async reject(staffId: number, refundId: number, note: string) {
    await withTx(this.ds, async (tx) => {
      const before = await this.move(tx, await this.find(tx, refundId), 'REJECTED', { reviewedBy: staffId, reviewNote: note }, '不能拒绝');
      await this.audit.record(tx.em, { staffId, action: 'refund.reject', targetType: 'refund', targetId: refundId, before: { status: before.status }, after: { status: 'REJECTED', note } });
    });
    return this.view(refundId);
  }

  /** The customer's parcel back: AWAITING_RETURN → RETURN_SHIPPED with its carrier and tracking number. */
  async shipReturn(customerId: number, orderId: number, refundId: number, carrier: string, trackingNo: string) {
    await withTx(this.ds, async (tx) => {
      const refund = await tx.em.findOneBy(Refund, { id: refundId, orderId, customerId });
      if (!refund) throw notFound('退款申请');
      await this.move(tx, refund, 'RETURN_SHIPPED', { returnCarrier: carrier, returnTrackingNo: trackingNo, returnShippedAt: this.clock.now() }, '不能填写退货物流');
    });
    return this.view(refundId);
  }

  /** Staff confirm the returned goods arrived: RETURN_SHIPPED → APPROVED, and the money goes out. */
  async receiveReturn(staffId: number, refundId: number, note: string | undefined) {
    await withTx(this.ds, async (tx) => {
      const current = await this.find(tx, refundId);
      const now = this.clock.now();
      const set = { returnReceivedAt: now, approvedAt: now, ...(note ? { reviewNote: note } : {}) };
      await this.move(tx, current, 'APPROVED', set, '不能确认收到退货', 'RETURN_SHIPPED');
      const order = await tx.em.findOneByOrFail(Order, { id: current.orderId });
      await this.events.emit('refundApproved', tx, { order, refund: { ...current, ...set, status: 'APPROVED' }, byStaff: true });
      await this.audit.record(tx.em, { staffId, action: 'refund.receive-return', targetType: 'refund', targetId: refundId, before: { status: current.status }, after: { status: 'APPROVED', amountCents: current.amountCents, note: note ?? null } });
    });
    return this.view(refundId);
  }

  /** Staff ask again for the money of an approved refund whose payout failed (the payment module does it). */
  async approvedForRetry(refundId: number): Promise<Refund> {
    const refund = await this.ds.getRepository(Refund).findOneBy({ id: refundId });
    if (!refund) throw notFound('退款申请');
    if (refund.status !== 'APPROVED') throw conflict('INVALID_STATE', `这笔退款当前为「${REFUND_STATUS_LABEL[refund.status]}」，不需要重试`);
    return refund;
  }

  async view(refundId: number) {
    return refundView(await this.ds.getRepository(Refund).findOneByOrFail({ id: refundId }));
  }

  private async find(tx: Tx, refundId: number): Promise<Refund> {
    const refund = await tx.em.findOneBy(Refund, { id: refundId });
    if (!refund) throw notFound('退款申请');
    return refund;
  }

  /**
   * A refund's status change, checked against REFUND_TRANSITIONS (and `only`, when just one state
   * may lead there) and applied as a compare-and-set; the row as it was.
   */
  private async move(tx: Tx, before: Refund, to: RefundStatus, set: Partial<Refund>, refusal: string, only?: RefundStatus): Promise<Refund> {
    const allowed = canRefundTransition(before.status, to) && (!only || before.status === only);
    if (!allowed || !(await compareAndSet(tx, Refund, before.id, before.status, { ...set, status: to }))) {
      throw conflict('INVALID_STATE', `这笔退款当前为「${REFUND_STATUS_LABEL[before.status]}」，${refusal}`);
    }
    return before;
  }

  /**
   * APPROVED → REFUNDED once (the payment module calls this when WeChat reports the money back):
   * lines and order record what went back, the reacting modules settle, a fully refunded order
   * becomes REFUNDED, and unshipped stock returns. A replay changes nothing.
   */
  async complete(refundNo: string, wechatRefundId: string | null): Promise<void> {
    await withTx(this.ds, async (tx) => {
      const { em } = tx;
      const refund = await em.findOneBy(Refund, { refundNo });
      if (!refund) throw notFound('退款申请');
      if (refund.status !== 'APPROVED') return; // completed already (replayed notification)
      const done = await compareAndSet(tx, Refund, refund.id, 'APPROVED', { status: 'REFUNDED', refundedAt: this.clock.now(), ...(wechatRefundId ? { wechatRefundId } : {}) });
      if (!done) return;
      for (const r of refund.lines) {
        await em.increment(OrderLine, { id: r.orderLineId }, 'refundedQty', r.qty);
        await em.increment(OrderLine, { id: r.orderLineId }, 'refundedCents', r.amountCents);
      }
      await em.increment(Order, { id: refund.orderId }, 'refundedCents', refund.amountCents);
      const order = await em.findOneOrFail(Order, { where: { id: refund.orderId }, lock: rowLock(em) });
      await this.events.emit('refunded', tx, { order, refund: { ...refund, status: 'REFUNDED' } });
      const lines = await em.find(OrderLine, { where: { orderId: order.id } });
      if (refund.lines.length && lines.every((l) => l.refundedQty === l.qty) && (order.status === 'PAID' || order.status === 'SHIPPED')) {
        await this.lifecycle.transition(tx, order, 'REFUNDED', 'system', `全额退款 ${refund.refundNo}`);
      }
      if (order.shippedAt === null && order.status !== 'CANCELLED') {
        await this.stock.releaseStock(tx, refund.lines.map((r) => ({ skuId: lines.find((l) => l.id === r.orderLineId)!.skuId, qty: r.qty })));
      }
    });
  }
}
