import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { creditAvailable, formatYuan, storeDayAt, type AdminWithdrawalView, type WithdrawalView } from '@mc/shared';
import { randomInt } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict, notFound } from '../../common/errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { withTx, type Tx } from '../../common/tx';
import { WechatPayClient, WechatSignatureError, type WechatTransferBill } from '../../wechat';
import { Customer } from '../customer/entities/customer.entity';
import { JobRegistry } from '../jobs/job-registry.service';
import { compareAndSet } from '../order/compare-and-set';
import { StoreSettingsService } from '../settings/store-settings.service';
import { CommissionLedgerService } from './commission-ledger.service';
import { CommissionService } from './commission.service';
import { Distributor } from './entities/distributor.entity';
import { Withdrawal } from './entities/withdrawal.entity';

export function withdrawalView(w: Withdrawal): WithdrawalView {
  return {
    id: w.id,
    amountCents: w.amountCents,
    status: w.status,
    createdAt: w.createdAt.toISOString(),
    reviewedAt: w.reviewedAt?.toISOString() ?? null,
    paidAt: w.paidAt?.toISOString() ?? null,
    failReason: w.failReason,
  };
}

/** 'WD' + the store day + 14 digits: letters and digits only, as WeChat's out_bill_no wants (5–32). */
const outBatchNo = (day: string) => `WD${day.replace(/-/g, '')}${Array.from({ length: 14 }, () => randomInt(10)).join('')}`;

/**
 * Withdrawals of available commission: asked for by the distributor (available → frozen, at once
 * and atomically), approved by staff and paid by a WeChat merchant transfer (frozen → withdrawn),
 * or rejected / failed (frozen → available). The transfer's out_bill_no is drawn once, so asking
 * WeChat again (a timeout, the `sync-transfers` job) can never pay twice.
 */
