import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  clawBack,
  commissionLines,
  commissionRateBp,
  creditAvailable,
  prorate,
  sumKept,
  sumRemainingBase,
  type CommissionLine,
  type CommissionRules,
  type CommissionView,
} from '@mc/shared';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock, DAY_MS } from '../../common/clock';
import { badRequest } from '../../common/errors';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { isDuplicateKey, rowLock, withTx, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { Customer } from '../customer/entities/customer.entity';
import { JobRegistry } from '../jobs/job-registry.service';
import { compareAndSet } from '../order/compare-and-set';
import { OrderLine } from '../order/entities/order-line.entity';
import type { Order } from '../order/entities/order.entity';
import type { Refund } from '../order/entities/refund.entity';
import { OrderEvents } from '../order/order-events';
import { StoreSettings, StoreSettingsService } from '../settings/store-settings.service';
import { CommissionLedgerService } from './commission-ledger.service';
import { CommissionRulesDto } from './dto/distribution.dto';
import { Commission } from './entities/commission.entity';
import { Distributor } from './entities/distributor.entity';
import { ReferralService } from './referral.service';

export const rulesOf = (s: StoreSettings): CommissionRules => ({
  defaultRateBp: s.commissionDefaultRateBp,
  level2Enabled: s.commissionLevel2Enabled,
  level2RateBp: s.commissionLevel2RateBp,
  bindingMode: s.referralBindingMode,
  bindingDays: s.referralBindingDays,
  settleAfterDays: s.commissionSettleAfterDays,
  autoApproveMembers: s.distributorAutoApproveMembers,
  withdrawMinCents: s.withdrawMinCents,
  withdrawDailyCapCents: s.withdrawDailyCapCents,
  categoryRates: s.commissionCategoryRates.map((r) => ({ ...r })),
  productRates: s.commissionProductRates.map((r) => ({ ...r })),
});

/**
 * Commission (domain.md "KOC distributors"): created PENDING when an order is paid (order event
 * handler `commission`), one row per beneficiary, line by line on the cash paid; reduced line by
 * line when a refund completes; SETTLED by the `settle-commission` job once the after-sale window
 * after completion has closed. Every change of money goes through CommissionLedgerService under
 * the distributor's row lock, taken before the commission row's.
 */
@Injectable()
export class CommissionService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly events: OrderEvents,
    private readonly jobs: JobRegistry,
    private readonly ledger: CommissionLedgerService,
    private readonly referrals: ReferralService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.register('commission', {
      paid: (tx, { order }) => this.accrue(tx, order),
      completed: (tx, { order }) => this.markCompleted(tx, order),
      refunded: (tx, { order, refund }) => this.reduceForRefund(tx, order, refund),
    });
    this.jobs.register({ name: 'settle-commission', description: 'settle pending commission whose after-sale window has closed', everyMs: 10 * 60_000, run: () => this.settleDue() });
  }

  /** An order was paid: its buyer's distributor (and theirs, with level 2 on) earn on every line's cash paid. */
  async accrue(tx: Tx, order: Order): Promise<void> {
    const now = this.clock.now();
    const d1 = await this.referrals.activeDistributor(tx, order.customerId, now);
    if (!d1 || d1.customerId === order.customerId) return;
    const s = await this.settings.get(tx.em);
    const rules = rulesOf(s);
    const lines = (await tx.em.find(OrderLine, { where: { orderId: order.id }, order: { id: 'ASC' } })).map((l) => ({
      orderLineId: l.id,
      cashPaidCents: l.cashPaidCents,
      productId: l.productId,
      categoryId: l.categoryId,
    }));
    const beneficiaries: { d: Distributor; level: 1 | 2; lines: CommissionLine[] }[] = [{ d: d1, level: 1, lines: commissionLines(lines, (l) => commissionRateBp(l, rules)) }];
    if (rules.level2Enabled) {
      const d2 = await this.referrals.activeDistributor(tx, d1.customerId, now);
      if (d2 && d2.id !== d1.id && d2.customerId !== order.customerId) beneficiaries.push({ d: d2, level: 2, lines: commissionLines(lines, () => rules.level2RateBp) });
    }
    const locked = await this.ledger.lockAll(tx, beneficiaries.map((b) => b.d.id));
    for (const b of beneficiaries) {
      const amountCents = b.lines.reduce((sum, l) => sum + l.amountCents, 0);
      let id: number;
      try {
        id = await tx.insert(
          Commission,
          [
            {
              orderId: order.id,
              orderNo: order.orderNo,
              buyerId: order.customerId,
              distributorId: b.d.id,
              level: b.level,
              status: 'PENDING',
              lines: b.lines,
              baseCents: sumRemainingBase(b.lines),
              amountCents,
              originalAmountCents: amountCents,
              completedAt: null,
              createdAt: now,
              settledAt: null,
            },
          ],
          { alone: true },
        );
      } catch (e) {
        if (isDuplicateKey(e)) return; // accrued before (the unique (orderId, level) key)
        throw e;
      }
      await this.ledger.post(tx, locked.get(b.d.id)!, {
        kind: 'ACCRUE',
        movement: { pendingDelta: amountCents },
        dedupeKey: `accrue:commission:${id}`,
        commissionId: id,
        memo: `订单 ${order.orderNo} ${b.level === 1 ? '' : '二级'}佣金`,
      });
    }
  }

  /** The order completed: the after-sale window (and so settlement) counts from now. */
  async markCompleted(tx: Tx, order: Order): Promise<void> {
    const set = sql.assignments(tx.em, Commission, { completedAt: order.completedAt ?? this.clock.now() });
    await tx.later(`UPDATE ${sql.table(tx.em, Commission)} SET ${set.clause} WHERE orderId = ? AND completedAt IS NULL`, [...set.params, order.id]);
  }

  /**
   * A refund completed: each commission of the order keeps, per line, its share of the cash not
   * refunded (shared `commissionKept`). Pending commission shrinks (CANCELLED when nothing is
   * left); commission already settled or withdrawn is clawed back from the available balance, and
   * what that cannot cover is recorded as owed.
   */
  async reduceForRefund(tx: Tx, order: Order, refund: Refund): Promise<void> {
    const { em } = tx;
    const found = await em.find(Commission, { select: { id: true, distributorId: true }, where: { orderId: order.id } });
    if (found.length === 0) return;
    const locked = await this.ledger.lockAll(tx, found.map((c) => c.distributorId));
    for (const { id } of found) {
      const c = await em.findOneOrFail(Commission, { where: { id }, lock: rowLock(em) });
      if (c.status === 'CANCELLED') continue;
      const cash = this.refundedCashByLine(c.lines, refund);
      const lines = c.lines.map((l) => ({ ...l, refundedCents: Math.min(l.baseCents, l.refundedCents + (cash.get(l.orderLineId) ?? 0)) }));
      const kept = sumKept(lines);
      const taken = c.amountCents - kept;
      const baseCents = sumRemainingBase(lines);
      const status = c.status === 'PENDING' && baseCents === 0 ? 'CANCELLED' : c.status;
      await em.update(Commission, { id }, { lines, baseCents, amountCents: kept, status });
      if (taken <= 0) continue;
      const d = locked.get(c.distributorId)!;
      const pending = c.status === 'PENDING';
      await this.ledger.post(tx, d, {
        kind: pending ? 'REDUCE' : 'CLAWBACK',
        movement: pending ? { pendingDelta: -taken } : clawBack(d.availableCents, taken),
        dedupeKey: `reduce:refund:${refund.id}:commission:${id}`,
        commissionId: id,
        memo: `退款 ${refund.refundNo}，订单 ${order.orderNo} 佣金减少`,
      });
    }
  }

  /** The refund's cash by order line: its lines as refunded, or (a card refund without lines) its goods amount spread over what is left. */
  private refundedCashByLine(lines: readonly CommissionLine[], refund: Refund): Map<number, number> {
    if (refund.lines.length > 0) {
      const out = new Map<number, number>();
      for (const r of refund.lines) out.set(r.orderLineId, (out.get(r.orderLineId) ?? 0) + r.amountCents);
      return out;
    }
    const left = lines.map((l) => Math.max(l.baseCents - l.refundedCents, 0));
    const goods = Math.min(Math.max(refund.amountCents - refund.shippingCents, 0), left.reduce((s, x) => s + x, 0));
    const shares = left.some((x) => x > 0) ? prorate(goods, left) : left.map(() => 0);
    return new Map(lines.map((l, i) => [l.orderLineId, shares[i]]));
  }

  /**
   * The `settle-commission` job: pending commission of orders completed at least the settle days
   * ago becomes available (paying off what is owed first). Each row in its own transaction, moved
   * by compare-and-set under the distributor's lock, so two runs at once settle each row once.
   */
  async settleDue(): Promise<{ settled: number }> {
    const { commissionSettleAfterDays } = await this.settings.get();
    const cutoff = new Date(this.clock.now().getTime() - commissionSettleAfterDays * DAY_MS);
    const due = await this.ds.getRepository(Commission).find({
      select: { id: true, distributorId: true },
      where: { status: 'PENDING', completedAt: LessThanOrEqual(cutoff) },
      order: { id: 'ASC' },
      take: 500,
    });
    let settled = 0;
    for (const { id, distributorId } of due) {
      const done = await withTx(this.ds, async (tx) => {
        const d = await this.ledger.lock(tx, distributorId);
        const now = this.clock.now();
        if (!(await compareAndSet(tx, Commission, id, 'PENDING', { status: 'SETTLED', settledAt: now }))) return false;
        const c = await tx.em.findOneByOrFail(Commission, { id });
        await this.ledger.post(tx, d, {
          kind: 'SETTLE',
          movement: { pendingDelta: -c.amountCents, ...creditAvailable(d.owedCents, c.amountCents) },
          dedupeKey: `settle:commission:${id}`,
          commissionId: id,
          memo: `订单 ${c.orderNo} 佣金结算`,
        });
        return true;
      });
      if (done) settled++;
    }
    return { settled };
  }

  /**
   * A payout went out: the distributor's oldest settled commissions that the money paid out so far
   * covers become WITHDRAWN (the balances moved already; this is the rows' label).
   */
  async markWithdrawn(tx: Tx, d: Distributor): Promise<void> {
    const rows = await tx.em.find(Commission, { select: { id: true, amountCents: true, status: true }, where: { distributorId: d.id, status: In(['SETTLED', 'WITHDRAWN']) }, order: { id: 'ASC' } });
    let budget = d.withdrawnCents - rows.filter((r) => r.status === 'WITHDRAWN').reduce((s, r) => s + r.amountCents, 0);
    const ids: number[] = [];
    for (const r of rows.filter((x) => x.status === 'SETTLED')) {
      if (r.amountCents > budget) break;
      budget -= r.amountCents;
      ids.push(r.id);
    }
    if (ids.length) await tx.em.update(Commission, { id: In(ids), status: 'SETTLED' }, { status: 'WITHDRAWN' });
  }

  /** The customer's own commission records (none when they are not a distributor), newest first. */
  async listOwn(customerId: number, status: Commission['status'] | undefined, q: PageQuery): Promise<Paged<CommissionView>> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ customerId });
    if (!d) return { items: [], total: 0 };
    const distributorId = d.id;
    const [rows, total] = await this.ds.getRepository(Commission).findAndCount({
      where: { distributorId, ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      ...skipTake(q),
    });
    const buyers = new Map((rows.length ? await this.ds.getRepository(Customer).findBy({ id: In(rows.map((r) => r.buyerId)) }) : []).map((c) => [c.id, c.nickname]));
    return {
      items: rows.map((c) => ({
        id: c.id,
        orderId: c.orderId,
        orderNo: c.orderNo,
        level: c.level,
        baseCents: c.baseCents,
        amountCents: c.amountCents,
        status: c.status,
        buyerNickname: maskNickname(buyers.get(c.buyerId) ?? ''),
        createdAt: c.createdAt.toISOString(),
        settledAt: c.settledAt?.toISOString() ?? null,
      })),
      total,
    };
  }

  async rules(): Promise<CommissionRules> {
    return rulesOf(await this.settings.get());
  }

  /** Staff replace the rules whole: validated (refused, never clamped), audited before → after. */
  async setRules(staffId: number, dto: CommissionRulesDto): Promise<CommissionRules> {
    const dupCategory = dto.categoryRates.find((r, i) => dto.categoryRates.findIndex((x) => x.categoryId === r.categoryId) !== i);
    if (dupCategory) throw badRequest(`分类 ${dupCategory.categoryId} 的佣金比例重复`, { fields: [{ field: 'categoryRates', problems: ['分类重复'] }] });
    const dupProduct = dto.productRates.find((r, i) => dto.productRates.findIndex((x) => x.productId === r.productId) !== i);
    if (dupProduct) throw badRequest(`商品 ${dupProduct.productId} 的佣金比例重复`, { fields: [{ field: 'productRates', problems: ['商品重复'] }] });
    if (dto.withdrawMinCents > dto.withdrawDailyCapCents) {
      throw badRequest('最低提现金额不能高于每日提现上限', { fields: [{ field: 'withdrawMinCents', problems: ['不能高于每日提现上限'] }] });
    }
    return withTx(this.ds, async (tx) => {
      const before = rulesOf(await this.settings.get(tx.em));
      await this.settings.set(tx.em, {
        commissionDefaultRateBp: dto.defaultRateBp,
        commissionLevel2Enabled: dto.level2Enabled,
        commissionLevel2RateBp: dto.level2RateBp,
        referralBindingMode: dto.bindingMode,
        referralBindingDays: dto.bindingDays,
        commissionSettleAfterDays: dto.settleAfterDays,
        distributorAutoApproveMembers: dto.autoApproveMembers,
        withdrawMinCents: dto.withdrawMinCents,
        withdrawDailyCapCents: dto.withdrawDailyCapCents,
        commissionCategoryRates: dto.categoryRates.map((r) => ({ categoryId: r.categoryId, rateBp: r.rateBp })),
        commissionProductRates: dto.productRates.map((r) => ({ productId: r.productId, rateBp: r.rateBp })),
      });
      const after = rulesOf(await this.settings.get(tx.em));
      await this.audit.record(tx.em, { staffId, action: 'commission-rules.update', targetType: 'store_setting', targetId: 'commission-rules', before, after });
      return after;
    });
  }
}

/** A buyer as a distributor sees them: 张** (their own customers' full names are not theirs to read). */
export function maskNickname(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}**`;
}
