import { Injectable } from '@nestjs/common';
import {
  checkIn,
  checkInRulesProblems,
  currentStreak,
  daysOfMonth,
  makeUp,
  nextMilestone,
  storeDayAt,
  type CheckInCalendar,
  type CheckInResponse,
  type CheckInRules,
  type CheckInRulesView,
  type MakeUpCheckInResponse,
} from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict } from '../../common/errors';
import { isDuplicateKey, withTx, type Tx } from '../../common/tx';
import { BuyerService } from '../membership/buyer.service';
import { PointsService } from '../points/points.service';
import { StoreSettings, StoreSettingsService } from '../settings/store-settings.service';
import { CheckInRulesDto } from './dto/check-in.dto';
import { CheckIn } from './entities/check-in.entity';

const rulesOf = (s: StoreSettings): CheckInRulesView => ({
  dailyPoints: s.checkInDailyPoints,
  milestones: s.checkInMilestones.map((x) => ({ day: x.day, bonusPoints: x.bonusPoints })),
  makeUpEnabled: s.checkInMakeUpEnabled,
  makeUpCostPoints: s.checkInMakeUpCostPoints,
});

const alreadyCheckedIn = () => conflict('ALREADY_CHECKED_IN', '今天已经签到过了，明天再来吧');
const clockBehind = () => conflict('INVALID_STATE', '当前日期早于上次签到的日期，暂不能签到');

