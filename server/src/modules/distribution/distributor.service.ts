import { Injectable } from '@nestjs/common';
import { makeCode, REF_CODE_LENGTH, type AdminDistributorView, type DistributorBalances, type DistributorMe, type DistributorStatus } from '@mc/shared';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { Paged } from '../../common/pagination';
import { isDuplicateKey, rowLock, withTx, type Tx } from '../../common/tx';
import { CustomerService } from '../customer/customer.service';
import { Customer } from '../customer/entities/customer.entity';
import { BuyerService } from '../membership/buyer.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { DistributionStatsService } from './distribution-stats.service';
import { AdminDistributorQuery } from './dto/distribution.dto';
import { Distributor } from './entities/distributor.entity';

export const DEMO_REF_CODE = 'DEMO01';

const STATUS_LABEL: Record<Exclude<DistributorStatus, 'NONE'>, string> = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过', DISABLED: '已停用' };

export const balancesOf = (d: Pick<Distributor, 'pendingCents' | 'availableCents' | 'frozenCents' | 'withdrawnCents' | 'owedCents'> | null): DistributorBalances => ({
  pendingCents: d?.pendingCents ?? 0,
  availableCents: d?.availableCents ?? 0,
  frozenCents: d?.frozenCents ?? 0,
  withdrawnCents: d?.withdrawnCents ?? 0,
  owedCents: d?.owedCents ?? 0,
});

/** Draws ref codes (a class of its own so a test can make it draw a taken one). */
@Injectable()
export class RefCodes {
  draw(): string {
    return makeCode(REF_CODE_LENGTH, (n) => randomInt(n));
  }
}

/**
 * Distributors as people: applying, staff review (approve, reject, disable, enable, guide), the
 * ref code given at the first approval. Every staff action is audited in its transaction.
 */
