import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ORDER_STATUS_LABEL } from '@mc/shared';
import { DataSource, In, LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, conflict, notFound } from '../../common/errors';
import { isDuplicateKey, withTx } from '../../common/tx';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WechatPayClient, WechatPayError, WechatPayTransaction } from '../../wechat';
import { Customer } from '../customer/entities/customer.entity';
import { JobRegistry } from '../jobs/job-registry.service';
import { Order } from '../order/entities/order.entity';
import { OrderEvents } from '../order/order-events';
import { OrderLifecycle } from '../order/order-lifecycle.service';
import { OrderQueries } from '../order/order-queries.service';
import { RefundService } from '../order/refund.service';
import { NotifyOutcome, RefundPayoutService } from './refund-payout.service';
import { Payment } from './entities/payment.entity';
import * as sql from '../../database/sql';

/** A prepay_id lives 2 hours at WeChat; we make a new one a little before that. */
const PREPAY_REUSE_MS = 110 * 60_000;


/**
 * WeChat Pay for orders: one payment (out_trade_no) per order, prepay reused while alive, and
 * the order moved to PAID exactly once however often or concurrently WeChat reports it.
 */
@Injectable()
export class PaymentService implements OnModuleInit {
  private readonly logger = new Logger(PaymentService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly wechatPay: WechatPayClient,
    private readonly lifecycle: OrderLifecycle,
    private readonly refunds: RefundService,
    private readonly payouts: RefundPayoutService,
    private readonly events: OrderEvents,
    private readonly queries: OrderQueries,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'sync-payments',
      description: 'ask WeChat about unpaid orders whose payment notification has not come',
      everyMs: 60_000,
      run: () => this.syncPending(),
    });
    // a cancel first asks WeChat whether the money was taken (then the order is paid, not cancelled)
    this.events.beforeCancel(async (order) => {
      if (await this.settleIfPaidAtWechat(order.id)) throw conflict('INVALID_STATE', '订单刚刚已支付成功，不能取消');
    });
    this.events.register('payment', {
      // the customer can no longer pay a cancelled order at WeChat (best effort)
      cancelled: async (tx, { order }) => tx.afterCommit(() => this.closeAtWechat(order.id)),
      // an approved refund's money goes out once its approval has committed
      refundApproved: async (tx, { refund }) => tx.afterCommit(() => this.payouts.submit(refund.id)),
    });
    this.queries.setPaymentLookup((orderId) => this.ds.getRepository(Payment).findOneBy({ orderId }));
  }

  async pay(customerId: number, orderId: number) {
    // one read: the order, its payment if any, and the payer's openid
    const em = this.ds.manager;
    const [raw] = await sql.rows(
      em,
      `SELECT ${sql.columns(em, Order, 'o')}, ${sql.columns(em, Payment, 'p')}, c.openid AS c_openid FROM ${sql.table(em, Order, 'o')}` +
        ` LEFT JOIN ${sql.table(em, Payment, 'p')} ON p.orderId = o.id JOIN ${sql.table(em, Customer, 'c')} ON c.id = o.customerId WHERE o.id = ? AND o.customerId = ?`,
      [orderId, customerId],
    );
    const order = raw && { ...sql.hydrate(em, Order, raw, 'o')!, payment: sql.hydrate(em, Payment, raw, 'p'), openid: String(raw.c_openid) };
    if (!order) throw notFound('订单');
    if (order.status !== 'PENDING_PAYMENT') throw conflict('INVALID_STATE', `订单状态为「${ORDER_STATUS_LABEL[order.status]}」，无法支付`);
    if (order.expiresAt && order.expiresAt <= this.clock.now()) throw conflict('INVALID_STATE', '订单已超过支付时限，请重新下单');
    if (order.payableCents === 0) {
      await withTx(this.ds, (tx) => this.lifecycle.transition(tx, order.id, 'PAID', `customer:${customerId}`, '应付金额为 0，直接完成支付', { paidAt: this.clock.now() }));
      return { paid: true as const };
    }
    const payment = order.payment;
    if (payment?.status === 'SUCCESS') throw conflict('INVALID_STATE', '订单已支付，请勿重复支付');
    let prepayId = payment?.prepayId ?? null;
    const now = this.clock.now();
    if (!payment || !prepayId || !payment.prepayAt || now.getTime() - payment.prepayAt.getTime() > PREPAY_REUSE_MS) {
      // one payment (out_trade_no = order number) per order: WeChat answers a repeated prepay of the
      // same out_trade_no with the same prepay_id, so concurrent first payments converge
      const outTradeNo = payment?.outTradeNo ?? order.orderNo;
      const amountCents = payment?.amountCents ?? order.payableCents;
      try {
        ({ prepayId } = await this.wechatPay.jsapiPrepay({ outTradeNo, description: `订单 ${order.orderNo}`, totalCents: amountCents, openid: order.openid }));
      } catch (e) {
        if (e instanceof WechatPayError && e.code === 'ORDERPAID') {
          await this.settleIfPaidAtWechat(order.id);
          throw conflict('INVALID_STATE', '订单已支付，请勿重复支付');
        }
        this.logger.error({ err: e, orderId }, 'prepay failed');
        throw new AppError(502, 'PAYMENT_ERROR', '微信支付暂时不可用，请稍后再试');
      }
      if (payment) {
        await this.ds.getRepository(Payment).update({ id: payment.id }, { prepayId, prepayAt: now });
      } else {
        try {
          await sql.insert(em, Payment, [{ orderId: order.id, outTradeNo, amountCents, status: 'CREATED', prepayId, prepayAt: now, transactionId: null, paidAt: null, createdAt: now }]);
        } catch (e) {
          if (!isDuplicateKey(e)) throw e; // a concurrent /pay stored the same out_trade_no first
        }
      }
    }
    const params = await this.wechatPay.requestPaymentParams(prepayId!);
    return {
      paid: false as const,
      params,
      ...(this.config.wechatSim ? { simulatorPayUrl: `${this.config.wechat.payApiBase}/_sim/pay-page?prepayId=${encodeURIComponent(prepayId!)}` } : {}),
    };
  }

  /** POST /api/payments/wechat/notify: verify, decrypt, check, settle once. */
  async handleNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<NotifyOutcome> {
    let tx: WechatPayTransaction;
    try {
      const n = this.wechatPay.parseNotification<WechatPayTransaction>(headers, rawBody);
      if (n.eventType !== 'TRANSACTION.SUCCESS') return { status: 200, body: { code: 'SUCCESS' } };
      tx = n.resource;
    } catch (e) {
      this.logger.warn({ err: e }, 'payment notification rejected');
      return { status: 401, body: { code: 'FAIL', message: 'signature verification failed' } };
    }
    return this.settleTransaction(tx);
  }

  /** Applies a transaction WeChat reported (notification or query) to our payment, once. */
  async settleTransaction(tx: WechatPayTransaction): Promise<NotifyOutcome> {
    if (tx.mchid !== this.config.wechat.mchId || tx.appid !== this.config.wechat.appId) {
      this.logger.error({ tx }, 'payment for another merchant or app');
      return { status: 400, body: { code: 'FAIL', message: 'mchid or appid mismatch' } };
    }
    // with its order as it is now: the transition below compare-and-sets on that status
    const db = this.ds.manager;
    const [raw] = await sql.rows(
      db,
      `SELECT ${sql.columns(db, Payment, 'p')}, ${sql.columns(db, Order, 'o')} FROM ${sql.table(db, Payment, 'p')} JOIN ${sql.table(db, Order, 'o')} ON o.id = p.orderId WHERE p.outTradeNo = ?`,
      [tx.out_trade_no],
    );
    const payment = raw && { ...sql.hydrate(db, Payment, raw, 'p')!, order: sql.hydrate(db, Order, raw, 'o')! };
    if (!payment) return { status: 404, body: { code: 'FAIL', message: 'unknown out_trade_no' } };
    if (tx.amount.total !== payment.amountCents) {
      this.logger.error({ outTradeNo: tx.out_trade_no, reported: tx.amount.total, expected: payment.amountCents }, 'payment amount mismatch');
      return { status: 400, body: { code: 'FAIL', message: 'amount mismatch' } };
    }
    if (tx.trade_state !== 'SUCCESS') return { status: 200, body: { code: 'SUCCESS' } };
    const paidAt = tx.success_time ? new Date(tx.success_time) : this.clock.now();
    await withTx(this.ds, async (dbTx) => {
      const settled = sql.assignments(dbTx, Payment, { status: 'SUCCESS', transactionId: tx.transaction_id ?? null, paidAt });
      const reason = `微信支付成功 ${tx.transaction_id ?? ''}`.trim();
      // the payment's and the order's compare-and-set go out together (payment first), in one round trip
      const [changedRows, paidOrder] = await Promise.all([
        dbTx.execute(`UPDATE ${sql.table(dbTx, Payment)} SET ${settled.clause} WHERE id = ? AND status IN (?, ?)`, [...settled.params, payment.id, 'CREATED', 'CLOSED']),
        payment.order.status === 'PENDING_PAYMENT' ? this.lifecycle.tryTransition(dbTx, payment.order, 'PAID', 'wechat', reason, { paidAt }) : null,
      ]);
      if (changedRows !== 1) {
        // a replay: already settled, and so is its order (both change in one transaction)
        if (paidOrder) throw new Error(`payment ${payment.id} was settled but its order ${payment.orderId} was still unpaid`);
        return;
      }
      if (paidOrder) return;
      // not pending when read, or changed since: decide on the row as it is now
      const order = await dbTx.em.findOneByOrFail(Order, { id: payment.orderId });
      if (order.status === 'PENDING_PAYMENT') {
        await this.lifecycle.transition(dbTx, order, 'PAID', 'wechat', reason, { paidAt });
        return;
      }
      // paid after the order was cancelled (timeout): the money goes straight back (sent after commit)
      await this.refunds.createForOrder(dbTx, order, payment.amountCents, '订单已取消，支付款自动退回');
    });
    return { status: 200, body: { code: 'SUCCESS' } };
  }

  /** Query fallback: if WeChat says the order's payment succeeded, settle it now. */
  async settleIfPaidAtWechat(orderId: number): Promise<boolean> {
    const payment = await this.ds.getRepository(Payment).findOneBy({ orderId });
    if (!payment || !payment.prepayId) return false;
    if (payment.status === 'SUCCESS') return true;
    const tx = await this.wechatPay.queryByOutTradeNo(payment.outTradeNo);
    if (!tx || tx.trade_state !== 'SUCCESS') return false;
    await this.settleTransaction(tx);
    return true;
  }

  /** After a cancel: close the transaction so the customer can no longer pay it (best effort). */
  async closeAtWechat(orderId: number): Promise<void> {
    const payment = await this.ds.getRepository(Payment).findOneBy({ orderId, status: 'CREATED' });
    if (!payment?.prepayId) return;
    try {
      await this.wechatPay.close(payment.outTradeNo);
      await this.ds.getRepository(Payment).update({ id: payment.id, status: 'CREATED' }, { status: 'CLOSED' });
    } catch (e) {
      this.logger.warn({ err: e, orderId }, 'closing the WeChat transaction failed');
    }
  }

  async syncPending(): Promise<{ checked: number; paid: number }> {
    const stale = await this.ds.getRepository(Payment).find({
      where: { status: 'CREATED', prepayAt: LessThan(new Date(this.clock.now().getTime() - 60_000)) },
      order: { id: 'ASC' },
      take: 200,
    });
    const pending = stale.length
      ? await this.ds.getRepository(Order).find({ select: { id: true }, where: { id: In(stale.map((p) => p.orderId)), status: 'PENDING_PAYMENT' } })
      : [];
    let paid = 0;
    for (const { id } of pending) if (await this.settleIfPaidAtWechat(id)) paid++;
    return { checked: pending.length, paid };
  }
}