@Injectable()
export class WithdrawalService implements OnModuleInit {
  private readonly logger = new Logger('Withdrawals');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: CommissionLedgerService,
    private readonly commissions: CommissionService,
    private readonly audit: AuditService,
    private readonly wechatPay: WechatPayClient,
    private readonly jobs: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'sync-transfers', description: 'ask WeChat about approved withdrawals whose transfer has no final answer yet; send it again when WeChat never got it', everyMs: 60_000, run: () => this.syncApproved() });
  }

  /**
   * 400 below the minimum; 409 LIMIT_EXCEEDED over the day's cap, INSUFFICIENT_BALANCE beyond the
   * available balance, INVALID_STATE when not an approved distributor. Under the distributor's row
   * lock, so parallel requests for the whole balance give it to exactly one.
   */
  create(customerId: number, amountCents: number, key: string | undefined): Promise<WithdrawalView> {
    return this.idempotency.run(customerId, key, 'POST /api/distributors/me/withdrawals', { amountCents }, async (tx) => {
      const s = await this.settings.get(tx.em);
      if (amountCents < s.withdrawMinCents) {
        throw badRequest(`提现金额不能少于 ${formatYuan(s.withdrawMinCents)} 元`, { fields: [{ field: 'amountCents', problems: [`不能少于 ${s.withdrawMinCents}`] }] });
      }
      const found = await tx.em.findOneBy(Distributor, { customerId });
      if (!found || found.status !== 'APPROVED') throw conflict('INVALID_STATE', '只有已通过审核的分销员可以提现');
      const d = await this.ledger.lock(tx, found.id);
      const now = this.clock.now();
      const day = storeDayAt(s.timezone, now);
      const today = await tx.em.sum(Withdrawal, 'amountCents', { distributorId: d.id, storeDay: day, status: Not(In(['REJECTED', 'FAILED'])) });
      if ((today ?? 0) + amountCents > s.withdrawDailyCapCents) {
        throw conflict('LIMIT_EXCEEDED', `每天最多提现 ${formatYuan(s.withdrawDailyCapCents)} 元，今天还能提现 ${formatYuan(Math.max(0, s.withdrawDailyCapCents - (today ?? 0)))} 元`);
      }
      if (d.availableCents < amountCents) throw conflict('INSUFFICIENT_BALANCE', `可提现余额不足：可提现 ${formatYuan(d.availableCents)} 元`);
      const id = await tx.insert(Withdrawal, [
        { distributorId: d.id, amountCents, status: 'PENDING', storeDay: day, outBatchNo: outBatchNo(day), transferBillNo: null, failReason: null, reviewedBy: null, createdAt: now, reviewedAt: null, paidAt: null },
      ]);
      await this.ledger.post(tx, d, { kind: 'FREEZE', movement: { availableDelta: -amountCents, frozenDelta: amountCents }, dedupeKey: `freeze:withdrawal:${id}`, withdrawalId: id, memo: `申请提现 ${formatYuan(amountCents)} 元` });
      return withdrawalView(await tx.em.findOneByOrFail(Withdrawal, { id }));
    });
  }

  async listOwn(customerId: number, q: PageQuery): Promise<Paged<WithdrawalView>> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ customerId });
    if (!d) return { items: [], total: 0 };
    const [rows, total] = await this.ds.getRepository(Withdrawal).findAndCount({ where: { distributorId: d.id }, order: { id: 'DESC' }, ...skipTake(q) });
    return { items: rows.map(withdrawalView), total };
  }

  async listAll(status: Withdrawal['status'] | undefined, q: PageQuery): Promise<Paged<AdminWithdrawalView>> {
    const [rows, total] = await this.ds.getRepository(Withdrawal).findAndCount({ where: status ? { status } : {}, order: { id: 'DESC' }, ...skipTake(q) });
    return { items: await this.adminViews(rows), total };
  }

  async view(id: number): Promise<AdminWithdrawalView> {
    const w = await this.ds.getRepository(Withdrawal).findOneBy({ id });
    if (!w) throw notFound('提现申请');
    return (await this.adminViews([w]))[0];
  }

  /** Staff approve: PENDING → APPROVED (audited), then the transfer is sent; its answer settles the withdrawal. */
  async approve(staffId: number, id: number): Promise<AdminWithdrawalView> {
    await withTx(this.ds, async (tx) => {
      const w = await this.pending(tx, id);
      if (!(await compareAndSet(tx, Withdrawal, id, 'PENDING', { status: 'APPROVED', reviewedBy: staffId, reviewedAt: this.clock.now() }))) throw this.notPending();
      await this.audit.record(tx.em, { staffId, action: 'withdrawal.approve', targetType: 'withdrawal', targetId: id, before: { status: w.status, amountCents: w.amountCents }, after: { status: 'APPROVED', outBatchNo: w.outBatchNo } });
    });
    await this.sendTransfer(id);
    return this.view(id);
  }

  /** Staff reject: PENDING → REJECTED, the money back to available (audited). */
  async reject(staffId: number, id: number, reason: string): Promise<AdminWithdrawalView> {
    await withTx(this.ds, async (tx) => {
      const w = await this.pending(tx, id);
      const d = await this.ledger.lock(tx, w.distributorId);
      if (!(await compareAndSet(tx, Withdrawal, id, 'PENDING', { status: 'REJECTED', reviewedBy: staffId, reviewedAt: this.clock.now(), failReason: reason }))) throw this.notPending();
      await this.giveBack(tx, d, w, `提现被拒绝：${reason}`);
      await this.audit.record(tx.em, { staffId, action: 'withdrawal.reject', targetType: 'withdrawal', targetId: id, before: { status: w.status, amountCents: w.amountCents }, after: { status: 'REJECTED', reason } });
    });
    return this.view(id);
  }

  /**
   * Sends (or sends again: the same out_bill_no) the transfer of an APPROVED withdrawal and acts on
   * WeChat's answer. A network failure or timeout leaves it APPROVED for `sync-transfers`.
   */
  async sendTransfer(id: number): Promise<void> {
    const w = await this.ds.getRepository(Withdrawal).findOneBy({ id });
    if (!w || w.status !== 'APPROVED') return;
    const d = await this.ds.getRepository(Distributor).findOneByOrFail({ id: w.distributorId });
    const customer = await this.ds.getRepository(Customer).findOneByOrFail({ id: d.customerId });
    let bill: WechatTransferBill;
    try {
      bill = await this.wechatPay.transfer({ outBillNo: w.outBatchNo, openid: customer.openid, amountCents: w.amountCents, remark: '分销佣金提现' });
    } catch (err) {
      this.logger.warn({ err, withdrawalId: id }, 'transfer not confirmed; sync-transfers will ask WeChat');
      return;
    }
    await this.resolve(w.outBatchNo, bill);
  }

  /** WeChat's word on a transfer: SUCCESS pays the withdrawal, FAIL or CANCELLED gives the money back; anything else waits. */
  async resolve(outBatchNo: string, bill: Pick<WechatTransferBill, 'state' | 'transfer_bill_no' | 'fail_reason'>): Promise<void> {
    if (bill.state !== 'SUCCESS' && bill.state !== 'FAIL' && bill.state !== 'CANCELLED') return;
    await withTx(this.ds, async (tx) => {
      const w = await tx.em.findOneBy(Withdrawal, { outBatchNo });
      if (!w || w.status !== 'APPROVED') return;
      const d = await this.ledger.lock(tx, w.distributorId);
      const now = this.clock.now();
      if (bill.state === 'SUCCESS') {
        if (!(await compareAndSet(tx, Withdrawal, w.id, 'APPROVED', { status: 'PAID', paidAt: now, transferBillNo: bill.transfer_bill_no }))) return;
        await this.ledger.post(tx, d, { kind: 'PAYOUT', movement: { frozenDelta: -w.amountCents, withdrawnDelta: w.amountCents }, dedupeKey: `payout:withdrawal:${w.id}`, withdrawalId: w.id, memo: `提现 ${formatYuan(w.amountCents)} 元已到账` });
        await this.commissions.markWithdrawn(tx, d);
      } else {
        const reason = bill.fail_reason ?? bill.state;
        if (!(await compareAndSet(tx, Withdrawal, w.id, 'APPROVED', { status: 'FAILED', failReason: `转账失败：${reason}`.slice(0, 200), transferBillNo: bill.transfer_bill_no ?? null }))) return;
        await this.giveBack(tx, d, w, `提现转账失败（${reason}），金额退回`);
        await this.audit.record(tx.em, { staffId: null, action: 'withdrawal.transfer-failed', targetType: 'withdrawal', targetId: w.id, before: { status: 'APPROVED' }, after: { status: 'FAILED', reason } });
      }
    });
  }

  /** The `sync-transfers` job: every APPROVED withdrawal is asked about; one WeChat never got is sent again (same out_bill_no). */
  async syncApproved(): Promise<{ checked: number; paid: number; failed: number }> {
    const open = await this.ds.getRepository(Withdrawal).find({ where: { status: 'APPROVED' }, order: { id: 'ASC' }, take: 200 });
    for (const w of open) {
      let bill: WechatTransferBill | null;
      try {
        bill = await this.wechatPay.queryTransfer(w.outBatchNo);
      } catch (err) {
        this.logger.warn({ err, withdrawalId: w.id }, 'transfer query failed');
        continue;
      }
      if (bill) await this.resolve(w.outBatchNo, bill);
      else await this.sendTransfer(w.id);
    }
    const after = open.length ? await this.ds.getRepository(Withdrawal).findBy({ id: In(open.map((w) => w.id)) }) : [];
    return { checked: open.length, paid: after.filter((w) => w.status === 'PAID').length, failed: after.filter((w) => w.status === 'FAILED').length };
  }

  /** WeChat's transfer notification: verified, then WeChat is asked (the notice is only a hint). */
  async handleNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<{ status: number; body: unknown }> {
    let outBillNo: string;
    try {
      const n = this.wechatPay.parseNotification<{ out_bill_no: string }>(headers, rawBody);
      outBillNo = n.resource.out_bill_no;
    } catch (e) {
      if (!(e instanceof WechatSignatureError)) throw e;
      this.logger.warn({ err: e }, 'transfer notification rejected');
      return { status: 401, body: { code: 'FAIL', message: 'signature verification failed' } };
    }
    const bill = await this.wechatPay.queryTransfer(outBillNo);
    if (bill) await this.resolve(outBillNo, bill);
    return { status: 200, body: { code: 'SUCCESS' } };
  }

  private async pending(tx: Tx, id: number): Promise<Withdrawal> {
    const w = await tx.em.findOneBy(Withdrawal, { id });
    if (!w) throw notFound('提现申请');
    if (w.status !== 'PENDING') throw this.notPending();
    return w;
  }

  private notPending() {
    return conflict('INVALID_STATE', '这笔提现已处理过了');
  }

  private async giveBack(tx: Tx, d: Distributor, w: Withdrawal, memo: string): Promise<void> {
    await this.ledger.post(tx, d, { kind: 'UNFREEZE', movement: { frozenDelta: -w.amountCents, ...creditAvailable(d.owedCents, w.amountCents) }, dedupeKey: `unfreeze:withdrawal:${w.id}`, withdrawalId: w.id, memo });
  }

  private async adminViews(rows: Withdrawal[]): Promise<AdminWithdrawalView[]> {
    if (rows.length === 0) return [];
    const ds = new Map((await this.ds.getRepository(Distributor).findBy({ id: In(rows.map((r) => r.distributorId)) })).map((d) => [d.id, d]));
    const cs = new Map((await this.ds.getRepository(Customer).findBy({ id: In([...ds.values()].map((d) => d.customerId)) })).map((c) => [c.id, c]));
    return rows.map((w) => {
      const d = ds.get(w.distributorId)!;
      return {
        ...withdrawalView(w),
        distributorId: w.distributorId,
        nickname: cs.get(d.customerId)?.nickname ?? '',
        refCode: d.refCode ?? '',
        outBatchNo: w.status === 'PENDING' || w.status === 'REJECTED' ? null : w.outBatchNo,
      };
    });
  }
}
