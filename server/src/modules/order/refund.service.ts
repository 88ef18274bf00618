import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { cardProRataRefundCents, ORDER_KIND_LABEL, ORDER_STATUS_LABEL, REFUND_STATUS_LABEL } from '@mc/shared';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock, DAY_MS } from '../../common/clock';
import { AppError, conflict, notFound } from '../../common/errors';
import { Paged, skipTake } from '../../common/pagination';
import { rowLock, withTx } from '../../common/tx';
import { WechatPayClient, WechatRefundNotice } from '../../wechat';
import { JobRegistry } from '../jobs/job-registry.service';
import { MembershipService } from '../membership/membership.service';
import { TierService } from '../membership/tier.service';
import { PointsService } from '../points/points.service';
import { Payment } from '../payment/entities/payment.entity';
import { StoreSettingsService } from '../settings/store-settings.service';
import type { NotifyOutcome } from '../payment/payment.service';
import { RefundLineDto } from './dto/order.dto';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { Refund, RefundLine } from './entities/refund.entity';
import { insertWithBusinessNo } from './order-numbers';
import { OrderLifecycle } from './order-lifecycle.service';
import { refundableStatuses, refundView } from './order-view';


/**
 * The cash paid for units `done+1 … done+k` of a line: the line's cash spread over its units so
 * that refunding every unit, in any number of steps, returns exactly the line's cash to the fen.
 */
export function cashForUnits(line: Pick<OrderLine, 'cashPaidCents' | 'qty'>, done: number, k: number): number {
  const upTo = (n: number) => Math.floor((line.cashPaidCents * n) / line.qty);
  return upTo(done + k) - upTo(done);
}

/**
 * Refunds: a customer asks (whole order or some lines), staff approve or reject, approval calls
 * WeChat's refund API, and the refund notification (or the sync job's query) completes it.
 */
