import { Injectable } from '@nestjs/common';
import type { PointsAdjustmentResult, PointsRulesView } from '@mc/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { notFound } from '../../common/errors';
import { rowLock, withTx } from '../../common/tx';
import { Customer } from '../customer/entities/customer.entity';
import { StoreSettingsService, type StoreSettings } from '../settings/store-settings.service';
import { PointsAdjustmentDto, PointsRulesDto } from './dto/points-admin.dto';
import { PointsLedger } from './entities/points-ledger.entity';
import { ledgerView, PointsService } from './points.service';

const rulesOf = (s: StoreSettings): PointsRulesView => ({
  pointsValueCentsPer100: s.pointsValueCentsPer100,
  pointsMaxSpendBp: s.pointsMaxSpendBp,
  pointsPerYuanEarned: s.pointsPerYuanEarned,
  pointsEarnOn: s.pointsEarnOn,
  pointsExpiryYears: s.pointsExpiryYears,
  birthdayGiftPoints: s.birthdayGiftPoints,
});

/** Staff and points: adjustments of a customer's points and the store's points rules, both audited. */
@Injectable()
export class PointsAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly points: PointsService,
    private readonly settings: StoreSettingsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A staff adjustment: one ADJUST entry, key `adjust:customer:<id>:<n>` for the customer's n-th
   * adjustment (counted under the account's lock), audited in the same transaction. A negative one
   * beyond the balance is 409 INSUFFICIENT_POINTS; a positive one is a credit that expires like any
   * other. Each request is a new adjustment.
   */
  async adjust(staffId: number, customerId: number, dto: PointsAdjustmentDto): Promise<PointsAdjustmentResult> {
    const reason = dto.reason.trim();
    return withTx(this.ds, async (tx) => {
      if (!(await tx.em.findOne(Customer, { where: { id: customerId }, select: { id: true }, lock: rowLock(tx.em, 'pessimistic_read') }))) throw notFound('顾客');
      // The account's lock orders the adjustments of one customer. Everything before the count is a locking read, so
      // InnoDB takes the transaction's snapshot at the count, after the lock: it sees every adjustment committed before.
      // (A locking count would take gap locks on the ledger index, and parallel adjustments of different customers
      // would deadlock on each other's inserts.)
      await this.points.lockAccount(tx, customerId);
      const count = await tx.em.countBy(PointsLedger, { customerId, kind: 'ADJUST' });
      const dedupeKey = `adjust:customer:${customerId}:${count + 1}`;
      const res = await this.points.post(tx, { customerId, delta: dto.points, kind: 'ADJUST', dedupeKey, memo: `人工调整：${reason}` });
      if (!res.posted) throw new Error(`points adjustment ${dedupeKey} was posted before`);
      const entry = await tx.em.findOneByOrFail(PointsLedger, { dedupeKey });
      await this.audit.record(tx.em, {
        staffId,
        action: 'points.adjust',
        targetType: 'customer',
        targetId: customerId,
        after: { points: dto.points, reason, balance: res.balance, entryId: entry.id },
      });
      return { entry: ledgerView(entry), balance: res.balance };
    });
  }

  async rules(): Promise<PointsRulesView> {
    return rulesOf(await this.settings.get());
  }

  /** Replaces the points rules (every field; the DTO refuses, never clamps), audited before → after; in force at once. */
  async setRules(staffId: number, dto: PointsRulesDto): Promise<PointsRulesView> {
    return withTx(this.ds, async (tx) => {
      const before = rulesOf(await this.settings.get(tx.em));
      await this.settings.set(tx.em, { ...rulesOf({ ...(await this.settings.get(tx.em)), ...dto }) });
      const after = rulesOf(await this.settings.get(tx.em));
      await this.audit.record(tx.em, { staffId, action: 'points-rules.update', targetType: 'store_setting', targetId: 'points-rules', before, after });
      return after;
    });
  }
}