/**
 * The daily check-in (domain.md "Check-in"; the rules are `shared/src/points/check-in.ts`).
 * Every check-in and make-up runs under the customer's points-account lock (PointsService.lockAccount),
 * so one customer's check-ins happen one after the other and each sees the days before it; the
 * unique key on (customerId, storeDay) and the ledger's dedupeKey `check-in:<customerId>:<storeDay>`
 * are the guards behind that. Days are store days in the store's time zone, from the Clock.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly points: PointsService,
    private readonly buyers: BuyerService,
    private readonly audit: AuditService,
  ) {}

  async checkIn(customerId: number): Promise<CheckInResponse> {
    const settings = await this.settings.get();
    const today = storeDayAt(settings.timezone, this.clock.now());
    // a paid member (card active) gets the tier's multiplier; everyone else 1×
    const { pricing } = await this.buyers.of(this.ds.manager, customerId);
    const multiplierBp = pricing.isMember ? pricing.tierPointsMultiplierBp : 10_000;
    return withTx(this.ds, async (tx) => {
      const account = await this.points.lockAccount(tx, customerId);
      const o = checkIn(await this.daysOf(tx.em, customerId), today, rulesOf(settings), multiplierBp);
      if (!o.ok) throw o.reason === 'ALREADY_CHECKED_IN' ? alreadyCheckedIn() : clockBehind();
      await this.insertDay(tx, { customerId, storeDay: today, streak: o.streak, pointsAwarded: o.pointsAwarded, madeUp: false });
      let balance = account.balance;
      if (o.pointsAwarded > 0) {
        const bonus = o.bonusPoints > 0 ? `，连续 ${o.streak} 天奖励 ${o.bonusPoints}` : '';
        const times = o.multiplierBp !== 10_000 ? `，会员 ${o.multiplierBp / 10_000} 倍` : '';
        ({ balance } = await this.points.post(tx, {
          customerId,
          delta: o.pointsAwarded,
          kind: 'CHECK_IN',
          dedupeKey: `check-in:${customerId}:${today}`,
          memo: `${today} 签到${bonus}${times}`,
        }));
      }
      return { pointsAwarded: o.pointsAwarded, streak: o.streak, balance, date: today };
    });
  }

  async makeUp(customerId: number, date: string): Promise<MakeUpCheckInResponse> {
    const settings = await this.settings.get();
    const today = storeDayAt(settings.timezone, this.clock.now());
    return withTx(this.ds, async (tx) => {
      const account = await this.points.lockAccount(tx, customerId);
      const o = makeUp(await this.daysOf(tx.em, customerId), date, today, rulesOf(settings));
      if (!o.ok) {
        const why = {
          MAKE_UP_OFF: '补签未开启',
          NOT_A_MISSED_DAY: '只能补签本月今天以前漏签的日期',
          ALREADY_CHECKED_IN: '这一天已经签到过了',
          BEFORE_LAST_CHECK_IN: '当前日期早于上次签到的日期，暂不能补签',
        }[o.reason];
        throw conflict('INVALID_STATE', why, { reason: o.reason });
      }
      let balance = account.balance;
      // the price first: 409 INSUFFICIENT_POINTS when the balance does not cover it (before the day's points)
      if (o.costPoints > 0) {
        ({ balance } = await this.points.post(tx, { customerId, delta: -o.costPoints, kind: 'SPEND', dedupeKey: `check-in-cost:${customerId}:${date}`, memo: `补签 ${date}` }));
      }
      await this.insertDay(tx, { customerId, storeDay: date, streak: o.streak, pointsAwarded: o.pointsAwarded, madeUp: true });
      if (o.pointsAwarded > 0) {
        ({ balance } = await this.points.post(tx, { customerId, delta: o.pointsAwarded, kind: 'CHECK_IN', dedupeKey: `check-in:${customerId}:${date}`, memo: `${date} 补签` }));
      }
      return { pointsAwarded: o.pointsAwarded, streak: o.currentStreak, balance, date, costPoints: o.costPoints };
    });
  }

  /** The month's calendar (default: the current store month), the current streak, the next milestone and the rules. */
  async calendar(customerId: number, month?: string): Promise<CheckInCalendar> {
    const settings = await this.settings.get();
    const rules = rulesOf(settings);
    const today = storeDayAt(settings.timezone, this.clock.now());
    const m = month ?? today.slice(0, 7);
    const rows = await this.ds.getRepository(CheckIn).find({ where: { customerId }, select: { storeDay: true, pointsAwarded: true, madeUp: true } });
    const byDay = new Map(rows.map((r) => [r.storeDay, r]));
    const checked = new Set(byDay.keys());
    const streak = currentStreak(checked, today);
    return {
      month: m,
      today,
      checkedInToday: checked.has(today),
      streak,
      days: daysOfMonth(m).map((date) => {
        const r = byDay.get(date);
        return { date, checkedIn: !!r, points: r?.pointsAwarded ?? 0, madeUp: r?.madeUp ?? false };
      }),
      nextMilestone: nextMilestone(streak, rules),
      rules,
    };
  }

  async rules(): Promise<CheckInRulesView> {
    return rulesOf(await this.settings.get());
  }

  /** Staff replace the rules: validated (never clamped), audited before → after in the same transaction, in force for the next check-in. */
  async setRules(staffId: number, dto: CheckInRulesDto): Promise<CheckInRulesView> {
    const next: CheckInRules = {
      dailyPoints: dto.dailyPoints,
      milestones: [...dto.milestones].map((x) => ({ day: x.day, bonusPoints: x.bonusPoints })).sort((a, b) => a.day - b.day),
      makeUpEnabled: dto.makeUpEnabled,
      makeUpCostPoints: dto.makeUpCostPoints,
    };
    const problems = checkInRulesProblems(next);
    if (problems.length) {
      throw badRequest(problems.map((p) => `${p.field}: ${p.problem}`).join('；'), { fields: problems.map((p) => ({ field: p.field, problems: [p.problem] })) });
    }
    const after = await withTx(this.ds, async (tx) => {
      const before = rulesOf(await this.settings.get(tx.em));
      await this.settings.set(tx.em, {
        checkInDailyPoints: next.dailyPoints,
        checkInMilestones: [...next.milestones],
        checkInMakeUpEnabled: next.makeUpEnabled,
        checkInMakeUpCostPoints: next.makeUpCostPoints,
      });
      const saved = rulesOf(await this.settings.get(tx.em));
      await this.audit.record(tx.em, { staffId, action: 'check-in-rules.update', targetType: 'store_setting', targetId: 'check-in-rules', before, after: saved });
      return saved;
    });
    return after;
  }

  /** The days the customer checked in (made-up ones included), read under the account lock (so the latest). */
  private async daysOf(em: EntityManager, customerId: number): Promise<Set<string>> {
    const rows = await em.find(CheckIn, { where: { customerId }, select: { storeDay: true } });
    return new Set(rows.map((r) => r.storeDay));
  }

  private async insertDay(tx: Tx, row: Omit<CheckIn, 'id' | 'createdAt'>): Promise<void> {
    try {
      await tx.insert(CheckIn, [{ ...row, createdAt: this.clock.now() }], { alone: true });
    } catch (e) {
      if (isDuplicateKey(e)) throw row.madeUp ? conflict('INVALID_STATE', '这一天已经签到过了') : alreadyCheckedIn();
      throw e;
    }
  }
}