@Injectable()
export class RefundService implements OnModuleInit {
  private readonly logger = new Logger(RefundService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly wechatPay: WechatPayClient,
    private readonly lifecycle: OrderLifecycle,
    private readonly settings: StoreSettingsService,
    private readonly audit: AuditService,
    private readonly jobs: JobRegistry,
    private readonly tiers: TierService,
    private readonly membership: MembershipService,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'sync-refunds',
      description: 'ask WeChat about approved refunds whose notification has not come, and resubmit lost ones',
      everyMs: 60_000,
      run: () => this.syncApproved(),
    });
  }

  async request(customerId: number, orderId: number, reason: string, wanted: RefundLineDto[] | undefined) {
    const refund = await withTx(this.ds, async (em) => {
      // the row lock serialises refund requests on one order
      const order = await em.findOne(Order, { where: { id: orderId, customerId }, lock: rowLock(em) });
      if (!order) throw notFound('订单');
      if (order.kind !== 'GOODS') throw conflict('INVALID_STATE', `${ORDER_KIND_LABEL[order.kind]}订单不能在这里申请退款`);
      const { afterSaleDays } = await this.settings.get(em);
      const windowOpen = order.completedAt !== null && this.clock.now().getTime() < order.completedAt.getTime() + afterSaleDays * DAY_MS;
      if (!refundableStatuses(order.status, windowOpen)) {
        throw conflict(
          'INVALID_STATE',
          order.status === 'COMPLETED' ? `订单已过 ${afterSaleDays} 天售后期，不能申请退款` : `订单状态为「${ORDER_STATUS_LABEL[order.status]}」，不能申请退款`,
        );
      }
      if (await em.existsBy(Refund, { orderId, status: In(['REQUESTED', 'APPROVED']) })) {
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
        refundLines.push({ orderLineId: line.id, qty: pick.qty, amountCents: cashForUnits(line, line.refundedQty, pick.qty) });
      }
      const everythingAfter = lines.every((l) => l.qty - l.refundedQty === (refundLines.find((r) => r.orderLineId === l.id)?.qty ?? 0));
      const shippingCents = everythingAfter && order.shippedAt === null ? order.shippingPaidCents : 0;
      const amountCents = refundLines.reduce((s, r) => s + r.amountCents, 0) + shippingCents;
      return insertWithBusinessNo(this.clock.now(), 'R', (refundNo) =>
        em.save(
          em.create(Refund, {
            refundNo,
            orderId,
            customerId,
            status: 'REQUESTED',
            reason,
            amountCents,
            shippingCents,
            lines: refundLines,
            reviewNote: null,
            reviewedBy: null,
            wechatRefundId: null,
            createdAt: this.clock.now(),
            approvedAt: null,
            refundedAt: null,
          }),
        ),
      );
    });
    return refundView(refund);
  }

  /**
   * A whole-order refund not tied to lines: APPROVED for what the system owes by itself (a payment
   * that arrived for a cancelled order, a fast card refund), REQUESTED for a card refund staff review.
   */
  async createForOrder(em: EntityManager, order: Order, amountCents: number, reason: string, status: 'REQUESTED' | 'APPROVED' = 'APPROVED'): Promise<number> {
    const now = this.clock.now();
    const refund = await insertWithBusinessNo(now, 'R', (refundNo) =>
      em.save(
        em.create(Refund, {
          refundNo,
          orderId: order.id,
          customerId: order.customerId,
          status,
          reason,
          amountCents,
          shippingCents: 0,
          lines: [],
          reviewNote: status === 'APPROVED' ? 'automatic' : null,
          reviewedBy: null,
          wechatRefundId: null,
          createdAt: now,
          approvedAt: status === 'APPROVED' ? now : null,
          refundedAt: null,
        }),
      ),
    );
    return refund.id;
  }

  async approve(staffId: number, refundId: number, note: string | undefined) {
    await withTx(this.ds, async (em) => {
      const before = await em.findOneBy(Refund, { id: refundId });
      if (!before) throw notFound('退款申请');
      const res = await em.update(Refund, { id: refundId, status: 'REQUESTED' }, { status: 'APPROVED', reviewedBy: staffId, reviewNote: note ?? null, approvedAt: this.clock.now() });
      if (!res.affected) throw conflict('INVALID_STATE', `这笔退款当前为「${REFUND_STATUS_LABEL[before.status]}」，不能再审核`);
      const amountCents = await this.settleCardRefund(em, before);
      await this.audit.record(em, { staffId, action: 'refund.approve', targetType: 'refund', targetId: refundId, before: { status: before.status, amountCents: before.amountCents }, after: { status: 'APPROVED', amountCents, note: note ?? null } });
    });
    await this.submit(refundId);
    return refundView(await this.ds.getRepository(Refund).findOneByOrFail({ id: refundId }));
  }

  /** A card refund is worth the card's unused days at approval, and takes them off the card. */
  private async settleCardRefund(em: EntityManager, refund: Refund): Promise<number> {
    const order = await em.findOneByOrFail(Order, { id: refund.orderId });
    if (order.kind !== 'MEMBER_CARD') return refund.amountCents;
    const period = await this.membership.periodForOrder(em, order.id);
    if (!period || period.refundedAt) throw conflict('INVALID_STATE', '这张会员卡已退');
    const amountCents = cardProRataRefundCents(period, this.clock.now());
    await em.update(Refund, { id: refund.id }, { amountCents });
    await this.membership.revokePeriod(em, period);
    return amountCents;
  }

  async reject(staffId: number, refundId: number, note: string) {
    await withTx(this.ds, async (em) => {
      const before = await em.findOneBy(Refund, { id: refundId });
      if (!before) throw notFound('退款申请');
      const res = await em.update(Refund, { id: refundId, status: 'REQUESTED' }, { status: 'REJECTED', reviewedBy: staffId, reviewNote: note });
      if (!res.affected) throw conflict('INVALID_STATE', `这笔退款当前为「${REFUND_STATUS_LABEL[before.status]}」，不能再审核`);
      await this.audit.record(em, { staffId, action: 'refund.reject', targetType: 'refund', targetId: refundId, before: { status: before.status }, after: { status: 'REJECTED', note } });
    });
    return refundView(await this.ds.getRepository(Refund).findOneByOrFail({ id: refundId }));
  }

  /** Sends an approved refund to WeChat (idempotent on out_refund_no); nothing to send completes at once. */
  async submit(refundId: number): Promise<void> {
    const refund = await this.ds.getRepository(Refund).findOneByOrFail({ id: refundId });
    if (refund.status !== 'APPROVED') return;
    const payment = await this.ds.getRepository(Payment).findOneBy({ orderId: refund.orderId, status: 'SUCCESS' });
    if (refund.amountCents === 0 || !payment) {
      await this.complete(refund.refundNo, null);
      return;
    }
    try {
      const res = await this.wechatPay.refund({
        outTradeNo: payment.outTradeNo,
        outRefundNo: refund.refundNo,
        refundCents: refund.amountCents,
        totalCents: payment.amountCents,
        reason: refund.reason.slice(0, 80),
      });
      await this.ds.getRepository(Refund).update({ id: refund.id }, { wechatRefundId: res.refund_id });
      if (res.status === 'SUCCESS') await this.complete(refund.refundNo, res.refund_id);
    } catch (e) {
      // stays APPROVED; the sync-refunds job asks again
      this.logger.error({ err: e, refundNo: refund.refundNo }, 'refund submission failed');
    }
  }

  /** APPROVED → REFUNDED once: lines and order record what went back, unshipped stock returns. */
  async complete(refundNo: string, wechatRefundId: string | null): Promise<void> {
    await withTx(this.ds, async (em) => {
      const refund = await em.findOneBy(Refund, { refundNo });
      if (!refund) throw notFound('退款申请');
      const res = await em.update(Refund, { id: refund.id, status: 'APPROVED' }, { status: 'REFUNDED', refundedAt: this.clock.now(), ...(wechatRefundId ? { wechatRefundId } : {}) });
      if (!res.affected) return; // completed already (replayed notification)
      const order = await em.findOneByOrFail(Order, { id: refund.orderId });
      for (const r of refund.lines) {
        await em.increment(OrderLine, { id: r.orderLineId }, 'refundedQty', r.qty);
        await em.increment(OrderLine, { id: r.orderLineId }, 'refundedCents', r.amountCents);
      }
      await em.increment(Order, { id: order.id }, 'refundedCents', refund.amountCents);
      // growth follows the cash kept; points and commission the order granted are reversed here too
      if (order.status === 'COMPLETED' && order.kind === 'GOODS') {
        await this.tiers.settleOrder(em, { ...order, refundedCents: order.refundedCents + refund.amountCents }, `refund:${refund.refundNo}`);
      }
      await this.points.reverseForRefund(em, order.id, refund);
      const lines = await em.find(OrderLine, { where: { orderId: order.id } });
      if (refund.lines.length && lines.every((l) => l.refundedQty === l.qty) && (order.status === 'PAID' || order.status === 'SHIPPED')) {
        await this.lifecycle.transition(em, order.id, 'REFUNDED', 'system', `全额退款 ${refund.refundNo}`);
      }
      if (order.shippedAt === null && order.status !== 'CANCELLED') await this.lifecycle.returnStock(em, lines, refund.lines);
    });
  }

  async handleNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<NotifyOutcome> {
    let notice: WechatRefundNotice;
    try {
      const n = this.wechatPay.parseNotification<WechatRefundNotice>(headers, rawBody);
      if (n.eventType !== 'REFUND.SUCCESS') return { status: 200, body: { code: 'SUCCESS' } };
      notice = n.resource;
    } catch (e) {
      this.logger.warn({ err: e }, 'refund notification rejected');
      return { status: 401, body: { code: 'FAIL', message: 'signature verification failed' } };
    }
    const refund = await this.ds.getRepository(Refund).findOneBy({ refundNo: notice.out_refund_no });
    if (!refund) return { status: 404, body: { code: 'FAIL', message: 'unknown out_refund_no' } };
    if (notice.amount.refund !== refund.amountCents) {
      this.logger.error({ refundNo: refund.refundNo, reported: notice.amount.refund }, 'refund amount mismatch');
      return { status: 400, body: { code: 'FAIL', message: 'amount mismatch' } };
    }
    await this.complete(refund.refundNo, notice.refund_id);
    return { status: 200, body: { code: 'SUCCESS' } };
  }

  async syncApproved(): Promise<{ checked: number; completed: number }> {
    const stale = await this.ds.getRepository(Refund).find({
      where: { status: 'APPROVED', approvedAt: LessThan(new Date(this.clock.now().getTime() - 60_000)) },
      order: { id: 'ASC' },
      take: 200,
    });
    let completed = 0;
    for (const r of stale) {
      const remote = await this.wechatPay.queryRefund(r.refundNo);
      if (!remote) await this.submit(r.id);
      else if (remote.status === 'SUCCESS') await this.complete(r.refundNo, remote.refund_id);
      if ((await this.ds.getRepository(Refund).findOneByOrFail({ id: r.id })).status === 'REFUNDED') completed++;
    }
    return { checked: stale.length, completed };
  }

  async adminList(q: { status?: string; page: number; pageSize: number }): Promise<Paged<ReturnType<typeof refundView> & { orderNo: string; customerId: number }>> {
    const where = q.status ? { status: q.status as Refund['status'] } : {};
    const [rows, total] = await this.ds.getRepository(Refund).findAndCount({ where, order: { id: 'DESC' }, ...skipTake(q) });
    const orders = rows.length ? await this.ds.getRepository(Order).findBy({ id: In(rows.map((r) => r.orderId)) }) : [];
    const lines = orders.length ? await this.ds.getRepository(OrderLine).findBy({ orderId: In(orders.map((o) => o.id)) }) : [];
    return {
      items: rows.map((r) => ({
        ...refundView(r),
        lines: r.lines.map((l) => ({ ...l, title: lines.find((x) => x.id === l.orderLineId)?.title ?? '' })),
        orderNo: orders.find((o) => o.id === r.orderId)?.orderNo ?? '',
        customerId: r.customerId,
      })),
      total,
    };
  }
}
