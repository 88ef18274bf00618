import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { WechatPayClient, WechatPayError, WechatRefund, WechatRefundNotice } from '../../wechat';
import { AuditService } from '../../common/audit/audit.service';
import { AppError } from '../../common/errors';
import { JobRegistry } from '../jobs/job-registry.service';
import { Refund } from '../order/entities/refund.entity';
import { RefundService } from '../order/refund.service';
import { Payment } from './entities/payment.entity';

export type NotifyOutcome = { status: number; body: { code: 'SUCCESS' | 'FAIL'; message?: string } };

/**
 * A refund's money at WeChat: an approved refund is sent (idempotent on out_refund_no), and the
 * refund notification or the sync job's query reports it back to the order module
 * (`RefundService.complete`).
 */
@Injectable()
export class RefundPayoutService implements OnModuleInit {
  private readonly logger = new Logger(RefundPayoutService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly wechatPay: WechatPayClient,
    private readonly refunds: RefundService,
    private readonly jobs: JobRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'sync-refunds',
      description: 'ask WeChat about approved refunds whose notification has not come, and resubmit lost ones',
      everyMs: 60_000,
      run: () => this.syncApproved(),
    });
  }

  /** Sends an approved refund to WeChat; nothing to send (0 fen, or never paid) completes at once. */
  async submit(refundId: number): Promise<void> {
    const refund = await this.ds.getRepository(Refund).findOneByOrFail({ id: refundId });
    if (refund.status !== 'APPROVED') return;
    const payment = await this.ds.getRepository(Payment).findOneBy({ orderId: refund.orderId, status: 'SUCCESS' });
    if (refund.amountCents === 0 || !payment) {
      await this.refunds.complete(refund.refundNo, null);
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
      await this.refunds.recordWechatRefundId(refund.id, res.refund_id);
      if (res.status === 'SUCCESS') await this.refunds.complete(refund.refundNo, res.refund_id);
    } catch (e) {
      // stays APPROVED with the reason, for staff to see and retry; the sync-refunds job asks again too
      this.logger.error({ err: e, refundNo: refund.refundNo }, 'refund submission failed');
      await this.refunds.recordPayoutFailure(refund.id, e instanceof WechatPayError ? `${e.message}（${e.code}）` : '微信支付暂时无法连接');
    }
  }

  /**
   * Staff retry an approved refund whose money did not go out. WeChat is asked first, under the
   * same out_refund_no: a refund it already has is followed (completed when it succeeded), and
   * only one it does not know is sent again, so a retry never pays twice.
   */
  async retry(staffId: number, refundId: number) {
    const refund = await this.refunds.approvedForRetry(refundId);
    let remote: WechatRefund | null;
    try {
      remote = await this.wechatPay.queryRefund(refund.refundNo);
    } catch (e) {
      this.logger.error({ err: e, refundNo: refund.refundNo }, 'refund query failed');
      throw new AppError(502, 'PAYMENT_ERROR', '暂时无法向微信支付查询这笔退款，请稍后再试');
    }
    if (!remote) await this.submit(refund.id);
    else if (remote.status === 'SUCCESS') await this.refunds.complete(refund.refundNo, remote.refund_id);
    else if (remote.status === 'PROCESSING') await this.refunds.recordWechatRefundId(refund.id, remote.refund_id);
    else await this.refunds.recordPayoutFailure(refund.id, `微信支付退款状态为 ${remote.status}，请在商户平台处理`);
    await this.audit.record(this.ds.manager, { staffId, action: 'refund.retry', targetType: 'refund', targetId: refundId, before: { payoutError: refund.payoutError }, after: { wechat: remote?.status ?? 'RESUBMITTED' } });
    return this.refunds.view(refundId);
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
    await this.refunds.complete(refund.refundNo, notice.refund_id);
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
      else if (remote.status === 'SUCCESS') await this.refunds.complete(r.refundNo, remote.refund_id);
      if ((await this.ds.getRepository(Refund).findOneByOrFail({ id: r.id })).status === 'REFUNDED') completed++;
    }
    return { checked: stale.length, completed };
  }
}