@Injectable()
export class DistributorService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly buyers: BuyerService,
    private readonly audit: AuditService,
    private readonly stats: DistributionStatsService,
    private readonly refCodes: RefCodes,
    private readonly customers: CustomerService,
  ) {}

  /** The demo store's approved distributor with the ref code DEMO01 (api.md); skipped when it exists. */
  async seedDemo(): Promise<boolean> {
    if (await this.ds.getRepository(Distributor).existsBy({ refCode: DEMO_REF_CODE })) return false;
    const now = this.clock.now();
    await this.customers.createOnFirstLogin({ openid: 'demo-distributor', unionid: null, signupRef: null, at: now });
    const c = await this.ds.getRepository(Customer).findOneByOrFail({ openid: 'demo-distributor' });
    await this.ds.getRepository(Customer).update({ id: c.id }, { nickname: '小美' });
    await this.ds.getRepository(Distributor).insert({
      customerId: c.id,
      status: 'APPROVED',
      refCode: DEMO_REF_CODE,
      isGuide: false,
      reason: '示例分销员',
      rejectReason: null,
      appliedAt: now,
      reviewedAt: now,
      reviewedBy: null,
    });
    return true;
  }

  async me(customerId: number): Promise<DistributorMe> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ customerId });
    const s = await this.settings.get();
    return {
      status: d?.status ?? 'NONE',
      refCode: d?.refCode ?? null,
      isGuide: d?.isGuide ?? false,
      reason: d?.reason ?? null,
      rejectReason: d?.rejectReason ?? null,
      appliedAt: d?.appliedAt.toISOString() ?? null,
      reviewedAt: d?.reviewedAt?.toISOString() ?? null,
      balances: balancesOf(d),
      stats: d ? ((await this.stats.statsFor([d.id])).get(d.id) ?? this.stats.empty()) : this.stats.empty(),
      withdrawalRules: { minCents: s.withdrawMinCents, dailyCapCents: s.withdrawDailyCapCents },
    };
  }

  /**
   * Apply (again after a rejection). A paid member is approved at once when the store says so.
   * 409 INVALID_STATE while pending, once approved, or when disabled.
   */
  async apply(customerId: number, reason: string): Promise<DistributorMe> {
    const s = await this.settings.get();
    const auto = s.distributorAutoApproveMembers && (await this.buyers.of(this.ds.manager, customerId)).pricing.isMember;
    await this.withRefCodeRetry(async (tx) => {
      const { em } = tx;
      const now = this.clock.now();
      const d = await em.findOne(Distributor, { where: { customerId }, lock: rowLock(em) });
      if (d && d.status !== 'REJECTED') {
        throw conflict('INVALID_STATE', d.status === 'PENDING' ? '申请已提交，请等待审核' : d.status === 'APPROVED' ? '你已经是分销员了' : '你的分销员资格已停用，请联系商家');
      }
      const review = auto ? { status: 'APPROVED' as const, reviewedAt: now, refCode: d?.refCode ?? (await this.freeCode(tx)) } : { status: 'PENDING' as const, reviewedAt: null };
      if (d) await em.update(Distributor, { id: d.id }, { reason, rejectReason: null, appliedAt: now, reviewedBy: null, ...review });
      else await em.insert(Distributor, { customerId, reason, appliedAt: now, isGuide: false, rejectReason: null, reviewedBy: null, refCode: null, ...review });
    });
    return this.me(customerId);
  }

  async list(q: AdminDistributorQuery): Promise<Paged<AdminDistributorView>> {
    const qb = this.ds
      .getRepository(Distributor)
      .createQueryBuilder('d')
      .innerJoin(Customer, 'c', 'c.id = d.customerId')
      .orderBy('d.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.q) qb.andWhere('(c.nickname LIKE :q OR d.refCode = :code OR c.phone LIKE :q)', { q: `%${q.q.replace(/[%_\\]/g, '\\$&')}%`, code: q.q.toUpperCase() });
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.adminViews(rows), total };
  }

  async view(id: number): Promise<AdminDistributorView> {
    const d = await this.ds.getRepository(Distributor).findOneBy({ id });
    if (!d) throw notFound('分销员');
    return (await this.adminViews([d]))[0];
  }

  approve(staffId: number, id: number) {
    return this.review(staffId, id, 'approve', ['PENDING', 'REJECTED'], async (tx, d) => ({ status: 'APPROVED', rejectReason: null, refCode: d.refCode ?? (await this.freeCode(tx)) }));
  }

  reject(staffId: number, id: number, reason: string) {
    return this.review(staffId, id, 'reject', ['PENDING'], async () => ({ status: 'REJECTED', rejectReason: reason }));
  }

  disable(staffId: number, id: number) {
    return this.review(staffId, id, 'disable', ['APPROVED'], async () => ({ status: 'DISABLED' }));
  }

  enable(staffId: number, id: number) {
    return this.review(staffId, id, 'enable', ['DISABLED'], async () => ({ status: 'APPROVED' }));
  }

  setGuide(staffId: number, id: number, isGuide: boolean) {
    return this.review(staffId, id, 'guide', ['PENDING', 'APPROVED', 'REJECTED', 'DISABLED'], async () => ({ isGuide }));
  }

  /** A staff decision: allowed from `from`, applied under the row lock, audited before → after. */
  private async review(
    staffId: number,
    id: number,
    action: string,
    from: Distributor['status'][],
    change: (tx: Tx, d: Distributor) => Promise<Partial<Distributor>>,
  ): Promise<AdminDistributorView> {
    await this.withRefCodeRetry(async (tx) => {
      const { em } = tx;
      const d = await em.findOne(Distributor, { where: { id }, lock: rowLock(em) });
      if (!d) throw notFound('分销员');
      if (!from.includes(d.status)) throw conflict('INVALID_STATE', `该分销员当前为「${STATUS_LABEL[d.status]}」，不能执行此操作`);
      const set = await change(tx, d);
      const statusChange = set.status !== undefined ? { reviewedAt: this.clock.now(), reviewedBy: staffId } : {};
      await em.update(Distributor, { id }, { ...set, ...statusChange });
      const before = { status: d.status, isGuide: d.isGuide, refCode: d.refCode };
      await this.audit.record(em, { staffId, action: `distributor.${action}`, targetType: 'distributor', targetId: id, before, after: { ...before, ...set } });
    });
    return this.view(id);
  }

  /** A code nobody has (read first; the unique index is the last guard, see withRefCodeRetry). */
  private async freeCode(tx: Tx): Promise<string> {
    for (let i = 0; i < 10; i++) {
      const code = this.refCodes.draw();
      if (!(await tx.em.existsBy(Distributor, { refCode: code }))) return code;
    }
    throw new Error('no free ref code after 10 draws');
  }

  /** Two approvals drawing the same free code at once: the unique index refuses one, which runs again with a new draw. */
  private async withRefCodeRetry(work: (tx: Tx) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withTx(this.ds, work);
      } catch (e) {
        if (attempt >= 5 || !isDuplicateKey(e) || !String((e as Error).message).includes('ref_code')) throw e;
      }
    }
  }

  private async adminViews(rows: Distributor[]): Promise<AdminDistributorView[]> {
    if (rows.length === 0) return [];
    const customers = new Map((await this.ds.getRepository(Customer).findBy(rows.map((r) => ({ id: r.customerId })))).map((c) => [c.id, c]));
    const stats = await this.stats.statsFor(rows.map((r) => r.id));
    return rows.map((d) => {
      const c = customers.get(d.customerId);
      return {
        id: d.id,
        customerId: d.customerId,
        nickname: c?.nickname ?? '',
        phoneTail: c?.phone ? c.phone.slice(-4) : null,
        status: d.status,
        refCode: d.refCode,
        isGuide: d.isGuide,
        reason: d.reason || null,
        rejectReason: d.rejectReason,
        appliedAt: d.appliedAt.toISOString(),
        reviewedAt: d.reviewedAt?.toISOString() ?? null,
        stats: stats.get(d.id) ?? this.stats.empty(),
        balances: balancesOf(d),
      };
    });
  }
}
